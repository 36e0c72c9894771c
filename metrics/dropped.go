package metrics

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/segment"
)

// droppedSentences finds a sentence a translation unit left out. A unit
// the format pairs (a line and its line, a TMX or TSV unit) is read as one
// segment a side; when its source holds several sentences (or clauses a
// semicolon ends), each is measured against the whole target with the
// dictionary: one none of whose words the target renders, while it
// renders the others', is a partial omission naming it. So is one whose
// words the target renders only where it renders its neighbours' (a name
// or noun said in both): placed in order on its own stretch of the target
// it gets next to none of them, and the target is short by about its
// length (placeClauses, shorterBy). Sentences merged
// into one in the translation (common in professional work) keep their
// words and are not flagged.
func droppedSentences(p *Pass) (flagged map[int]bool) {
	doc := p.Doc
	flagged = map[int]bool{}
	if !doc.Paired {
		return flagged
	}
	lex := p.lexiconFor()
	if lex == nil {
		return flagged
	}
	for bi, b := range doc.Beads {
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
		words := make([]int, len(ss))
		for i, x := range ss {
			c, n, _ := PairCoverage(lex, []string{x}, target, fromLex, false)
			words[i] = n
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
		var placed []int
		for i, sh := range shares {
			if sh < 0 || sh > droppedMaxPlacedShare {
				continue
			}
			if sh > droppedMaxShare {
				// Words of the sentence the target does render may be
				// its neighbours' words (a name or a noun said twice):
				// place each source sentence on its own stretch of the
				// target, in order, and see whether this one gets any.
				if !shorterBy(p, src.Text, ss[i], tgt.Text) {
					continue // the length first: it is cheap, and rules out most
				}
				if placed == nil {
					placed = placeClauses(lex, ss, clausePieces(tgt.Text), fromLex)
				}
				if float64(placed[i]) > droppedMaxPlaced*float64(words[i]) {
					continue
				}
			}
			lost = append(lost, ss[i])
		}
		if len(lost) == 0 || len(lost) == len(ss) {
			continue
		}
		sside, tside := SideOf(src), SideOf(tgt)
		flagged[bi] = true
		p.Report(Finding{Check: "partial_omission", Severity: Info, Confidence: confDropped, Source: sside, Target: tside,
			Message: fmt.Sprintf("the translation has no counterpart of the source sentence “%s”", shorten(strings.Join(lost, " "), 120))})
	}
	return flagged
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
	// A sentence of which the target renders more, up to this share, is
	// lost when the in-order placement gives it no words of its own and
	// the target is short by about its length.
	droppedMaxPlacedShare = 0.6
	droppedMaxPlaced      = 0.15 // the most of its words a lost sentence's own stretch may render
	// maxPieces is the most stretches a target is cut into for placing.
	maxPieces = 64
)

// clausePieces cuts text at the ends of its clauses (commas, the Chinese
// enumeration comma, semicolons, colons and sentence ends, Chinese and
// Latin): the stretches a source sentence can be placed on. A translator
// merges and splits sentences but seldom moves a clause across another's.
func clausePieces(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		switch r {
		case '，', '、', '；', '：', '。', '！', '？', ',', ';', ':', '.', '!', '?':
			end := i + utf8.RuneLen(r)
			if strings.TrimSpace(text[start:end]) != "" {
				out = append(out, text[start:end])
			}
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, text[start:])
	}
	for len(out) > maxPieces { // merge neighbours: coarser, still in order
		var merged []string
		for i := 0; i < len(out); i += 2 {
			if i+1 < len(out) {
				merged = append(merged, out[i]+out[i+1])
			} else {
				merged = append(merged, out[i])
			}
		}
		out = merged
	}
	return out
}

// placeClauses places each source sentence on its own run of target
// pieces, the runs in order and not overlapping (a run may be empty), so
// that the most source words are rendered within their own sentence's
// run; it reports how many of each sentence's words its run renders. A
// target word can count for one sentence only.
func placeClauses(lex *lexicon.Lexicon, clauses, pieces []string, fromLex bool) []int {
	n, m := len(clauses), len(pieces)
	// masks[i] holds, for each content word of sentence i, the set of
	// pieces that render it.
	masks := make([][]uint64, n)
	vocab := align.Words()
	// Each piece's keys, and each sentence word's keys: the lexicon
	// side's words carry their translations, the other side's their stem.
	sets := make([]keySet, m)
	words := func(text string, lexSide bool) (ws []string, ks [][]int32) {
		if lexSide {
			return vocab.SourceWords(lex, text)
		}
		ws, stems := vocab.TargetWords(text)
		for i := range stems {
			ks = append(ks, stems[i:i+1])
		}
		return ws, ks
	}
	for j, t := range pieces {
		_, ks := words(t, !fromLex)
		for _, k := range ks {
			sets[j] = append(sets[j], k...)
		}
		sets[j].seal()
	}
	for i, c := range clauses {
		ws, ks := words(c, fromLex)
		for w := range ws {
			if isNumber(ws[w]) {
				continue
			}
			var mask uint64
			for j := range sets {
				if anyIn(ks[w], sets[j]) {
					mask |= 1 << j
				}
			}
			masks[i] = append(masks[i], mask)
		}
	}
	span := func(a, b int) uint64 { // pieces a..b-1
		if b-a >= 64 {
			return ^uint64(0)
		}
		return (uint64(1)<<(b-a) - 1) << a
	}
	got := func(i, a, b int) int {
		if a == b {
			return 0
		}
		s, c := span(a, b), 0
		for _, mk := range masks[i] {
			if mk&s != 0 {
				c++
			}
		}
		return c
	}
	// best[i][b]: the most words sentences 0..i-1 get with their runs
	// ending by piece b; from[i][b] is where sentence i-1's run starts.
	best := make([][]int, n+1)
	from := make([][]int, n+1)
	for i := range best {
		best[i] = make([]int, m+1)
		from[i] = make([]int, m+1)
	}
	for i := 1; i <= n; i++ {
		for b := 0; b <= m; b++ {
			best[i][b], from[i][b] = -1, b
			for a := 0; a <= b; a++ {
				if best[i-1][a] < 0 {
					continue
				}
				if v := best[i-1][a] + got(i-1, a, b); v > best[i][b] {
					best[i][b], from[i][b] = v, a
				}
			}
		}
	}
	placed := make([]int, n)
	b := m
	for i := n; i >= 1; i-- {
		a := from[i][b]
		placed[i-1] = got(i-1, a, b)
		b = a
	}
	return placed
}

// shorterBy reports whether the target is short for the source by about
// the length of the sentence: shorter than the document's length model
// expects of the whole source, and nearer what it expects without it.
func shorterBy(p *Pass, source, sentence, target string) bool {
	m := p.lengthModel()
	l1, l2 := float64(align.TextLength(source)), float64(align.TextLength(target))
	ls := float64(align.TextLength(sentence))
	if l1 <= ls || l2 == 0 {
		return false
	}
	full, without := m.Z(l1, l2), m.Z(l1-ls, l2)
	return full <= droppedShortZ && math.Abs(without) < math.Abs(full)
}

// droppedShortZ is how short (in the length model's deviations) a
// target must be for a placed sentence to count as left out.
const droppedShortZ = -1.0

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
// on through "; "): what a translation drops whole. A full stop inside
// inline code or a URL ends nothing, as in the pipeline's segmentation.
func clauses(text string) []string {
	var out []string
	for _, sp := range segment.SentencesOutside(text, segment.Protected(text)) {
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
