package lexicon

import (
	"strings"
	"sync"

	"github.com/kljensen/snowball/english"
)

// glossStems is the set of the Snowball stems of a lexicon's gloss words:
// for CC-CEDICT, the stems of about 40,000 English words.
type glossStems struct {
	once  sync.Once
	stems map[string]struct{}
}

// IsGlossWord reports whether the lower-case word w is, by its Snowball
// stem (the Norm of EnglishTokens), a word of one of the lexicon's glosses
// in some form: "birds", "hugged" and "studies" are, as the glosses say
// "bird", "hug" and "study". For CC-CEDICT, whose glosses are English, it
// tells English words from others without a word list of its own. The set
// is built on first use (about 0.2 s).
func (l *Lexicon) IsGlossWord(w string) bool {
	l.gloss.once.Do(func() {
		words := map[string]bool{}
		for i := range l.entries {
			for _, g := range strings.FieldsFunc(l.entries[i].glosses, func(r rune) bool { return !isASCIILetter(r) }) {
				if len(g) > 1 {
					words[strings.ToLower(g)] = true
				}
			}
		}
		l.gloss.stems = make(map[string]struct{}, len(words))
		for g := range words {
			// english.Stem, not englishStem: the gloss words would fill
			// the cache meant for the running text's words.
			l.gloss.stems[strings.Clone(english.Stem(g, true))] = struct{}{}
		}
	})
	_, ok := l.gloss.stems[englishStem(w)]
	return ok
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }
