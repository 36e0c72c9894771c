package pipeline

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
)

// BenchmarkOneLine checks a hostile file, one line of alternating Chinese
// and English words (benchcorpus.OneLine), as the command would, on every
// core: read, cut into pieces by the segment limit, every stage and check.
// It reports MB/s, segments/s and the peak RSS. Run one size per process,
// as make bench does, so that peak-RSS-MB is that size's own:
//
//	go test ./pipeline -run '^$' -bench 'OneLine/20MB$' -benchtime 1x
func BenchmarkOneLine(b *testing.B) {
	TuneMemory() // as the command does
	for _, mb := range []int64{2, 5, 20} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			path, total, err := benchcorpus.OneLine(mb << 20)
			if err != nil {
				b.Fatal(err)
			}
			r, err := NewRunner(Config{Jobs: runtime.NumCPU()})
			if err != nil {
				b.Fatal(err)
			}
			benchRun(b, r, path, total)
		})
	}
}
