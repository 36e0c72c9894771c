package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/document"
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

// corpus returns a generated folder of about size bytes and its size
// (benchcorpus.Folder).
func corpus(tb testing.TB, size int64) (string, int64) {
	dir, total, err := benchcorpus.Folder("..", size)
	if err != nil {
		tb.Fatal(err)
	}
	return dir, total
}

// BenchmarkCheck runs the pipeline (every stage and metric, two jobs, the
// documents streamed and dropped) over generated corpora of 10 MB and
// 100 MB; BenchmarkCheckCommand in cmd/transcheck adds the spool and the
// report. Run one size per process so that peak-RSS-MB is that size's
// own.
func BenchmarkCheck(b *testing.B) {
	TuneMemory() // as the command does
	for _, mb := range []int64{10, 100} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			dir, total := corpus(b, mb<<20)
			floor, err := benchcorpus.ReadFloor(dir)
			if err != nil {
				b.Fatal(err)
			}
			r, err := NewRunner(Config{Jobs: 2})
			if err != nil {
				b.Fatal(err)
			}
			perOp := benchRun(b, r, dir, total)
			b.ReportMetric(perOp/floor, "x-read-floor")
		})
	}
}

// BenchmarkStage times each stage alone on the 10 MB corpus, each on
// documents prepared up to the stage before it.
func BenchmarkStage(b *testing.B) {
	dir, total := corpus(b, 10<<20)
	r, err := NewRunner(Config{})
	if err != nil {
		b.Fatal(err)
	}
	inputs, _ := read.Discover([]string{dir}, read.Options{})
	readAll := func() []*document.Document {
		docs := make([]*document.Document, len(inputs))
		for i, in := range inputs {
			docs[i] = read.File(in, read.Options{})
		}
		return docs
	}
	upTo := func(docs []*document.Document, stages int) {
		for _, d := range docs {
			for _, st := range Stages[:stages] {
				st.Run(r, d)
			}
		}
	}
	r.Process(read.File(inputs[0], read.Options{})) // load the lexicon outside the timings
	b.Run("read", func(b *testing.B) {
		b.SetBytes(total)
		for i := 0; i < b.N; i++ {
			readAll()
		}
	})
	for k, st := range Stages {
		b.Run(st.Name, func(b *testing.B) {
			b.SetBytes(total)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				docs := readAll()
				upTo(docs, k)
				b.StartTimer()
				for _, d := range docs {
					st.Run(r, d)
				}
			}
		})
	}
	b.Run("metrics", func(b *testing.B) {
		b.SetBytes(total)
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			docs := readAll()
			upTo(docs, len(Stages))
			b.StartTimer()
			for _, d := range docs {
				countDocument(d, nil)
				metrics.RunMeasures(d, r.cfg.Metrics, r.cfg.MetricConfig, r.ownNorms())
			}
		}
	})
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
