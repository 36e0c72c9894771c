package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/read"
	"github.com/transcheck/transcheck/reports"
)

// BenchmarkCheckCommand runs the whole command as a user would,
//
//	transcheck check -j 2 -o json=FILE CORPUS
//
// over generated corpora of 10 MB and 100 MB (benchcorpus.Folder): every
// stage and check, the documents spooled as they are checked, and the JSON
// report written from the spool. It reports segments/s, the peak RSS and
// the ratio to a plain read of the same bytes (x-read-floor). Run one size
// per process, as make bench does, so that peak-RSS-MB is that size's own.
func BenchmarkCheckCommand(b *testing.B) {
	pipeline.TuneMemory() // as main does
	for _, mb := range []int64{10, 100} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			dir, total, err := benchcorpus.Folder("../..", mb<<20)
			if err != nil {
				b.Fatal(err)
			}
			floor, err := benchcorpus.ReadFloor(dir)
			if err != nil {
				b.Fatal(err)
			}
			out := filepath.Join(b.TempDir(), "report.json")
			benchCommand(b, total, "check", "-j", "2", "--no-progress", "--fail-on", "never", "-o", "json="+out, dir)
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			data, err := os.ReadFile(out)
			if err != nil {
				b.Fatal(err)
			}
			var rep struct {
				Totals pipeline.Counts `json:"totals"`
			}
			if err := json.Unmarshal(data, &rep); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(rep.Totals.Segments)/(perOp/1e9), "segments/s")
			b.ReportMetric(benchcorpus.PeakRSS(), "peak-RSS-MB")
			b.ReportMetric(perOp/floor, "x-read-floor")
		})
	}
}

// BenchmarkStages times each stage alone, on one core, over the same
// corpora: read, then each of pipeline.Stages, the checks, the spool, and
// the JSON report written from the spool. Each document is prepared up to
// the stage before, with the timer stopped, and dropped after, so memory
// stays that of one document; MB/s is of the corpus' bytes.
func BenchmarkStages(b *testing.B) {
	pipeline.TuneMemory()
	for _, mb := range []int64{10, 100} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			dir, total, err := benchcorpus.Folder("../..", mb<<20)
			if err != nil {
				b.Fatal(err)
			}
			r, err := pipeline.NewRunner(pipeline.Config{Jobs: 1})
			if err != nil {
				b.Fatal(err)
			}
			inputs, _ := read.Discover([]string{dir}, read.Options{})
			r.Process(read.File(inputs[0], read.Options{})) // load the dictionary outside the timings
			// prepare reads a document and runs the first n stages.
			prepare := func(in read.Input, n int) *document.Document {
				doc := read.File(in, read.Options{})
				for _, st := range pipeline.Stages[:n] {
					st.Run(r, doc)
				}
				return doc
			}
			// The reports of the whole corpus, made once, for the report
			// stage and the count of segments.
			reps := make([]pipeline.DocumentReport, 0, len(inputs))
			segments := 0
			for _, in := range inputs {
				d := r.Measure(prepare(in, len(pipeline.Stages)))
				d.Doc = nil
				reps = append(reps, d)
				segments += d.Counts.Segments
			}
			report := func(b *testing.B) {
				b.ReportMetric(float64(segments)/(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9), "segments/s")
				b.ReportMetric(benchcorpus.PeakRSS(), "peak-RSS-MB")
			}
			b.Run("read", func(b *testing.B) {
				b.SetBytes(total)
				for i := 0; i < b.N; i++ {
					for _, in := range inputs {
						read.File(in, read.Options{})
					}
				}
				report(b)
			})
			for k, st := range pipeline.Stages {
				b.Run(st.Name, func(b *testing.B) {
					b.SetBytes(total)
					for i := 0; i < b.N; i++ {
						for _, in := range inputs {
							b.StopTimer()
							doc := prepare(in, k)
							b.StartTimer()
							st.Run(r, doc)
						}
					}
					report(b)
				})
			}
			b.Run("metrics", func(b *testing.B) {
				b.SetBytes(total)
				for i := 0; i < b.N; i++ {
					for _, in := range inputs {
						b.StopTimer()
						doc := prepare(in, len(pipeline.Stages))
						b.StartTimer()
						r.Measure(doc)
					}
				}
				report(b)
			})
			b.Run("report", func(b *testing.B) {
				b.SetBytes(total)
				out := filepath.Join(b.TempDir(), "report.json")
				for i := 0; i < b.N; i++ {
					spool, err := pipeline.NewSpool(b.TempDir())
					if err != nil {
						b.Fatal(err)
					}
					rep := &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Reasons: []string{}}, Problems: []string{}}
					for j := range reps {
						if err := spool.Add(&reps[j]); err != nil {
							b.Fatal(err)
						}
					}
					rep.UseSpool(spool)
					if err := writeReport("json", out, io.Discard, rep, reports.Options{}); err != nil {
						b.Fatal(err)
					}
					spool.Close()
				}
				report(b)
			})
		})
	}
}

// BenchmarkCheckCommandTMX runs the whole command over one translation
// memory of a million units (benchcorpus.TMX, about 200 MB), read as a
// stream of chunks:
//
//	transcheck check -j 2 --max-file-size 1000 -o json=FILE big.tmx
func BenchmarkCheckCommandTMX(b *testing.B) {
	pipeline.TuneMemory()
	path, size, err := benchcorpus.TMX("../..", 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "report.json")
	benchCommand(b, size, "check", "-j", "2", "--no-progress", "--fail-on", "never", "--max-file-size", "1000", "-o", "json="+out, path)
	b.ReportMetric(benchcorpus.PeakRSS(), "peak-RSS-MB")
}

// benchCommand times b.N runs of the command over size bytes of input;
// the timer is stopped when it returns.
func benchCommand(b *testing.B, size int64, args ...string) {
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var stderr bytes.Buffer
		if code := run(args, nil, io.Discard, &stderr); code != exitOK {
			b.Fatalf("exit %d: %s", code, stderr.String())
		}
	}
	b.StopTimer()
}

// BenchmarkCheckDocs runs the command over the documentation trees of the
// shared data (../shared/data/docs-dev: ant-design and ECharts, about
// 6.7 MB of Markdown): the MB/s of a real Markdown corpus, every stage and
// check included.
func BenchmarkCheckDocs(b *testing.B) {
	dir := filepath.Join("../..", sharedData, "docs-dev")
	var total int64
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			total += fi.Size()
		}
		return err
	})
	if os.IsNotExist(err) {
		b.Skipf("%s/docs-dev not found: skipping", sharedData)
	}
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "report.json")
	benchCommand(b, total, "check", "-j", "2", "--no-progress", "--fail-on", "never", "-o", "json="+out, dir)
	b.ReportMetric(benchcorpus.PeakRSS(), "peak-RSS-MB")
}
