package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Script is the writing system of a run of text. Chinese, Japanese and
// Korean share one script class because they share punctuation and Han
// characters; language detection tells them apart.
type Script string

// Scripts recognised when splitting runs.
const (
	ScriptNone     Script = "" // digits, punctuation, symbols, spaces
	ScriptCJK      Script = "cjk"
	ScriptLatin    Script = "latin"
	ScriptCyrillic Script = "cyrillic"
	ScriptGreek    Script = "greek"
	ScriptArabic   Script = "arabic"
	ScriptHebrew   Script = "hebrew"
	ScriptOther    Script = "other"
)

// ScriptOf classifies one rune. CJK punctuation and full-width forms count
// as CJK because they only occur in CJK text; ASCII punctuation, digits,
// and the quotes and dashes both languages use are neutral.
func ScriptOf(r rune) Script {
	switch {
	case r < 0x80:
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return ScriptLatin
		}
		return ScriptNone
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r),
		unicode.Is(unicode.Hangul, r), r == '〇', r == 'ー':
		return ScriptCJK
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation: 、。《》「」【】
		if r == 0x3000 {
			return ScriptNone // ideographic space separates like a space
		}
		return ScriptCJK
	case r >= 0xFF01 && r <= 0xFF60: // full-width forms: ，！？：（）
		if r >= 0xFF10 && r <= 0xFF19 {
			return ScriptNone // full-width digits are numbers, not language
		}
		return ScriptCJK
	case unicode.IsLetter(r):
		switch {
		case unicode.Is(unicode.Latin, r):
			return ScriptLatin
		case unicode.Is(unicode.Cyrillic, r):
			return ScriptCyrillic
		case unicode.Is(unicode.Greek, r):
			return ScriptGreek
		case unicode.Is(unicode.Arabic, r):
			return ScriptArabic
		case unicode.Is(unicode.Hebrew, r):
			return ScriptHebrew
		}
		return ScriptOther
	}
	return ScriptNone
}

// IsLetter reports whether r carries language: a letter or a CJK character
// (not CJK punctuation).
func IsLetter(r rune) bool {
	switch {
	case r < 0x80:
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs: all letters (Lo)
		return true
	}
	if r >= 0x3000 && r <= 0x303F && r != '〇' || r >= 0xFF01 && r <= 0xFF60 {
		return false
	}
	return unicode.IsLetter(r)
}

// Run is a stretch of a paragraph written in one script.
type Run struct {
	Script     Script
	Start, End int // byte offsets in the paragraph, trimmed of surrounding space
}

// Thresholds for folding a minority-script run into its neighbours: a few
// Latin words inside Chinese (GDP, 3D, "Go", a product name) belong to the
// Chinese sentence, not to an English translation.
const (
	embeddedMaxWords = 4 // Latin words enclosed by CJK on both sides
	embeddedMaxChars = 6 // CJK characters enclosed by Latin on both sides
	edgeMaxWords     = 1 // Latin words at a paragraph edge next to CJK
	edgeMinOther     = 6 // ...when the CJK run has at least this many characters
	edgeMaxChars     = 1 // CJK characters at an edge next to Latin
	edgeMinOtherWord = 4 // ...when the Latin run has at least this many words
)

type rawRun struct {
	script     Script
	start, end int // from first to just past last strong rune
	weight     int // words for alphabetic scripts, characters for CJK
}

// Runs splits a paragraph into runs of one script each. Neutral characters
// (digits, punctuation, quotes, spaces) join the run they belong to: between
// two runs of the same script they stay inside; between different scripts
// the boundary is the last space, or else the end of closing punctuation.
// Spans in masks (URLs, inline code) are treated as neutral.
func Runs(text string, masks [][2]int) []Run {
	var raws []rawRun
	inWord := false
	mi := 0
	for i, r := range text {
		for mi < len(masks) && masks[mi][1] <= i {
			mi++
		}
		sc := ScriptOf(r)
		if mi < len(masks) && masks[mi][0] <= i && i < masks[mi][1] {
			sc = ScriptNone
		}
		if sc == ScriptNone {
			inWord = false
			continue
		}
		end := i + utf8.RuneLen(r)
		if n := len(raws); n > 0 && raws[n-1].script == sc {
			raws[n-1].end = end
		} else {
			raws = append(raws, rawRun{script: sc, start: i, end: end})
			inWord = false
		}
		last := &raws[len(raws)-1]
		if sc == ScriptCJK {
			if IsLetter(r) {
				last.weight++
			}
		} else if !inWord {
			last.weight++
			inWord = true
		}
	}
	raws = foldMinorRuns(raws)
	if len(raws) == 0 {
		if s, e := trimSpace(text, 0, len(text)); s < e {
			return []Run{{Script: ScriptNone, Start: s, End: e}}
		}
		return nil
	}
	runs := make([]Run, len(raws))
	for i, rr := range raws {
		runs[i] = Run{Script: rr.script, Start: rr.start, End: rr.end}
	}
	// Distribute neutral stretches: leading to the first run, trailing to
	// the last, between runs by boundary rules.
	runs[0].Start = 0
	runs[len(runs)-1].End = len(text)
	for i := 0; i+1 < len(runs); i++ {
		cut := boundary(text, runs[i].End, runs[i+1].Start)
		runs[i].End, runs[i+1].Start = cut, cut
	}
	out := runs[:0]
	for _, r := range runs {
		r.Start, r.End = trimSpace(text, r.Start, r.End)
		if r.Start < r.End {
			out = append(out, r)
		}
	}
	return out
}

// foldMinorRuns merges runs too small to be a language of their own into
// their neighbours, then joins adjacent runs of the same script. Runs of
// the paragraph's minority script fold first, so that in "Go 的 switch 比
// C 的更通用" the Latin words fold into the Chinese and not the reverse.
//
// One fold at a time: the leftmost minor run of the minority script, else
// the leftmost minor run, goes into the run before it (the run after it
// when first), and the two runs it separated, now adjacent and of one
// script, join. A fold changes only the runs around it, so the minor runs
// wait in two queues by position and are checked again when taken: a
// paragraph of a million runs (a file that is one line of alternating
// words) folds in n log n time, the same way as a short one.
func foldMinorRuns(raws []rawRun) []rawRun {
	if len(raws) < 2 || !anyMinor(raws) {
		return raws // most paragraphs: one run, or a Chinese run and its English
	}
	var cjk, other float64
	for _, r := range raws {
		if r.script == ScriptCJK {
			cjk += float64(r.weight)
		} else {
			other += wordsToChars * float64(r.weight)
		}
	}
	minority := func(r rawRun) bool { return (r.script == ScriptCJK) == (cjk < other) }
	f := folding{raws: raws, prev: make([]int, len(raws)), next: make([]int, len(raws))}
	for i := range raws {
		f.prev[i], f.next[i] = i-1, i+1
	}
	f.next[len(raws)-1] = -1
	// queues[0] holds runs of the minority script, queues[1] the others;
	// each is a min-heap of positions, some of them stale.
	var queues [2]intHeap
	queue := func(i int) *intHeap {
		if minority(raws[i]) {
			return &queues[0]
		}
		return &queues[1]
	}
	for i := range raws {
		if f.minor(i) {
			queue(i).push(i)
		}
	}
	// take returns the leftmost run of q that is still there and minor.
	take := func(q *intHeap) int {
		for len(*q) > 0 {
			i := q.pop()
			if !f.gone(i) && f.minor(i) {
				return i
			}
		}
		return -1
	}
	for {
		pick := take(&queues[0])
		if pick < 0 {
			pick = take(&queues[1])
		}
		if pick < 0 {
			break
		}
		for _, i := range f.fold(pick) {
			if i >= 0 && f.minor(i) {
				queue(i).push(i)
			}
		}
	}
	out := raws[:0]
	for i := f.first; i >= 0; i = f.next[i] {
		out = append(out, raws[i])
	}
	return out
}

// anyMinor reports whether any of two or more runs is minor.
func anyMinor(raws []rawRun) bool {
	for i := range raws {
		var left, right *rawRun
		if i > 0 {
			left = &raws[i-1]
		}
		if i+1 < len(raws) {
			right = &raws[i+1]
		}
		if minor(raws[i], left, right) {
			return true
		}
	}
	return false
}

// folding is a paragraph's runs as a doubly linked list over raws.
type folding struct {
	raws       []rawRun
	prev, next []int // -1 at either end; prev[i] == -2 once i is gone
	first      int
}

func (f *folding) gone(i int) bool { return f.prev[i] == -2 }

func (f *folding) remove(i int) {
	p, n := f.prev[i], f.next[i]
	if p >= 0 {
		f.next[p] = n
	} else {
		f.first = n
	}
	if n >= 0 {
		f.prev[n] = p
	}
	f.prev[i] = -2
}

func (f *folding) minor(i int) bool {
	if f.prev[i] < 0 && f.next[i] < 0 {
		return false // the last run left is the paragraph's language
	}
	var left, right *rawRun
	if p := f.prev[i]; p >= 0 {
		left = &f.raws[p]
	}
	if n := f.next[i]; n >= 0 {
		right = &f.raws[n]
	}
	return minor(f.raws[i], left, right)
}

// fold folds run i into its neighbour and joins the neighbours it
// separated. It returns the runs whose minor status may have changed:
// the run that took i and one run on either side (-1 where there is none).
func (f *folding) fold(i int) [3]int {
	into := f.prev[i]
	if into < 0 {
		into = f.next[i]
	}
	r := &f.raws[into]
	r.start = min(r.start, f.raws[i].start)
	r.end = max(r.end, f.raws[i].end)
	f.remove(i)
	if n := f.next[into]; n >= 0 && f.raws[n].script == r.script {
		r.end = f.raws[n].end
		r.weight += f.raws[n].weight
		f.remove(n)
	}
	return [3]int{f.prev[into], into, f.next[into]}
}

// intHeap is a min-heap of ints.
type intHeap []int

func (h *intHeap) push(x int) {
	*h = append(*h, x)
	s := *h
	for k := len(s) - 1; k > 0; {
		p := (k - 1) / 2
		if s[p] <= s[k] {
			break
		}
		s[p], s[k] = s[k], s[p]
		k = p
	}
}

func (h *intHeap) pop() int {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for k := 0; ; {
		c := 2*k + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && s[c+1] < s[c] {
			c++
		}
		if s[k] <= s[c] {
			break
		}
		s[k], s[c] = s[c], s[k]
		k = c
	}
	*h = s
	return top
}

// wordsToChars is about how many Chinese characters one English word is
// worth, to compare the weight of runs of the two scripts.
const wordsToChars = 1.7

// minor reports whether r, between left and right (nil at the paragraph's
// edges), is too small to stand as a language of its own.
func minor(r rawRun, left, right *rawRun) bool {
	cjk := r.script == ScriptCJK
	if left != nil && right != nil {
		if left.script != right.script {
			return false
		}
		if cjk {
			return r.weight <= embeddedMaxChars
		}
		if left.script == ScriptCJK {
			return r.weight <= embeddedMaxWords
		}
		return r.weight <= 1 // a stray word of a third script inside a run
	}
	other := left
	if other == nil {
		other = right
	}
	if cjk {
		return r.weight <= edgeMaxChars && other.weight >= edgeMinOtherWord
	}
	if other.script == ScriptCJK {
		return r.weight <= edgeMaxWords && other.weight >= edgeMinOther
	}
	return false
}

// boundary picks where text[from:to], a neutral stretch between two runs of
// different scripts, is cut: after the last closing punctuation (which ends
// the first run), at the first space that follows it, so that opening
// marks, dashes and digits before the second run go with it.
func boundary(text string, from, to int) int {
	cut := from
	for i, r := range text[from:to] {
		if strings.ContainsRune(`.,;:!?)]}"'’”»…`, r) {
			cut = from + i + utf8.RuneLen(r)
		}
	}
	if i := strings.IndexFunc(text[cut:to], unicode.IsSpace); i >= 0 {
		return cut + i
	}
	return cut
}

func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
