package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const shared = "../../shared/data"

// rootRel names a path relative to this package as the repository root
// sees it, for messages: ../../shared/data is ../shared/data from there.
func rootRel(path string) string { return filepath.ToSlash(filepath.Join("pipeline", path)) }

// needShared returns the path of rel in the shared data, or skips the test
// when it does not exist.
func needShared(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(shared, rel)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not found: skipping", rootRel(p))
	} else if err != nil {
		t.Fatal(err)
	}
	return p
}

// The interleaved Markdown of Effective Go alternates each English block
// with its Chinese one; code blocks appear twice. Every Chinese block must
// pair with English, and the only unpaired text is the three headings the
// translation left as they were (### If, ### For, ### Switch).
func TestInterleavedMarkdownPairing(t *testing.T) {
	dir := needShared(t, "formats/interleaved-md")
	r, err := NewRunner(Config{KeepDocuments: true})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents) != 6 {
		t.Fatalf("got %d documents, want the 6 chapters", len(rep.Documents))
	}
	var unpaired []string
	for _, d := range rep.Documents {
		if len(d.Problems) > 0 {
			t.Errorf("%s: problems %v", d.Name, d.Problems)
		}
		if d.Source != "en" || d.Target != "zh" {
			t.Errorf("%s: direction %s→%s, want en→zh (English comes first)", d.Name, d.Source, d.Target)
		}
		c := d.Counts
		if c.Segments != c.Paired+c.Unpaired+c.Skipped {
			t.Errorf("%s: %d segments != %d paired + %d unpaired + %d skipped", d.Name, c.Segments, c.Paired, c.Unpaired, c.Skipped)
		}
		if c.Skipped == 0 && !strings.Contains(d.Name, "01_") {
			t.Errorf("%s: no code block was skipped", d.Name)
		}
		for _, f := range d.Findings {
			if f.Check == "omission" {
				side := f.Source
				if side == nil {
					side = f.Target
				}
				unpaired = append(unpaired, side.Text)
			}
		}
		// Every Chinese segment is paired: no Chinese text is reported.
		for _, s := range d.Doc.Segments() {
			if s.Lang == "zh" && s.Skip == "" && c.Unpaired > 0 {
				for _, f := range d.Findings {
					if f.Target != nil && f.Target.Line == s.Pos.Line && f.Check == "omission" {
						t.Errorf("%s:%d: Chinese text left unpaired: %q", d.Name, s.Pos.Line, s.Text)
					}
				}
			}
		}
	}
	if got := strings.Join(unpaired, " | "); got != "### If | ### For | ### Switch" {
		t.Errorf("unpaired text = %q, want the three untranslated headings", got)
	}
}

// Output must not depend on how many documents are checked at once.
func TestJobsDoNotChangeTheReport(t *testing.T) {
	dir := needShared(t, "formats/interleaved-md")
	var got [2]string
	for i, jobs := range []int{1, 4} {
		r, err := NewRunner(Config{Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := r.Run(context.Background(), []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, d := range rep.Documents {
			b.WriteString(d.Name)
			for _, f := range d.Findings {
				b.WriteString("|" + f.Message)
			}
		}
		got[i] = b.String()
	}
	if got[0] != got[1] {
		t.Error("reports differ between -j 1 and -j 4")
	}
}
