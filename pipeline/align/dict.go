package align

import (
	"unicode"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// dictionary returns the dictionary evidence that the options ask for, or
// nil for none: source words match by their lexicon translations (stems)
// with the stems of the target words.
func (o Options) dictionary() *lexDict {
	if o.Lexicon == nil {
		return nil
	}
	return &lexDict{o.Lexicon}
}

// lexDict is the lexicon an alignment uses.
type lexDict struct{ lex *lexicon.Lexicon }

// allDigits reports whether s has no letter: numbers are matched by value.
func allDigits(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
