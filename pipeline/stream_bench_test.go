package pipeline

import (
	"runtime"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
)

// largeTSV returns a generated TSV file of about size bytes and its size
// (benchcorpus.TSV).
func largeTSV(tb testing.TB, size int64) (string, int64) {
	path, total, err := benchcorpus.TSV("..", size)
	if err != nil {
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
