package align

import (
	"testing"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// accuracyOptions are the options the accuracy test aligns with: the
// embedded Chinese–English lexicon.
func accuracyOptions(t testing.TB) Options {
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Lexicon: lex}
}
