package align

import (
	"unicode"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// dictionary gives the content words of a sentence, each as the keys it
// matches on the other side of a bead.
type dictionary interface {
	// sourceWords returns the content words of a source sentence, each as
	// the keys of its translations.
	sourceWords(text string) [][]string
	// targetWords returns the content words of a target sentence, each as
	// its own keys.
	targetWords(text string) [][]string
}

// dictionary returns the dictionary evidence that the options ask for, or
// nil for none.
func (o Options) dictionary() dictionary {
	if o.Lexicon == nil {
		return nil
	}
	return lexDict{o.Lexicon}
}

// lexDict matches source words by their lexicon translations (stems) with
// the stems of the target words.
type lexDict struct{ lex *lexicon.Lexicon }

func (d lexDict) sourceWords(text string) [][]string {
	var out [][]string
	for _, tok := range d.lex.Segment(text) {
		if tok.Stop || allDigits(tok.Text) {
			continue
		}
		if tr := d.lex.Translations(tok.Text); len(tr) > 0 {
			out = append(out, tr)
		}
	}
	return out
}

func (d lexDict) targetWords(text string) [][]string {
	var out [][]string
	for _, tok := range lexicon.EnglishTokens(text) {
		if tok.Stop || allDigits(tok.Text) {
			continue
		}
		out = append(out, []string{tok.Norm})
	}
	return out
}

// allDigits reports whether s has no letter: numbers are matched by value.
func allDigits(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}
