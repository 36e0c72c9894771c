package reports

import (
	"context"
	"io"
	"testing"

	"github.com/transcheck/transcheck/pipeline"
)

// BenchmarkReport renders each format for a report of 500 copies of the
// seed article's results (about 7 MB of checked text), the report stage of
// a corpus run.
func BenchmarkReport(b *testing.B) {
	r, err := pipeline.NewRunner(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	seed, err := r.Run(context.Background(), []string{"../testdata/seed"})
	if err != nil {
		b.Fatal(err)
	}
	rep := &pipeline.Report{Version: seed.Version, Gate: seed.Gate, Problems: []string{}}
	for i := 0; i < 500; i++ {
		rep.Documents = append(rep.Documents, seed.Documents[0])
	}
	for _, name := range Names() {
		if name == "html" {
			continue // needs the documents themselves, which a corpus run does not keep
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(500 * 14082)
			for i := 0; i < b.N; i++ {
				if err := Formats[name](io.Discard, Options{}).Print(rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
