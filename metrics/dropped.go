package metrics

import (
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/segment"
)

// droppedSentences finds a sentence a translation unit left out. A unit
// the format pairs (a line and its line, a TMX or TSV unit) is read as one
// segment a side; when its source holds several sentences (or clauses a
// semicolon ends), each is measured against the whole target with the
// dictionary: one none of whose words the target renders, while it
// renders the others', is a partial omission naming it. Sentences merged
// into one in the translation (common in professional work) keep their
// words and are not flagged.
func droppedSentences(p *Pass) {
	doc := p.Doc
	if !doc.Paired {
		return
	}
	lex := p.lexiconFor()
	if lex == nil {
		return
	}
	for _, b := range doc.Beads {
		if len(b.Source) != 1 || len(b.Target) != 1 {
			continue
		}
		src, tgt := doc.Segment(b.Source[0]), doc.Segment(b.Target[0])
		ss := clauses(src.Text)
		if len(ss) < 2 || len(ss) > droppedMaxSentences || strings.TrimSpace(tgt.Text) == "" {
			continue
		}
		// Each source sentence against the whole target: a sentence
		// none of whose words the target renders, beside sentences whose
		// words it does, was left out. (The sentence aligner is no judge
		// of two or three sentences: it has nothing to learn its ratios
		// from, and paired a dropped sentence 2-1 with its neighbour.)
		fromLex := doc.Source == lexSide(doc)
		target := []string{tgt.Text}
		var lost []string
		var kept, keptN int
		var shares []float64
		for _, x := range ss {
			c, n, _ := PairCoverage(lex, []string{x}, target, fromLex, false)
			if n < droppedMinWords {
				shares = append(shares, -1)
				continue
			}
			sh := float64(c) / float64(n)
			shares = append(shares, sh)
			if sh > droppedMaxShare {
				kept += c
				keptN += n
			}
		}
		if keptN == 0 || float64(kept)/float64(keptN) < droppedMinKept {
			continue // the pair as a whole is loose: a free translation, not a dropped sentence
		}
		for i, sh := range shares {
			if sh >= 0 && sh <= droppedMaxShare {
				lost = append(lost, ss[i])
			}
		}
		if len(lost) == 0 || len(lost) == len(ss) {
			continue
		}
		sside, tside := SideOf(src), SideOf(tgt)
		p.Report(Finding{Check: "partial_omission", Severity: Info, Confidence: confDropped, Source: sside, Target: tside,
			Message: fmt.Sprintf("the translation has no counterpart of the source sentence “%s”", shorten(strings.Join(lost, " "), 120))})
	}
}

// Limits of droppedSentences: units of up to droppedMaxSentences
// source sentences are measured (a longer unit is a paragraph the length
// checks judge); confDropped is not judged yet.
const (
	droppedMaxSentences = 24
	droppedMinWords     = 3   // content words a sentence needs to be judged
	droppedMaxShare     = 0.1 // a sentence this little of which the target renders is lost...
	droppedMinKept      = 0.3 // ...when the target renders this much of the others
	confDropped         = 0.3
)

// lexSide is the language the document's lexicon looks words up in
// (Chinese for CC-CEDICT; the source for a user's word list).
func lexSide(doc *document.Document) string {
	if doc.Source == "en" && doc.Target != "en" {
		return doc.Target
	}
	return doc.Source
}

// clauses splits text into sentences and the clauses a semicolon ends
// (the segmenter ends a Chinese sentence at ；, while an English one runs
// on through "; "): what a translation drops whole.
func clauses(text string) []string {
	var out []string
	for _, sp := range segment.Sentences(text) {
		t := text[sp.Start:sp.End]
		for {
			i := strings.Index(t, "; ")
			if i < 0 {
				break
			}
			out = append(out, t[:i+1])
			t = strings.TrimLeft(t[i+1:], " ")
		}
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}
