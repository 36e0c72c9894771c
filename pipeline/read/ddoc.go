package read

import (
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Ddoc reads D's documentation markup (files that start with the line
// "Ddoc"), as the Programming in D book is written: blocks separated by
// blank lines are units; code between lines of "---" is a unit kept but
// skipped, and so are the macro definitions after a "Macros:" line.
//
// Each segment's Markup spans the macro syntax, with macros matched by
// their parentheses across the whole file (a "$(LI" or "$(SHELL" may hold
// blank lines): code macros ("$(C x)", "$(CODE", "$(SHELL", "$(MONO" ...,
// see ddocCode) are markup whole, nested parentheses included, and so are
// index terms ("$(IX name)") and "$(LINK url)"; "$(LINK2 url, text)" and
// the "_CLASS" macros have a markup first argument; any other macro has
// its name ("$(P", "$(I") and closing parenthesis as markup and its text as
// prose. A block that is only code (a "$(SHELL" output) is a code unit, and
// one that is only markup (a closing ")") a markup unit: kept, skipped.
func Ddoc(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "ddoc"}
	lines := splitLines(text)
	if len(lines) == 0 || strings.TrimSpace(lines[0].text) != "Ddoc" {
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: path, Line: 1},
			Message: `not Ddoc: the first line is not "Ddoc" (a D source file?); exclude it or rename it`})
		return doc
	}
	block := func(kind string, from, to int, skip string) {
		first, last := lines[from], lines[to]
		body := text[first.start : last.start+len(last.text)]
		doc.Units = append(doc.Units, unit(path, kind, body, first.start, first.num, skip))
	}
	block("markup", 0, 0, "markup")
	start := -1
	flush := func(end int) {
		if start >= 0 {
			block("paragraph", start, end, "")
			start = -1
		}
	}
	for i := 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].text)
		switch {
		case t == "Macros:":
			// Macro definitions close the file: markup, not text.
			flush(i - 1)
			block("markup", i, len(lines)-1, "markup")
			i = len(lines)
		case t == "":
			flush(i - 1)
		case strings.HasPrefix(t, "---"):
			flush(i - 1)
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j].text), "---") {
				j++
			}
			if j >= len(lines) {
				j = len(lines) - 1
			}
			block("code", i, j, "code")
			i = j
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(lines) - 1)
	ddocMarkup(text, doc.Units)
	return doc
}

// ddocCode are the macros whose argument is code or a program's output,
// shown as it is and never translated.
var ddocCode = map[string]bool{
	"C": true, "CODE": true, "D_CODE": true, "COODE": true, "MONO": true, "D": true, "D_INLINECODE": true,
	"SHELL": true, "SHELL_SMALL": true, "SHELL_OBSERVED": true, "SHELL_NOTE": true, "SHELL_NOTE_WRONG": true,
	"CODE_NOTE": true, "CODE_NOTE_WRONG": true, "CODE_NAME": true, "CODE_XREF": true, "CODE_COMMENT": true,
	"STRING": true,
}

// ddocWhole are the other macros that are markup whole: index terms and
// bare links.
var ddocWhole = map[string]bool{"IX": true, "LINK": true}

// ddocFirstArg says whether a macro's first argument, up to the first
// comma, is markup: a link's address, a class name.
func ddocFirstArg(name string) bool {
	return name == "LINK2" || name == "HTTP" || name == "HTTPS" || strings.HasSuffix(name, "_CLASS")
}

// ddocMarkup sets the Markup of the units that are text (see Ddoc), and
// turns those that hold no text into skipped code or markup units.
func ddocMarkup(text string, units []*document.Unit) {
	var ranges [][2]int // the text units, in file order
	for _, u := range units {
		if u.Segments[0].Skip == "" {
			ranges = append(ranges, [2]int{u.Pos.Start, u.Pos.End})
		} else {
			u.Segments[0].Markup = [][2]int{{0, len(u.Segments[0].Text)}}
		}
	}
	// Match the parentheses of all the text at once: a macro closes where
	// its parentheses balance, maybe blocks later.
	match := map[int]int{}
	var open []int
	for _, r := range ranges {
		for k := r[0]; k < r[1]; k++ {
			switch text[k] {
			case '(':
				open = append(open, k)
			case ')':
				if n := len(open); n > 0 {
					match[open[n-1]] = k
					open = open[:n-1]
				}
			}
		}
	}
	var spans, code [][2]int
	ri := 0
	for p := 0; ri < len(ranges); {
		if p >= ranges[ri][1] {
			ri++
			continue
		}
		p = max(p, ranges[ri][0])
		if text[p] != '$' || p+2 >= len(text) || text[p+1] != '(' {
			p++
			continue
		}
		e := p + 2
		for e < len(text) && (text[e] == '_' || 'A' <= text[e] && text[e] <= 'Z' || 'a' <= text[e] && text[e] <= 'z' || e > p+2 && '0' <= text[e] && text[e] <= '9') {
			e++
		}
		if e == p+2 {
			p++
			continue
		}
		name := text[p+2 : e]
		closeAt, closed := match[p+1]
		switch {
		case (ddocCode[name] || ddocWhole[name]) && closed:
			spans = append(spans, [2]int{p, closeAt + 1})
			if ddocCode[name] {
				code = append(code, [2]int{p, closeAt + 1})
			}
			p = closeAt + 1
			continue
		case closed:
			spans = append(spans, [2]int{closeAt, closeAt + 1})
			if ddocFirstArg(name) {
				for q := e; q < closeAt; q++ {
					if c, ok := match[q]; ok && text[q] == '(' {
						q = c
						continue
					}
					if text[q] == ',' {
						spans = append(spans, [2]int{e, q + 1})
						break
					}
				}
			}
		}
		// An unclosed macro is a typo: its name is markup, what follows is
		// read on.
		spans = append(spans, [2]int{p, e})
		p = e
	}
	spans = normalizeSpans(spans, len(text))
	code = normalizeSpans(code, len(text))
	for _, u := range units {
		s := u.Segments[0]
		if s.Skip != "" {
			continue
		}
		s.Markup = ddocClip(spans, u.Pos.Start, u.Pos.End)
		switch {
		case covered(s.Text, ddocClip(code, u.Pos.Start, u.Pos.End)):
			u.Kind, s.Skip = "code", "code"
		case covered(s.Text, s.Markup):
			u.Kind, s.Skip = "markup", "markup"
		default:
			continue
		}
		s.Markup = [][2]int{{0, len(s.Text)}}
	}
}

// ddocClip returns the parts of the sorted, disjoint spans that fall in
// [start, end), relative to start.
func ddocClip(spans [][2]int, start, end int) [][2]int {
	k := sort.Search(len(spans), func(i int) bool { return spans[i][1] > start })
	var out [][2]int
	for ; k < len(spans) && spans[k][0] < end; k++ {
		out = append(out, [2]int{max(spans[k][0], start) - start, min(spans[k][1], end) - start})
	}
	return out
}

// covered says whether every byte of text that is not white space is
// inside the sorted, disjoint spans.
func covered(text string, spans [][2]int) bool {
	at := 0
	for _, m := range spans {
		if strings.TrimSpace(text[at:m[0]]) != "" {
			return false
		}
		at = m[1]
	}
	return strings.TrimSpace(text[at:]) == ""
}
