package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/read"
)

// TestOneLongLine checks a file that is one 300 KB line of alternating
// Chinese and English words (benchcorpus.WriteOneLine). The segment limit
// cuts it into pieces; each piece must stay one segment, a Chinese run
// with English words inside, as a short line of the same words is. Were
// every word its own run again, the pieces would hold some 3,000 segments
// each, to be detected and aligned one by one (a 20 MB line took minutes
// and a gigabyte). Every segment read is accounted for.
func TestOneLongLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "oneline.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := benchcorpus.WriteOneLine(f, 300<<10); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	pieces := 0
	for _, u := range read.File(read.Input{Source: path}, read.Options{}).Units {
		pieces += len(u.Segments)
	}
	if pieces < 10 {
		t.Fatalf("the line was read as %d pieces, want one per %d characters", pieces, read.DefaultMaxSegment)
	}
	r, err := NewRunner(Config{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents) != 1 {
		t.Fatalf("%d documents, want 1", len(rep.Documents))
	}
	d := rep.Documents[0]
	c := d.Counts
	if c.Segments != pieces {
		t.Errorf("%d segments from %d pieces, want one segment a piece", c.Segments, pieces)
	}
	if c.Segments != c.Paired+c.Unpaired+c.Skipped {
		t.Errorf("segments %d != paired %d + unpaired %d + skipped %d", c.Segments, c.Paired, c.Unpaired, c.Skipped)
	}
	for _, want := range []string{"over the 20000-character limit", "only zh text found"} {
		found := false
		for _, p := range d.Problems {
			found = found || strings.Contains(p, want)
		}
		if !found {
			t.Errorf("no problem says %q: %q", want, d.Problems)
		}
	}
}
