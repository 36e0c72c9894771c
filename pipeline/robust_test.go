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

// TestAccounting runs the pipeline over every file of the shared data and
// of the fixtures, one file at a time, and over each folder of the shared
// formats (where files pair by name and folder): every document accounts
// for every segment, and a readable non-empty file yields segments or says
// why not.
func TestAccounting(t *testing.T) {
	var paths []string
	roots := []string{"testdata", "read/testdata", "../testdata"}
	if _, err := os.Stat(shared); err == nil {
		roots = append(roots, shared)
		folders, _ := filepath.Glob(filepath.Join(shared, "formats/*"))
		paths = append(paths, folders...)
	} else if errors.Is(err, fs.ErrNotExist) {
		t.Logf("%s not found: checking the fixtures only", rootRel(shared))
	} else {
		t.Fatal(err)
	}
	files := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "fuzz" {
				return filepath.SkipDir // fuzz corpora are Go values, not documents
			}
			if d.Type().IsRegular() {
				paths = append(paths, p)
				files++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 10 {
		t.Fatalf("only %d files found: the fixtures moved?", files)
	}
	t.Logf("%d files, %d runs", files, len(paths))
	runner, err := NewRunner(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		rep, err := runner.Run(context.Background(), []string{p})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if len(rep.Documents) == 0 && len(rep.Problems) == 0 {
			t.Errorf("%s: no document and no problem", p)
		}
		info, _ := os.Stat(p)
		for _, d := range rep.Documents {
			c := d.Counts
			if c.Segments != c.Paired+c.Unpaired+c.Skipped {
				t.Errorf("%s: segments %d != paired %d + unpaired %d + skipped %d", d.Name, c.Segments, c.Paired, c.Unpaired, c.Skipped)
			}
			if c.Segments == 0 && info.Mode().IsRegular() && info.Size() > 0 && len(d.Problems) == 0 {
				t.Errorf("%s: %d bytes, no segment and no problem saying why", d.Name, info.Size())
			}
			for _, pr := range d.Problems {
				if !strings.Contains(pr, ": ") {
					t.Errorf("%s: problem %q does not name its file", d.Name, pr)
				}
			}
		}
	}
}
