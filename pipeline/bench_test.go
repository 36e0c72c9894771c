package pipeline

import (
	"context"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/read"
)

const seedPath = "../" + benchcorpus.SeedPath

// BenchmarkProcessSeed measures every stage and check on the seed article.
func BenchmarkProcessSeed(b *testing.B) {
	r, err := NewRunner(Config{})
	if err != nil {
		b.Fatal(err)
	}
	r.Process(read.File(read.Input{Source: seedPath}, read.Options{})) // load the lexicon once
	b.SetBytes(14082)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Process(read.File(read.Input{Source: seedPath}, read.Options{}))
	}
}

// sentencePairs returns the pairs the generated corpora are built from
// (benchcorpus.Pairs).
func sentencePairs(tb testing.TB) [][2]string {
	pairs, err := benchcorpus.Pairs("..")
	if err != nil {
		tb.Fatal(err)
	}
	return pairs
}

// benchRun times whole runs over path (total bytes) and reports
// segments/s and the peak RSS; it returns the nanoseconds per run.
func benchRun(b *testing.B, r *Runner, path string, total int64) float64 {
	b.SetBytes(total)
	b.ResetTimer()
	var segs int
	for i := 0; i < b.N; i++ {
		rep, err := r.Stream(context.Background(), []string{path}, func(*DocumentReport) error { return nil })
		if err != nil {
			b.Fatal(err)
		}
		segs = rep.Totals.Segments
	}
	b.StopTimer()
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(segs)/(perOp/1e9), "segments/s")
	b.ReportMetric(benchcorpus.PeakRSS(), "peak-RSS-MB")
	return perOp
}
