package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/read"
)

// writeTSV writes rows of zh\ten pairs from the seed (sentencePairs);
// emptyAt and raggedAt hold the 1-based lines
// that get an empty target or a third field instead, longAt those whose
// target is over 2,000 characters.
func writeTSV(t *testing.T, path string, rows int, emptyAt, raggedAt, longAt map[int]bool) {
	pairs := sentencePairs(t)
	rng := rand.New(rand.NewSource(7))
	var b strings.Builder
	for line := 1; line <= rows; line++ {
		p := pairs[rng.Intn(len(pairs))]
		switch {
		case emptyAt[line]:
			fmt.Fprintf(&b, "%s\t\n", p[0])
		case raggedAt[line]:
			fmt.Fprintf(&b, "%s\t%s\textra\n", p[0], p[1])
		case longAt[line]:
			fmt.Fprintf(&b, "%s\t%s\n", p[0], strings.Repeat(p[1]+" ", 2000/len(p[1])+1))
		default:
			fmt.Fprintf(&b, "%s\t%s\n", p[0], p[1])
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeTMX writes a TMX 1.4 file of units zh→en, each <tu> on four lines
// after a four-line head; emptyAt holds the 0-based units whose English
// <seg> is empty.
func writeTMX(t *testing.T, path string, units int, emptyAt map[int]bool) {
	pairs := sentencePairs(t)
	rng := rand.New(rand.NewSource(8))
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"zh\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"test\" creationtoolversion=\"1\" o-tmf=\"none\"/>\n<body>\n")
	for i := 0; i < units; i++ {
		p := pairs[rng.Intn(len(pairs))]
		en := html.EscapeString(p[1])
		if emptyAt[i] {
			en = ""
		}
		fmt.Fprintf(&b, "<tu tuid=\"%d\">\n  <tuv xml:lang=\"zh\"><seg>%s</seg></tuv>\n  <tuv xml:lang=\"en\"><seg>%s</seg></tuv>\n</tu>\n", i, html.EscapeString(p[0]), en)
	}
	b.WriteString("</body>\n</tmx>\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runJSON(t *testing.T, cfg Config, path string, min int64, n int) (*Report, string) {
	t.Helper()
	r, err := NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r.streamMin, r.chunkUnits = min, n
	rep, err := r.Run(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	return rep, string(data)
}

// findingKeys lists the findings as check@line and message, sorted.
func findingKeys(d DocumentReport) []string {
	var out []string
	for _, f := range d.Findings {
		line := 0
		if w := f.Where(); w != nil {
			line = w.Line
		}
		out = append(out, fmt.Sprintf("%s@%d %s", f.Check, line, f.Message))
	}
	sort.Strings(out)
	return out
}

// checkChunked checks a large file with -j 1 and -j 4, which must give
// the same JSON, and whole (KeepDocuments reads it whole), whose counts,
// problems, findings and measures the chunked run must match: the checks
// that judge a pair against its document's norms take them from the first
// n units either way. It returns the chunked report's document.
func checkChunked(t *testing.T, path string, min int64, n int, ropt read.Options) DocumentReport {
	t.Helper()
	c, ok := read.OpenChunks(read.Input{Source: path}, ropt, min, n)
	if !ok {
		t.Fatalf("%s is not read in chunks", path)
	}
	chunks := 0
	for c.Scan() {
		chunks++
	}
	c.Close()
	if chunks < 3 {
		t.Fatalf("%s: %d chunks, want several", path, chunks)
	}
	rep1, json1 := runJSON(t, Config{Jobs: 1, Read: ropt}, path, min, n)
	_, json4 := runJSON(t, Config{Jobs: 4, Read: ropt}, path, min, n)
	if json1 != json4 {
		t.Fatalf("reports differ between -j 1 and -j 4 (%d and %d bytes)", len(json1), len(json4))
	}
	// The whole read is the reference: it must read the file whatever its
	// size, where the command would refuse one over --max-file-size (a
	// streamed file has no such limit).
	wopt := ropt
	wopt.MaxFileSize = -1
	whole, _ := runJSON(t, Config{Jobs: 1, KeepDocuments: true, Read: wopt}, path, min, n)
	if len(rep1.Documents) != 1 || len(whole.Documents) != 1 {
		t.Fatalf("got %d and %d documents, want one each", len(rep1.Documents), len(whole.Documents))
	}
	got, want := rep1.Documents[0], whole.Documents[0]
	if want.Counts.Segments == 0 {
		t.Fatalf("the whole read found no segment to compare with: %q", want.Problems)
	}
	gc, wc := got.Counts, want.Counts
	if gc.Segments != wc.Segments || gc.Paired != wc.Paired || gc.Unpaired != wc.Unpaired || gc.Skipped != wc.Skipped || gc.Pairs != wc.Pairs {
		t.Errorf("chunked counts %+v, whole-file counts %+v", gc, wc)
	}
	if got.Source != want.Source || got.Target != want.Target {
		t.Errorf("chunked languages %s→%s, whole-file %s→%s", got.Source, got.Target, want.Source, want.Target)
	}
	// A whole read lists the segments cut to the length limit after the
	// reader's problems; a chunked one, after its chunk's.
	if g, w := sorted(got.Problems), sorted(want.Problems); g != w {
		t.Errorf("problems differ:\nchunked %s\nwhole   %s", g, w)
	}
	g, w := findingKeys(got), findingKeys(want)
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("findings differ: %d chunked, %d whole", len(g), len(w))
		for i := 0; i < len(g) && i < len(w); i++ {
			if g[i] != w[i] {
				t.Errorf("first difference:\nchunked %s\nwhole   %s", g[i], w[i])
				break
			}
		}
	}
	// In the same order too: document order, not the order of the chunks
	// and the checks within each.
	if g, w := findingKeysInOrder(got), findingKeysInOrder(want); !slices.Equal(g, w) {
		t.Errorf("findings in another order chunked than whole")
	}
	if lines := findingLines(got); !slices.IsSorted(lines) {
		t.Errorf("chunked findings not from the top of the file down: lines %v", lines)
	}
	if fmt.Sprint(got.Measures) != fmt.Sprint(want.Measures) {
		t.Errorf("measures chunked %v, whole %v", got.Measures, want.Measures)
	}
	checks := map[string]int{}
	for _, f := range got.Findings {
		checks[f.Check]++
	}
	t.Logf("%s: %d chunks, %d segments, findings %v, measures %v", filepath.Base(path), chunks, gc.Segments, checks, got.Measures)
	return got
}

func sorted(xs []string) string {
	s := append([]string(nil), xs...)
	sort.Strings(s)
	return strings.Join(s, "\n")
}

func findingAt(d DocumentReport, check string, line int) bool {
	for _, f := range d.Findings {
		if w := f.Where(); f.Check == check && w != nil && w.Line == line {
			return true
		}
	}
	return false
}

// A TSV of 80,000 rows (about 42 MB, 16 chunks of the command's size) is
// checked in chunks on all cores: the same report whatever -j, the counts
// and problems of a whole read, and lines right to the end of the file.
func TestLargeTSVInChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("checks an 80,000-row file three times")
	}
	const rows = 80000
	emptyAt := map[int]bool{79990: true}
	raggedAt := map[int]bool{79995: true}
	for line := 1000; line < rows; line += 9973 {
		emptyAt[line] = true
		raggedAt[line+1] = true
	}
	path := filepath.Join(t.TempDir(), "large.tsv")
	writeTSV(t, path, rows, emptyAt, raggedAt, nil)
	d := checkChunked(t, path, StreamMin, read.DefaultChunkUnits, read.Options{})
	// The last chunk: the empty target at line 79,990 leaves its source
	// without translation, and the ragged row at 79,995 is a problem.
	if !findingAt(d, "omission", 79990) {
		t.Errorf("no omission reported at line 79990 (the empty target)")
	}
	want := fmt.Sprintf("%s:79995: row has 3 fields", path)
	found := false
	for _, p := range d.Problems {
		found = found || strings.HasPrefix(p, want)
	}
	if !found {
		t.Errorf("no problem %q… among %d problems", want, len(d.Problems))
	}
}

// A TMX of 25,000 units (about 15 MB, 5 chunks) likewise; each unit is
// four lines after a four-line head, so unit i's English <tuv> is on line
// 4*i+7.
func TestLargeTMXInChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("checks a 25,000-unit file three times")
	}
	const units = 25000
	emptyAt := map[int]bool{24990: true}
	for i := 777; i < units; i += 2999 {
		emptyAt[i] = true
	}
	path := filepath.Join(t.TempDir(), "large.tmx")
	writeTMX(t, path, units, emptyAt)
	d := checkChunked(t, path, StreamMin, read.DefaultChunkUnits, read.Options{})
	// The unit's Chinese <seg> is on line 4*i+6.
	if line := 4*24990 + 6; !findingAt(d, "omission", line) {
		t.Errorf("no omission reported at line %d (unit 24990, whose English is empty)", line)
	}
}

// The same with small chunks of a small file, quick enough for -race and
// -short: 3,000 rows in chunks of 100 units, with 12 targets over the
// 1,000-character segment limit in five chunks, of which the file reports
// five one by one and counts the rest once, as a whole read does.
func TestSmallChunks(t *testing.T) {
	emptyAt, raggedAt := map[int]bool{2990: true}, map[int]bool{2995: true, 40: true}
	longAt := map[int]bool{}
	for _, line := range []int{5, 50, 95, 150, 160, 170, 1200, 1250, 1300, 2500, 2600, 2999} {
		longAt[line] = true
	}
	path := filepath.Join(t.TempDir(), "small.tsv")
	writeTSV(t, path, 3000, emptyAt, raggedAt, longAt)
	d := checkChunked(t, path, 0, 100, read.Options{MaxSegment: 1000})
	if !findingAt(d, "omission", 2990) {
		t.Errorf("no omission reported at line 2990 (the empty target)")
	}
	var cut []string
	more := 0
	for _, p := range d.Problems {
		if strings.Contains(p, "over the 1000-character limit: checked as") {
			cut = append(cut, p)
		}
		if i := strings.Index(p, " more segments over the 1000-character limit"); i >= 0 {
			fmt.Sscan(p[strings.LastIndex(p[:i], " ")+1:i], &more)
		}
	}
	// The seed's pairs hold no segment this long: only the 12 made long are cut.
	if len(cut) != 5 || !strings.Contains(cut[0], "small.tsv:5:") || more != len(longAt)-5 {
		t.Errorf("cut segments reported one by one: %q (want 5, the first on line 5); %d more counted (want %d)", cut, more, len(longAt)-5)
	}
}
