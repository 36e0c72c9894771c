package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/filter"
)

// BenchmarkBeamPairs runs pairs mode on Prism, in process, over the
// generated MT pairs transcheck filter's benchmark reads
// (benchcorpus.MTTSV, the same file in $TMPDIR), with the default checks,
// writing the shards to a temporary folder; it reports pairs/s and the
// process's peak RSS. make bench-beam runs the 1M size, then the filter's
// benchmark on the same file, for the overhead ratio.
func BenchmarkBeamPairs(b *testing.B) {
	pipeline.TuneMemory() // as main does
	pipeline.SetMemoryLimit(filter.MemoryLimit)
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			path, size, err := benchcorpus.MTTSV(repoRoot, n)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			b.ResetTimer()
			var sum filter.Summary
			for i := 0; i < b.N; i++ {
				prefix := filepath.Join(b.TempDir(), "out")
				var stdout, stderr bytes.Buffer
				if code := run(context.Background(), []string{"pairs", "--input", path, "--output", prefix}, &stdout, &stderr); code != 0 {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
				b.StopTimer()
				text, err := os.ReadFile(prefix + "-summary.json")
				if err != nil {
					b.Fatal(err)
				}
				if err := json.Unmarshal(text, &sum); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.StopTimer()
			if sum.Read != n {
				b.Fatalf("read %d pairs, want %d", sum.Read, n)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
			b.ReportMetric(float64(sum.Rejected)/float64(n)*100, "%rejected")
			b.ReportMetric(benchcorpus.PeakRSS(), "peak-RSS-MB")
		})
	}
}
