package read

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
)

// maxCutReports is how many cut segments a file reports one by one; the
// rest are counted in one last Problem.
const maxCutReports = 5

// cutLong cuts every prose segment longer than max characters into pieces
// of at most max characters and records a Problem for each: a file with no
// line breaks is one huge paragraph, which the later stages would handle in
// one piece. The pieces keep all the text; each is a unit of its own,
// except in translation units. Skipped
// segments (code, markup) are not cut: they are counted, never split or
// aligned. Documents whose reader paired the segments get their beads
// rebuilt, a cut source or target joining its translation unit's bead.
func cutLong(doc *document.Document, max int) {
	var c cutCounter
	c.cut(doc, max)
	c.finish(doc, max)
}

// cutCounter counts the segments cut in one file, so that a file read in
// chunks reports as many one by one as a file read whole, and counts the
// rest once, at its end.
type cutCounter struct{ n, extra int }

// cut cuts the long segments of doc (see cutLong), reporting them one by
// one while the file has reported fewer than maxCutReports.
func (c *cutCounter) cut(doc *document.Document, max int) {
	if max <= 0 {
		return
	}
	cut := 0
	var units []*document.Unit
	for _, u := range doc.Units {
		var out []*document.Segment
		split := false
		for _, s := range u.Segments {
			// A segment of at most max bytes has at most max characters.
			if s.Skip != "" || len(s.Text) <= max || utf8.RuneCountInString(s.Text) <= max {
				out = append(out, s)
				continue
			}
			pieces := cutSegment(s, max)
			out = append(out, pieces...)
			split = true
			cut++
			c.n++
			if c.n > maxCutReports {
				c.extra++
				continue
			}
			doc.Problems = append(doc.Problems, document.Problem{Pos: s.Pos,
				Message: fmt.Sprintf("a segment of %d characters is over the %d-character limit: checked as %d pieces cut at spaces or sentence ends (raise the limit with --max-segment, or add line breaks)",
					utf8.RuneCountInString(s.Text), max, len(pieces))})
		}
		if !split || doc.Paired || len(out) == 1 {
			// A translation unit keeps its pieces: they pair with its
			// translation.
			u.Segments = out
			units = append(units, u)
			continue
		}
		// A paragraph's pieces become paragraphs: the runner pairs text
		// inside a unit, and one unit of a million sentences would make
		// that quadratic.
		for _, s := range out {
			units = append(units, &document.Unit{Kind: u.Kind, ID: u.ID, State: u.State, Pos: s.Pos, Segments: []*document.Segment{s}})
		}
	}
	doc.Units = units
	if cut > 0 && doc.Paired {
		doc.Beads = nil
		finishPaired(doc)
	}
}

// finish adds to doc, the file's last document, the count of the cut
// segments not reported one by one.
func (c *cutCounter) finish(doc *document.Document, max int) {
	if c.extra > 0 {
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: doc.Name},
			Message: fmt.Sprintf("%d more segments over the %d-character limit were cut into pieces (raise the limit with --max-segment)", c.extra, max)})
		c.extra = 0
	}
}

// cutSegment cuts s into pieces of at most max characters. A piece ends
// after the last sentence end (。！？ or . ! ? before a space) or else the
// last space in the second half of its window, or else at a character
// boundary. When s.Text is the file's text at s.Pos (plain text, Markdown,
// Ddoc), each piece gets its own position; otherwise (XML or PO text, whose
// escapes make the file's bytes differ) the pieces keep s's position.
func cutSegment(s *document.Segment, max int) []*document.Segment {
	text := s.Text
	exact := s.Pos.End-s.Pos.Start == len(text)
	var out []*document.Segment
	line := s.Pos.Line
	for start := 0; start < len(text); {
		end := cutPoint(text, start, max)
		piece := *s
		piece.Text = text[start:end]
		piece.Markup = s.MarkupIn(start, end)
		if exact {
			piece.Pos.Start = s.Pos.Start + start
			piece.Pos.End = s.Pos.Start + end
			piece.Pos.Line = line
			line += strings.Count(piece.Text, "\n")
		}
		out = append(out, &piece)
		start = end
	}
	return out
}

// cutPoint returns the end of the piece of text that starts at start: at
// most max characters on, preferring a sentence end, then a space, in the
// second half of the window.
func cutPoint(text string, start, max int) int {
	end, n := start, 0
	sentence, space := -1, -1
	for end < len(text) && n < max {
		r, size := utf8.DecodeRuneInString(text[end:])
		end += size
		n++
		if n < max/2 {
			continue
		}
		switch {
		case r == '。' || r == '！' || r == '？':
			sentence = end
		case unicode.IsSpace(r):
			space = end
			if p, _ := utf8.DecodeLastRuneInString(text[:end-size]); p == '.' || p == '!' || p == '?' {
				sentence = end
			}
		}
	}
	switch {
	case end >= len(text):
		return len(text)
	case sentence > start:
		return sentence
	case space > start:
		return space
	}
	return end
}
