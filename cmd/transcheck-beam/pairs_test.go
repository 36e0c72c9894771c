package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/filter"
	"github.com/transcheck/transcheck/pipeline/read"
)

// repoRoot is the main module's root, relative to this package.
const repoRoot = "../.."

// filterRun is what transcheck filter (filter.Pipeline.Run) wrote.
type filterRun struct {
	inputs   []read.Input
	kept     map[string][]byte // by input file
	rejected []string          // JSON lines
	sum      filter.Summary
}

func runFilter(t *testing.T, cfg filter.Config, paths []string) filterRun {
	t.Helper()
	p, err := filter.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	inputs, probs := filter.Inputs(paths, cfg)
	if len(probs) > 0 {
		t.Fatalf("inputs: %v", probs)
	}
	kept := map[string]*bytes.Buffer{}
	var rej bytes.Buffer
	sum, err := p.Run(context.Background(), inputs, filter.Outputs{Reject: &rej, Keep: func(path string) (io.Writer, error) {
		kept[path] = &bytes.Buffer{}
		return kept[path], nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	out := filterRun{inputs: inputs, kept: map[string][]byte{}, rejected: lines(rej.String()), sum: sum}
	for k, b := range kept {
		out.kept[k] = b.Bytes()
	}
	return out
}

// beamRun is what transcheck-beam pairs wrote.
type beamRun struct {
	prefix   string
	rejected []string
	sum      filter.Summary
	md       string
}

func runBeamPairs(t *testing.T, args ...string) beamRun {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), append(append([]string{"pairs"}, args...), "--output", prefix), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := beamRun{prefix: prefix}
	for _, f := range glob(t, prefix+"-rejected-*.jsonl") {
		out.rejected = append(out.rejected, lines(readString(t, f))...)
	}
	if err := json.Unmarshal([]byte(readString(t, prefix+"-summary.json")), &out.sum); err != nil {
		t.Fatal(err)
	}
	out.md = readString(t, prefix+"-summary.md")
	if !strings.Contains(stderr.String(), fmt.Sprintf("read %d pairs", out.sum.Read)) {
		t.Errorf("stderr does not give the count:\n%s", stderr.String())
	}
	return out
}

// keptLines returns the kept lines of an input by its name, sorted, and
// checks that they come after head.
func (b beamRun) keptLines(t *testing.T, name, head string) []string {
	t.Helper()
	files := glob(t, b.prefix+"-kept-"+name+".*")
	if len(files) != 1 {
		t.Fatalf("kept outputs of %s: %q, want one", name, files)
	}
	text := readString(t, files[0])
	if !strings.HasPrefix(text, head) {
		t.Errorf("%s does not start with the input's head %q", files[0], head)
	}
	out := lines(strings.TrimPrefix(text, head))
	sort.Strings(out)
	return out
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if l != "" {
			out = append(out, strings.TrimSuffix(l, "\n"))
		}
	}
	return out
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	sort.Strings(out)
	return out
}

func glob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeTestFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// comparePairs checks that Beam's rejected records, summary and kept
// pairs equal transcheck filter's, after sorting; with keepsEach, that the
// filter kept pairs of every input (so that each was compared).
func comparePairs(t *testing.T, f filterRun, b beamRun, keepsEach bool) {
	t.Helper()
	if f.sum.Rejected == 0 || f.sum.Kept == 0 {
		t.Fatalf("filter kept %d and rejected %d: the input tests too little", f.sum.Kept, f.sum.Rejected)
	}
	if got, want := sortedCopy(b.rejected), sortedCopy(f.rejected); !reflect.DeepEqual(got, want) {
		t.Errorf("rejected records differ (%d, want %d):\n%s", len(got), len(want), diffLines(got, want))
	}
	gotSum, wantSum := b.sum, f.sum
	gotSum.Problems, wantSum.Problems = sortedCopy(gotSum.Problems), sortedCopy(wantSum.Problems)
	if !reflect.DeepEqual(gotSum, wantSum) {
		t.Errorf("summary %+v, want %+v", gotSum, wantSum)
	}
	if !strings.Contains(b.md, fmt.Sprintf("| kept | %d |", f.sum.Kept)) {
		t.Errorf("Markdown summary does not give %d kept:\n%s", f.sum.Kept, b.md)
	}
	for _, in := range f.inputs {
		name := strings.TrimSuffix(filepath.Base(in.Source), filepath.Ext(in.Source))
		var want []string
		head := ""
		switch read.FormatOf(in.Source) {
		case "tsv", "csv":
			// The input's own lines, under its header, in input order:
			// byte for byte what the filter keeps.
			all := lines(string(f.kept[in.Source]))
			head, want = all[0]+"\n", all[1:]
			if got := readString(t, glob(t, b.prefix+"-kept-"+name+".*")[0]); got != string(f.kept[in.Source]) {
				t.Errorf("%s: kept output differs from the filter's:\n%s\nwant\n%s", in.Source, got, f.kept[in.Source])
			}
		case "lines":
			// The kept lines of the two files, side by side.
			src, tgt := lines(string(f.kept[in.Source])), lines(string(f.kept[in.Target]))
			if len(src) != len(tgt) {
				t.Fatalf("filter kept %d source lines and %d target lines", len(src), len(tgt))
			}
			for i := range src {
				want = append(want, src[i]+"\t"+tgt[i])
			}
		default:
			// Other formats: as many source<TAB>target lines as units kept.
			n := strings.Count(string(f.kept[in.Source]), "<tu>") + strings.Count(string(f.kept[in.Source]), "<trans-unit ")
			got := b.keptLines(t, name, "")
			if n == 0 && keepsEach {
				t.Errorf("%s: the filter kept nothing: the input tests nothing", in.Source)
			}
			if len(got) != n {
				t.Errorf("%s: %d kept lines, want %d", in.Source, len(got), n)
			}
			continue
		}
		if len(want) == 0 && keepsEach {
			t.Errorf("%s: the filter kept nothing: the input tests nothing", in.Source)
		}
		sort.Strings(want)
		if got := b.keptLines(t, name, head); !slices.Equal(got, want) {
			t.Errorf("%s: kept pairs differ (%d, want %d):\n%s", in.Source, len(got), len(want), diffLines(got, want))
		}
	}
}

// diffLines names the first lines only one side has.
func diffLines(got, want []string) string {
	var b strings.Builder
	shown := 0
	for _, g := range got {
		if !slices.Contains(want, g) && shown < 5 {
			fmt.Fprintf(&b, "+ %s\n", g)
			shown++
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) && shown < 10 {
			fmt.Fprintf(&b, "- %s\n", w)
			shown++
		}
	}
	return b.String()
}

// corpus writes the same pairs, with faults, as a TSV file, a CSV file,
// a line-aligned corpus, a TMX file and an XLIFF file into dir.
func corpus(t *testing.T, dir string) {
	t.Helper()
	norm, err := benchcorpus.Pairs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	norm = norm[:min(len(norm), 30)]
	rows := append(slices.Clone(norm),
		[2]string{"会议有120人参加。", "The meeting was attended by 150 people."},
		[2]string{"他明天早上来我们家吃早饭。", "他明天早上来我们家吃早饭。"},
		[2]string{"政府宣布了支持企业的新措施。", "Le gouvernement a annoncé de nouvelles mesures pour soutenir les entreprises."},
		[2]string{"你好，{name}！欢迎回来。", "Hello! Welcome back."},
		[2]string{"政府今天宣布了一系列支持中小企业渡过难关的新措施，包括减税、降低贷款利率和延长社保缴费期限，并承诺在未来三个月内为受疫情影响最严重的行业提供专项补贴和技术援助。", "The government said so."},
		[2]string{"他明天早上来我们家吃早饭。", ""},
		norm[3], norm[5], // repeats
		[2]string{"坏\xff行", "a line that is not UTF-8"},
	)
	var tsv, csvText, zh, en, tmx, xliff strings.Builder
	tsv.WriteString("zh\ten\n")
	csvw := csv.NewWriter(&csvText)
	csvw.UseCRLF = true
	csvw.Write([]string{"zh", "en"})
	xliff.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<xliff version="1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>` + "\n")
	tmx.WriteString(`<?xml version="1.0"?>` + "\n" + `<tmx version="1.4"><header srclang="zh"/><body>` + "\n")
	for i, r := range rows {
		fmt.Fprintf(&tsv, "%s\t%s\n", r[0], r[1])
		csvw.Write([]string{r[0], r[1]})
		fmt.Fprintf(&zh, "%s\n", r[0])
		fmt.Fprintf(&en, "%s\n", r[1])
		if !strings.Contains(r[0], "\xff") && r[1] != "" {
			fmt.Fprintf(&tmx, "<tu><tuv xml:lang=\"zh\"><seg>%s</seg></tuv><tuv xml:lang=\"en\"><seg>%s</seg></tuv></tu>\n", r[0], r[1])
			fmt.Fprintf(&xliff, "<trans-unit id=\"u%d\"><source>%s</source><target>%s</target></trans-unit>\n", i, r[0], r[1])
		}
	}
	tsv.WriteString("one\ttwo\tthree\n") // a row the reader cannot read
	tmx.WriteString("</body></tmx>\n")
	xliff.WriteString("</body></file></xliff>\n")
	writeTestFile(t, dir, "a.tsv", tsv.String())
	writeTestFile(t, dir, "b.tmx", tmx.String())
	csvw.Flush()
	writeTestFile(t, dir, "d.csv", csvText.String())
	writeTestFile(t, dir, "e.xlf", xliff.String())
	writeTestFile(t, dir, "c.zh", zh.String())
	writeTestFile(t, dir, "c.en", en.String())
}

// TestPairsEquivalence: on the same inputs (TSV, CSV, TMX, XLIFF, a
// line-aligned corpus), with the norms from a first chunk that is not the whole file,
// Beam on Prism keeps and rejects what transcheck filter does, with the
// same records and counts.
func TestPairsEquivalence(t *testing.T) {
	dir := t.TempDir()
	corpus(t, dir)
	paths := glob(t, filepath.Join(dir, "*"))
	for _, c := range []struct {
		name string
		cfg  filter.Config
		args []string
	}{
		{"defaults", filter.Config{ChunkUnits: 8}, nil},
		{"dedup", filter.Config{ChunkUnits: 8, Dedup: true, Source: "zh", Target: "en"}, []string{"--dedup", "--source", "zh", "--target", "en"}},
		{"reject-on", filter.Config{ChunkUnits: 8, RejectOn: []string{"numbers", "untranslated"}, MinConfidence: 0.5},
			[]string{"--reject-on", "numbers,untranslated", "--min-confidence", "0.5"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := runFilter(t, c.cfg, paths)
			got := runBeamPairs(t, append([]string{"--input", filepath.Join(dir, "*"), "--chunk-units", "8"}, c.args...)...)
			// With --dedup the later files repeat the first.
			comparePairs(t, want, got, !c.cfg.Dedup)
			if c.cfg.Dedup && want.sum.ByCheck[filter.Duplicate] == 0 {
				t.Error("no duplicate found: the dedup case tests nothing")
			}
		})
	}
}

// TestPairsWMT22: on a real corpus (the WMT22 zh-en test set, line-aligned)
// Beam rejects and keeps what transcheck filter does.
func TestPairsWMT22(t *testing.T) {
	const rel = "../shared/data/formats/line-aligned/wmt22-zh-en"
	dir := filepath.Join(repoRoot, "..", "shared", "data", "formats", "line-aligned", "wmt22-zh-en")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: skipping the equivalence on real data", rel)
	}
	paths := []string{filepath.Join(dir, "generaltest2022.zh"), filepath.Join(dir, "generaltest2022.en")}
	want := runFilter(t, filter.Config{}, paths)
	got := runBeamPairs(t, "--input", paths[0], "--input", paths[1])
	comparePairs(t, want, got, true)
}

// TestPairsBadInput: a glob that matches nothing and a row that cannot be
// read are problems named with their file (and line); the run goes on.
func TestPairsBadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeTestFile(t, dir, "a.tsv", "zh\ten\n我有三个苹果。\tI have three apples.\n一行只有一列\n")
	got := runBeamPairs(t, "--input", good, "--input", filepath.Join(dir, "nothing-*.tsv"))
	want := []string{
		filepath.Join(dir, "nothing-*.tsv") + ": no file matches (check the path or the pattern)",
		good + ":3: ",
	}
	if len(got.sum.Problems) != 2 {
		t.Fatalf("problems %q, want 2", got.sum.Problems)
	}
	for i, w := range want {
		if !strings.HasPrefix(got.sum.Problems[i], w) {
			t.Errorf("problem %q, want it to start with %q", got.sum.Problems[i], w)
		}
	}
	if got.sum.Read != 2 || got.sum.Kept != 1 || got.sum.Unreadable != 1 {
		t.Errorf("summary %+v, want 2 read, 1 kept, 1 unreadable", got.sum)
	}
}
