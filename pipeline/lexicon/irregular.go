package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
)

//go:generate go run ./internal/genirregular -out irregular.gz

// irregularGz holds the irregular English word forms of WordNet's
// exception lists with their base forms (internal/genirregular).
//
//go:embed irregular.gz
var irregularGz []byte

// irregular maps the Norm-less lower-case form to the Norms of its bases,
// for the forms whose own Norm is none of them. Read on first use.
var irregular = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	zr, err := gzip.NewReader(bytes.NewReader(irregularGz))
	if err != nil {
		return m // an empty table: irregular forms then match only themselves
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		form, bases, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
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
	}
	return m
})

// BaseNorms returns the Norms of the base forms of an irregular English
// word form whose own Norm does not reach them (shot → shoot, found →
// find, children → child, better → good, well), from WordNet's exception
// lists; nil for any other word. A form may have several bases (found is
// find's past and a verb of its own: its Norm stays a match too).
func BaseNorms(word string) []string {
	return irregular()[lowerWord(word)]
}
