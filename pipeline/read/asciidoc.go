package read

import (
	"regexp"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// AsciiDoc reads AsciiDoc (.adoc, .asc, .asciidoc), as Pro Git and most
// Asciidoctor books are written. Every block is a unit of one segment
// whose Text is the block's source and whose Markup spans its syntax:
//
//   - section titles ("== Title", Kind "heading") with Level 0 for the
//     document title ("= Title"), 1 for "==", and so on (Asciidoctor's own
//     numbering); Anchor is the id of a "[[id]]", "[#id]" or "[id=x]" line
//     above the title, or of an inline "[[id]]" in it;
//   - paragraphs, list items (Kind "list": "*", "-", ".", "1.", "a.",
//     callouts "<1>", description lists "term:: text"), admonitions
//     ("NOTE: text", or paragraphs inside "[NOTE]" + "====", Kind
//     "admonition"), block titles (".Title", Kind "title"), table cells
//     (Kind "table", one unit per cell), paragraphs of quote blocks (Kind
//     "quote"), of sidebars and of example blocks;
//   - code ("[source,go]" + "----", "----", "....", "```go" fences,
//     indented literal paragraphs, Kind "code", Info the language),
//     passthrough blocks ("++++"), comments ("//", "////"), attribute
//     entries (":name: value"), include:: lines, and lines that are only
//     markup (block attributes, delimiters, ifdef::/endif::, breaks): units
//     kept and counted but skipped (Skip "code", "markup", "comment",
//     "attribute", "include"). A skipped unit's Markup spans all of it, and
//     a block with no prose outside its markup (a cell of `git init`) is
//     skipped too, as "code" or "markup".
//
// Inline, the markup is the syntax Asciidoctor does not display, and code:
// formatting marks, the whole of `monospace` text, cross-reference
// targets (<<id,text>>, xref:), URLs and link: targets, macro names and
// brackets (image:, kbd:[...], pass:[...], footnote:[...]), attribute
// references ({name}), anchors ([[id]]), index terms, passthroughs,
// character references and escapes. Link text, image alt text and
// footnote text are prose.
//
// Line comments ("// transcheck-disable numbers") may be suppression
// directives (see suppressor), whether they stand alone or among a
// paragraph's lines; those in code, passthrough and comment blocks are not.
//
// The parser is line-based, like the language's block syntax: it does not
// expand includes, conditionals or attributes, and a formatted span longer
// than adocWindow bytes is left as text.
func AsciiDoc(path, text string) *document.Document {
	p := &adocParser{
		path:  path,
		text:  text,
		lines: splitLines(text),
		doc:   &document.Document{Name: path, Paths: []string{path}, Format: "asciidoc"},
	}
	p.parse()
	if strings.Contains(text, directivePrefix) {
		p.directives()
	}
	return p.doc
}

// directives hands the file's line comments to a suppressor, in file
// order: those of comment units and those among the lines of a block of
// text, not those of code, passthrough blocks or "////" comment blocks,
// which are content commented out.
func (p *adocParser) directives() {
	var lines []int // 0-based
	seen := map[int]bool{}
	for _, u := range p.doc.Units {
		first := u.Pos.Line - 1
		if u.Kind == "code" || u.Kind == "passthrough" || first < 0 || first >= len(p.lines) ||
			u.Kind == "comment" && adocDelim(p.lines[first].text) == "comment" {
			continue
		}
		last := min(first+strings.Count(u.Segments[0].Text, "\n"), len(p.lines)-1)
		for k := first; k <= last; k++ {
			if !seen[k] && adocLineComment(p.lines[k].text) {
				seen[k] = true
				lines = append(lines, k)
			}
		}
	}
	sort.Ints(lines)
	sup := newSuppressor(p.doc, p.path, p.text)
	for _, k := range lines {
		sup.comment(p.lines[k].text[2:], k+1, k+1)
	}
	sup.finish()
}

// adocWindow bounds how far the inline scanner looks for the end of a
// formatted span, a macro's brackets or a cross reference: real spans are
// short, and the bound keeps a paragraph full of unmatched marks linear.
const adocWindow = 4096

type adocParser struct {
	path  string
	text  string
	lines []line
	doc   *document.Document

	pending adocAttrs   // block attributes waiting for their block
	stack   []adocFrame // open compound blocks (example, sidebar, quote, open)
	srcLang string      // the :source-language: attribute
	// listCtx says a list is open: a paragraph attached with "+" ends at
	// the next list item.
	listCtx bool
	// header says the lines after the document title, up to a blank line,
	// are the header (author and revision lines).
	header bool
	prose  int // units emitted that are not skipped
}

// adocAttrs holds what a block attribute line ("[source,go]", "[NOTE]",
// "[[id]]", "[#id]") says of the next block.
type adocAttrs struct {
	style, id, lang string
	set             bool // a style or language was given
}

// adocFrame is an open compound block: the line that closes it and the
// kind its paragraphs take.
type adocFrame struct {
	delim string
	kind  string // "quote", "admonition", or "" (paragraphs stay "paragraph")
}

var (
	adocAttrEntry  = regexp.MustCompile(`^:!?[A-Za-z0-9_][A-Za-z0-9_-]*!?:(?:[ \t]|$)`)
	adocBlockAttr  = regexp.MustCompile(`^\[(?:|[\w.#%{,"'].*|\[(?:|[A-Za-z_:][\w:.-]*(?:, *.+)?)\])\]$`)
	adocHeading    = regexp.MustCompile(`^(={1,6}|#{1,6})[ \t]+\S`)
	adocPreproc    = regexp.MustCompile(`^(?:ifdef|ifndef|ifeval|endif)::[^\[]*\[.*\]$`)
	adocBlockMacro = regexp.MustCompile(`^([a-z][a-z0-9_-]*)::(\S*?)\[(.*)\]$`)
	adocUnordered  = regexp.MustCompile(`^[ \t]*(-|\*{1,5}|•)[ \t]+\S`)
	adocOrdered    = regexp.MustCompile(`^[ \t]*(\.{1,5}|\d+\.|[a-zA-Z]\.|[IVXivx]+\))[ \t]+\S`)
	adocCallout    = regexp.MustCompile(`^<(?:\d+|\.)>[ \t]+\S`)
	adocDescList   = regexp.MustCompile(`^[ \t]*([^ \t].*?)(:{2,4}|;;)(?:[ \t]+\S.*)?$`)
	adocCheckbox   = regexp.MustCompile(`^\[[ xX*]\][ \t]`)
	adocAdmonition = regexp.MustCompile(`^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+\S`)
	adocCellSpec   = regexp.MustCompile(`^(?:\d+\*|\d*(?:\.\d+)?\+)?[<^>]?(?:\.[<^>])?[adehlmsv]?$`)
)

// adocAdmonitions are the admonition labels, as styles and as paragraph
// labels.
var adocAdmonitions = map[string]bool{"NOTE": true, "TIP": true, "IMPORTANT": true, "WARNING": true, "CAUTION": true}

// adocCodeStyles are the block styles whose content is code; the diagram
// styles hold diagram source, not prose, and are code too.
var adocCodeStyles = map[string]bool{"source": true, "listing": true, "literal": true,
	"plantuml": true, "ditaa": true, "graphviz": true, "mermaid": true, "a2s": true, "svgbob": true}

// adocPassStyles are the block styles whose content is passed through to
// the output untouched (HTML, math).
var adocPassStyles = map[string]bool{"pass": true, "stem": true, "latexmath": true, "asciimath": true}

// adocDelim names the delimited block that a line opens or closes, "" if
// none: "listing", "literal", "example", "sidebar", "quote", "pass",
// "comment", "open", "table" or "fence".
func adocDelim(t string) string {
	t = strings.TrimRight(t, " \t")
	if t == "--" {
		return "open"
	}
	if strings.HasPrefix(t, "```") {
		return "fence"
	}
	if len(t) >= 4 && strings.IndexByte("|!,:", t[0]) >= 0 && strings.Trim(t[1:], "=") == "" {
		return "table"
	}
	if len(t) < 4 || strings.Trim(t, t[:1]) != "" {
		return ""
	}
	switch t[0] {
	case '-':
		return "listing"
	case '.':
		return "literal"
	case '=':
		return "example"
	case '*':
		return "sidebar"
	case '_':
		return "quote"
	case '+':
		return "pass"
	case '/':
		return "comment"
	}
	return ""
}

// adocLineComment says whether a line is a line comment ("// text"), not
// the delimiter of a comment block ("////").
func adocLineComment(t string) bool {
	return strings.HasPrefix(t, "//") && adocDelim(t) != "comment"
}

// adocBreak says whether a line is a thematic or page break.
func adocBreak(t string) bool {
	switch strings.TrimRight(t, " \t") {
	case "'''", "---", "- - -", "***", "* * *", "<<<":
		return true
	}
	return false
}

// The predicates below look at a line's first bytes before running a
// regular expression: most lines are prose, and reading them must not cost
// a dozen expressions each.

func adocIsAttrEntry(t string) bool { return strings.HasPrefix(t, ":") && adocAttrEntry.MatchString(t) }

func adocIsBlockAttr(trim string) bool {
	return strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") && adocBlockAttr.MatchString(trim)
}

func adocIsPreproc(trim string) bool {
	return (strings.HasPrefix(trim, "if") || strings.HasPrefix(trim, "endif")) && adocPreproc.MatchString(trim)
}

func adocBlockMacroAt(trim string) []int {
	if !strings.HasSuffix(trim, "]") || !strings.Contains(trim, "::") {
		return nil
	}
	return adocBlockMacro.FindStringSubmatchIndex(trim)
}

func adocAdmonitionAt(t string) []int {
	if t == "" || strings.IndexByte("NTIWC", t[0]) < 0 {
		return nil
	}
	return adocAdmonition.FindStringSubmatchIndex(t)
}

// adocIsMarkerItem says whether a line is an unordered or ordered list
// item ("* x", "- x", ". x", "1. x", "a. x", "iv) x").
func adocIsMarkerItem(t string) bool {
	b := len(t) - len(strings.TrimLeft(t, " \t"))
	e := strings.IndexAny(t[b:], " \t")
	if e <= 0 {
		return false
	}
	switch last := t[b+e-1]; {
	case t[b] == '-' || t[b] == '*' || strings.HasPrefix(t[b:], "•"):
		return adocUnordered.MatchString(t)
	case last == '.' || last == ')':
		return adocOrdered.MatchString(t)
	}
	return false
}

func adocIsCallout(t string) bool { return strings.HasPrefix(t, "<") && adocCallout.MatchString(t) }

func adocIsDescItem(t string) bool {
	return (strings.Contains(t, "::") || strings.Contains(t, ";;")) && adocDescList.MatchString(t)
}

// adocListItem says whether a line starts a list item.
func adocListItem(t string) bool {
	if adocLineComment(strings.TrimLeft(t, " \t")) || adocIsAttrEntry(t) {
		return false
	}
	return adocIsMarkerItem(t) || adocIsCallout(t) || adocIsDescItem(t)
}

// adocInterrupts says whether a line ends the paragraph or list item above
// it: a delimiter or a block attribute line does (as in Asciidoctor), so
// do the preprocessor's lines (ifdef::, endif::, include::), which are
// never text, and inside a list so do list items and list continuations.
func adocInterrupts(t string, list bool) bool {
	trim := strings.TrimRight(t, " \t")
	if adocDelim(t) != "" || adocIsBlockAttr(trim) || adocIsPreproc(trim) || strings.HasPrefix(t, "include::") {
		return true
	}
	return list && (adocListItem(t) || strings.TrimSpace(t) == "+")
}

func (p *adocParser) parse() {
	for i := 0; i < len(p.lines); {
		i = p.block(i)
	}
}

// block reads the block that starts at line i and returns the line after
// it.
func (p *adocParser) block(i int) int {
	l := p.lines[i]
	t := l.text
	trim := strings.TrimRight(t, " \t")
	if strings.TrimSpace(t) == "" {
		p.header = false
		return i + 1
	}
	if p.header && !adocIsAttrEntry(t) && !adocLineComment(t) {
		// The author and revision lines under the document title.
		p.skipLines("markup", i, i, "attribute")
		return i + 1
	}
	switch {
	case adocLineComment(t):
		j := i
		for j+1 < len(p.lines) && adocLineComment(p.lines[j+1].text) {
			j++
		}
		p.skipLines("comment", i, j, "comment")
		return j + 1
	case adocIsAttrEntry(t):
		j := i
		for j+1 < len(p.lines) && (strings.HasSuffix(strings.TrimRight(p.lines[j].text, " \t"), " \\") || strings.HasSuffix(strings.TrimRight(p.lines[j].text, " \t"), " +")) {
			j++
		}
		if strings.HasPrefix(t, ":source-language:") {
			p.srcLang = strings.TrimSpace(strings.TrimPrefix(t, ":source-language:"))
		}
		p.skipLines("attribute", i, j, "attribute")
		return j + 1
	case strings.HasPrefix(t, "include::"):
		p.skipLines("include", i, i, "include")
		return i + 1
	case adocIsPreproc(trim):
		p.skipLines("markup", i, i, "markup")
		return i + 1
	case adocIsBlockAttr(trim):
		p.attributes(trim[1 : len(trim)-1])
		p.skipLines("markup", i, i, "markup")
		return i + 1
	}
	if d := adocDelim(t); d != "" {
		return p.delimited(i, d, trim)
	}
	switch {
	case adocBreak(t):
		p.skipLines("markup", i, i, "markup")
		return i + 1
	case (t[0] == '=' || t[0] == '#') && adocHeading.MatchString(t):
		p.heading(i)
		return i + 1
	case len(t) > 1 && t[0] == '.' && t[1] != '.' && t[1] != ' ' && t[1] != '\t':
		// A block title: prose, and the block's attributes still wait.
		m := adocMarkup{text: p.lineText(i, i)}
		m.add(0, 1)
		m.scan(1, len(m.text), 0)
		p.emit("title", i, i, &m)
		return i + 1
	}
	if m := adocBlockMacroAt(trim); m != nil {
		return p.blockMacro(i, trim[m[2]:m[3]], m[6], m[7])
	}
	attrs := p.pending
	p.pending = adocAttrs{}
	style := attrs.style
	switch {
	case adocCodeStyles[style] || style == "" && attrs.lang != "":
		j := p.paragraphEnd(i, false)
		p.code(i, j, attrs)
		return j + 1
	case adocPassStyles[style]:
		j := p.paragraphEnd(i, false)
		p.skipLines("passthrough", i, j, "markup")
		return j + 1
	case style == "comment":
		j := p.paragraphEnd(i, false)
		p.skipLines("comment", i, j, "comment")
		return j + 1
	case adocListItem(t):
		return p.listItem(i)
	case trim == "+":
		// A list continuation: the next block belongs to the list item.
		p.skipLines("markup", i, i, "markup")
		p.listCtx = true
		return i + 1
	case t[0] == ' ' || t[0] == '\t':
		// A literal paragraph: indented lines, shown as they are.
		j := i
		for j+1 < len(p.lines) && strings.TrimSpace(p.lines[j+1].text) != "" {
			j++
		}
		p.code(i, j, adocAttrs{})
		return j + 1
	}
	return p.paragraph(i, style)
}

// attributes records a block attribute line's content for the next block.
func (p *adocParser) attributes(s string) {
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		id := s[1 : len(s)-1]
		if k := strings.IndexByte(id, ','); k >= 0 {
			id = id[:k]
		}
		p.pending.id = strings.TrimSpace(id)
		return
	}
	for n, a := range adocSplitAttrs(s) {
		a = strings.TrimSpace(a)
		if k := strings.IndexByte(a, '='); k > 0 {
			if strings.TrimSpace(a[:k]) == "id" {
				p.pending.id = strings.Trim(strings.TrimSpace(a[k+1:]), `"'`)
			}
			continue
		}
		switch n {
		case 0:
			// style#id.role%option
			style := a
			if k := strings.IndexAny(style, "#.%"); k >= 0 {
				style = a[:k]
				rest := a[k:]
				if h := strings.IndexByte(rest, '#'); h >= 0 {
					id := rest[h+1:]
					if e := strings.IndexAny(id, ".%"); e >= 0 {
						id = id[:e]
					}
					p.pending.id = id
				}
			}
			if style != "" {
				p.pending.style, p.pending.set = style, true
			}
		case 1:
			if p.pending.style == "" || p.pending.style == "source" {
				p.pending.lang, p.pending.set = a, true
			}
		}
	}
}

// adocSplitAttrs splits an attribute list at the commas outside quotes.
func adocSplitAttrs(s string) []string {
	var out []string
	start, quote := 0, byte(0)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ',':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// delimited reads a delimited block opened (or closed) at line i.
func (p *adocParser) delimited(i int, d, trim string) int {
	// A line that closes an open compound block closes it, and the blocks
	// left open inside it.
	for k := len(p.stack) - 1; k >= 0; k-- {
		if p.stack[k].delim == trim {
			p.stack = p.stack[:k]
			p.skipLines("markup", i, i, "markup")
			return i + 1
		}
	}
	attrs := p.pending
	p.pending = adocAttrs{}
	style := attrs.style
	if d == "open" {
		switch {
		case adocCodeStyles[style] || style == "" && attrs.lang != "":
			d = "listing"
		case adocPassStyles[style]:
			d = "pass"
		case style == "comment":
			d = "comment"
		}
	}
	switch d {
	case "example", "sidebar", "quote", "open":
		kind := ""
		if len(p.stack) > 0 {
			kind = p.stack[len(p.stack)-1].kind
		}
		switch {
		case adocAdmonitions[style]:
			kind = "admonition"
		case d == "quote" || style == "quote" || style == "verse":
			kind = "quote"
		}
		p.stack = append(p.stack, adocFrame{delim: trim, kind: kind})
		p.skipLines("markup", i, i, "markup")
		return i + 1
	case "table":
		return p.table(i, trim)
	case "fence":
		// ```lang ... ```: the fence closes at a line of backticks alone.
		j, _ := p.closing(i, "```")
		attrs.lang = strings.TrimSpace(strings.TrimLeft(trim, "`"))
		p.code(i, j, attrs)
		return j + 1
	}
	j, _ := p.closing(i, trim)
	switch d {
	case "listing", "literal":
		if d == "literal" && style == "" {
			attrs.style = "literal"
		}
		p.code(i, j, attrs)
	case "pass":
		p.skipLines("passthrough", i, j, "markup")
	case "comment":
		p.skipLines("comment", i, j, "comment")
	}
	return j + 1
}

// closing returns the line that closes the block opened at line i, or the
// last line when it is never closed, and whether it is closed.
func (p *adocParser) closing(i int, delim string) (int, bool) {
	for j := i + 1; j < len(p.lines); j++ {
		if strings.TrimRight(p.lines[j].text, " \t") == delim {
			return j, true
		}
	}
	return len(p.lines) - 1, false
}

// code emits lines i..j as a code unit: kept, counted, skipped.
func (p *adocParser) code(i, j int, attrs adocAttrs) {
	u := p.skipLines("code", i, j, "code")
	u.Info = attrs.lang
	if u.Info == "" && attrs.style == "source" {
		u.Info = p.srcLang
	}
}

// paragraphEnd returns the last line of the paragraph that starts at i.
func (p *adocParser) paragraphEnd(i int, list bool) int {
	j := i
	for j+1 < len(p.lines) {
		t := p.lines[j+1].text
		if strings.TrimSpace(t) == "" || adocInterrupts(t, list) {
			break
		}
		j++
	}
	return j
}

// paragraph reads the paragraph that starts at line i.
func (p *adocParser) paragraph(i int, style string) int {
	j := p.paragraphEnd(i, p.listCtx)
	p.listCtx = false
	kind := "paragraph"
	if len(p.stack) > 0 && p.stack[len(p.stack)-1].kind != "" {
		kind = p.stack[len(p.stack)-1].kind
	}
	m := adocMarkup{text: p.lineText(i, j)}
	from := 0
	switch {
	case adocAdmonitions[style]:
		kind = "admonition"
	case style == "quote" || style == "verse":
		kind = "quote"
	}
	t := p.lines[i].text
	if loc := adocAdmonitionAt(t); loc != nil {
		kind = "admonition"
		m.add(0, loc[3]+1) // "NOTE:"
		from = loc[3] + 1
	} else if strings.HasPrefix(t, "> ") || t == ">" {
		// A Markdown-style quote: every line's ">" is markup.
		kind = "quote"
		for k := i; k <= j; k++ {
			if off := p.lines[k].start - p.lines[i].start; strings.HasPrefix(p.lines[k].text, ">") {
				m.add(off, off+1)
			}
		}
	}
	p.inline(&m, i, j, from)
	p.emit(kind, i, j, &m)
	return j + 1
}

// inline scans lines i..j of a unit for inline markup, from byte from of
// the unit's text; line comments among the lines are markup.
func (p *adocParser) inline(m *adocMarkup, i, j, from int) {
	base := p.lines[i].start
	lo := from
	for k := i; k <= j; k++ {
		l := p.lines[k]
		if k > i && adocLineComment(l.text) {
			m.scan(lo, l.start-base, 0)
			m.add(l.start-base, l.start-base+len(l.text))
			lo = l.start - base + len(l.text)
		}
	}
	m.scan(lo, len(m.text), 0)
}

// listItem reads the list item that starts at line i, with the lines that
// continue its text.
func (p *adocParser) listItem(i int) int {
	j := i
	for j+1 < len(p.lines) {
		t := p.lines[j+1].text
		if strings.TrimSpace(t) == "" || adocInterrupts(t, true) {
			break
		}
		j++
	}
	p.listCtx = true
	m := adocMarkup{text: p.lineText(i, j)}
	t := p.lines[i].text
	body := len(t) - len(strings.TrimLeft(t, " \t"))
	from := body
	switch {
	case adocIsCallout(t):
		end := strings.IndexByte(t, '>') + 1
		m.add(0, end)
		from = end
	case adocIsMarkerItem(t):
		end := body + strings.IndexAny(t[body:], " \t")
		m.add(body, end)
		from = end
		rest := strings.TrimLeft(t[end:], " \t")
		if c := adocCheckbox.FindStringIndex(rest); c != nil {
			at := len(t) - len(rest)
			m.add(at, at+c[1]-1)
			from = at + c[1] - 1
		}
	default:
		// term:: text — the term and the text are prose, the "::" is not.
		sm := adocDescList.FindStringSubmatchIndex(t)
		m.add(sm[4], sm[5])
		m.scan(sm[2], sm[3], 0)
		from = sm[5]
	}
	p.inline(&m, i, j, from)
	p.emit("list", i, j, &m)
	return j + 1
}

// heading emits the section title at line i.
func (p *adocParser) heading(i int) {
	t := p.lines[i].text
	n := strings.IndexAny(t, " \t")
	level := n - 1
	m := adocMarkup{text: t}
	m.add(0, n)
	end := len(strings.TrimRight(t, " \t"))
	// A symmetric title ("== Title ==") closes with its marker.
	if closing := strings.TrimRight(t[:end], t[:1]); len(closing) < end && len(closing) > n && (closing[len(closing)-1] == ' ' || closing[len(closing)-1] == '\t') {
		m.add(len(closing), end)
		end = len(closing)
	}
	m.scan(n, end, 0)
	anchor := p.pending.id
	if anchor == "" {
		anchor = adocInlineAnchor(t[n:])
	}
	p.pending = adocAttrs{}
	p.listCtx = false
	// The document title opens the header: the author and revision lines
	// follow it without a blank line.
	p.header = level == 0 && p.prose == 0
	u := p.emit("heading", i, i, &m)
	u.Level, u.Anchor = level, anchor
}

// adocInlineAnchor returns the id of the first "[[id]]" in a title.
func adocInlineAnchor(s string) string {
	a := strings.Index(s, "[[")
	if a < 0 {
		return ""
	}
	b := strings.Index(s[a:], "]]")
	if b < 0 {
		return ""
	}
	id := strings.TrimLeft(s[a+2:a+b], "[")
	if k := strings.IndexByte(id, ','); k >= 0 {
		id = id[:k]
	}
	return strings.TrimSpace(id)
}

// blockMacro emits a block macro line: an image's alt text is prose, any
// other macro (video::, toc::, a diagram) is markup, include:: aside.
func (p *adocParser) blockMacro(i int, name string, attrLo, attrHi int) int {
	p.pending = adocAttrs{}
	if name != "image" {
		p.skipLines("markup", i, i, "markup")
		return i + 1
	}
	t := strings.TrimRight(p.lines[i].text, " \t")
	m := adocMarkup{text: t}
	lo, hi := adocFirstPositional(t, attrLo, attrHi)
	m.add(0, lo)
	m.scan(lo, hi, 0)
	m.add(hi, len(t))
	p.emitText("image", p.lines[i].start, len(t), p.lines[i].num, &m)
	return i + 1
}

// adocFirstPositional returns the span of the first positional attribute
// of the attribute list text[lo:hi], inside its quotes if quoted: an
// image's alt text.
func adocFirstPositional(text string, lo, hi int) (int, int) {
	s := text[lo:hi]
	if strings.HasPrefix(s, `"`) {
		if k := strings.IndexByte(s[1:], '"'); k >= 0 {
			return lo + 1, lo + 1 + k
		}
	}
	end := hi
	if k := strings.IndexByte(s, ','); k >= 0 {
		end = lo + k
	}
	if strings.Contains(text[lo:end], "=") {
		return lo, lo // a named attribute: no alt text here
	}
	return lo, end
}

// table reads a table from its opening delimiter at line i: one unit per
// cell, whose separator ("|", with its spec such as "2+" or "a") is markup.
func (p *adocParser) table(i int, delim string) int {
	p.skipLines("markup", i, i, "markup")
	j, closed := p.closing(i, delim)
	last := j - 1
	if !closed {
		last = j // the table runs to the end
	}
	sep := delim[0]
	if sep == ',' || sep == ':' {
		// CSV and DSV tables: a row per line, separators are markup.
		for k := i + 1; k <= last; k++ {
			t := p.lines[k].text
			if strings.TrimSpace(t) == "" {
				continue
			}
			m := adocMarkup{text: t}
			for q := 0; q < len(t); q++ {
				if t[q] == sep {
					m.add(q, q+1)
				}
			}
			p.emit("table", k, k, &m)
		}
	} else {
		cellStart, cellBody, cellLine, spec := -1, -1, 0, ""
		flush := func(end int) {
			if cellStart < 0 {
				return
			}
			body := strings.TrimRight(p.text[cellStart:end], " \t\r\n")
			m := adocMarkup{text: body}
			m.add(0, cellBody-cellStart)
			if strings.ContainsAny(spec, "lm") {
				// A literal or monospace cell: code.
				m.add(0, len(body))
				m.code = true
			} else {
				m.scan(cellBody-cellStart, len(body), 0)
			}
			p.emitText("table", cellStart, len(body), cellLine, &m)
			cellStart = -1
		}
		for k := i + 1; k <= last; k++ {
			l := p.lines[k]
			if adocLineComment(l.text) {
				flush(l.start)
				p.skipLines("comment", k, k, "comment")
				continue
			}
			t := l.text
			for q := 0; q < len(t); q++ {
				if t[q] != sep || q > 0 && t[q-1] == '\\' {
					continue
				}
				s := q
				for s > 0 && strings.IndexByte("0123456789*+.<^>adehlmsv", t[s-1]) >= 0 {
					s--
				}
				if s > 0 && t[s-1] != ' ' && t[s-1] != '\t' || !adocCellSpec.MatchString(t[s:q]) {
					s = q
				}
				flush(l.start + s)
				cellStart, cellBody, cellLine, spec = l.start+s, l.start+q+1, l.num, t[s:q]
			}
		}
		if last >= i+1 {
			l := p.lines[last]
			flush(l.start + len(l.text))
		}
	}
	if closed {
		p.skipLines("markup", j, j, "markup")
	}
	return j + 1
}

// lineText returns the text of lines i..j, without the last line end.
func (p *adocParser) lineText(i, j int) string {
	last := p.lines[j]
	return p.text[p.lines[i].start : last.start+len(last.text)]
}

// skipLines emits lines i..j as a skipped unit, markup throughout.
func (p *adocParser) skipLines(kind string, i, j int, skip string) *document.Unit {
	text := p.lineText(i, j)
	u := unit(p.path, kind, text, p.lines[i].start, p.lines[i].num, skip)
	u.Segments[0].Markup = [][2]int{{0, len(text)}}
	p.doc.Units = append(p.doc.Units, u)
	return u
}

// emit emits lines i..j as a unit whose markup m holds.
func (p *adocParser) emit(kind string, i, j int, m *adocMarkup) *document.Unit {
	return p.emitText(kind, p.lines[i].start, len(m.text), p.lines[i].num, m)
}

// emitText emits the n bytes at start, whose markup m holds, as a unit. A
// unit with no prose outside its markup is skipped: as code when it holds
// monospace text (a table cell of `git init`), else as markup (an image
// with no alt text).
func (p *adocParser) emitText(kind string, start, n, lineNum int, m *adocMarkup) *document.Unit {
	text := p.text[start : start+n]
	spans := normalizeSpans(m.spans, n)
	skip := ""
	if covered(text, spans) {
		skip, spans = "markup", [][2]int{{0, n}}
		if m.code {
			skip = "code"
		}
	}
	u := unit(p.path, kind, text, start, lineNum, skip)
	u.Segments[0].Markup = spans
	p.doc.Units = append(p.doc.Units, u)
	if skip == "" {
		p.prose++
	}
	return u
}

// normalizeSpans sorts markup spans, drops empty ones, clips them to n
// bytes and merges those that overlap or touch.
func normalizeSpans(spans [][2]int, n int) [][2]int {
	var out [][2]int
	for _, s := range spans {
		s[0], s[1] = max(s[0], 0), min(s[1], n)
		if s[0] < s[1] {
			out = append(out, s)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	merged := out[:0]
	for _, s := range out {
		if k := len(merged) - 1; k >= 0 && s[0] <= merged[k][1] {
			merged[k][1] = max(merged[k][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	if len(merged) == 0 {
		return nil
	}
	return merged
}
