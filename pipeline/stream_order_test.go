package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// smallCorpus writes n bilingual documents of a few paragraphs, every
// third one with an omission, and returns the folder.
func smallCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	pairs := sentencePairs(t)
	for i := 0; i < n; i++ {
		var text string
		for p := 0; p < 4; p++ {
			pr := pairs[(i*4+p)%len(pairs)]
			if i%3 == 0 && p == 2 {
				text += pr[0] + "\n"
				continue
			}
			text += pr[0] + " " + pr[1] + "\n"
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%03d.zh-en.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Stream hands the documents over one at a time, in discovery order, and
// never lets the workers run more than its window ahead of emit: with the
// first emit held up, the documents checked stay within the window.
func TestStreamOrderAndWindow(t *testing.T) {
	const docs = 60
	dir := smallCorpus(t, docs)
	want, err := mustRunner(t, Config{Jobs: 1}).Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []int{1, 3} {
		t.Run(fmt.Sprintf("j%d", jobs), func(t *testing.T) {
			window := int64(2*jobs + 2)
			var emitted, inEmit, ahead atomic.Int64
			cfg := Config{Jobs: jobs}
			cfg.Progress = func(done, total int) {
				if d := int64(done) - emitted.Load(); d > ahead.Load() {
					ahead.Store(d)
				}
			}
			var names []string
			rep, err := mustRunner(t, cfg).Stream(context.Background(), []string{dir}, func(d *DocumentReport) error {
				if inEmit.Add(1) != 1 {
					t.Error("emit called from two goroutines at once")
				}
				defer inEmit.Add(-1)
				if len(names) == 0 {
					time.Sleep(400 * time.Millisecond) // the workers would run ahead here
				}
				names = append(names, d.Name)
				emitted.Add(1)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(names) != docs {
				t.Fatalf("%d documents emitted, want %d", len(names), docs)
			}
			for i, d := range want.Documents {
				if names[i] != d.Name {
					t.Fatalf("document %d emitted is %s, want %s (discovery order)", i, names[i], d.Name)
				}
			}
			if rep.Documents != nil || fmt.Sprint(rep.Totals) != fmt.Sprint(want.Totals) {
				t.Errorf("Stream's report: %d documents kept (want none), totals %+v (want %+v)", len(rep.Documents), rep.Totals, want.Totals)
			}
			// The document being emitted has given its place in the window
			// back, so one more may be checked before emit returns.
			if a := ahead.Load(); a > window+1 {
				t.Errorf("%d documents checked ahead of emit, more than the window of %d and the one being emitted", a, window)
			} else if a < 2 {
				t.Errorf("only %d documents checked ahead of emit: the workers did not run on while emit was busy", a)
			}
		})
	}
}

// An error from emit stops the run and is what Stream returns; emit is not
// called again.
func TestStreamEmitError(t *testing.T) {
	dir := smallCorpus(t, 30)
	stop := errors.New("disk full")
	calls := 0
	_, err := mustRunner(t, Config{Jobs: 2}).Stream(context.Background(), []string{dir}, func(*DocumentReport) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Stream returned %v, want the emit error", err)
	}
	if calls != 3 {
		t.Errorf("emit called %d times, want 3 (none after its error)", calls)
	}
}

func mustRunner(t *testing.T, cfg Config) *Runner {
	t.Helper()
	r, err := NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
