package lexicon

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// extraEnglishStop extends the Snowball English stop word list (about 130
// words, see english.IsStopWord) with a few modal and filler words.
var extraEnglishStop = map[string]bool{
	"also": true, "would": true, "could": true, "might": true, "shall": true,
	"may": true, "ought": true, "whether": true, "upon": true, "yet": true,
	"don't": true, "doesn't": true, "didn't": true, "isn't": true, "aren't": true,
	"wasn't": true, "weren't": true, "it's": true, "can't": true, "won't": true,
}

// glossJunk lists dictionary shorthand that carries no meaning in a gloss.
var glossJunk = map[string]bool{
	"sb": true, "sth": true, "sb's": true, "sth's": true, "one's": true,
	"oneself": true, "etc": true, "esp": true, "lit": true, "fig": true,
	"abbr": true, "pr": true, "e": true, "g": true, "ie": true,
}

// IsEnglishStop reports whether the lower-case English word w is a stop word.
func IsEnglishStop(w string) bool {
	return english.IsStopWord(w) || extraEnglishStop[w]
}

// EnglishTokens splits English text into words and returns them as tokens.
// A word is a run of letters and digits, possibly joined by apostrophes
// ("China's", "don't"); hyphens and all other characters separate words, so
// "rules-based" gives "rules" and "based". Norm is the Snowball English stem
// of the lower-cased word (words containing digits are only lower-cased).
// Stop is set for English stop words, except for all-capital acronyms such
// as "US" or "IT".
//
// The result is shared (see Segment): do not modify it.
func EnglishTokens(text string) []Token {
	if toks, ok := englishMemo.get(text); ok {
		return toks
	}
	text = strings.Clone(text) // see Segment
	toks := englishTokens(text)
	englishMemo.put(text, toks)
	return toks
}

var englishMemo = &memo{}

func englishTokens(text string) []Token {
	var toks []Token
	eachWord(text, func(start, end int) {
		w := text[start:end]
		lw := lowerWord(w)
		toks = append(toks, Token{
			Text:  w,
			Norm:  englishStem(lw),
			Start: start,
			End:   end,
			Stop:  IsEnglishStop(lw) && !isAcronym(w),
		})
	})
	return toks
}

// eachWord calls fn with the byte range of each word of text: runs of
// letters, digits and combining marks, with single apostrophes between
// letters kept inside the word.
func eachWord(text string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0:
			// keep when followed by a letter
			if j := i + size; j < len(text) {
				if n, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(n) {
					break
				}
			}
			fn(start, i)
			start = -1
		default:
			if start >= 0 {
				fn(start, i)
				start = -1
			}
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

func isWordRune(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || (unicode.IsMark(r) && r > 0x7f)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// lowerWord lower-cases w and normalises curly apostrophes.
func lowerWord(w string) string {
	lw := strings.ToLower(w)
	if strings.ContainsRune(lw, '\u2019') {
		lw = strings.ReplaceAll(lw, "\u2019", "'")
	}
	return lw
}

// stemCache remembers stems: Snowball is the costliest step of reading
// English, and running text repeats its words. It stops growing at
// stemCacheMax entries so memory stays bounded on any corpus.
var (
	stemCache     sync.Map
	stemCacheSize atomic.Int64
)

const stemCacheMax = 200_000

// englishStem returns the Norm of a lower-case word.
func englishStem(lw string) string {
	if hasDigit(lw) {
		return lw
	}
	if s, ok := stemCache.Load(lw); ok {
		return s.(string)
	}
	s := english.Stem(lw, true)
	if stemCacheSize.Load() < stemCacheMax {
		s = strings.Clone(s) // Stem may return its argument, a slice of the text
		if _, loaded := stemCache.LoadOrStore(strings.Clone(lw), s); !loaded {
			stemCacheSize.Add(1)
		}
	}
	return s
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether w has at least two letters and all of them are
// capitals.
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
