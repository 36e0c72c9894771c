package pipeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/segment"
)

// Stage transforms a document in place.
type Stage struct {
	Name string
	Run  func(*Runner, *document.Document)
}

// Stages lists the per-document stages in the order they run. Order
// matters: languages are detected on sentences, not on whole paragraphs,
// and pairing needs languages.
var Stages = []Stage{
	{"segment", segmentStage},
	{"detect", detectStage}, // Must be after segment.
	{"direction", directionStage},
	{"pair", pairStage}, // Must be after direction.
}

// segmentStage replaces each prose segment by its language runs and their
// sentences. Documents whose format declares the pairs (translation units)
// keep their segments whole: the pairs are the format's, not ours.
func segmentStage(_ *Runner, doc *document.Document) {
	if doc.Paired {
		doc.Index()
		return
	}
	for _, u := range doc.Units {
		var out []*document.Segment
		for _, s := range u.Segments {
			if s.Skip != "" {
				out = append(out, s)
				continue
			}
			out = append(out, splitSegment(s)...)
		}
		if len(out) == 0 && len(u.Segments) > 0 {
			// Only white space: keep the unit's segment, skipped.
			s := u.Segments[0]
			s.Skip = "no text"
			out = append(out, s)
		}
		u.Segments = out
	}
	doc.Index()
}

// splitSegment cuts one segment into runs and sentences, keeping exact
// positions: byte offsets into the file and the line of each piece.
func splitSegment(s *document.Segment) []*document.Segment {
	text := s.Text
	var out []*document.Segment
	// Markup the reader found (link destinations, tags, template syntax)
	// is as neutral as a URL: it belongs to no language run and is no
	// prose.
	protected := mergeSpans(segment.Protected(text), s.Markup)
	// Pieces come in order: count line breaks from the previous piece on,
	// not from the start, so a long segment costs linear time.
	line, counted := s.Pos.Line, 0
	next := 0 // the first protected span that may reach the current run
	for _, run := range segment.Runs(text, protected) {
		var inRun [][2]int
		inRun, next = within(protected, next, run.Start, run.End)
		for _, sp := range segment.SentencesOutside(text[run.Start:run.End], inRun) {
			start, end := run.Start+sp.Start, run.Start+sp.End
			piece := *s
			piece.Text = text[start:end]
			piece.Markup = s.MarkupIn(start, end)
			if !segment.HasProse(text, start, end, protected) {
				// Inline code, a URL or a placeholder alone is not text to
				// translate: kept and counted, but not paired.
				piece.Skip = "code"
			}
			piece.Pos.Start = s.Pos.Start + start
			piece.Pos.End = s.Pos.Start + end
			line += strings.Count(text[counted:start], "\n")
			counted = start
			piece.Pos.Line = line
			out = append(out, &piece)
		}
	}
	return out
}

// within returns the parts of the sorted spans that fall inside
// [start, end), relative to start, looking from spans[from] on, and the
// index to look from for a later range: runs come in order, so a long
// segment's many runs and spans cost linear time.
func within(spans [][2]int, from, start, end int) ([][2]int, int) {
	for from < len(spans) && spans[from][1] <= start {
		from++
	}
	var out [][2]int
	for _, s := range spans[from:] {
		if s[0] >= end {
			break
		}
		out = append(out, [2]int{max(s[0], start) - start, min(s[1], end) - start})
	}
	return out, from
}

// mergeSpans returns the union of two lists of sorted spans, sorted, with
// spans that overlap or touch merged.
func mergeSpans(a, b [][2]int) [][2]int {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	all := make([][2]int, 0, len(a)+len(b))
	all = append(append(all, a...), b...)
	sort.Slice(all, func(i, j int) bool { return all[i][0] < all[j][0] })
	out := all[:1]
	for _, s := range all[1:] {
		if last := &out[len(out)-1]; s[0] <= last[1] {
			last[1] = max(last[1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// detectStage detects the language of each prose segment from its prose
// (markup blanked). A language the file declares (a TMX xml:lang, a
// language section of a Markdown file, the side of a pair of files)
// decides what the text alone cannot: see detect.Detector.DetectDeclared.
func detectStage(r *Runner, doc *document.Document) {
	segs := doc.Segments()
	for _, s := range segs {
		if s.Skip != "" {
			continue
		}
		s.Lang, s.Confidence = r.detector.DetectDeclared(s.Prose(), s.Declared)
	}
	inheritLangs(segs)
}

// inheritLangs gives each segment with no language (no letters: a number,
// a dash) the language of the nearest segment of its unit that has one,
// the one before it when two are as near; else the language of the
// segment before it. Segments are taken in order, so a segment that took
// a language passes it on. One pass each way, whatever the size of the
// unit: a piece of a huge line can hold thousands of such segments.
func inheritLangs(segs []*document.Segment) {
	usable := func(s *document.Segment) bool { return s.Skip == "" && s.Lang != "" }
	// next[i] is the nearest segment after i in i's unit with a language
	// of its own, or -1; units are contiguous.
	next := make([]int, len(segs))
	k := -1
	for i := len(segs) - 1; i >= 0; i-- {
		if k >= 0 && segs[k].Unit != segs[i].Unit {
			k = -1
		}
		next[i] = k
		if usable(segs[i]) {
			k = i
		}
	}
	prev := -1 // the nearest segment before i in its unit with a language
	for i, s := range segs {
		if prev >= 0 && segs[prev].Unit != s.Unit {
			prev = -1
		}
		if s.Skip == "" && s.Lang == "" {
			var from *document.Segment
			switch {
			case prev >= 0 && (next[i] < 0 || i-prev <= next[i]-i):
				from = segs[prev]
			case next[i] >= 0:
				from = segs[next[i]]
			case i > 0 && usable(segs[i-1]):
				from = segs[i-1]
			}
			if from != nil {
				s.Lang, s.Confidence = from.Lang, from.Confidence
			}
		}
		if usable(s) {
			prev = i
		}
	}
}

// directionStage fixes the document's source and target languages: as
// configured, else the two languages with the most text, the one whose
// text comes first inside bilingual units being the source.
func directionStage(r *Runner, doc *document.Document) {
	if doc.Source == "" {
		doc.Source = r.cfg.Source
	}
	if doc.Target == "" {
		doc.Target = r.cfg.Target
	}
	if doc.Source != "" && doc.Target != "" {
		doc.Directed = true
		return
	}
	chars := map[string]int{}
	first := map[string]int{}
	for _, s := range doc.Segments() {
		if s.Skip != "" || s.Lang == "" {
			continue
		}
		chars[s.Lang] += len(s.Text)
		if _, ok := first[s.Lang]; !ok {
			first[s.Lang] = s.ID
		}
	}
	var langs []string
	for l := range chars {
		if l != doc.Source && l != doc.Target {
			langs = append(langs, l)
		}
	}
	sort.Slice(langs, func(i, j int) bool {
		if chars[langs[i]] != chars[langs[j]] {
			return chars[langs[i]] > chars[langs[j]]
		}
		return langs[i] < langs[j]
	})
	if doc.Source == "" && doc.Target == "" && len(langs) == 1 && !hasRoles(doc) && !doc.Paired {
		// One language only: this file is not bilingual. Say so once
		// instead of reporting every paragraph as untranslated.
		doc.Source = langs[0]
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: doc.Name},
			Message: fmt.Sprintf("only %s text found: not a bilingual document (pair it with its translation as NAME.LANG.EXT, in language folders, or with --pair)", langs[0])})
		for _, s := range doc.Segments() {
			if s.Skip == "" {
				s.Skip = "one language"
			}
		}
		return
	}
	if doc.Source == "" && doc.Target == "" && len(langs) >= 2 {
		a, b := langs[0], langs[1]
		if firstInBilingualUnit(doc, b, a) {
			a, b = b, a
		}
		doc.Source, doc.Target = a, b
		return
	}
	if len(langs) == 0 {
		return
	}
	if doc.Source == "" {
		doc.Source = langs[0]
	} else if doc.Target == "" {
		doc.Target = langs[0]
	}
}

// firstInBilingualUnit reports whether, in most units that hold both
// languages, a's text comes before b's.
func firstInBilingualUnit(doc *document.Document, a, b string) bool {
	votes := 0
	for _, u := range doc.Units {
		ia, ib := -1, -1
		for i, s := range u.Segments {
			if s.Lang == a && ia < 0 {
				ia = i
			}
			if s.Lang == b && ib < 0 {
				ib = i
			}
		}
		if ia >= 0 && ib >= 0 {
			if ia < ib {
				votes++
			} else {
				votes--
			}
		}
	}
	if votes == 0 {
		// No bilingual units: the language of the first text is the source.
		for _, s := range doc.Segments() {
			if s.Lang == a || s.Lang == b {
				return s.Lang == a
			}
		}
	}
	return votes > 0
}

// pairStage pairs source and target segments. Formats that declare pairs
// (translation units) have their beads already. Otherwise, within a unit
// all source segments pair with all target segments. Units that hold only
// one language pair across units: a block of consecutive units in one
// language followed by a block in the other (paragraphs or list items that
// alternate with their translation) pair in order, aligned at the end of
// the first block and the start of the second, where unmatched headings
// and leftovers stand. Units that hold only skipped text (code) do not
// break a block.
func pairStage(r *Runner, doc *document.Document) {
	if doc.Paired {
		return
	}
	if hasRoles(doc) {
		pairFiles(r, doc)
		return
	}
	var blocks []monoBlock
	flush := func() {
		pairBlocks(doc, blocks)
		blocks = nil
	}
	for _, u := range doc.Units {
		var src, tgt []int
		other := 0
		for _, s := range u.Segments {
			switch {
			case s.Skip != "":
			case s.Lang == doc.Source:
				src = append(src, s.ID)
			case s.Lang == doc.Target:
				tgt = append(tgt, s.ID)
			default:
				other++
			}
		}
		switch {
		case len(src) > 0 && len(tgt) > 0:
			flush()
			doc.Beads = append(doc.Beads, r.alignUnit(doc, src, tgt)...)
		case len(src) > 0 || len(tgt) > 0:
			lang, segs := doc.Source, src
			if len(tgt) > 0 {
				lang, segs = doc.Target, tgt
			}
			if n := len(blocks); n > 0 && blocks[n-1].lang == lang {
				blocks[n-1].units = append(blocks[n-1].units, segs)
			} else {
				blocks = append(blocks, monoBlock{lang: lang, units: [][]int{segs}})
			}
		case other > 0:
			flush()
		}
	}
	flush()
}

// monoBlock is a run of consecutive units written in one language; each
// unit is the list of its segment IDs.
type monoBlock struct {
	lang  string
	units [][]int
}

func pairBlocks(doc *document.Document, blocks []monoBlock) {
	for i := 0; i+1 < len(blocks); i += 2 {
		a, b := blocks[i].units, blocks[i+1].units
		n := min(len(a), len(b))
		a = a[len(a)-n:]
		b = b[:n]
		for k := 0; k < n; k++ {
			bead := document.Bead{Source: a[k], Target: b[k], Score: 1}
			if blocks[i].lang == doc.Target {
				bead.Source, bead.Target = b[k], a[k]
			}
			doc.Beads = append(doc.Beads, bead)
		}
	}
}

// hasRoles reports whether the segments come from a source file and a
// target file (paired files, docs trees) rather than from bilingual text.
func hasRoles(doc *document.Document) bool {
	for _, s := range doc.Segments() {
		if s.Role != document.RoleNone {
			return true
		}
	}
	return doc.Missing != document.RoleNone
}

// pairFiles aligns the sentences of a source file with those of its
// translation. Sentences the aligner leaves without a counterpart stay
// unpaired and are reported as omissions or additions.
func pairFiles(r *Runner, doc *document.Document) {
	var src, tgt []*document.Segment
	for _, s := range doc.Segments() {
		if s.Skip != "" {
			continue
		}
		if s.Role == document.RoleSource {
			src = append(src, s)
		} else if s.Role == document.RoleTarget {
			tgt = append(tgt, s)
		}
	}
	if len(src) == 0 || len(tgt) == 0 {
		return
	}
	if structured(doc) {
		pairStructured(r, doc)
		return
	}
	doc.Beads = append(doc.Beads, r.align(doc.Source, doc.Target, src, tgt, align.Options{})...)
}
