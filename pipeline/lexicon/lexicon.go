package lexicon

//go:generate go run ./internal/gen -in ../../../shared/data/lexicon/cedict_ts.u8 -out cedict.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball"
)

//go:embed cedict.gz
var cedictGz []byte

// Token is one word of a sentence.
type Token struct {
	Text       string // as in the input
	Norm       string // normalised key: for English the lower-case Snowball (english) stem; for Chinese the word itself
	Start, End int    // byte offsets in the input
	Stop       bool   // a stop word / function word (the, of, 的, 了, 是); punctuation is never a token
	Known      bool   // Chinese: the word is in the lexicon (false for single unknown characters)
}

// Lexicon is a bilingual word list: source-language headwords mapped to the
// normalised (stemmed) content words of their target-language glosses.
// A Lexicon is immutable after loading and safe for concurrent use.
type Lexicon struct {
	memo     memo // recent segmentations
	name     string
	src, tgt string
	cjk      bool             // source language is written without spaces
	zhStop   bool             // apply the Chinese stop word list
	words    map[string]int32 // headword -> its entry in entries
	entries  []lexEntry
	maxLen   int // longest headword in runes (capped at maxSegLen for segmentation)
	// Headwords longer than maxSegLen (美国国家航空航天局 NASA, long names
	// and sayings: 246 in CC-CEDICT) are tried only where their first
	// or last longAffix runes stand: the longest such headword by those
	// runes, at its start (longFrom) and its end (longTo).
	longFrom, longTo map[string]int

	// The glosses of an entry are stemmed the first time the entry is
	// looked up, not at load: a run meets a few thousand of CC-CEDICT's
	// 120,000 words, and stemming them all was most of the loading time.
	bmu sync.Mutex
	b   *builder

	gloss glossStems // see IsGlossWord
}

// lexEntry is a headword's gloss text (the glosses of every line that
// gives the headword, tab-separated) and, once looked up, their stems.
type lexEntry struct {
	glosses string
	once    sync.Once
	stems   []string // nil when the glosses have no content word
}

// stemsOf returns the stems of entry i, stemming its glosses on first use.
func (l *Lexicon) stemsOf(i int32) []string {
	e := &l.entries[i]
	e.once.Do(func() {
		l.bmu.Lock()
		e.stems = l.b.stems(e.glosses)
		l.bmu.Unlock()
	})
	return e.stems
}

// maxSegLen caps the length in runes of the words Segment tries at every
// place; longer headwords are tried where their first or last longAffix
// runes are.
const (
	maxSegLen = 8
	longAffix = 4
)

var (
	zhEnOnce sync.Once
	zhEnLex  *Lexicon
	zhEnErr  error
)

// ZhEn returns the embedded CC-CEDICT Chinese–English lexicon, loaded once on
// first use and shared; it is safe for concurrent use.
func ZhEn() (*Lexicon, error) {
	zhEnOnce.Do(func() {
		zhEnLex, zhEnErr = loadCEDICT(cedictGz)
	})
	return zhEnLex, zhEnErr
}

// loadCEDICT parses the reduced CC-CEDICT data written by internal/gen.
func loadCEDICT(gz []byte) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("load cc-cedict: %w", err)
	}
	// Headwords and glosses are substrings of data, read at its full size
	// (the gzip trailer gives it) into a builder, whose String does not copy.
	var sb strings.Builder
	if len(gz) >= 4 {
		sb.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])))
	}
	if _, err := io.Copy(&sb, zr); err != nil {
		return nil, fmt.Errorf("load cc-cedict: %w", err)
	}
	data := sb.String()
	lex := newLexicon("cc-cedict", "zh", "en", 130000)
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		var line string
		if i := strings.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, ""
		}
		if line == "" || line[0] == '#' {
			continue
		}
		simp, rest, ok1 := strings.Cut(line, "\t")
		trad, glosses, ok2 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 || simp == "" {
			return nil, fmt.Errorf("load cc-cedict: line %d: malformed entry", lineNo)
		}
		lex.add(simp, glosses)
		if trad != "" {
			lex.add(trad, glosses)
		}
	}
	return lex, nil
}

// Load reads a user bilingual word list for other language pairs: UTF-8
// TSV, one "source<TAB>target[<TAB>target...]" a line, with blank lines and
// lines starting with '#' ignored. name is used in error messages, which
// have the form "name:line: ...". srcLang and tgtLang are language codes
// such as "zh", "ja", "en", "fr". Targets are reduced to stems: English
// ones exactly as for CC-CEDICT glosses (EnglishTokens, stop words dropped);
// targets in a language the Snowball stemmer supports (fr, es, ru, sv, no,
// hu) are lower-cased and stemmed; others are only lower-cased. Sources in
// a language written without spaces (zh, ja, yue) are kept as written and
// Segment uses maximum matching on them; other sources are lower-cased.
func Load(r io.Reader, name, srcLang, tgtLang string) (*Lexicon, error) {
	lex := newLexicon(name, srcLang, tgtLang, 0)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if lineNo == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: invalid utf-8", name, lineNo)
		}
		fields := strings.Split(line, "\t")
		src := strings.TrimSpace(fields[0])
		if src == "" {
			return nil, fmt.Errorf("%s:%d: empty source word", name, lineNo)
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("%s:%d: no tab-separated target for %q", name, lineNo, src)
		}
		hasTarget := false
		for _, t := range fields[1:] {
			if strings.TrimSpace(t) != "" {
				hasTarget = true
			}
		}
		if !hasTarget {
			return nil, fmt.Errorf("%s:%d: empty target for %q", name, lineNo, src)
		}
		if !lex.cjk {
			src = strings.ToLower(src)
		}
		lex.add(src, strings.Join(fields[1:], "\t"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return lex, nil
}

func newLexicon(name, src, tgt string, size int) *Lexicon {
	base := baseLang(src)
	return &Lexicon{
		name:    name,
		src:     src,
		tgt:     tgt,
		cjk:     base == "zh" || base == "ja" || base == "yue" || base == "wuu" || base == "cmn" || base == "lzh",
		zhStop:  base == "zh" || base == "yue" || base == "cmn" || base == "wuu",
		words:   make(map[string]int32, size),
		entries: make([]lexEntry, 0, size),
		b:       newBuilder(tgt),
	}
}

// baseLang returns the lower-case primary subtag of a language code.
func baseLang(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	switch code {
	case "chinese":
		return "zh"
	case "japanese":
		return "ja"
	case "english":
		return "en"
	}
	return code
}

// add records word with stems, merging with an existing entry.
// add records the glosses of a headword; a headword given again (a
// simplified form that is another entry's traditional one) gets both
// glosses.
func (l *Lexicon) add(word string, glosses string) {
	n := utf8.RuneCountInString(word)
	if n > l.maxLen {
		l.maxLen = n
	}
	if n > maxSegLen && l.cjk {
		if l.longFrom == nil {
			l.longFrom, l.longTo = map[string]int{}, map[string]int{}
		}
		first, last := 0, len(word)
		for range longAffix {
			_, size := utf8.DecodeRuneInString(word[first:])
			first += size
			_, size = utf8.DecodeLastRuneInString(word[:last])
			last -= size
		}
		l.longFrom[word[:first]] = max(l.longFrom[word[:first]], n)
		l.longTo[word[last:]] = max(l.longTo[word[last:]], n)
	}
	if i, ok := l.words[word]; ok {
		l.entries[i].glosses += "\t" + glosses
		return
	}
	l.words[word] = int32(len(l.entries))
	l.entries = append(l.entries, lexEntry{glosses: glosses})
}

// Translations returns the stems (Norm form, as EnglishTokens gives them) of
// the content words of word's glosses, deduplicated, or nil when word is
// unknown or has no content gloss. A word made of Latin letters (and
// digits) that is not in the lexicon, such as "GDP" or "3D" in Chinese
// text, translates to its own Norm; a run of digits alone gives nil, numbers
// being left to other checks. The returned slice is shared: do not modify it.
func (l *Lexicon) Translations(word string) []string {
	key := word
	if !l.cjk {
		key = strings.ToLower(word)
	}
	if i, ok := l.words[key]; ok {
		if stems := l.stemsOf(i); len(stems) > 0 {
			return stems
		}
		return nil
	}
	if n, ok := latinNorm(word); ok {
		return []string{n}
	}
	return nil
}

// Covered reports whether any of Translations(word) is in target, a set of
// Norm values of the target sentence (see EnglishTokens).
func (l *Lexicon) Covered(word string, target map[string]bool) bool {
	key := word
	if !l.cjk {
		key = strings.ToLower(word)
	}
	if i, ok := l.words[key]; ok {
		for _, s := range l.stemsOf(i) {
			if target[s] {
				return true
			}
		}
		return false
	}
	if n, ok := latinNorm(word); ok {
		return target[n]
	}
	return false
}

// latinNorm returns the English Norm of a word that is a single run of
// non-Han letters and digits containing at least one letter.
func latinNorm(word string) (string, bool) {
	if word == "" {
		return "", false
	}
	letter := false
	for _, r := range word {
		if !isWordRune(r) || isHan(r) {
			return "", false
		}
		if !isDigitRune(r) {
			letter = true
		}
	}
	if !letter {
		return "", false
	}
	return englishStem(lowerWord(word)), true
}

// builder turns gloss text into deduplicated, interned stems.
type builder struct {
	english bool
	lang    string            // snowball language name, "" for lower-casing only
	memo    map[string]string // gloss word -> interned stem ("" = drop)
	intern  map[string]string // stem -> its single shared copy
	chunk   []string          // backing store for stem slices
}

// derivedStems adds the forms an English translation commonly uses for a
// gloss stem (CC-CEDICT writes "China-USA" where a translation says "US").
var derivedStems = map[string][]string{
	"usa": {"us", "america"},
	"prc": {"china"},
}

var snowballLang = map[string]string{
	"en": "english", "fr": "french", "es": "spanish", "ru": "russian",
	"sv": "swedish", "no": "norwegian", "nb": "norwegian", "nn": "norwegian",
	"hu": "hungarian",
}

func newBuilder(tgtLang string) *builder {
	base := baseLang(tgtLang)
	return &builder{
		english: base == "en",
		lang:    snowballLang[base],
		memo:    make(map[string]string, 1<<15),
		intern:  make(map[string]string, 1<<15),
	}
}

// stems returns the stems of the content words of glosses; gloss and field
// separators ('/', tab) separate words like any other punctuation.
func (b *builder) stems(glosses string) []string {
	var buf [64]string
	out := buf[:0]
	eachWord(glosses, func(start, end int) {
		w := glosses[start:end]
		s := b.stem(w)
		if s != "" && !containsStr(out, s) {
			out = append(out, s)
		}
		if b.english && s != "" {
			for _, d := range derivedStems[s] {
				if !containsStr(out, d) {
					out = append(out, d)
				}
			}
		}
	})
	if len(out) == 0 {
		return nil
	}
	if len(b.chunk)+len(out) > cap(b.chunk) {
		b.chunk = make([]string, 0, max(4096, len(out)))
	}
	n := len(b.chunk)
	b.chunk = append(b.chunk, out...)
	return b.chunk[n:len(b.chunk):len(b.chunk)]
}

// stem returns the interned stem of one gloss word, or "" to drop it.
func (b *builder) stem(w string) string {
	if s, ok := b.memo[w]; ok {
		return s
	}
	lw := lowerWord(w)
	s := ""
	switch {
	case hasDigit(lw): // numbers are handled elsewhere
	case b.english:
		if !(IsEnglishStop(lw) && !isAcronym(w)) && !glossJunk[lw] && utf8.RuneCountInString(lw) > 1 {
			s = englishStem(lw)
		}
	case b.lang != "":
		if st, err := snowball.Stem(lw, b.lang, true); err == nil {
			s = st
		}
	default:
		s = lw
	}
	if s != "" {
		if in, ok := b.intern[s]; ok {
			s = in
		} else {
			s = strings.Clone(s)
			b.intern[s] = s
		}
	}
	b.memo[strings.Clone(w)] = s
	return s
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
