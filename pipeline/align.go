package pipeline

import (
	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/read"
)

// lexiconFor returns the dictionary for a language pair, loading the
// embedded CC-CEDICT only when Chinese and English are both in play.
// A lexicon that fails to load leaves alignment to lengths and tokens.
func (r *Runner) lexiconFor(source, target string) *lexicon.Lexicon {
	if r.cfg.Lexicon != nil && source == r.cfg.Source && target == r.cfg.Target {
		return r.cfg.Lexicon
	}
	if !(source == "zh" && target == "en" || source == "en" && target == "zh") {
		return nil
	}
	lex, err := lexicon.ZhEn()
	if err != nil {
		return nil
	}
	return lex
}

// align pairs two sequences of segments with the sentence aligner and
// returns beads of segment IDs, null beads included, in order. The
// dictionary maps Chinese to English, so an English→Chinese pair is
// aligned the other way round and turned back.
func (r *Runner) align(source, target string, src, tgt []*document.Segment, opt align.Options) []document.Bead {
	swap := target == "zh" && source != "zh"
	a, b := src, tgt
	if swap {
		a, b = tgt, src
	}
	opt.Lexicon = r.lexiconFor(source, target)
	beads := align.Align(sentences(a), sentences(b), opt)
	out := make([]document.Bead, len(beads))
	for i, bd := range beads {
		s, t := ids(a, bd.Source), ids(b, bd.Target)
		if swap {
			s, t = t, s
		}
		out[i] = document.Bead{Source: s, Target: t, Score: bd.Score}
	}
	return out
}

// unitBandCells is the aligner's MaxBandCells inside one unit. A
// paragraph's sentences pair close to its diagonal; only a piece cut out
// of a huge line (a hostile or broken file: up to the segment limit of
// 20,000 characters, thousands of sentences a side) could make the band
// grow to the whole table, tens of millions of cells with their pair
// masks, a gigabyte or more. A unit of up to about 500 sentences a side
// can still be searched whole, however its path strays. Whole documents
// (a file and its translation) are aligned without a bound.
const unitBandCells = 256

// alignUnit pairs the source and target segments of one bilingual unit:
// as a whole when either side is a single sentence, else sentence by
// sentence through the aligner, its band bounded by unitBandCells.
func (r *Runner) alignUnit(doc *document.Document, src, tgt []int) []document.Bead {
	if len(src) == 1 || len(tgt) == 1 {
		return []document.Bead{{Source: src, Target: tgt, Score: 1}}
	}
	segs := func(ids []int) []*document.Segment {
		out := make([]*document.Segment, len(ids))
		for i, id := range ids {
			out[i] = doc.Segment(id)
		}
		return out
	}
	return r.align(doc.Source, doc.Target, segs(src), segs(tgt), align.Options{MaxBandCells: unitBandCells})
}

func sentences(segs []*document.Segment) []align.Sentence {
	out := make([]align.Sentence, len(segs))
	for i, s := range segs {
		out[i] = align.Sentence{Text: s.Text, Lang: s.Lang}
	}
	return out
}

func ids(segs []*document.Segment, idx []int) []int {
	out := make([]int, len(idx))
	for i, k := range idx {
		out[i] = segs[k].ID
	}
	return out
}

// AlignSegments aligns two sequences of segments, in languages source and
// target, and returns beads of their IDs (null beads included), in order.
// It is the aligner that check uses, for the align command.
func (r *Runner) AlignSegments(source, target string, src, tgt []*document.Segment) []document.Bead {
	return r.align(source, target, src, tgt, align.Options{})
}

// Segments reads one file and returns its prose segments with their
// languages, split as check splits them (or one per line when lines is
// set), numbered in file order.
func (r *Runner) Segments(path string, lines bool) ([]*document.Segment, []document.Problem) {
	var doc *document.Document
	if lines {
		doc = read.LinesFile(path, r.cfg.Read)
		doc.Paired = true // a line is a segment: no re-splitting
	} else {
		doc = read.File(read.Input{Source: path}, r.cfg.Read)
	}
	segmentStage(r, doc)
	detectStage(r, doc)
	var out []*document.Segment
	for _, s := range doc.Segments() {
		if s.Skip == "" {
			out = append(out, s)
		}
	}
	return out, doc.Problems
}

// WordAligner returns a word aligner for the language pair, its
// translation model trained on pairs (source text, target text: the
// confident beads of a document or run), and whether the aligner's
// lexicon side (the side it segments with the dictionary, Chinese for
// CC-CEDICT) is the source. Align the pair as (lexicon side, other side).
func (r *Runner) WordAligner(source, target string, pairs [][2]string) (wa *align.WordAligner, lexIsSource bool) {
	lexIsSource = !(target == "zh" && source != "zh")
	wa = align.NewWordAligner(r.lexiconFor(source, target))
	if !lexIsSource {
		swapped := make([][2]string, len(pairs))
		for i, p := range pairs {
			swapped[i] = [2]string{p[1], p[0]}
		}
		pairs = swapped
	}
	wa.Train(pairs, ModelIterations)
	return wa, lexIsSource
}

// ModelIterations is how many EM iterations train the word translation
// model (IBM Model 1 converges in a handful).
const ModelIterations = 5
