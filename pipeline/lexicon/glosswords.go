package lexicon

import (
	"strings"
	"sync"
)

// glossWords is the set of words of a lexicon's glosses, lower-cased:
// for CC-CEDICT, about 40,000 English words.
type glossWords struct {
	once  sync.Once
	words map[string]struct{}
}

// IsGlossWord reports whether the lower-case word w, or w without a plural,
// past or gerund ending ("birds", "nested", "hugged", "building"), is a word of one
// of the lexicon's glosses. For CC-CEDICT, whose glosses are English, it
// tells English words from others without a word list of its own. The set
// is built on first use (about 0.1 s).
func (l *Lexicon) IsGlossWord(w string) bool {
	l.gloss.once.Do(func() {
		l.gloss.words = map[string]struct{}{}
		for i := range l.entries {
			for _, g := range strings.FieldsFunc(l.entries[i].glosses, func(r rune) bool { return !isASCIILetter(r) }) {
				if len(g) > 1 {
					l.gloss.words[strings.ToLower(g)] = struct{}{}
				}
			}
		}
	})
	known := func(s string) bool {
		_, ok := l.gloss.words[s]
		return ok
	}
	if known(w) {
		return true
	}
	for _, c := range []struct{ suffix, repl string }{
		{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"}, {"ly", ""},
	} {
		stem, ok := strings.CutSuffix(w, c.suffix)
		if !ok || len(stem) < 2 {
			continue
		}
		if known(stem + c.repl) {
			return true
		}
		// hugged, stopping: the doubled consonant of the stem
		if n := len(stem); c.repl == "" && n > 2 && stem[n-1] == stem[n-2] && known(stem[:n-1]) {
			return true
		}
	}
	return false
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }
