package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// zhStopWords are Chinese function words marked Stop by Segment.
var zhStopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("的 了 在 是 和 也 都 就 而 及 与 着 或 一个 这 那 其 之 等 把 被 对 于 为 以 所 将 从 向 让 给 由 但 又 并 中 上 下 " +
		// traditional forms of the above
		"與 著 這 個 一個 對 於 為 爲 將 從 讓 給 並") {
		zhStopWords[w] = true
	}
}

// Segment splits text into words. For a lexicon whose source language is
// written without spaces (Chinese, as for ZhEn, or Japanese) runs of Han
// characters are segmented by bidirectional maximum matching against the
// headwords (words of up to 8 runes at every place, and longer ones such as
// 美国国家航空航天局 where their first or last four runes stand): forward
// and backward maximum matching are both run and the result with fewer
// words, then fewer single-character words, is kept, preferring the
// backward one on a tie. Runs of other
// letters and digits ("GDP", "3D") become one token each with a lower-case
// Norm. Punctuation, symbols and spaces are skipped. For other source
// languages, Segment returns the words of text (as EnglishTokens delimits
// them) with lower-case Norm.
//
// The result is shared with other callers (it may come from a cache of
// recent texts, since alignment and the checks read the same sentences):
// do not modify it.
func (l *Lexicon) Segment(text string) []Token {
	if toks, ok := l.memo.get(text); ok {
		return toks
	}
	// The memo outlives the document: keep a copy of the sentence, not a
	// slice of the whole file it came from.
	text = strings.Clone(text)
	toks := l.segment(text)
	l.memo.put(text, toks)
	return toks
}

func (l *Lexicon) segment(text string) []Token {
	if !l.cjk {
		var toks []Token
		eachWord(text, func(start, end int) {
			w := text[start:end]
			n := lowerWord(w)
			_, known := l.words[n]
			toks = append(toks, Token{Text: w, Norm: n, Start: start, End: end, Known: known})
		})
		return toks
	}
	toks := make([]Token, 0, len(text)/4+1)
	var offs []int // byte offsets of the runes of the current Han run
	flushHan := func(end int) {
		if len(offs) == 0 {
			return
		}
		offs = append(offs, end)
		toks = l.segmentHan(text, offs, toks)
		offs = offs[:0]
	}
	latin := -1 // start of the current Latin run
	flushLatin := func(end int) {
		if latin < 0 {
			return
		}
		w := text[latin:end]
		toks = append(toks, Token{Text: w, Norm: lowerWord(w), Start: latin, End: end})
		latin = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isHan(r):
			flushLatin(i)
			offs = append(offs, i)
		case isWordRune(r):
			flushHan(i)
			if latin < 0 {
				latin = i
			}
		default:
			flushHan(i)
			flushLatin(i)
		}
		i += size
	}
	flushHan(len(text))
	flushLatin(len(text))
	return toks
}

// segmentHan segments one run of Han characters whose rune offsets are offs
// (with the end offset appended) and appends the tokens to toks.
func (l *Lexicon) segmentHan(text string, offs []int, toks []Token) []Token {
	n := len(offs) - 1
	maxLen := min(l.maxLen, maxSegLen)
	word := func(i, j int) string { return text[offs[i]:offs[j]] }
	known := func(i, j int) bool { _, ok := l.words[word(i, j)]; return ok }

	// forward maximum matching: cut points
	var fw []int
	for i := 0; i < n; {
		j := i + 1
		if n-i > maxLen && l.longFrom != nil {
			for k := min(n, i+l.longFrom[word(i, i+longAffix)]); k > i+maxLen; k-- {
				if known(i, k) {
					j = k
					break
				}
			}
		}
		for k := min(n, i+maxLen); j == i+1 && k > i+1; k-- {
			if known(i, k) {
				j = k
				break
			}
		}
		fw = append(fw, i)
		i = j
	}
	fw = append(fw, n)
	// backward maximum matching: cut points, collected in reverse
	bw := []int{n}
	for j := n; j > 0; {
		i := j - 1
		if j > maxLen && l.longTo != nil {
			for k := max(0, j-l.longTo[word(j-longAffix, j)]); k < j-maxLen; k++ {
				if known(k, j) {
					i = k
					break
				}
			}
		}
		for k := max(0, j-maxLen); i == j-1 && k < j-1; k++ {
			if known(k, j) {
				i = k
				break
			}
		}
		bw = append(bw, i)
		j = i
	}
	for a, b := 0, len(bw)-1; a < b; a, b = a+1, b-1 {
		bw[a], bw[b] = bw[b], bw[a]
	}
	cuts := bw
	if len(fw) < len(bw) || (len(fw) == len(bw) && singles(fw) < singles(bw)) {
		cuts = fw
	}
	for c := 0; c+1 < len(cuts); c++ {
		i, j := cuts[c], cuts[c+1]
		w := word(i, j)
		toks = append(toks, Token{
			Text:  w,
			Norm:  w,
			Start: offs[i],
			End:   offs[j],
			Stop:  l.zhStop && zhStopWords[w],
			Known: known(i, j),
		})
	}
	return toks
}

// singles counts the one-rune words of a cut list.
func singles(cuts []int) int {
	n := 0
	for c := 0; c+1 < len(cuts); c++ {
		if cuts[c+1]-cuts[c] == 1 {
			n++
		}
	}
	return n
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isDigitRune(r rune) bool { return unicode.IsDigit(r) }
