// Package document holds the data model that flows through the pipeline:
// a Document holds Units (a paragraph, a heading, a translation unit), a
// Unit holds Segments (sentences or runs of one language), and pairing
// records Beads that link source segments to target segments.
//
// Readers fill Documents; the runner detects languages and pairs segments;
// metrics read the result. Nothing is ever removed from a Document: a segment
// that cannot be paired stays in it and is reported.
package document

import "fmt"

// Position locates a segment or unit in its file.
type Position struct {
	Path  string `json:"path"`
	Line  int    `json:"line"`  // 1-based line of the first byte
	Start int    `json:"start"` // byte offset of the first byte in the file
	End   int    `json:"end"`   // byte offset just past the last byte
}

// String formats the position as path:line, the form editors jump to.
func (p Position) String() string {
	if p.Line == 0 {
		return p.Path
	}
	return fmt.Sprintf("%s:%d", p.Path, p.Line)
}

// Role says what a segment is in the translation: its source, its target,
// or not yet known (bilingual text before direction is applied).
type Role int

// Roles. RoleNone is the zero value so that readers which know nothing
// about direction need not set it.
const (
	RoleNone Role = iota
	RoleSource
	RoleTarget
)

// String returns "source", "target" or "".
func (r Role) String() string {
	switch r {
	case RoleSource:
		return "source"
	case RoleTarget:
		return "target"
	}
	return ""
}

// Segment is the smallest piece of text that is detected, paired and
// measured: usually a sentence.
type Segment struct {
	ID         int      // index in Document.Segments order, set by Document.Index
	Unit       int      // index of the unit holding the segment
	Text       string   // the text, as in the file
	Lang       string   // ISO 639-1 code, "" when unknown
	Confidence float64  // confidence in Lang, 0..1
	Declared   string   // language declared by the file format (TMX xml:lang, XLIFF target-language), normalised; "" if none
	Role       Role     // source/target when the format says so
	Pos        Position // where the segment stands
	// Skip is why the segment takes no part in pairing ("code", "no text",
	// ...); empty for prose. Skipped segments are counted, not dropped.
	Skip string
	// Markup holds the byte spans of Text, relative to Text and in
	// order, that are markup rather than prose: link destinations, heading
	// anchors, HTML tags and non-prose attributes, template and macro
	// syntax. Readers that parse a markup language set it; language
	// detection, lengths and lexical checks see these spans as blanks
	// (see Prose), carry-over checks see them verbatim.
	Markup [][2]int
}

// Prose returns Text with its Markup spans blanked: each byte of a span
// becomes a space, so offsets into Prose are offsets into Text.
func (s *Segment) Prose() string {
	if len(s.Markup) == 0 {
		return s.Text
	}
	b := []byte(s.Text)
	for _, m := range s.Markup {
		lo, hi := max(m[0], 0), min(m[1], len(b))
		for i := lo; i < hi; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// MarkupIn returns the Markup spans that fall inside Text[start:end],
// clipped to it and relative to start: the markup of a piece cut from the
// segment. It returns nil when the piece holds no markup.
func (s *Segment) MarkupIn(start, end int) [][2]int {
	var out [][2]int
	for _, m := range s.Markup {
		lo, hi := max(m[0], start), min(m[1], end)
		if lo < hi {
			out = append(out, [2]int{lo - start, hi - start})
		}
	}
	return out
}

// Unit is a paragraph, heading, list item or translation unit: the block of
// text inside which segments are first paired.
type Unit struct {
	Kind     string // "paragraph", "heading", "list", "table", "quote", "code", "html", "tu", ...
	ID       string // identifier from the file format (TMX tuid, XLIFF id, PO msgctxt+msgid), "" if none
	State    string // translation state from the format: "fuzzy", "needs-translation", "needs-review", "translated", ...
	Pos      Position
	Segments []*Segment
	// Level is a heading's depth as its format counts it (Markdown "#" is
	// 1; AsciiDoc "=" is 0 and "==" is 1); check Kind, as other units have
	// 0 too. Within one document the levels compare: a section is a
	// heading and the units up to the next heading of the same or a higher
	// level.
	Level int
	// Anchor is a heading's explicit identifier ({#id} in Markdown,
	// [[id]] or [#id] in AsciiDoc), "" when it has none; identical
	// anchors on both sides tie their sections together.
	Anchor string
	// Info is a code block's info string (the fence's language: "go",
	// "bash"), "" when none.
	Info string
}

// Bead links source segments to the target segments that translate them.
// An empty side means the other side has no counterpart.
type Bead struct {
	Source []int   // Segment.ID values
	Target []int   // Segment.ID values
	Score  float64 // confidence of the link, 0..1 (1 for pairs the format declares)
}

// Problem is something wrong with the input that the run reports and goes
// on from: a syntax error, an undecodable byte, a missing translation file.
type Problem struct {
	Pos     Position
	Message string // says what is wrong and what to do
}

// Error formats the problem as path:line: message.
func (p Problem) Error() string { return p.Pos.String() + ": " + p.Message }

// Suppression is a range of lines of one file in which findings of some
// checks are not reported but counted as suppressed: what a
// transcheck-disable comment, a PO translator comment or an XLIFF or TMX
// note asks for.
type Suppression struct {
	Path     string
	From, To int // 1-based lines, both included
	// Checks are the check and sub-check names suppressed; nil means
	// every check. A metric's name covers the sub-checks it reports.
	Checks []string
	// Except are the checks a transcheck-enable gave back inside the
	// range: "transcheck-enable numbers" after a transcheck-disable of
	// every check.
	Except []string
	Line   int // line of the directive that asked for it
}

// Covers reports whether the suppression holds line of path.
func (s Suppression) Covers(path string, line int) bool {
	return s.Path == path && s.From <= line && line <= s.To
}

// Directive is one suppression comment: where it stands, what it says
// ("disable", "enable" or "disable-next-line") and the checks it names
// (nil: every check).
type Directive struct {
	Pos    Position
	Verb   string
	Checks []string
}

// Document is one translation to check: a bilingual file, a pair of files,
// or a container of translation units.
type Document struct {
	Name   string   // display name, usually the path
	Paths  []string // files read: one for bilingual files, source and target for pairs
	Format string   // reader that produced it: "text", "markdown", "tmx", ...
	Source string   // source language, "" when not known
	Target string   // target language, "" when not known
	// Directed says that Source and Target were given (by the user or the
	// file format), not inferred: only then is text with no counterpart
	// told apart as an omission (source side) or an addition (target side).
	Directed bool
	Units    []*Unit
	Beads    []Bead
	Problems []Problem
	// Paired says whether the reader already paired the segments (container
	// formats do); otherwise the runner pairs them.
	Paired bool
	// Missing names the side of a pair of files that does not exist: a
	// source file with no translation (RoleTarget missing), or a
	// translation with no source (RoleSource missing).
	Missing Role
	// Suppressions are the lines of its files where the document asks for
	// findings not to be reported (transcheck-disable comments, PO
	// comments, XLIFF and TMX notes); the run counts what they suppress.
	Suppressions []Suppression
	// Directives are the suppression comments as the files give them,
	// each where it stands with the names it gives, for the run to check
	// the names against the checks it knows.
	Directives []Directive
	// History is what git says about a pair of files: the source commits
	// the translation lacks and the lines they changed; nil for a single
	// file, or files with no history to compare (see History).
	History *History

	segments []*Segment
}

// Index numbers the segments in document order and records their unit; it
// must be called after the units are complete and before pairing.
func (d *Document) Index() {
	d.segments = d.segments[:0]
	for ui, u := range d.Units {
		for _, s := range u.Segments {
			s.ID = len(d.segments)
			s.Unit = ui
			d.segments = append(d.segments, s)
		}
	}
}

// Segments returns all segments in document order (after Index).
func (d *Document) Segments() []*Segment { return d.segments }

// Segment returns the segment with the given ID.
func (d *Document) Segment(id int) *Segment { return d.segments[id] }
