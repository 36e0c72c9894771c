package lexicon

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate go run ./internal/genirregular -out irregular.gz

// irregularGz holds the irregular English verb forms of WordNet's
// exception list with their base forms (internal/genirregular).
//
//go:embed irregular.gz
var irregularGz []byte

// irregular maps the Norm-less lower-case form to the Norms of its bases,
// for the forms whose own Norm is none of them. Read on first use.
var irregular = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	// An unreadable table leaves it empty: irregular forms then match
	// only themselves.
	eachTableRow(irregularGz, func(form, bases string) {
		own := englishStem(form)
		var norms []string
		for _, b := range strings.Fields(bases) {
			if n := englishStem(b); n != own && !containsStr(norms, n) {
				norms = append(norms, n)
			}
		}
		if len(norms) > 0 {
			m[form] = norms
		}
	})
	return m
})

// BaseNorms returns the Norms of the bases of an English word that its own
// Norm does not reach: of an irregular verb form (shot → shoot, found →
// find, went → go), from WordNet's exception list, and of a word negated
// by un- (unimplemented → implement, unknown → known; five letters or
// more must remain, so that under and united are left alone); nil for any
// other word. Its own Norm stays a match too (found is also a verb of
// its own, lay the past of lie and a verb).
func BaseNorms(word string) []string {
	lw := lowerWord(word)
	bases := irregular()[lw]
	if rest, ok := strings.CutPrefix(lw, "un"); ok && len(rest) >= 5 && !IsEnglishStop(rest) {
		if n := englishStem(rest); n != englishStem(lw) {
			return append(bases[:len(bases):len(bases)], n)
		}
	}
	return bases
}
