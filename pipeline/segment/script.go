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
func foldMinorRuns(raws []rawRun) []rawRun {
	var cjk, other float64
	for _, r := range raws {
		if r.script == ScriptCJK {
			cjk += float64(r.weight)
		} else {
			other += wordsToChars * float64(r.weight)
		}
	}
	minority := func(r rawRun) bool { return (r.script == ScriptCJK) == (cjk < other) }
	if len(raws) > maxFoldRuns {
		return foldGreedy(raws)
	}
	for len(raws) > 1 {
		pick := -1
		for i := range raws {
			if minor(raws, i) && (pick < 0 || minority(raws[i]) && !minority(raws[pick])) {
				pick = i
			}
		}
		if pick < 0 {
			break
		}
		into := pick - 1
		if pick == 0 {
			into = 1
		}
		raws[into].start = min(raws[into].start, raws[pick].start)
		raws[into].end = max(raws[into].end, raws[pick].end)
		raws = append(raws[:pick], raws[pick+1:]...)
		raws = joinSame(raws)
	}
	return raws
}

// maxFoldRuns bounds the careful folding, which is quadratic in the number
// of runs: a text that changes script more often than this (pathological
// input, or a table of mixed codes) is folded in one greedy pass.
const maxFoldRuns = 256

// foldGreedy folds each minor run into the run before it, left to right,
// in linear time.
func foldGreedy(raws []rawRun) []rawRun {
	out := raws[:0:0]
	for i := range raws {
		out = append(out, raws[i])
		if n := len(out); n > 1 && minor(out, n-1) {
			out[n-2].end = out[n-1].end
			out = joinSame(out[:n-1])
		}
	}
	return out
}

// wordsToChars is about how many Chinese characters one English word is
// worth, to compare the weight of runs of the two scripts.
const wordsToChars = 1.7

func minor(raws []rawRun, i int) bool {
	r := raws[i]
	var left, right *rawRun
	if i > 0 {
		left = &raws[i-1]
	}
	if i+1 < len(raws) {
		right = &raws[i+1]
	}
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

func joinSame(raws []rawRun) []rawRun {
	out := raws[:1]
	for _, r := range raws[1:] {
		last := &out[len(out)-1]
		if last.script == r.script {
			last.end = r.end
			last.weight += r.weight
			continue
		}
		out = append(out, r)
	}
	return out
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
