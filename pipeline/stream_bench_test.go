package pipeline

import (
	"bufio"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// largeTSV returns a TSV file of about size bytes, zh\ten a row, from the
// seed and gold sentence pairs and, when the shared data is there, the
// Tatoeba sample; 1% of rows have an empty target. The same size gives the
// same bytes; the file is kept between runs.
func largeTSV(tb testing.TB, size int64) (string, int64) {
	corpusMu.Lock()
	defer corpusMu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-%dMB.tsv", corpusVersion, size>>20))
	if info, err := os.Stat(path); err == nil && info.Size() >= size {
		return path, info.Size()
	}
	pairs := sentencePairs(tb)
	if lines, err := readLines(filepath.Join(shared, "formats/tsv/tatoeba-cmn-eng.head3000.tsv")); err == nil {
		for _, l := range lines {
			if en, zh, ok := strings.Cut(l, "\t"); ok && !strings.Contains(zh, "\t") {
				pairs = append(pairs, [2]string{zh, en})
			}
		}
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewSource(1))
	var total int64
	for total < size {
		p := pairs[rng.Intn(len(pairs))]
		en := p[1]
		if rng.Float64() < 0.01 {
			en = ""
		}
		n, _ := fmt.Fprintf(w, "%s\t%s\n", p[0], en)
		total += int64(n)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path, total
}

// BenchmarkLargeTSV checks one 100 MB TSV file on every core, as the
// command would (its file-size limit lifted): "chunks" reads it as a
// stream of chunks checked in parallel, "whole" as one document (the path
// before streaming, for comparison). Run one at a time, so that
// peak-RSS-MB is its own:
//
//	go test ./pipeline -run '^$' -bench 'LargeTSV/chunks' -benchtime 1x
func BenchmarkLargeTSV(b *testing.B) {
	TuneMemory() // as the command does
	path, total := largeTSV(b, 100<<20)
	for _, mode := range []string{"chunks", "whole"} {
		b.Run(mode, func(b *testing.B) {
			cfg := Config{Jobs: runtime.NumCPU()}
			cfg.Read.MaxFileSize = -1
			r, err := NewRunner(cfg)
			if err != nil {
				b.Fatal(err)
			}
			if mode == "whole" {
				r.streamMin = 1 << 62
			}
			benchRun(b, r, path, total)
		})
	}
}
