// Package detect finds the language of a segment.
//
// Scripts decide what they can: Han without kana is Chinese, kana is
// Japanese, Hangul is Korean, Cyrillic, Greek, Arabic and Hebrew name their
// usual language. lingua-go decides only between the configured languages
// that share the Latin script, and its detector is built once, from those
// languages alone, and shared by every goroutine: a detector built from all
// 75 languages takes seconds and gigabytes, one from two languages a few
// milliseconds.
package detect

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
	"github.com/transcheck/transcheck/pipeline/segment"
)

// Detector detects languages among a fixed set. It is safe for concurrent
// use; the lingua model is built on first need.
type Detector struct {
	langs    []string // ISO 639-1 codes, as configured
	expected map[string]bool
	latin    []lingua.Language // configured languages written in Latin script

	// shared is lingua's detector of the Latin-script languages, shared
	// with the detectors WithExpected makes.
	shared *model
	// screen decides English by its function words before lingua is
	// asked (NewScreened).
	screen bool
	// englishWord, when set, tells English words (SetEnglishWords).
	englishWord func(lower string) bool
}

// scriptLanguage maps a script to the language it decides when it is not
// Latin and not CJK.
var scriptLanguage = map[segment.Script]string{
	segment.ScriptCyrillic: "ru",
	segment.ScriptGreek:    "el",
	segment.ScriptArabic:   "ar",
	segment.ScriptHebrew:   "he",
}

// New returns a detector for the given ISO 639-1 codes. expected names the
// languages a document is meant to hold (source and target); short texts
// that lingua cannot tell apart are given the expected language.
func New(langs []string, expected ...string) (*Detector, error) {
	d := &Detector{expected: map[string]bool{}, shared: &model{}}
	seen := map[string]bool{}
	for _, code := range append(append([]string{}, langs...), expected...) {
		code = Normalize(code)
		if code == "" || seen[code] {
			continue
		}
		seen[code] = true
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(strings.ToUpper(code)))
		if l == lingua.Unknown {
			return nil, fmt.Errorf("unknown language code %q (use ISO 639-1 codes such as zh, en, fr)", code)
		}
		d.langs = append(d.langs, code)
		if !nonLatin[code] {
			d.latin = append(d.latin, l)
		}
	}
	for _, e := range expected {
		if e = Normalize(e); e != "" {
			d.expected[e] = true
		}
	}
	sort.Strings(d.langs)
	return d, nil
}

// nonLatin lists languages decided by script, which lingua is never asked
// about.
var nonLatin = map[string]bool{"zh": true, "ja": true, "ko": true, "ru": true, "uk": true, "bg": true,
	"el": true, "ar": true, "he": true, "fa": true, "hi": true, "th": true, "ka": true, "hy": true,
	"mk": true, "sr": true, "be": true, "kk": true, "mn": true, "ur": true, "bn": true, "gu": true,
	"mr": true, "pa": true, "ta": true, "te": true}

// Languages returns the configured codes, sorted.
func (d *Detector) Languages() []string { return d.langs }

// Normalize turns a language tag such as "zh-CN", "ZH_cn" or "en-US" into
// its ISO 639-1 base ("zh", "en").
func Normalize(tag string) string {
	plain := true // lower-case letters only, the common case: nothing to do
	for i := 0; i < len(tag) && plain; i++ {
		plain = tag[i] >= 'a' && tag[i] <= 'z'
	}
	if plain {
		return tag
	}
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// Detect returns the language of text and a confidence between 0 and 1.
// It returns "" when the text has no letters (numbers, punctuation).
func (d *Detector) Detect(text string) (string, float64) {
	lang, conf, _ := d.detect(text, "")
	return lang, conf
}

// how says how detect decided: the confidence values when it asked lingua
// (so that DetectDeclared does not ask twice), or whether function words
// named a language other than English.
type how struct {
	values        []lingua.ConfidenceValue
	functionWords bool
}

// detect is Detect, and how it decided. declared is the language the
// text's file declares for it ("" none), in Normalize's form.
func (d *Detector) detect(text, declared string) (string, float64, how) {
	lc := countLetters(text)
	han, kana, hangul, letters, words, scripts := lc.han, lc.kana, lc.hangul, lc.letters, lc.words, lc.scripts
	if letters == 0 {
		return "", 0, how{}
	}
	cjk := han + kana + hangul
	// A CJK script decides when its characters outnumber the words of
	// other scripts: Latin names and code inside Chinese ("GDP", "3D",
	// "f.Stat") do not make the sentence English.
	if cjk > 0 && cjk >= words {
		share := float64(cjk) / float64(cjk+words)
		switch {
		case hangul > 0 && hangul >= kana:
			return "ko", share, how{}
		case kana > 0:
			return "ja", share, how{}
		default:
			return "zh", share, how{}
		}
	}
	best, n := scripts.top()
	if lang, ok := scriptLanguage[best]; ok {
		return lang, float64(n) / float64(letters), how{}
	}
	if best != segment.ScriptLatin {
		return "", 0, how{}
	}
	switch len(d.latin) {
	case 0:
		return "", 0, how{}
	case 1:
		// One Latin-script language in play: script decides, as lingua would.
		return code(d.latin[0]), 1, how{}
	}
	if d.screen {
		if lang, ok := d.screenShort(words, declared); ok {
			return lang, 0.5, how{}
		}
		if conf, ok := screenEnglish(text); ok {
			return "en", conf, how{}
		}
		if lang, ok := d.screenFunctionWords(text); ok {
			return lang, functionWordsConfidence, how{functionWords: true}
		}
		if d.screenVocabulary(text) {
			return "en", vocabularyConfidence, how{}
		}
	}
	values := d.model().ComputeLanguageConfidenceValues(text)
	if len(values) == 0 {
		return "", 0, how{values: values}
	}
	top := values[0]
	if !d.expected[code(top.Language())] && words < 4 {
		// Too short to overrule the expected languages.
		for _, v := range values {
			if d.expected[code(v.Language())] && v.Value() > 0 {
				return code(v.Language()), v.Value(), how{values: values}
			}
		}
	}
	return code(top.Language()), top.Value(), how{values: values}
}

// model is lingua's detector of a set of Latin-script languages, built on
// first need.
type model struct {
	once   sync.Once
	lingua lingua.LanguageDetector
}

// model returns the lingua detector of the Latin-script languages, built
// on first need.
func (d *Detector) model() lingua.LanguageDetector {
	d.shared.once.Do(func() {
		d.shared.lingua = lingua.NewLanguageDetectorBuilder().FromLanguages(d.latin...).Build()
	})
	return d.shared.lingua
}

// Preload builds lingua's model now with all its n-gram models loaded,
// one goroutine a language, rather than on first need and one model at a
// time inside the call that needs it (which holds up that goroutine for
// about a second and a half of CPU time with seven Latin-script
// languages). For runs large enough that some text will need lingua
// (transcheck filter over a large corpus calls it in the background as it
// starts); a detector that knows fewer than two Latin-script languages
// never asks lingua and loads nothing.
func (d *Detector) Preload() {
	if len(d.latin) < 2 {
		return
	}
	d.shared.once.Do(func() {
		d.shared.lingua = lingua.NewLanguageDetectorBuilder().FromLanguages(d.latin...).WithPreloadedLanguageModels().Build()
	})
}

// WithExpected returns a detector like d that expects the languages given
// instead of d's (see New), sharing d's lingua model: a run over files of
// different language pairs builds and loads lingua once.
func (d *Detector) WithExpected(expected ...string) *Detector {
	e := *d
	e.expected = map[string]bool{}
	for _, l := range expected {
		if l = Normalize(l); l != "" {
			e.expected[l] = true
		}
	}
	return &e
}

// DetectDeclared returns the language of text that its file declares to be
// in the language declared (a TMX xml:lang, a Markdown language section,
// the side of a pair of files); "" declares nothing. The script decides
// first: Han is Chinese whatever the file says, so text left untranslated
// is still found. The declaration decides what the text cannot: text
// without letters (a number, a date) is in the declared language, and so
// is Latin-script text when the declared language is one the detector
// tells apart and lingua rates it at least half as high as its first
// choice (a short phrase that lingua would call French in an English
// section).
func (d *Detector) DetectDeclared(text, declared string) (string, float64) {
	declared = Normalize(declared)
	lang, conf, how := d.detect(text, declared)
	if declared == "" || lang == declared {
		return lang, conf
	}
	if lang == "" {
		return declared, 1
	}
	if !d.isLatin(lang) || !d.isLatin(declared) {
		return lang, conf
	}
	if how.functionWords {
		// Named by its function words, none of them the declared
		// language's: lingua would not rate the declared language half
		// as high.
		return lang, conf
	}
	values := how.values
	if values == nil {
		values = d.model().ComputeLanguageConfidenceValues(text)
	}
	var top, want float64
	for i, v := range values {
		if i == 0 {
			top = v.Value()
		}
		if code(v.Language()) == declared {
			want = v.Value()
		}
	}
	if want > 0 && want >= top/2 {
		return declared, want
	}
	return lang, conf
}

// isLatin reports whether code is one of the detector's Latin-script
// languages, told apart by lingua.
func (d *Detector) isLatin(c string) bool {
	for _, l := range d.latin {
		if code(l) == c {
			return true
		}
	}
	return false
}

func code(l lingua.Language) string { return strings.ToLower(l.IsoCode639_1().String()) }

// scriptCounts counts letters by script without allocating: a text holds
// few scripts.
type scriptCounts struct {
	script [4]segment.Script
	count  [4]int
}

func (c *scriptCounts) add(sc segment.Script) { c.addN(sc, 1) }

// addN counts n letters of a script.
func (c *scriptCounts) addN(sc segment.Script, n int) {
	for i := range c.script {
		if c.script[i] == sc {
			c.count[i] += n
			return
		}
		if c.script[i] == "" {
			c.script[i], c.count[i] = sc, n
			return
		}
	}
	c.count[len(c.count)-1] += n // more than four scripts: count with the last
}

// top returns the script with the most letters (the first such in script
// order on a tie, so the result does not depend on the order of the text).
func (c *scriptCounts) top() (segment.Script, int) {
	best, n := segment.ScriptNone, 0
	for i, sc := range c.script {
		if sc == "" {
			break
		}
		if c.count[i] > n || c.count[i] == n && sc < best {
			best, n = sc, c.count[i]
		}
	}
	return best, n
}

// letterCounts are the letters of a text by script, and its words (runs
// of letters of scripts other than Han, kana and Hangul).
type letterCounts struct {
	han, kana, hangul, letters, words int
	scripts                           scriptCounts // the other scripts
}

// countLetters counts the letters of text.
func countLetters(text string) letterCounts {
	var c letterCounts
	latin := 0
	inWord := false
	for i := 0; i < len(text); {
		// ASCII and the CJK unified ideographs, the common cases, are
		// decided without tables.
		if b := text[i]; b < utf8.RuneSelf {
			i++
			if !asciiLetter(b) {
				inWord = false
				continue
			}
			c.letters++
			if latin++; latin == 1 {
				c.scripts.add(segment.ScriptLatin) // its place in the order; the rest are added at the end
			}
			if !inWord {
				c.words++
				inWord = true
			}
			continue
		}
		r, n := decodeRune(text, i)
		i += n
		if r >= 0x4E00 && r <= 0x9FFF {
			c.letters++
			c.han++
			continue
		}
		if !segment.IsLetter(r) {
			inWord = false
			continue
		}
		c.letters++
		switch {
		case r >= 0x3040 && r <= 0x30FF, unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			c.kana++
		case r >= 0xAC00 && r <= 0xD7A3, unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Han, r):
			c.han++
		default:
			if sc := segment.ScriptOf(r); sc != segment.ScriptLatin {
				c.scripts.add(sc)
			} else if latin++; latin == 1 {
				c.scripts.add(sc)
			}
			if !inWord {
				c.words++
				inWord = true
			}
		}
	}
	if latin > 1 {
		c.scripts.addN(segment.ScriptLatin, latin-1)
	}
	return c
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), with the three-byte
// sequences of Chinese text decoded in line: lead bytes E1–EC and EE–EF
// take any two continuation bytes (E0 would need an overlong check, ED
// the surrogates).
func decodeRune(s string, i int) (rune, int) {
	if i+2 < len(s) {
		b0, b1, b2 := s[i], s[i+1], s[i+2]
		if (b0 >= 0xE1 && b0 <= 0xEC || b0 >= 0xEE) && b0 <= 0xEF && b1&0xC0 == 0x80 && b2&0xC0 == 0x80 {
			return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}
