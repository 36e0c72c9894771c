package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence. Lower case,
// without the final period.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true, "st": true,
	"mt": true, "gen": true, "gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "capt": true,
	"col": true, "lt": true, "sgt": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "cf": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "u.s.a": true, "p.r.c": true, "d.c": true,
	"no": true, "nos": true, "fig": true, "figs": true, "vol": true, "p": true, "pp": true, "ch": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "dept": true, "univ": true, "assn": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "est": true,
	"a.m": true, "p.m": true, "ph.d": true, "op": true, "ed": true, "eds": true, "al": true,
}

// closers may follow a sentence-final mark and still belong to the sentence.
const closers = `"')]}’”」』）】》〉»`

// Sentences splits text into sentences. In CJK text a sentence ends after
// 。！？；… (and ASCII ! ? ;) with any closing quotes or brackets; commas,
// ASCII or full-width, never end one. In other scripts a sentence ends after
// . ! ? followed by space and a capital, digit, quote or CJK character,
// unless the word before the period is a known abbreviation ("U.S.", "Mr.")
// or a single initial. Decimals ("4.7%") never split because no space
// follows the point.
func Sentences(text string) []Span { return SentencesOutside(text, nil) }

// SentencesOutside is Sentences that never ends a sentence inside one of
// the protected spans (sorted byte ranges of text, as Protected returns):
// the full stop inside inline code (`'图表的标题是：{title}。'`) or a URL
// belongs to the code, but full stops that end a span (a URL at the end of
// a sentence) may end the sentence too.
func SentencesOutside(text string, protected [][2]int) []Span {
	var spans []Span
	start := 0
	emit := func(end int) {
		s, e := trimSpace(text, start, end)
		if s < e {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		for len(protected) > 0 && protected[0][1] <= i {
			protected = protected[1:]
		}
		if len(protected) > 0 && protected[0][0] <= i {
			// a URL's last full stop is the sentence's (see example.com.)
			end := protected[0][1]
			for end > i && strings.IndexByte(".?!", text[end-1]) >= 0 {
				end--
			}
			protected = protected[1:]
			if end > i {
				i = end
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		next := i + n
		switch {
		case r == '。' || r == '！' || r == '？' || r == '；' || r == '…' && cjkBefore(text, i):
			end := skipClosers(text, skipRepeats(text, next, r))
			emit(end)
			next = end
		case r == '!' || r == '?' || r == ';' && cjkBefore(text, i):
			end := skipClosers(text, skipRepeats(text, next, r))
			if cjkBefore(text, i) || startsSentence(text, end) {
				emit(end)
				next = end
			}
		case r == '.':
			if next < len(text) && text[next] == '.' { // ellipsis "..."
				next = skipRepeats(text, next, '.')
			}
			end := skipClosers(text, next)
			if (cjkBefore(text, i) && end < len(text)) || startsSentence(text, end) && !abbreviationBefore(text, i) {
				emit(end)
				next = end
			}
		}
		i = next
	}
	emit(len(text))
	return foldLetterless(text, spans)
}

// foldLetterless joins spans with no letters or digits (a stray dash, a
// closing quote) to the sentence before them, or after them when first.
func foldLetterless(text string, spans []Span) []Span {
	out := spans[:0]
	for _, sp := range spans {
		if len(out) > 0 && !hasWordChar(text[sp.Start:sp.End]) {
			out[len(out)-1].End = sp.End
			continue
		}
		if len(out) == 1 && !hasWordChar(text[out[0].Start:out[0].End]) {
			out[0].End = sp.End
			continue
		}
		out = append(out, sp)
	}
	return out
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func skipRepeats(text string, i int, r rune) int {
	for i < len(text) {
		c, n := utf8.DecodeRuneInString(text[i:])
		if c != r {
			break
		}
		i += n
	}
	return i
}

func skipClosers(text string, i int) int {
	for i < len(text) {
		c, n := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(closers, c) {
			break
		}
		i += n
	}
	return i
}

// cjkBefore reports whether the rune before byte i is a CJK character.
func cjkBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return ScriptOf(r) == ScriptCJK
}

// startsSentence reports whether text[i:] is white space followed by the
// start of a new sentence.
func startsSentence(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsSpace(r) {
		// A CJK character right after the mark starts a sentence too.
		return ScriptOf(r) == ScriptCJK
	}
	i += n
	for i < len(text) {
		r, n = utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i >= len(text) {
		return false
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘([¿¡`, r) || ScriptOf(r) == ScriptCJK
}

// abbreviationBefore reports whether the period at byte i ends an
// abbreviation or an initial.
func abbreviationBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		j -= n
	}
	word := text[j:i]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: "J. Smith"
	}
	return abbreviations[strings.ToLower(word)]
}
