package filter

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/read"
)

// BenchmarkFilter filters a generated TSV of MT pairs (benchcorpus.MTTSV,
// written once into $TMPDIR) with the default checks on two workers,
// writing the kept and rejected pairs to files, and reports pairs/s and
// the process's peak RSS. make bench runs the 1M size in a process of its
// own, so the peak is that run's.
func BenchmarkFilter(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			pipeline.TuneMemory()
			pipeline.SetMemoryLimit(MemoryLimit) // as the command does
			path, size, err := benchcorpus.MTTSV("../..", n)
			if err != nil {
				b.Fatal(err)
			}
			p, err := New(Config{Jobs: 2})
			if err != nil {
				b.Fatal(err)
			}
			dir := b.TempDir()
			b.SetBytes(size)
			b.ResetTimer()
			var sum Summary
			for i := 0; i < b.N; i++ {
				sum = runToFiles(b, p, path, dir)
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

func runToFiles(tb testing.TB, p *Pipeline, path, dir string) Summary {
	rej, err := os.Create(filepath.Join(dir, "rejected.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer rej.Close()
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	sum, err := p.Run(context.Background(), []read.Input{{Source: path}}, Outputs{Reject: rej,
		Keep: func(string) (io.Writer, error) {
			f, err := os.Create(filepath.Join(dir, "kept.tsv"))
			files = append(files, f)
			return f, err
		}})
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

// BenchmarkJudge judges the first 20,000 pairs of the generated corpus on
// one goroutine, with no reading or writing: the cost of the checks alone
// (the detector's models are loaded before the clock starts).
func BenchmarkJudge(b *testing.B) {
	path, _, err := benchcorpus.MTTSV("../..", 20_000)
	if err != nil {
		b.Fatal(err)
	}
	p, err := New(Config{Jobs: 1})
	if err != nil {
		b.Fatal(err)
	}
	var pairs []Pair
	if _, err := p.ReadPairs(read.Input{Source: path}, 0, func(pr Pair) error {
		if len(pairs) < 20_000 {
			pairs = append(pairs, pr)
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	n := p.NormsOf(pairs)
	judgeAll(p, pairs, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		judgeAll(p, pairs, n)
	}
	b.ReportMetric(float64(len(pairs)*b.N)/b.Elapsed().Seconds(), "pairs/s")
}

// judgeAll is BenchmarkJudge's loop, a function of its own so that a
// profiler can count it alone (valgrind --toggle-collect=*judgeAll*).
//
//go:noinline
func judgeAll(p *Pipeline, pairs []Pair, n Norms) {
	for _, pr := range pairs {
		p.JudgePair(pr, n)
	}
}
