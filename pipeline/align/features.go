package align

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// Item classes. Each class has its own match probabilities, estimated per
// document, because a number that matches is far stronger evidence than a
// dictionary word that matches.
const (
	clsWord  = iota // a content word (Chinese word with glosses, English stem, Latin token)
	clsNum          // a number, by value
	clsPunct        // a question mark, exclamation mark, quotation mark or bracket
	numClasses
)

// maxItems is the number of item bits per sentence; sentences with more
// items fold them onto the same bits, which keeps bead scoring cheap.
const maxItems = 64

// item is one piece of lexical evidence of a sentence: it is matched when
// any of its keys appears among the keys of the other side of a bead.
type item struct {
	cls  int
	keys []int32
}

// feats is what bead scoring needs of one sentence, computed once.
type feats struct {
	length  float64
	end     uint8 // how the sentence ends: see endType
	items   []item
	bits    uint64             // bits in use
	clsMask [numClasses]uint64 // bits of each class
}

// interner maps strings to small integers so that matching is array
// lookups. Safe for concurrent use.
type interner struct {
	mu  sync.RWMutex
	ids map[string]int32
}

func (in *interner) id(s string) int32 {
	in.mu.RLock()
	v, ok := in.ids[s]
	in.mu.RUnlock()
	if ok {
		return v
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if v, ok := in.ids[s]; ok {
		return v
	}
	v = int32(len(in.ids))
	in.ids[strings.Clone(s)] = v
	return v
}

// Vocabulary is one generation of the process's interned keys (word stems,
// translations, numbers) and of the caches that hold them: one serves every
// alignment and check of the process, so that a word's keys are worked out
// once (see keysOf). It grows with the vocabulary met; when it holds
// MaxKeys keys, Words starts a new generation, so that memory does not grow
// with the corpus. Keys are comparable only within one generation: a caller
// takes one Vocabulary for all the keys it compares. Safe for concurrent
// use.
type Vocabulary struct {
	keys       *interner
	sourceMemo *memo[sourceEntry]
	targetMemo *memo[targetEntry]
	// wordKeys caches the interned translation keys of source words, by
	// lexicon and word: a Chinese word has several gloss stems, and looking
	// them up one by one for every sentence dominated featurising.
	wordKeys     sync.Map // wordKey → []int32
	wordKeyCount atomic.Int64
}

// MaxKeys is how many keys a Vocabulary holds before Words starts a new
// one: some 15 MB, a few times what a corpus of a single domain needs.
const MaxKeys = 1 << 18

var vocabulary atomic.Pointer[Vocabulary]

func newVocabulary() *Vocabulary {
	return &Vocabulary{keys: &interner{ids: make(map[string]int32, 1<<15)},
		sourceMemo: &memo[sourceEntry]{}, targetMemo: &memo[targetEntry]{}}
}

// Words returns the current Vocabulary, starting a new one when it is
// full. Calls already holding the old one finish with it.
func Words() *Vocabulary {
	v := vocabulary.Load()
	if v != nil && v.keys.size() < MaxKeys {
		return v
	}
	vocabulary.CompareAndSwap(v, newVocabulary())
	return vocabulary.Load()
}

// Size returns the number of keys the vocabulary holds.
func (v *Vocabulary) Size() int { return v.keys.size() }

// size returns the number of keys: every key handed out so far is below it.
func (in *interner) size() int {
	in.mu.RLock()
	defer in.mu.RUnlock()
	return len(in.ids)
}

const maxWordKeys = 1 << 17

type wordKey struct {
	lex  *lexicon.Lexicon
	word string
}

func (v *Vocabulary) keysOf(lex *lexicon.Lexicon, word string) []int32 {
	k := wordKey{lex, word}
	if ids, ok := v.wordKeys.Load(k); ok {
		return ids.([]int32)
	}
	tr := lex.Translations(word)
	ids := make([]int32, len(tr))
	for i, t := range tr {
		ids[i] = v.keys.id(t)
	}
	if v.wordKeyCount.Load() < maxWordKeys {
		k.word = strings.Clone(word)
		if _, loaded := v.wordKeys.LoadOrStore(k, ids); !loaded {
			v.wordKeyCount.Add(1)
		}
	}
	return ids
}

// markPool recycles the arrays of marks, indexed by key: they are as long
// as the interner and all zero between uses.
var markPool sync.Pool

func getMarks(n int) []uint64 {
	if p, ok := markPool.Get().(*[]uint64); ok && len(*p) >= n {
		return *p
	}
	return make([]uint64, n+n/4+1024)
}

func putMarks(m []uint64) { markPool.Put(&m) }

// isCJKLang reports whether text in lang has no spaces between words.
func isCJKLang(lang string) bool {
	l := strings.ToLower(lang)
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l == "zh" || l == "ja" || l == "ko" || l == "th"
}

func isCJKRune(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// TextLength counts the runes that are not white space: the unit of the
// Gale–Church length model, which the length-ratio check shares.
func TextLength(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, the common case, without decoding
			if c != ' ' && (c < '\t' || c > '\r') {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			n++
		}
		i += size
	}
	return n
}

// hasDigit reports whether s holds an ASCII or a full-width digit
// (U+FF10..U+FF19, encoded EF BC 90..99).
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

// fullWidthDigit maps '０'..'９' to '0'..'9'.
func normDigit(r rune) (rune, bool) {
	switch {
	case r >= '0' && r <= '9':
		return r, true
	case r >= '０' && r <= '９':
		return '0' + (r - '０'), true
	}
	return 0, false
}

func isLatinLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
		(r >= 'ａ' && r <= 'ｚ') || (r >= 'Ａ' && r <= 'Ｚ') ||
		(r > 0x7f && r < 0x250 && unicode.IsLetter(r))
}

// extractNumbers returns the numbers of s by value: ASCII and full-width
// digits with ',' and '.' separators. Digits glued to Latin letters (A4,
// 3rd, MP3) are codes, not numbers, and are skipped. A ',' followed by
// exactly three digits is a thousands separator; a '.' followed by a digit
// is a decimal point.
func extractNumbers(s string) []string {
	if !hasDigit(s) {
		return nil
	}
	rs := []rune(s)
	var out []string
	for i := 0; i < len(rs); {
		if _, ok := normDigit(rs[i]); !ok {
			i++
			continue
		}
		start := i
		var b strings.Builder
		seenDot := false
		for i < len(rs) {
			if d, ok := normDigit(rs[i]); ok {
				b.WriteRune(d)
				i++
				continue
			}
			if i+1 < len(rs) {
				if _, ok := normDigit(rs[i+1]); ok {
					if rs[i] == ',' || rs[i] == '，' {
						// thousands separator only if exactly three digits follow
						k := i + 1
						for k < len(rs) {
							if _, ok := normDigit(rs[k]); !ok {
								break
							}
							k++
						}
						if k-(i+1) == 3 && rs[i] == ',' {
							i++
							continue
						}
					}
					if (rs[i] == '.' || rs[i] == '．') && !seenDot {
						seenDot = true
						b.WriteByte('.')
						i++
						continue
					}
				}
			}
			break
		}
		glued := (start > 0 && isLatinLetter(rs[start-1])) || (i < len(rs) && isLatinLetter(rs[i]))
		if glued {
			continue
		}
		v := b.String()
		if strings.Contains(v, ".") {
			v = strings.TrimRight(v, "0")
			v = strings.TrimSuffix(v, ".")
		}
		if t := strings.TrimLeft(v, "0"); t != "" && t[0] != '.' {
			v = t
		} else if t == "" {
			v = "0"
		}
		out = append(out, v)
	}
	return out
}

// punctKeys returns one key per kind of sentence punctuation that
// translations keep: questions, exclamations, brackets, semicolons, speech
// broken off (…, ..., a dash before a closing quote), and the opening and
// the closing of a quotation, kept apart because dialogue splits
// differently in the two languages (a Chinese sentence that opens a
// quotation and the next that closes it are two English sentences that do
// the same). English dialogue in single quotes counts: a ' or ’ between
// two letters is an apostrophe, one that starts a word opens a quotation,
// and one after a word or a stop closes it.
func punctKeys(s string) []string {
	var q, e, open, cls, br, ell, semi bool
	prev, prev2 := ' ', ' '
	code := false
	for i, size := 0, 0; i < len(s); i += size {
		if c := s[i]; c < utf8.RuneSelf && (c == ' ' || isASCIIAlnum(c)) {
			// most of a sentence: nothing to see but what comes before a mark
			prev2, prev, size = prev, rune(c), 1
			continue
		}
		var r rune
		r, size = utf8.DecodeRuneInString(s[i:])
		if r == '`' {
			code = !code
		}
		if code {
			// a code span's marks are code ('min'), copied as they are
			prev2, prev = prev, r
			continue
		}
		switch r {
		case '?', '？':
			q = true
		case '!', '！':
			e = true
		case '“', '「', '『', '«', '„', '‘':
			open = true
		case '”', '」', '』', '»':
			cls = true
		case '"', '\'', '’':
			pl, nl := isWordRune(prev), isWordRune(runeAt(s, i+size))
			switch {
			case pl && nl:
				// an apostrophe (don't) or a quotation glued to a word
				if r == '"' {
					cls = true
				}
			case nl:
				open = true
			case !unicode.IsSpace(prev) || r == '"':
				cls = true
			}
		case '(', '（', '[', '【':
			br = true
		case ';', '；':
			semi = true
		case '…':
			ell = true
		case '.':
			if prev == '.' || (prev == ' ' && prev2 == '.') {
				ell = true
			}
		case '—':
			// a dash that ends the sentence or the quotation: speech broken off
			if next := runeAt(s, i+size); i+size == len(s) || next == '\'' || next == '"' || next == '”' || next == '’' {
				ell = true
			}
		}
		prev2, prev = prev, r
	}
	var out []string
	if q {
		out = append(out, "\x00?")
	}
	if e {
		out = append(out, "\x00!")
	}
	if open {
		out = append(out, keyOpen)
	}
	if cls {
		out = append(out, keyClose)
	}
	if br {
		out = append(out, "\x00(")
	}
	if ell {
		out = append(out, "\x00…")
	}
	if semi {
		out = append(out, "\x00;")
	}
	return out
}

const (
	keyOpen  = "\x00“"
	keyClose = "\x00”"
)

// Sentence endings that translations keep: a bead's last sentences end
// alike more often than two sentences taken at random do.
const (
	endStop     = iota // a full stop, or anything else
	endQuestion        // a question mark
	endExclaim         // an exclamation mark
	endQuote           // a closing quotation mark
	endTrail           // an ellipsis or a dash: speech broken off
	numEnds
)

// endType returns how s ends, looking at its last mark.
func endType(s string) uint8 {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case '?', '？':
		return endQuestion
	case '!', '！':
		return endExclaim
	case '”', '」', '』', '»', '"', '’':
		return endQuote
	case '\'':
		// an apostrophe ends a word (the girls'), a quotation ends after a mark
		if p, _ := utf8.DecodeLastRuneInString(s[:len(s)-size]); !isWordRune(p) {
			return endQuote
		}
	case '…', '—':
		return endTrail
	case '.':
		if strings.HasSuffix(s, "..") || strings.HasSuffix(s, ". .") {
			return endTrail
		}
	}
	return endStop
}

// runeAt returns the rune at byte i of s, or a space past its end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// latinWords splits s into runs of letters and digits (with inner ' - . _
// joining them, as in "don't", "COVID-19", "example.com") and returns them
// lower-cased. In CJK text only the runs that contain a Latin letter are
// returned: names, acronyms, codes and URLs that a translation copies.
func latinWords(s string, cjk bool) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) || isCJKRune(r) {
			i++
			continue
		}
		start := i
		hasLetter := false
		for i < len(rs) {
			r := rs[i]
			if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJKRune(r) {
				if unicode.IsLetter(r) {
					hasLetter = true
				}
				i++
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.' || r == '_' || r == '/' || r == '@') &&
				i+1 < len(rs) && (unicode.IsLetter(rs[i+1]) || unicode.IsDigit(rs[i+1])) && !isCJKRune(rs[i+1]) {
				i++
				continue
			}
			break
		}
		if !hasLetter {
			continue
		}
		w := strings.ToLower(string(rs[start:i]))
		if cjk && !containsLatin(w) {
			continue
		}
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		out = append(out, w)
	}
	return out
}

func containsLatin(s string) bool {
	for _, r := range s {
		if isLatinLetter(r) {
			return true
		}
	}
	return false
}

// builder accumulates the items of one sentence, merging duplicates.
type builder struct {
	f    feats
	seen *stampSet
}

// stampSet is a set of keys that empties in constant time: a key is in
// the set when its stamp is the current generation. Featurising asks it
// for every key of every word, where a map was the cost that dominated.
type stampSet struct {
	stamp []uint32
	gen   uint32
}

var stampPool = sync.Pool{New: func() any { return &stampSet{} }}

// reset empties the set.
func (s *stampSet) reset() {
	s.gen++
	if s.gen == 0 { // wrapped: old stamps could collide
		clear(s.stamp)
		s.gen = 1
	}
}

func (s *stampSet) has(k int32) bool { return int(k) < len(s.stamp) && s.stamp[k] == s.gen }

func (s *stampSet) add(k int32) {
	if int(k) >= len(s.stamp) {
		s.stamp = append(s.stamp, make([]uint32, int(k)-len(s.stamp)+1+len(s.stamp)/4+256)...)
	}
	s.stamp[k] = s.gen
}

func (b *builder) add(cls int, keys ...int32) {
	if len(keys) == 0 {
		return
	}
	// an item whose keys were all seen already is a repetition
	fresh := false
	for _, k := range keys {
		if !b.seen.has(k) {
			fresh = true
		}
	}
	if !fresh {
		return
	}
	for _, k := range keys {
		b.seen.add(k)
	}
	bit := uint(len(b.f.items) % maxItems)
	b.f.items = append(b.f.items, item{cls: cls, keys: keys})
	b.f.bits |= 1 << bit
	b.f.clsMask[cls] |= 1 << bit
}

// featurize computes the features of every sentence of one side.
func featurize(ss []Sentence, vocab *Vocabulary, dict *lexDict, source bool) []feats {
	in := vocab.keys
	out := make([]feats, len(ss))
	seen := stampPool.Get().(*stampSet)
	defer stampPool.Put(seen)
	for i, s := range ss {
		seen.reset()
		b := builder{seen: seen}
		b.f.length = float64(TextLength(s.Text))
		b.f.end = endType(s.Text)
		cjk := isCJKLang(s.Lang)
		nums, puncts := extractNumbers(s.Text), punctKeys(s.Text)
		var srcKeys [][]int32
		var tgtKeys []int32
		var forms map[int32][]int32
		var latin []string
		switch {
		case dict != nil && source:
			_, srcKeys = vocab.SourceWords(dict.lex, s.Text)
		case dict != nil:
			e := vocab.target(s.Text)
			tgtKeys, forms = e.keys, e.forms
		default:
			latin = latinWords(s.Text, cjk)
		}
		// Items of one key share one array, sized so that it never moves;
		// a target word's key is a slice of the shared word keys.
		b.f.items = make([]item, 0, len(nums)+len(puncts)+len(srcKeys)+len(tgtKeys)+len(latin))
		single := make([]int32, 0, len(nums)+len(puncts)+len(latin))
		one := func(cls int, k int32) {
			single = append(single, k)
			b.add(cls, single[len(single)-1:len(single):len(single)]...)
		}
		for _, v := range nums {
			one(clsNum, in.id("\x01"+v))
		}
		for _, p := range puncts {
			one(clsPunct, in.id(p))
		}
		for _, k := range srcKeys {
			b.add(clsWord, k...)
		}
		for j := range tgtKeys {
			if ks, ok := forms[int32(j)]; ok {
				// An irregular form matches its base's glosses too (went:
				// go): literary English is full of them.
				b.add(clsWord, ks...)
				continue
			}
			b.add(clsWord, tgtKeys[j:j+1:j+1]...)
		}
		for _, w := range latin {
			if !cjk && isShortOrStop(w) {
				continue
			}
			one(clsWord, in.id(w))
		}
		out[i] = b.f
	}
	return out
}

// isShortOrStop drops the words that match by chance in same-script text
// when no dictionary gives stop words: anything shorter than four letters.
func isShortOrStop(w string) bool {
	return utf8.RuneCountInString(w) < 4
}
