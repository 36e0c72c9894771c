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
			args := []string{"check", "-j", "2", "--no-progress", "--fail-on", "never", "-o", "json=" + out, dir}
			b.SetBytes(total)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var stderr bytes.Buffer
				if code := run(args, nil, io.Discard, &stderr); code != exitOK {
					b.Fatalf("exit %d: %s", code, stderr.String())
				}
			}
			b.StopTimer()
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
