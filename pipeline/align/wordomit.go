package align

import (
	"cmp"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// OmittedSpan is a stretch of the lexicon side none of whose content words
// the other side renders: a candidate partial omission.
type OmittedSpan struct {
	Start, End int     // byte offsets in the lexicon-side text
	Weight     int     // the unlinked content it holds (Han characters; a Latin word counts 2)
	Slack      int     // unlinked content words on the other side where the span's translation would stand
	Score      float64 // Weight less the slack's allowance: higher is a likelier omission
}

// OmittedMin is the score from which an omitted stretch is reported: on
// ../shared/data/omission-dev (MQM-rated WMT23 zh→en, the word model
// trained on its 807 pairs) it flags none of the 266 clean segments and
// finds 73 of the 541 rated major omissions (the 1% and 2% points are at
// 4.5, finding 35%); on the freer professional WMT22 zh→en references it
// flags 3 of 1,875 pairs (one judged a real omission), where 7.0 would flag 34,
// most of them paraphrases, and 5.0 124 (make accuracy prints the curve).
const OmittedMin = 8.5

// slackWeight is how much each unlinked word on the other side, where the
// span's translation would stand, lowers a span's score: a span the
// translation paraphrased leaves words there that no link explains, an
// omitted one leaves none.
const slackWeight = 1.5

// globalSlackWeight is the Han characters each unlinked word of the other
// side may stand for, anywhere in the sentence. Both weights were chosen
// on omission-dev (a grid of 1.0–2.0 and 1.0–3.0): lower ones find more
// rated omissions at 5% of clean segments flagged but flag more than twice
// as many professional WMT22 references.
const globalSlackWeight = 2.0

// Omitted returns the stretches of the lexicon side whose content words
// no link reaches, best candidate first. A stretch runs over unlinked
// content words and the stop words and punctuation between them, and ends
// at a linked content word.
func (a *WordAlignment) Omitted(lexText string) []OmittedSpan {
	lexLinked, otherLinked := a.LexLinked(), a.OtherLinked()
	// For each lexicon word, the other-side positions it links to.
	first := make([]int, len(a.Lex))
	last := make([]int, len(a.Lex))
	for i := range first {
		first[i], last[i] = -1, -1
	}
	for _, l := range a.Links {
		if first[l.Lex] < 0 || l.Other < first[l.Lex] {
			first[l.Lex] = l.Other
		}
		if l.Other > last[l.Lex] {
			last[l.Lex] = l.Other
		}
	}
	var out []OmittedSpan
	for i := 0; i < len(a.Lex); {
		x := a.Lex[i]
		if !x.Content || lexLinked[i] {
			i++
			continue
		}
		j, weight := i, 0
		for j < len(a.Lex) && !(a.Lex[j].Content && lexLinked[j]) {
			if a.Lex[j].Content {
				weight += WordWeight(a.Lex[j].Text)
			}
			j++
		}
		// Trim stop words at the end.
		k := j
		for k > i && !a.Lex[k-1].Content {
			k--
		}
		// Where the span's translation would stand: between the other-side
		// words linked to the nearest linked words before and after it.
		lo, hi := 0, len(a.Other)
		for b := i - 1; b >= 0; b-- {
			if last[b] >= 0 {
				lo = last[b] + 1
				break
			}
		}
		for b := j; b < len(a.Lex); b++ {
			if first[b] >= 0 {
				hi = first[b]
				break
			}
		}
		slack := 0
		for o := lo; o < hi; o++ {
			if a.Other[o].Content && !otherLinked[o] {
				slack++
			}
		}
		out = append(out, OmittedSpan{Start: x.Start, End: a.Lex[k-1].End, Weight: weight, Slack: slack,
			Score: float64(weight) - slackWeight*float64(slack)})
		i = j
	}
	// The other side's unlinked words may render any unlinked stretch,
	// wherever the translation moved it: what they cannot account for is
	// the excess of the lexicon side's unlinked content over them.
	total, unlinked := 0, 0
	for _, sp := range out {
		total += sp.Weight
	}
	for o, w := range a.Other {
		if w.Content && !otherLinked[o] {
			unlinked++
		}
	}
	excess := float64(total) - globalSlackWeight*float64(unlinked)
	for i := range out {
		out[i].Score = min(out[i].Score, excess)
	}
	sort.SliceStable(out, func(p, q int) bool { return out[p].Score > out[q].Score })
	return out
}

// WordWeight is the content of a word, as an omitted stretch weighs it:
// its Han characters, or 2 for a Latin word or number.
func WordWeight(w string) int {
	n := 0
	for _, r := range w {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	if n == 0 && utf8.RuneCountInString(w) > 0 {
		return 2
	}
	return n
}

// OmittedBound returns a bound on the score of the best stretch that
// Align and Omitted find in a pair, from the dictionary alone and without
// aligning: the heaviest run of the lexicon side's content words that are
// not sure to link. A word is sure to link when one of the other side's
// words its glosses match is glossed by no other word, or only by words
// that linkCompeting takes after it (more candidates, or as many and
// shorter); numbers and words the dictionary lacks count as unlinked.
// Every other kind of link only adds to the dictionary's, so a pair whose
// bound is under OmittedMin has no stretch to report, and most pairs stop
// here, cheaply.
func OmittedBound(lex *lexicon.Lexicon, lexText, otherText string) float64 {
	vocab := Words()
	src := vocab.source(lex, lexText)
	if float64(src.weight) < OmittedMin {
		return float64(src.weight) // too little content for any stretch to count
	}
	tgt := vocab.target(otherText)
	// The other side's words each content word may link to, and how many
	// candidates it has (as linkCompeting counts them: a word per key).
	var buf [64]keyWord
	cands := buf[:0] // key: the lexicon word's index; word: the other word's
	options := make([]int, len(src.words))
	for i := range src.words {
		if src.light[i] {
			continue
		}
		for _, k := range src.keys[i] {
			for _, m := range tgt.wordsWith(k) {
				cands = append(cands, keyWord{int32(i), m.word})
				options[i]++
			}
		}
	}
	// Each word of the other side goes to the word that takes its
	// candidates first whatever their places (fewest candidates, then
	// longest): a word is sure to link when it is that word, alone in its
	// rank, for one of its candidates. Occurrences of one word share their
	// candidates, so the winners are words, not places.
	rank := func(i int) [2]int { return [2]int{options[i], -len(src.words[i])} }
	slices.SortFunc(cands, func(p, q keyWord) int {
		rp, rq := rank(int(p.key)), rank(int(q.key))
		return cmp.Or(cmp.Compare(p.word, q.word), cmp.Compare(rp[0], rq[0]), cmp.Compare(rp[1], rq[1]))
	})
	sure := map[string]bool{}
	for g := 0; g < len(cands); {
		h := g + 1
		for h < len(cands) && cands[h].word == cands[g].word {
			h++
		}
		winner := src.words[cands[g].key]
		alone := true
		for _, c := range cands[g+1 : h] {
			if src.words[c.key] != winner {
				alone = rank(int(c.key)) != rank(int(cands[g].key))
				break
			}
		}
		if alone {
			sure[winner] = true
		}
		g = h
	}
	run, best := 0, 0
	for i, w := range src.words {
		run += src.gaps[i]
		best = max(best, run)
		switch {
		case src.light[i]:
			// no content of its own: it neither weighs nor breaks a stretch
		case sure[w]:
			run = 0
		default:
			run += WordWeight(w)
			best = max(best, run)
		}
	}
	return float64(max(best, run+src.gaps[len(src.words)]))
}
