package detect

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/segment"
)

// NewScreened is New with screens in front of lingua, for runs over
// corpora whose target is mostly English and whose detector knows several
// Latin-script languages (transcheck filter): there lingua would take most
// of the time, about a tenth of a millisecond a sentence. Short text takes
// the expected or declared language (screenShort); English is decided by
// its function words (screenEnglish), the other languages by theirs
// (screenFunctionWords), and English without function words by its words
// when SetEnglishWords gave a test of them (screenVocabulary). Any other
// text goes to lingua as with New.
func NewScreened(langs []string, expected ...string) (*Detector, error) {
	d, err := New(langs, expected...)
	if err != nil {
		return nil, err
	}
	for _, l := range d.langs {
		if l == "en" {
			d.screen = true
		}
	}
	return d, nil
}

// englishWords are English function words. Some are words of the other
// languages too ("is" in Dutch, "was" in German, "in" in all but French):
// those count only because a text of that language holds some of
// otherWords as well, which sends it to lingua.
var englishWords = setOf("the of and that with for this are were have has been from which would they their there what " +
	"you your not but his she it its we our be by at to is was in on he will an my me can or if " +
	"let like please want go get how who why where when here all very yes about more too just did does don isn")

// otherWords are the function words of the other languages (see
// functionWords) that English text does not hold: one of them sends the
// text to lingua.
var otherWords = func() map[string]bool {
	m := map[string]bool{}
	for w := range functionLanguage {
		if !inEnglishToo[w] {
			m[w] = true
		}
	}
	return m
}()

// screenKind is englishWords and otherWords in one map, for
// screenEnglish to look a word up once.
var screenKind = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range englishWords {
		m[w] |= kindEnglish
	}
	for w := range otherWords {
		m[w] |= kindOther
	}
	return m
}()

const (
	kindEnglish uint8 = 1 << iota
	kindOther
)

// inEnglishToo are function words of the other languages that English
// text holds as well, in Latin phrases, names and abbreviations (per cent,
// non-governmental, de facto, Al Gore, UN, the pinyin of Zhan'ao): they
// help name a language but do not make a text foreign.
var inEnglishToo = setOf("al ao de en ha im non per pour sa se su un y ze elle dat dit")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// shortWords is the fewest words of Latin-script text that the screened
// detector asks lingua about: "OK.", "Hello," or "Order" are any of the
// Latin-script languages it knows, and lingua's first choice among them
// is noise.
const shortWords = 3

// screenShort decides Latin-script text of fewer than shortWords words
// without lingua: it is in the one Latin-script language the detector
// expects, or, when it expects none or several, in the language its file
// declares for it (declared, "" for none) if the detector knows it;
// otherwise lingua is asked.
func (d *Detector) screenShort(words int, declared string) (string, bool) {
	if words >= shortWords {
		return "", false
	}
	found := ""
	for l := range d.expected {
		if !nonLatin[l] {
			if found != "" {
				found = ""
				break
			}
			found = l
		}
	}
	if found == "" && declared != "" && d.isLatin(declared) {
		found = declared
	}
	return found, found != ""
}

// screenEnglish reports whether Latin-script text reads as English by its
// function words (see NewScreened), and the confidence it gives.
func screenEnglish(text string) (float64, bool) {
	en, words := 0, 0
	var buf [16]byte
	ws := newWords(text)
	for {
		w, ok := ws.next()
		if !ok {
			break
		}
		words++
		if w == "I" { // Italian's "i" is lower case
			en++
			continue
		}
		// The word lowered, in buf when it is short ASCII (the lists hold
		// nothing longer): looked up without allocating.
		var kind uint8
		if len(w) <= len(buf) && isASCII(w) {
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			kind = screenKind[string(buf[:len(w)])]
		} else {
			kind = screenKind[strings.ToLower(w)]
		}
		if kind&kindOther != 0 {
			return 0, false
		}
		if kind&kindEnglish != 0 {
			en++
		}
	}
	if en < 2 && !(en == 1 && words <= 6) {
		return 0, false
	}
	return 0.9, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// functionWordsConfidence is the confidence of a language named by its
// function words (screenFunctionWords).
const functionWordsConfidence = 0.8

// functionWords are function words of the Latin-script languages that
// most often pass for English in web-crawled corpora, by language; a word
// of several languages is listed under each. Words that are common English
// words too ("die", "do", "no", "son", "is") are left out; those English
// text holds now and then ("per", "de") are in, and listed in
// inEnglishToo.
var functionWords = map[string][]string{
	"fr": strings.Fields("le la les des est une et du au aux ce cette qui que pas sont dans pour avec sur mais nous vous ils elle " +
		"été être à où je il en leur ses très sa"),
	"de": strings.Fields("der das und ist nicht ein eine einen mit von zu den dem sie ich auf auch sich wir ihr wird werden wurde " +
		"nach bei aus für über oder aber noch zur zum des im vom unsere unser es"),
	"es": strings.Fields("el la los las por para con una es lo del como pero muy está están también fue sus su y que en al un"),
	"it": strings.Fields("il di che non per della delle dei degli sono gli nel nella alla anche questo questa molto è ha le la lo una un"),
	"pt": strings.Fields("não uma em com são também muito você ao os da das dos que se por para"),
	"nl": strings.Fields("het een van niet zijn ook maar wij dat voor naar worden werd deze dit ze op de en"),
}

// functionLanguage maps each function word to the languages it belongs to.
var functionLanguage = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range functionWords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// screenFunctionWords names the language of Latin-script text by its
// function words, without lingua, when they say it clearly: at least two
// distinct ones of one language (among those the detector knows), at
// least twice as many as of any other, and no English function word.
// Anything less clear is lingua's to decide.
func (d *Detector) screenFunctionWords(text string) (string, bool) {
	hits := map[string]int{} // distinct function words by language
	seen := map[string]bool{}
	words := 0
	for w := range letterWords(text) {
		w = strings.ToLower(w)
		words++
		if englishWords[w] && len(functionLanguage[w]) == 0 {
			return "", false
		}
		if seen[w] {
			continue // "x: x, y: y" is code, not Spanish
		}
		seen[w] = true
		for _, l := range functionLanguage[w] {
			hits[l]++
		}
	}
	best := ""
	for l, n := range hits {
		if best == "" || n > hits[best] || n == hits[best] && l < best {
			best = l
		}
	}
	second := 0
	for l, n := range hits {
		if l != best {
			second = max(second, n)
		}
	}
	if best == "" || words < shortWords || hits[best] < 2 || hits[best] < 2*second || !d.isLatin(best) {
		return "", false
	}
	return best, true
}

// vocabularyConfidence is the confidence of English decided by its words
// (screenVocabulary).
const vocabularyConfidence = 0.8

// SetEnglishWords gives a screened detector a test of English words
// (lower case), such as lexicon.Lexicon.IsGlossWord of CC-CEDICT: English
// text with no function word ("Birds build nests.") is then English when
// its words are, without lingua. Call it before the detector is used.
func (d *Detector) SetEnglishWords(known func(lower string) bool) { d.englishWord = known }

// screenVocabulary reports whether Latin-script text reads as English by
// its words: written in ASCII letters, no function word of another
// language, and every word of two letters or more an English word except
// capitalised ones (names), of which there are at most half as many as of
// English words ("a" and "I" among them), themselves at least three. A
// word of otherWords sends the text to lingua, as in screenEnglish.
func (d *Detector) screenVocabulary(text string) bool {
	if d.englishWord == nil {
		return false
	}
	known, names := 0, 0
	for w := range letterWords(text) {
		if !isASCII(w) {
			return false
		}
		if w == "a" || w == "I" {
			known++ // "Wait a moment."
			continue
		}
		if len(w) < 2 {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case otherWords[lw]:
			return false
		case d.englishWord(lw):
			known++
		case w[0] >= 'A' && w[0] <= 'Z':
			names++
		default:
			return false
		}
	}
	return known >= 3 && 2*names <= known
}

// letterWords yields the runs of letters of text in order: the words the
// screens look at (apostrophes cut them: "it's" is "it" and "s"). Words
// inside a link or an address (a stretch without spaces holding "://",
// "www." or "@") are not yielded: "com" of github.com is no Portuguese.
func letterWords(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		ws := newWords(text)
		for {
			w, ok := ws.next()
			if !ok || !yield(w) {
				return
			}
		}
	}
}

// words walks the words of a text as letterWords yields them, without
// the closures of an iterator (screenEnglish reads every English
// sentence of a corpus), a byte at a time where the text is ASCII.
type words struct {
	text  string
	i     int    // where the next chunk (run of non-space) begins, or before
	chunk string // what is left of the current chunk
}

func newWords(text string) words { return words{text: text} }

// next returns the next word, or false at the end of the text.
func (ws *words) next() (string, bool) {
	for {
		if w, ok := ws.inChunk(); ok {
			return w, true
		}
		if !ws.nextChunk() {
			return "", false
		}
	}
}

// nextChunk moves to the next run of non-space text, left empty when it
// is a link; false at the end of the text. ASCII bytes are looked at in
// place, other runes decoded.
func (ws *words) nextChunk() bool {
	t := ws.text
	i := ws.i
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	if i == len(t) {
		ws.i = i
		return false
	}
	end, marks := i, false
	for end < len(t) {
		if c := t[end]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			marks = marks || c == '.' || c == ':' || c == '@'
			end++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += n
	}
	ws.i, ws.chunk = end, t[i:end]
	if marks && isLink(ws.chunk) { // a link has one of . : @
		ws.chunk = ""
	}
	return true
}

// inChunk returns the next word of the current chunk, or false when it
// has none left. White space is no letter, so a word is within a chunk.
func (ws *words) inChunk() (string, bool) {
	c := ws.chunk
	j := 0
	for j < len(c) {
		if b := c[j]; b < utf8.RuneSelf {
			if asciiLetter(b) {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(c[j:])
		if segment.IsLetter(r) {
			break
		}
		j += n
	}
	k := j
	for k < len(c) {
		if b := c[k]; b < utf8.RuneSelf {
			if !asciiLetter(b) {
				break
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(c[k:])
		if !segment.IsLetter(r) {
			break
		}
		k += n
	}
	ws.chunk = c[k:]
	return c[j:k], k > j
}

// asciiSpace marks the ASCII bytes unicode.IsSpace calls space.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isLink reports whether a run of non-space text is a link or an address.
func isLink(chunk string) bool {
	return strings.Contains(chunk, "://") || strings.Contains(chunk, "www.") || strings.Contains(chunk, "@")
}
