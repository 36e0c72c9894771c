package align

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dataDir is the gold alignment data, relative to this package's folder.
const dataDir = "../../../shared/data/align"

// dataDirFromRoot is dataDir as the repository root sees it, for messages.
const dataDirFromRoot = "../shared/data/align"

// readLines reads a one-sentence-a-line file; a final newline does not make
// an extra sentence.
func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.TrimSuffix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func sentences(lines []string, lang string) []Sentence {
	out := make([]Sentence, len(lines))
	for i, l := range lines {
		out[i] = Sentence{Text: l, Lang: lang}
	}
	return out
}

type corpusDoc struct {
	name     string
	src, tgt []Sentence
	gold     []Bead
}

func loadCorpus(t testing.TB, corpus string) []corpusDoc {
	t.Helper()
	dir := filepath.Join(dataDir, corpus)
	names, err := filepath.Glob(filepath.Join(dir, "gold", "*.align"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var docs []corpusDoc
	for _, g := range names {
		name := strings.TrimSuffix(filepath.Base(g), ".align")
		f, err := os.Open(g)
		if err != nil {
			t.Fatal(err)
		}
		gold, err := ParseAlign(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		docs = append(docs, corpusDoc{
			name: name,
			src:  sentences(readLines(t, filepath.Join(dir, "zh", name)), "zh"),
			tgt:  sentences(readLines(t, filepath.Join(dir, "en", name)), "en"),
			gold: gold,
		})
	}
	return docs
}

// TestAccuracy aligns the gold corpora and fails when a score falls below
// its floor, set just under the figures of today's aligner: a change that
// costs accuracy (LongNullPenalty back to 1, say) fails the suite, and a
// change that gains it should raise the floor. It runs whenever the gold
// data is there (it takes about a second); with TRANSCHECK_ACCURACY=1, as
// make accuracy sets, missing data fails the test instead of skipping it.
// With -v it prints each document's scores.
func TestAccuracy(t *testing.T) {
	if _, err := os.Stat(dataDir); os.IsNotExist(err) {
		if os.Getenv("TRANSCHECK_ACCURACY") == "1" {
			t.Fatalf("%s not found: the accuracy figures need the gold alignments beside the repository", dataDirFromRoot)
		}
		t.Skipf("%s not found: skipping", dataDirFromRoot)
	} else if err != nil {
		t.Fatal(err)
	}
	opt := accuracyOptions(t)
	// Today's figures (strict, lax, omission F1): mac-dev 0.891, 0.989,
	// 0.364; ctk-dev 0.972, 0.988, 0.723.
	floors := []struct {
		corpus                string
		strict, lax, omission float64
	}{
		{"mac-dev", 0.886, 0.98, 0.35},
		{"ctk-dev", 0.969, 0.98, 0.71},
	}
	for _, tc := range floors {
		docs := loadCorpus(t, tc.corpus)
		if len(docs) == 0 {
			t.Fatalf("%s: no documents", tc.corpus)
		}
		var total Counts
		var rows []string
		for _, d := range docs {
			test := Align(d.src, d.tgt, opt)
			checkCoverage(t, test, len(d.src), len(d.tgt))
			c := Score(d.gold, test)
			total = total.Add(c)
			rows = append(rows, fmtRow(d.name, c))
		}
		if testing.Verbose() {
			fmt.Printf("\n%s\n", tc.corpus)
			fmt.Printf("%-16s %5s %6s  %-17s  %-17s  %-17s\n", "document", "zh", "en", "strict P/R/F1", "lax P/R/F1", "omission P/R/F1")
			for _, r := range rows {
				fmt.Println(r)
			}
			fmt.Println(fmtRow(fmt.Sprintf("all (%d docs)", total.Docs), total))
		}
		for _, score := range []struct {
			name      string
			f1, floor float64
		}{
			{"strict", total.Strict().F1, tc.strict},
			{"lax", total.Lax().F1, tc.lax},
			{"omission", total.Omission().F1, tc.omission},
		} {
			if score.f1 < score.floor {
				t.Errorf("%s: %s F1 %.3f, below its floor %.3f", tc.corpus, score.name, score.f1, score.floor)
			}
		}
	}
}

func fmtRow(name string, c Counts) string {
	s, l, o := c.Strict(), c.Lax(), c.Omission()
	return fmt.Sprintf("%-16s %5d %6d  %.3f %.3f %.3f  %.3f %.3f %.3f  %.3f %.3f %.3f",
		name, c.SrcSents, c.TgtSents, s.P, s.R, s.F1, l.P, l.R, l.F1, o.P, o.R, o.F1)
}

// checkCoverage fails unless beads cover 0..n-1 and 0..m-1 once each, in order.
func checkCoverage(t testing.TB, beads []Bead, n, m int) {
	t.Helper()
	i, j := 0, 0
	for k, b := range beads {
		if len(b.Source) == 0 && len(b.Target) == 0 {
			t.Fatalf("bead %d is empty", k)
		}
		if b.Score < 0 || b.Score > 1 {
			t.Fatalf("bead %d: score %v outside [0,1]", k, b.Score)
		}
		for _, s := range b.Source {
			if s != i {
				t.Fatalf("bead %d: source %d, want %d", k, s, i)
			}
			i++
		}
		for _, s := range b.Target {
			if s != j {
				t.Fatalf("bead %d: target %d, want %d", k, s, j)
			}
			j++
		}
	}
	if i != n || j != m {
		t.Fatalf("beads cover %d source and %d target sentences, want %d and %d", i, j, n, m)
	}
}
