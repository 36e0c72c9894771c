package metrics

import (
	"math"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// Norms are what a document's pairs are judged against: the length
// relation of its pairs and its usual dictionary coverage. A nil part is
// estimated from the document.
//
// They are estimated from the pairs of the document's first units only
// (Basis.Units), so that a large file read in chunks is judged exactly as
// the same file read whole: its first chunk estimates them, every chunk is
// judged against them. A few thousand pairs settle a median or a mean; a
// file whose later units differ in kind from its first (two corpora
// concatenated) is judged by its first.
type Norms struct {
	Length   *LengthModel
	Coverage *CoverageNorm
	// Words is the word aligner the document's first pairs train, on
	// first use (omittedStretches), and every chunk of the file shares.
	Words *WordModel
}

// WordModel is a word aligner trained, once and on first use, on the
// pairs it was made with. Safe for concurrent use.
type WordModel struct {
	once  sync.Once
	lex   *lexicon.Lexicon
	pairs [][2]string
	wa    *align.WordAligner
}

// Aligner returns the trained word aligner.
func (m *WordModel) Aligner() *align.WordAligner {
	m.once.Do(func() {
		m.wa = align.NewWordAligner(m.lex)
		m.wa.Train(m.pairs, modelIterations)
		m.pairs = nil
	})
	return m.wa
}

// CoverageNorm is the mean dictionary coverage of a document's measurable
// pairs and its standard deviation.
type CoverageNorm struct {
	Mean, Std float64
	Pairs     int
}

// Basis says what RunMeasures judges a document against.
type Basis struct {
	// Norms, when set, are used as they are (the parts that are not nil).
	Norms Norms
	// Units limits the estimate of the other parts to pairs whose source
	// begins in the document's first Units units; 0 takes every pair.
	Units int
}

// Measure is a per-document figure as a weighted mean, kept as its parts
// so that figures of a file's chunks add up to the whole file's.
type Measure struct {
	Sum, Weight float64
}

// Value returns the mean, rounded to three decimals; 0 when nothing was
// measured.
func (m Measure) Value() float64 {
	if m.Weight == 0 {
		return 0
	}
	return math.Round(m.Sum/m.Weight*1000) / 1000
}

// inBasis reports whether a length pair counts for the norms: a pair of
// the basis units that is translated, not copied (a changelog's link
// lines, code names: a norm learnt from copies would expect a ratio of 1
// and flag every real translation).
func (p *Pass) inBasis(lp lengthPair) bool {
	if p.basis.Units > 0 && p.Doc.Segment(lp.bead.Source[0]).Unit >= p.basis.Units {
		return false
	}
	return !copied(p.Doc, lp.bead)
}

// copied reports whether a bead's target is its source, word for word.
func copied(doc *document.Document, b document.Bead) bool {
	text := func(ids []int) string {
		var parts []string
		for _, id := range ids {
			parts = append(parts, strings.Fields(doc.Segment(id).Prose())...)
		}
		return strings.Join(parts, " ")
	}
	return text(b.Source) == text(b.Target)
}

// lengthModel returns the length model the document is judged against.
func (p *Pass) lengthModel() LengthModel {
	if p.shared.norms.Length == nil {
		var basis []lengthPair
		for _, lp := range p.lengthPairs() {
			if p.inBasis(lp) {
				basis = append(basis, lp)
			}
		}
		m := estimateLengthModel(p.Doc, basis)
		p.shared.norms.Length = &m
	}
	return *p.shared.norms.Length
}

// coverageNorm returns the coverage norm the document is judged against,
// from the measured pairs (in lengthPairs order).
func (p *Pass) coverageNorm(pairs []pairCoverage) CoverageNorm {
	if p.shared.norms.Coverage == nil {
		var n CoverageNorm
		var sum, sq float64
		for _, pc := range pairs {
			if pc.inBasis {
				sum += pc.share()
				n.Pairs++
			}
		}
		if n.Pairs > 0 {
			n.Mean = sum / float64(n.Pairs)
			for _, pc := range pairs {
				if pc.inBasis {
					d := pc.share() - n.Mean
					sq += d * d
				}
			}
			n.Std = math.Sqrt(sq / float64(n.Pairs))
		}
		p.shared.norms.Coverage = &n
	}
	return *p.shared.norms.Coverage
}
