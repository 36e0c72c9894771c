package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/read"
	"github.com/transcheck/transcheck/pipeline/segment"
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

// sentencePairs returns the Chinese–English pairs of the seed article,
// which the repository holds: the tests build their files from these alone,
// so that a test reads the same bytes with or without ../shared/data
// (benchcorpus.Pairs adds the gold alignments' pairs when it is there, for
// the benchmarks).
func sentencePairs(tb testing.TB) [][2]string {
	tb.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	var pairs [][2]string
	for _, line := range strings.Split(string(data), "\n") {
		runs := segment.Runs(line, nil)
		if len(runs) == 2 && runs[0].Script == segment.ScriptCJK {
			pairs = append(pairs, [2]string{line[runs[0].Start:runs[0].End], line[runs[1].Start:runs[1].End]})
		}
	}
	if len(pairs) < 20 {
		tb.Fatalf("%d Chinese–English pairs in %s, want the seed's 24", len(pairs), seedPath)
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
