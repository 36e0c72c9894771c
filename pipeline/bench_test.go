package pipeline

import (
	"testing"

	"github.com/transcheck/transcheck/pipeline/read"
)

const seedPath = "../testdata/seed/cyberspace-article.zh-en.txt"

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
