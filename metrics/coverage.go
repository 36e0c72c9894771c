package metrics

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// Coverage is a statistical signal (severity info): a pair far below its
// document's norm. Judged on the dev corpora, 6 of 62 such findings were
// real partial omissions (testdata/precision), no better than chance among
// faithful paraphrases; it stays a signal until word alignment replaces
// it.
//
// Coverage measures, per pair, the share of the source's content words
// whose dictionary translation appears in the target, and reports a pair
// whose coverage is far below the document's own norm while its target is
// also short: a partial omission, naming the source words left uncovered.
var Coverage = &Metric{
	Name:       "coverage",
	Doc:        "a pair's dictionary coverage must not fall far below the document's norm while its target is short",
	Severity:   Info,
	Confidence: 0.1,
	Run:        coverage,
}

// Coverage thresholds: a pair is judged only when its source has enough
// content words to be measured, and flagged when its coverage is below
// Config.CoverageFraction of the document's mean (or coverageSigmas standard
// deviations below it, whichever is higher) and its length z-score is
// below coverageShortZ: the target is shorter than the document's ratio
// predicts.
const (
	coverageMinWords = 4
	coverageSigmas   = 2
	coverageShortZ   = -1
)

type pairCoverage struct {
	covered, total int
	l1, l2         float64
	bead           int
	inBasis        bool // the pair counts for the document's norm
}

func (c pairCoverage) share() float64 { return float64(c.covered) / float64(c.total) }

// PairCoverage counts the content words of the source texts (total) and
// those the target texts cover, through lex, for a source in the
// lexicon's source language (srcIsLexSource) or in its target language;
// with collect it also lists the words left uncovered. Texts are taken
// sentence by sentence, as the aligner reads them, and words are compared
// by the aligner's integer keys, so the work is shared with it.
func PairCoverage(lex *lexicon.Lexicon, src, tgt []string, srcIsLexSource, collect bool) (covered, total int, uncovered []string) {
	var buf [64]int32
	set := keySet(buf[:0])
	vocab := align.Words() // one vocabulary for every key compared
	if srcIsLexSource {
		for _, t := range tgt {
			_, ks := vocab.TargetWords(t)
			set = append(set, ks...)
		}
		set.seal()
		for _, s := range src {
			ws, ks := vocab.SourceWords(lex, s)
			for i, w := range ws {
				if isNumber(w) {
					continue
				}
				total++
				if anyIn(ks[i], set) {
					covered++
				} else if collect {
					uncovered = append(uncovered, w)
				}
			}
		}
		return covered, total, uncovered
	}
	// English source, Chinese target: the union of the target words'
	// translations is what the target says, in English stems.
	for _, t := range tgt {
		_, ks := vocab.SourceWords(lex, t)
		for _, k := range ks {
			set = append(set, k...)
		}
	}
	set.seal()
	for _, s := range src {
		ws, ks := vocab.TargetWords(s)
		for i, w := range ws {
			if isNumber(w) {
				continue
			}
			total++
			if set.Has(ks[i]) {
				covered++
			} else if collect {
				uncovered = append(uncovered, w)
			}
		}
	}
	return covered, total, uncovered
}

func isNumber(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == ',') }) < 0
}

func coverage(p *Pass) {
	doc := p.Doc
	omittedStretches(p, droppedSentences(p))
	lex := p.lexiconFor()
	if lex == nil {
		return
	}
	// The lexicon maps Chinese (or the user list's source language) to
	// English: a document going the other way is measured from its
	// English side.
	srcIsLexSource := doc.Target == "en" || doc.Source != "en"
	var pairs []pairCoverage
	for _, lp := range p.lengthPairs() {
		b := lp.bead
		cov, total, _ := PairCoverage(lex, texts(doc, b.Source), texts(doc, b.Target), srcIsLexSource, false)
		if total < coverageMinWords {
			continue
		}
		pairs = append(pairs, pairCoverage{covered: cov, total: total,
			l1: lp.l1, l2: lp.l2, bead: lp.index, inBasis: p.inBasis(lp)})
	}
	if len(pairs) == 0 {
		return
	}
	var sum float64
	for _, pc := range pairs {
		sum += pc.share()
	}
	p.Measure("coverage", sum/float64(len(pairs)), float64(len(pairs)))
	norm := p.coverageNorm(pairs)
	if norm.Pairs < 5 {
		return // too few pairs to know the document's norm
	}
	mean := norm.Mean
	model := p.lengthModel()
	limit := math.Max(p.Config.CoverageFraction*mean, mean-coverageSigmas*norm.Std)
	for _, pc := range pairs {
		if pc.share() >= limit || model.Z(pc.l1, pc.l2) >= coverageShortZ {
			continue
		}
		b := doc.Beads[pc.bead]
		sside, tside := SideOf(doc.Segment(b.Source[0])), SideOf(doc.Segment(b.Target[0]))
		sside.Text, tside.Text = joinText(segmentsOf(doc, b.Source)), joinText(segmentsOf(doc, b.Target))
		_, _, uncovered := PairCoverage(lex, texts(doc, b.Source), texts(doc, b.Target), srcIsLexSource, true)
		var unc []string
		seen := map[string]bool{}
		for _, w := range uncovered {
			if !seen[w] {
				seen[w] = true
				unc = append(unc, w)
			}
		}
		if len(unc) > 16 {
			unc = append(unc[:16:16], "…")
		}
		p.Report(Finding{Check: "partial_omission", Severity: p.Metric.Severity, Source: sside, Target: tside,
			Message: fmt.Sprintf("only %.0f%% of the source's words are rendered (document: %.0f%%) and the target is short; not found in the target: %s",
				100*pc.share(), 100*mean, strings.Join(unc, " "))})
	}
}

func texts(doc *document.Document, ids []int) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = doc.Segment(id).Text
	}
	return out
}

// keySet is the keys of a pair's target: a sentence or two, so a sorted
// slice, built without a map or a table the size of the vocabulary.
type keySet []int32

// seal sorts the set; Has needs it.
func (s keySet) seal() { slices.Sort(s) }

// Has reports whether the sealed set holds k.
func (s keySet) Has(k int32) bool {
	_, ok := slices.BinarySearch(s, k)
	return ok
}

func anyIn(xs []int32, set keySet) bool {
	for _, x := range xs {
		if set.Has(x) {
			return true
		}
	}
	return false
}
