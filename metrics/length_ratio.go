package metrics

import (
	"fmt"
	"math"
	"sort"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
)

// LengthRatio reports pairs whose target is much longer or shorter than
// their source, judged against the ratio this document itself shows.
var LengthRatio = &Metric{
	Name:       "length_ratio",
	Doc:        "a pair's target length must be in line with its source length and the document's usual ratio",
	Severity:   Info,
	Confidence: 0.05,
	Run:        lengthRatio,
}

// priorWeight is how many pairs' worth of evidence the prior ratio counts
// for: a short document leans on the prior, a long one on itself.
const priorWeight = 4

// chiSquareMedian is the median of the chi-square distribution with one
// degree of freedom: the median squared z-score of a normal sample, used to
// turn a median of squared deviations into a variance.
const chiSquareMedian = 0.4549

// LengthModel is the expected length relation of a document's pairs, in
// the Gale–Church form: target length ≈ C × source length, with variance
// S2 × (mean length).
type LengthModel struct {
	C, S2 float64
	Pairs int
}

// PriorRatio returns the expected target/source character ratio for a
// language pair before any document is seen: Han text packs about three
// Latin letters' worth of meaning into each character.
func PriorRatio(source, target string) float64 {
	cjk := map[string]bool{"zh": true, "ja": true, "ko": true}
	switch {
	case cjk[source] && !cjk[target]:
		return 3.0
	case !cjk[source] && cjk[target]:
		return 1 / 3.0
	}
	return 1
}

type lengthPair struct {
	l1, l2 float64
	bead   document.Bead
	index  int // of the bead in Document.Beads
}

func pairLengths(doc *document.Document) []lengthPair {
	var out []lengthPair
	for i, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		var l1, l2 int
		// Prose only: link targets, tags and template syntax are not
		// what a translator lengthens or shortens.
		for _, id := range b.Source {
			l1 += align.TextLength(doc.Segment(id).Prose())
		}
		for _, id := range b.Target {
			l2 += align.TextLength(doc.Segment(id).Prose())
		}
		if l1 > 0 && l2 > 0 {
			out = append(out, lengthPair{float64(l1), float64(l2), b, i})
		}
	}
	return out
}

// EstimateLengthModel estimates C robustly (median log ratio, shrunk
// towards the prior) and S2 from the median squared deviation.
func EstimateLengthModel(doc *document.Document) LengthModel {
	return estimateLengthModel(doc, pairLengths(doc))
}

func estimateLengthModel(doc *document.Document, pairs []lengthPair) LengthModel {
	prior := PriorRatio(doc.Source, doc.Target)
	logs := make([]float64, len(pairs))
	for i, p := range pairs {
		logs[i] = math.Log(p.l2 / p.l1)
	}
	n := float64(len(pairs))
	c := math.Exp((n*median(logs) + priorWeight*math.Log(prior)) / (n + priorWeight))
	if len(pairs) == 0 {
		c = prior
	}
	// Gale and Church measured s² = 6.8 for European languages in
	// characters; scale it by the ratio so it stays comparable.
	priorS2 := 6.8 * math.Max(c, 1/c)
	sq := make([]float64, len(pairs))
	for i, p := range pairs {
		d := p.l2 - c*p.l1
		sq[i] = d * d / ((p.l1 + p.l2/c) / 2)
	}
	s2 := (n*median(sq)/chiSquareMedian + priorWeight*priorS2) / (n + priorWeight)
	if len(pairs) == 0 {
		s2 = priorS2
	}
	return LengthModel{C: c, S2: s2, Pairs: len(pairs)}
}

// Z returns the Gale–Church deviation of a pair from the model: positive
// when the target is longer than expected.
func (m LengthModel) Z(l1, l2 float64) float64 {
	return (l2 - m.C*l1) / math.Sqrt(m.S2*(l1+l2/m.C)/2)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func lengthRatio(p *Pass) {
	doc := p.Doc
	model := p.lengthModel()
	if n := len(p.lengthPairs()); model.Pairs > 0 && n > 0 {
		p.Measure("length_ratio", model.C, float64(n))
	}
	for _, lp := range p.lengthPairs() {
		z := model.Z(lp.l1, lp.l2)
		if math.Abs(z) <= p.Config.LengthZ || copied(doc, lp.bead) {
			continue // a copy is untranslated's to report, not a length outlier
		}
		src, tgt := doc.Segment(lp.bead.Source[0]), doc.Segment(lp.bead.Target[0])
		dir := "longer"
		factor := (lp.l2 / lp.l1) / model.C
		if z < 0 {
			dir, factor = "shorter", 1/factor
		}
		srcSide, tgtSide := SideOf(src), SideOf(tgt)
		srcSide.Text = joinText(segmentsOf(doc, lp.bead.Source))
		tgtSide.Text = joinText(segmentsOf(doc, lp.bead.Target))
		p.Report(Finding{
			Severity: p.Metric.Severity,
			Message: fmt.Sprintf("%s is %.1f× %s than expected: %d characters for %d %s (expected about %.0f, z = %+.1f)",
				LanguageName(tgt.Lang), factor, dir, int(lp.l2), int(lp.l1), LanguageName(src.Lang), model.C*lp.l1, z),
			Source: srcSide,
			Target: tgtSide,
		})
	}
}

func segmentsOf(doc *document.Document, ids []int) []*document.Segment {
	out := make([]*document.Segment, len(ids))
	for i, id := range ids {
		out[i] = doc.Segment(id)
	}
	return out
}
