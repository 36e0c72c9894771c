package read

import (
	"fmt"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Suppression comments. A comment whose text starts with "transcheck-" is
// a directive:
//
//	transcheck-disable [CHECK...]            from its line to a transcheck-enable, or to the end of the file
//	transcheck-enable [CHECK...]             ends what the disables before it began: for the checks named, or all
//	transcheck-disable-next-line [CHECK...]  the next block: the next non-blank line and the lines after it, up to a blank line
//
// Names are separated by spaces or commas; no name means every check; text
// after "--" is the reason, for the reader. Readers find the comments
// their format has (HTML and MDX comments in Markdown, line comments in
// AsciiDoc) and hand them to a suppressor, which turns them into the
// Document's Suppressions; the formats whose units are translation units
// (PO comments, XLIFF and TMX notes) give each directive the lines of its
// unit (unitDirective). The run checks the names and counts the findings
// suppressed; readers keep the comments as markup, never as text.

// directivePrefix starts every directive.
const directivePrefix = "transcheck-"

// directive is one suppression comment, parsed.
type directive struct {
	verb   string   // "disable", "enable" or "disable-next-line"
	checks []string // nil: every check
}

// parseDirective reads a directive from the text of a comment, its comment
// marks removed. ok is false when the text is no directive; msg says what
// is wrong with one that starts as a directive but is not one.
func parseDirective(text string) (d directive, msg string, ok bool) {
	t := strings.TrimSpace(text)
	if !strings.HasPrefix(t, directivePrefix) {
		return directive{}, "", false
	}
	if i := strings.Index(t, "--"); i >= 0 {
		t = t[:i] // the reason
	}
	fields := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	verb := strings.TrimPrefix(fields[0], directivePrefix)
	switch verb {
	case "disable", "enable", "disable-next-line":
	default:
		return directive{}, fmt.Sprintf("unknown directive %q (write transcheck-disable, transcheck-enable or transcheck-disable-next-line, then the checks)", fields[0]), true
	}
	d.verb = verb
	for _, f := range fields[1:] {
		// A name given as in the configuration's error messages, "numbers"
		// or "Numbers", is the check's lower-case name.
		if f = strings.ToLower(strings.Trim(f, `"'`)); f != "" {
			d.checks = append(d.checks, f)
		}
	}
	return d, "", true
}

// suppressor turns the directives of one file, handed over in file order,
// into the Suppressions of its document.
type suppressor struct {
	doc  *document.Document
	path string
	text string
	// lines are text's lines, split when first needed: a file with no
	// directive never splits them.
	lines []line
	open  []document.Suppression // disabled and not yet enabled
}

func newSuppressor(doc *document.Document, path, text string) *suppressor {
	return &suppressor{doc: doc, path: path, text: text}
}

func (s *suppressor) problem(line int, msg string) {
	s.doc.Problems = append(s.doc.Problems, document.Problem{Pos: document.Position{Path: s.path, Line: line}, Message: msg})
}

// comment handles the text of a comment (its marks removed) that stands on
// lines from to to: a directive, or nothing.
func (s *suppressor) comment(text string, from, to int) {
	d, msg, ok := parseDirective(text)
	if !ok {
		return
	}
	if msg != "" {
		s.problem(from, msg)
		return
	}
	s.doc.Directives = append(s.doc.Directives, document.Directive{Pos: document.Position{Path: s.path, Line: from}, Verb: d.verb, Checks: d.checks})
	switch d.verb {
	case "disable":
		s.open = append(s.open, document.Suppression{Path: s.path, From: from, Checks: d.checks, Line: from})
	case "disable-next-line":
		first, last := s.nextBlock(to)
		if first == 0 {
			s.problem(from, "transcheck-disable-next-line: no text follows it (put it on the line above the text to suppress)")
			return
		}
		s.doc.Suppressions = append(s.doc.Suppressions, document.Suppression{Path: s.path, From: first, To: last, Checks: d.checks, Line: from})
	case "enable":
		s.enable(from, d.checks)
	}
}

// enable ends the open ranges at line: all of them, or, with names, only
// for those checks, the rest going on after the line.
func (s *suppressor) enable(line int, names []string) {
	if len(s.open) == 0 {
		s.problem(line, "transcheck-enable: no transcheck-disable before it, nothing to enable (remove it, or add the disable)")
		return
	}
	var still []document.Suppression
	for _, o := range s.open {
		closed := o
		closed.To = line
		s.doc.Suppressions = append(s.doc.Suppressions, closed)
		if names == nil {
			continue
		}
		rest := o
		rest.From = line + 1
		if o.Checks != nil {
			rest.Checks = nil
			for _, c := range o.Checks {
				if !slices.Contains(names, c) {
					rest.Checks = append(rest.Checks, c)
				}
			}
			if len(rest.Checks) == 0 {
				continue
			}
		}
		// Named in Except as well: a metric left in Checks still covers
		// the sub-checks enabled by name.
		rest.Except = append(append([]string(nil), o.Except...), names...)
		still = append(still, rest)
	}
	s.open = still
}

// finish closes the ranges still open at the end of the file.
func (s *suppressor) finish() {
	if len(s.open) == 0 {
		return
	}
	last := strings.Count(s.text, "\n") // the last line, as splitLines counts
	if !strings.HasSuffix(s.text, "\n") {
		last++
	}
	for _, o := range s.open {
		if o.From > last {
			continue // reopened by an enable on the last line
		}
		o.To = last
		s.doc.Suppressions = append(s.doc.Suppressions, o)
	}
	s.open = nil
}

// nextBlock returns the first and last lines of the block after line
// after: the next non-blank line and the lines that follow it up to a
// blank line (a line of '>' alone is blank in a block quote); 0, 0 when
// no text follows.
func (s *suppressor) nextBlock(after int) (int, int) {
	if s.lines == nil {
		s.lines = splitLines(s.text)
	}
	blank := func(i int) bool { return strings.Trim(s.lines[i].text, " \t>") == "" }
	i := after // lines[after] is line after+1
	for i < len(s.lines) && blank(i) {
		i++
	}
	if i >= len(s.lines) {
		return 0, 0
	}
	j := i
	for j+1 < len(s.lines) && !blank(j+1) {
		j++
	}
	return s.lines[i].num, s.lines[j].num
}

// unitDirective handles a directive in a translation unit's comment or
// note (kind says which, for messages), at line: it suppresses the unit,
// lines from to to. transcheck-disable and transcheck-disable-next-line
// both mean the unit; transcheck-enable has nothing to end.
func unitDirective(doc *document.Document, path, kind, text string, line, from, to int) {
	d, msg, ok := parseDirective(text)
	if !ok {
		return
	}
	at := document.Position{Path: path, Line: line}
	if msg == "" && d.verb == "enable" {
		msg = fmt.Sprintf("transcheck-enable in a %s has nothing to end: a transcheck-disable there applies to its own unit only (remove it)", kind)
	}
	if msg != "" {
		doc.Problems = append(doc.Problems, document.Problem{Pos: at, Message: msg})
		return
	}
	doc.Directives = append(doc.Directives, document.Directive{Pos: at, Verb: d.verb, Checks: d.checks})
	doc.Suppressions = append(doc.Suppressions, document.Suppression{Path: path, From: min(from, line), To: max(to, line), Checks: d.checks, Line: line})
}
