package metrics

import (
	"fmt"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// omittedStretches finds, in each unit the format pairs (a line and its
// line, a TMX or TSV unit: where the sentence aligner has no say), a
// stretch of the source whose words the translation does not render: the words of the
// pair are aligned (dictionary, identical tokens and numbers,
// transliterated names, and a word translation model learnt from the
// document's own pairs), and a stretch of unlinked content words that
// the translation's unlinked words cannot account for is reported, the
// stretch itself named and marked in the source side (Side.Omitted).
// Pairs droppedSentences already reported (skip) are not reported again.
// In documents the aligner pairs, a sentence left out is its null bead.
//
// The lexicon side must be the source: an English source with a Chinese
// target is not measured yet (its unlinked stretches would be of the
// target).
func omittedStretches(p *Pass, skip map[int]bool) {
	doc := p.Doc
	lex := p.lexiconFor()
	if !doc.Paired || lex == nil || lexSide(doc) != doc.Source || p.Config.Disabled["partial_omission"] {
		return // (disabled: the word alignment is not worth doing for nothing)
	}
	// The word model is made by the file's first chunk (or the whole
	// document) and shared by the rest through the norms.
	train := p.shared.norms.Words == nil
	var pairs [][2]string
	var beads []int
	for i, b := range doc.Beads {
		if len(b.Source) != 1 || len(b.Target) != 1 {
			continue
		}
		src, tgt := doc.Segment(b.Source[0]), doc.Segment(b.Target[0])
		if src.Skip != "" || tgt.Skip != "" || strings.TrimSpace(tgt.Text) == "" {
			continue
		}
		beads = append(beads, i)
		// The model learns from the pairs of the basis units, so that a
		// file read in chunks learns what the whole file does.
		if train && len(pairs) < modelPairs && (p.basis.Units == 0 || src.Unit < p.basis.Units) {
			pairs = append(pairs, [2]string{src.Prose(), tgt.Prose()})
		}
	}
	if train {
		p.shared.norms.Words = &WordModel{lex: lex, pairs: pairs}
	}
	// A translation memory repeats its pairs: each distinct pair is
	// measured once.
	seen := map[[2]string][]align.OmittedSpan{}
	for _, i := range beads {
		if skip[i] {
			continue
		}
		b := doc.Beads[i]
		src, tgt := doc.Segment(b.Source[0]), doc.Segment(b.Target[0])
		prose := src.Prose()
		key := [2]string{prose, tgt.Prose()}
		spans, ok := seen[key]
		if !ok {
			spans = omittedSpans(p, lex, key[0], key[1])
			seen[key] = spans
		}
		if len(spans) == 0 {
			continue
		}
		sside, tside := SideOf(src), SideOf(tgt)
		var names []string
		for _, sp := range spans {
			sside.Omitted = append(sside.Omitted, [2]int{sp.Start, sp.End})
			names = append(names, "“"+shorten(prose[sp.Start:sp.End], 80)+"”")
		}
		slices.SortFunc(sside.Omitted, func(a, b [2]int) int { return a[0] - b[0] }) // in text order
		p.Report(Finding{Check: "partial_omission", Severity: Info, Confidence: confOmittedStretch, Source: sside, Target: tside,
			Message: fmt.Sprintf("omitted: %s: none of its words is rendered in the translation", strings.Join(names, ", "))})
	}
}

// Settings of omittedStretches: the model learns from the document's
// first modelPairs one-to-one pairs (a large file teaches it enough by
// then, and its cost stays bounded), in modelIterations;
// confOmittedStretch is 1 TRUE of 3 judged on the WMT22 references (on
// omission-dev, OmittedMin flags 1.9% of clean MT segments).
const (
	modelPairs         = 2000
	modelIterations    = 5
	confOmittedStretch = 0.3
)

// omittedSpans returns the stretches of src that score align.OmittedMin or
// more, best first.
func omittedSpans(p *Pass, lex *lexicon.Lexicon, src, tgt string) []align.OmittedSpan {
	// Most pairs stop here, cheaply: no stretch can reach the threshold.
	if align.OmittedBound(lex, src, tgt) < align.OmittedMin {
		return nil
	}
	wa := p.shared.norms.Words.Aligner() // trained once, for the first pair that needs it
	a := wa.Align(src, tgt)
	spans := a.Omitted(src)
	n := 0
	for n < len(spans) && spans[n].Score >= align.OmittedMin {
		n++
	}
	return spans[:n]
}
