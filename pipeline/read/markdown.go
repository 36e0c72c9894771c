package read

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"

	"github.com/transcheck/transcheck/pipeline/document"
)

// mdParser parses CommonMark with the GitHub extensions (tables, task
// lists, strikethrough, bare URLs) and heading attributes ({#id}), which
// documentation sites use for stable anchors. goldmark's parser keeps no
// state between calls and is safe for concurrent use.
var mdParser = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
).Parser()

// Markdown reads Markdown into one unit per block: headings, paragraphs,
// list items (the item's own text; a nested list's items are units of
// their own), table rows, block quote paragraphs, code, HTML blocks, HTML
// comments, link reference definitions and front matter. Each unit holds
// one segment whose Text is the block's source, marker and all, and whose
// Markup holds every span of it that is not prose: Markdown syntax, link
// destinations, heading anchors, inline code, HTML tags and their
// non-prose attributes, and template syntax ({{ use: x }}, ${var},
// {{< shortcode >}}, {% tag %}). Code, comments, link definitions, front
// matter and blocks of markup alone are skipped (kept and counted).
//
// A file with language sections (a "## zh-CN" heading over Chinese text,
// then "## en-US" over English, as in ant-design's demos) declares the
// language of each section: the language headings are skipped and the
// segments below them carry the language in Declared.
//
// HTML comments on lines of their own, and MDX comments ({/* ... */}) that
// open a block, may be suppression directives (see suppressor); a
// directive inside a line of text is a Problem, as it would do nothing.
func Markdown(path, text string) *document.Document {
	r := &mdReader{
		path:     path,
		text:     text,
		doc:      &document.Document{Name: path, Paths: []string{path}, Format: "markdown"},
		unclosed: map[*document.Unit]int{},
	}
	r.sup = newSuppressor(r.doc, path, text)
	r.lineStarts()
	src := []byte(text)
	if fs, fe := frontMatter(text); fe > 0 {
		r.unit("front-matter", fs, fe, nil, "front matter")
		// Blank it, keeping the line ends, so that goldmark reads blank
		// lines and every offset it gives stays an offset into text.
		for i := fs; i < fe; i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
	}
	r.src = src
	r.codeSamples()
	root := mdParser.Parse(gtext.NewReader(src))
	r.block(root, "paragraph", -1)
	// Code samples were read before the rest: put them in their place.
	sort.SliceStable(r.doc.Units, func(i, j int) bool { return r.doc.Units[i].Pos.Start < r.doc.Units[j].Pos.Start })
	r.apart()
	r.declareSections()
	r.sup.finish()
	return r.doc
}

type mdReader struct {
	path   string
	text   string
	src    []byte // text, with the front matter blanked
	starts []int  // byte offset of each line
	doc    *document.Document
	// unclosed maps a fenced code unit that took the line after it as its
	// closing fence to its end without that line.
	unclosed map[*document.Unit]int
	// marks holds markup that inline found outside the nodes it belongs
	// to, for forced to take from the block's prose.
	marks [][2]int
	sup   *suppressor
}

func (r *mdReader) lineStarts() {
	r.starts = append(r.starts[:0], 0)
	for i := 0; i < len(r.text); {
		j := strings.IndexByte(r.text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		r.starts = append(r.starts, i)
	}
}

// line returns the 1-based line of byte offset p.
func (r *mdReader) line(p int) int {
	return sort.Search(len(r.starts), func(i int) bool { return r.starts[i] > p })
}

// lineEnd returns the offset of the end of the line holding p, before its
// line break (LF or CRLF).
func (r *mdReader) lineEnd(p int) int {
	e := len(r.src)
	if j := bytes.IndexByte(r.src[p:], '\n'); j >= 0 {
		e = p + j
	}
	if e > p && r.src[e-1] == '\r' {
		e--
	}
	return e
}

// blockStart moves a block's first content byte back over the block quote
// markers in front of it on its line ("> > text" starts at the first '>'),
// so that a quoted block's text holds its markers.
func (r *mdReader) blockStart(p int) int {
	start := p
	for i := p - 1; i >= 0; i-- {
		c := r.src[i]
		if c == '>' {
			start = i
			continue
		}
		if c != ' ' && c != '\t' {
			break
		}
	}
	return start
}

// snap returns the offset of the marker that begins a block, from
// goldmark's position of the block: the position itself when it holds a
// marker byte, else the nearest marker byte before it on its line (the
// position overshoots a block indented with tabs, even past the end of
// the file); the first byte of a run of marker bytes either way.
func (r *mdReader) snap(pos int, marker func(byte) bool) int {
	p := min(max(pos, 0), len(r.src))
	if p == len(r.src) || !marker(r.src[p]) {
		// Back on its line, or on the line before when the position went
		// past a line end.
		i, breaks := p-1, 0
		for i >= 0 && !marker(r.src[i]) {
			if r.src[i] == '\n' {
				if breaks++; breaks == 2 || i+1 < p && strings.TrimSpace(string(r.src[i+1:p])) != "" {
					break
				}
			}
			i--
		}
		if i < 0 || !marker(r.src[i]) {
			return p
		}
		p = i
	}
	for p > 0 && marker(r.src[p-1]) {
		p--
	}
	return p
}

func isListMarker(c byte) bool {
	return c == '-' || c == '*' || c == '+' || c == '.' || c == ')' || c >= '0' && c <= '9'
}

// unit appends a unit of one segment covering text[start:end]. prose
// holds the absolute spans of prose in it; every other non-blank byte is
// markup. A unit with skip set is all markup.
func (r *mdReader) unit(kind string, start, end int, prose [][2]int, skip string) *document.Unit {
	if end < start {
		end = start
	}
	pos := document.Position{Path: r.path, Line: r.line(start), Start: start, End: end}
	seg := &document.Segment{Text: r.text[start:end], Pos: pos, Skip: skip}
	if skip != "" {
		if end > start {
			seg.Markup = [][2]int{{0, end - start}}
		}
	} else {
		seg.Markup = r.markup(start, end, prose)
	}
	u := &document.Unit{Kind: kind, Pos: pos, Segments: []*document.Segment{seg}}
	r.doc.Units = append(r.doc.Units, u)
	return u
}

// markup returns the gaps between the prose spans inside [start, end),
// relative to start, without their surrounding white space: white space
// is neither prose nor markup.
func (r *mdReader) markup(start, end int, prose [][2]int) [][2]int {
	var out [][2]int
	add := func(lo, hi int) {
		for lo < hi && isBlank(r.src[lo]) {
			lo++
		}
		for hi > lo && isBlank(r.src[hi-1]) {
			hi--
		}
		if lo < hi {
			out = append(out, [2]int{lo - start, hi - start})
		}
	}
	at := start
	for _, p := range prose {
		lo, hi := max(p[0], start), min(p[1], end)
		if lo >= hi {
			continue
		}
		if lo > at {
			add(at, lo)
		}
		at = max(at, hi)
	}
	if at < end {
		add(at, end)
	}
	return out
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// block emits the units of n and its descendants. kind is the kind of a
// paragraph here ("list" in a list item, "quote" in a block quote);
// itemStart, when not negative, is the offset of the list marker that the
// first paragraph of a list item starts at.
func (r *mdReader) block(n ast.Node, kind string, itemStart int) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n)
	case *ast.Paragraph, *ast.TextBlock:
		r.paragraph(n, kind, itemStart)
	case *ast.Blockquote:
		r.children(n, "quote")
	case *ast.ListItem:
		first := true
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			at := -1
			if first {
				at = r.blockStart(r.snap(n.Pos(), isListMarker))
			}
			r.block(c, "list", at)
			first = false
		}
	case *ast.FencedCodeBlock:
		r.fenced(n)
	case *ast.CodeBlock:
		r.indented(n)
	case *ast.HTMLBlock:
		r.html(n)
	case *ast.LinkReferenceDefinition:
		if lines := n.Lines(); lines.Len() > 0 {
			start := r.blockStart(lines.At(0).Start)
			r.unit("linkdef", start, r.lineEnd(lines.At(lines.Len()-1).Start), nil, "link definition")
		}
	case *east.Table:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.tableRow(c)
		}
	case *ast.ThematicBreak:
		// A rule holds no text.
	default:
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
			// A leaf block from an extension: read it as a paragraph.
			r.paragraph(n, kind, itemStart)
			return
		}
		r.children(n, kind)
	}
}

func (r *mdReader) children(n ast.Node, kind string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c, kind, -1)
	}
}

func (r *mdReader) heading(n *ast.Heading) {
	// An ATX heading's text follows a run of one to six '#' and a space;
	// a setext heading's text starts its line. The run is found from the
	// text, exact, rather than from goldmark's position of the block.
	src, lines := r.src, n.Lines()
	hashes := -1 // offset of an ATX heading's '#' run
	if lines.Len() == 0 {
		hashes = r.snap(n.Pos(), func(c byte) bool { return c == '#' }) // "#" alone
	} else {
		p := lines.At(0).Start
		q := p
		for q > 0 && (src[q-1] == ' ' || src[q-1] == '\t') {
			q--
		}
		k := q
		for k > 0 && src[k-1] == '#' {
			k--
		}
		if q < p && q-k >= 1 && q-k <= 6 {
			hashes = k
		}
	}
	var start, end int
	if hashes >= 0 {
		start, end = r.blockStart(hashes), r.lineEnd(hashes)
	} else {
		// Setext: the text's lines, then the underline.
		start = r.blockStart(lines.At(0).Start)
		end = r.lineEnd(lines.At(lines.Len() - 1).Start)
		if end < len(src) {
			end = r.lineEnd(end + 1)
		}
	}
	prose := r.forced(r.inline(n, nil), start, end, true)
	u := r.unit("heading", start, end, prose, r.emptySkip(prose, start, end, ""))
	u.Level = n.Level
	if id, ok := n.AttributeString("id"); ok {
		switch id := id.(type) {
		case []byte:
			u.Anchor = string(id)
		case string:
			u.Anchor = id
		}
	}
}

// htmlComment returns the text inside an HTML comment that s holds (a
// comment block's lines, or one inline comment): what follows "<!--" up to
// "-->" or the end; ok is false when s does not start with a comment. The
// block quote markers before the comment are dropped.
func htmlComment(s string) (string, bool) {
	t := strings.TrimLeft(s, " \t>")
	rest, ok := strings.CutPrefix(t, "<!--")
	if !ok {
		return "", false
	}
	inner, _, _ := strings.Cut(rest, "-->")
	return inner, true
}

// mdxComment finds an MDX comment, {/* ... */}, at the start of
// src[start:end] and alone on its last line: it returns the offset of the
// end of that line, and the comment's text; ok is false when there is none.
func mdxComment(src []byte, start, end int) (int, string, bool) {
	t := src[start:end]
	if !bytes.HasPrefix(t, []byte("{/*")) {
		return 0, "", false
	}
	shut := bytes.Index(t[3:], []byte("*/"))
	if shut < 0 {
		return 0, "", false
	}
	shut += 3
	after := shut + 2
	for after < len(t) && (t[after] == ' ' || t[after] == '\t') {
		after++
	}
	if after >= len(t) || t[after] != '}' {
		return 0, "", false
	}
	after++
	stop := after
	for stop < len(t) && (t[stop] == ' ' || t[stop] == '\t' || t[stop] == '\r') {
		stop++
	}
	if stop < len(t) && t[stop] != '\n' {
		return 0, "", false // text follows on the line: an expression inside the text
	}
	return start + after, string(t[3:shut]), true
}

// mdxComments returns the MDX comments, {/* ... */}, in src[start:end].
func mdxComments(src []byte, start, end int) [][2]int {
	var out [][2]int
	for i := start; i < end; {
		k := bytes.Index(src[i:end], []byte("{/*"))
		if k < 0 {
			break
		}
		open := i + k
		shut := bytes.Index(src[open+3:end], []byte("*/"))
		if shut < 0 {
			break
		}
		j := open + 3 + shut + 2
		for j < end && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < end && src[j] == '}' {
			out = append(out, [2]int{open, j + 1})
			i = j + 1
			continue
		}
		i = open + 3
	}
	return out
}

// inSpans reports whether offset p is inside one of spans.
func inSpans(spans [][2]int, p int) bool {
	for _, sp := range spans {
		if sp[0] <= p && p < sp[1] {
			return true
		}
	}
	return false
}

// clipSpans returns the spans inside [start, end), cut to it.
func clipSpans(spans [][2]int, start, end int) [][2]int {
	out := spans[:0]
	for _, sp := range spans {
		if lo, hi := max(sp[0], start), min(sp[1], end); lo < hi {
			out = append(out, [2]int{lo, hi})
		}
	}
	return out
}

// mdxStatement matches the first line of an MDX import or export
// statement: JavaScript, not text.
var mdxStatement = regexp.MustCompile(`^(?:import\s+(?:[\w$]+\s*,?\s*)?(?:[{*'"]|[\w$]+\s+from\s)|export\s+(?:default\b|const\b|let\b|var\b|function\b|class\b|async\b|[{*]))`)

func (r *mdReader) paragraph(n ast.Node, kind string, itemStart int) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	first := lines.At(0).Start
	start := r.blockStart(first)
	if itemStart >= 0 {
		start = itemStart
	}
	end := r.lineEnd(lines.At(lines.Len() - 1).Start)
	if itemStart < 0 {
		// An MDX comment that opens the block is a block of its own, as
		// MDX reads it; the text under it, if any, is the paragraph.
		if cend, inner, ok := mdxComment(r.src, start, end); ok {
			r.unit("comment", start, cend, nil, "comment")
			r.sup.comment(inner, r.line(start), r.line(cend))
			next := cend
			for next < end && isBlank(r.src[next]) {
				next++
			}
			if next >= end {
				return
			}
			start, first = next, next
		}
	}
	if kind == "paragraph" && mdxStatement.Match(r.src[first:r.lineEnd(first)]) {
		r.unit("code", start, end, nil, "code")
		return
	}
	text := clipSpans(r.inline(n, nil), start, end)
	for _, c := range mdxComments(r.src, start, end) {
		if inSpans(text, c[0]) {
			if _, _, ok := parseDirective(string(r.src[c[0]+3 : c[1]])); ok {
				r.sup.problem(r.line(c[0]), "a transcheck directive inside a line of text does nothing (put the comment on a line of its own)")
			}
		}
	}
	prose := r.forced(text, start, end, true)
	if looksLikeCode(r.src, prose) {
		r.unit("code", start, end, nil, "code")
		return
	}
	skip := r.emptySkip(prose, start, end, "")
	if skip == "template" {
		kind = "template"
	}
	r.unit(kind, start, end, prose, skip)
}

// emptySkip returns the skip reason of a block with no prose: "template"
// when template syntax is all it holds, else "markup" (an image alone, a
// code span alone, tags); dflt when it has prose.
func (r *mdReader) emptySkip(prose [][2]int, start, end int, dflt string) string {
	for _, p := range prose {
		if len(bytes.TrimSpace(r.src[p[0]:p[1]])) > 0 {
			return dflt
		}
	}
	if end <= start || len(bytes.TrimSpace(r.src[start:end])) == 0 {
		return dflt
	}
	if tpl, _ := templateSpans(r.src, start, end); allBlank(r.src, subtract([][2]int{{start, end}}, tpl)) {
		return "template"
	}
	return "markup"
}

func allBlank(src []byte, spans [][2]int) bool {
	for _, s := range spans {
		if len(bytes.TrimSpace(src[s[0]:s[1]])) > 0 {
			return false
		}
	}
	return true
}

func (r *mdReader) fenced(n *ast.FencedCodeBlock) {
	at := r.snap(n.Pos(), func(c byte) bool { return c == '`' || c == '~' })
	start := r.blockStart(at)
	fence, width := byte('`'), 3
	if at < len(r.src) && (r.src[at] == '`' || r.src[at] == '~') {
		fence, width = r.src[at], 0
		for at+width < len(r.src) && r.src[at+width] == fence {
			width++
		}
	}
	end := r.lineEnd(at)
	if lines := n.Lines(); lines.Len() > 0 {
		end = r.lineEnd(lines.At(lines.Len() - 1).Start)
	}
	// goldmark does not keep the closing fence: it is the next line when
	// that line is a run of at least as many fence characters, and no
	// other block starts on it (an unclosed fence in a block quote ends
	// with the quote; see unclosed).
	open := end
	if end < len(r.src) {
		next := end + 1
		if r.src[end] == '\r' {
			next++
		}
		if next < len(r.src) {
			ne := r.lineEnd(next)
			l := bytes.TrimLeft(r.src[next:ne], " \t>")
			k := 0
			for k < len(l) && l[k] == fence {
				k++
			}
			if k >= width && len(bytes.TrimSpace(l[k:])) == 0 {
				end = ne
			}
		}
	}
	u := r.unit("code", start, end, nil, "code")
	if end != open {
		r.unclosed[u] = open
	}
	if n.Info != nil {
		u.Info = string(n.Language(r.src))
	}
}

// apart makes the units disjoint where goldmark reads the same bytes
// twice: a fence left open in a block quote that took the next line as its
// closing fence gives it back (see unclosed); a unit inside the one before
// it is dropped (a table row that is also the text of a setext heading);
// otherwise the earlier unit ends where the next begins.
func (r *mdReader) apart() {
	var kept []*document.Unit
	for _, u := range r.doc.Units {
		n := len(kept)
		if n == 0 || u.Pos.Start >= kept[n-1].Pos.End {
			kept = append(kept, u)
			continue
		}
		last := kept[n-1]
		if open, ok := r.unclosed[last]; ok && open <= u.Pos.Start {
			r.cut(last, open)
		} else if u.Pos.End <= last.Pos.End {
			continue
		} else {
			end := u.Pos.Start
			for end > last.Pos.Start && isBlank(r.src[end-1]) {
				end--
			}
			if end == last.Pos.Start {
				kept = kept[:n-1]
			} else {
				r.cut(last, end)
			}
		}
		kept = append(kept, u)
	}
	r.doc.Units = kept
}

// cut ends unit u at end.
func (r *mdReader) cut(u *document.Unit, end int) {
	u.Pos.End = end
	s := u.Segments[0]
	s.Pos, s.Text = u.Pos, r.text[u.Pos.Start:end]
	s.Markup = s.MarkupIn(0, len(s.Text))
}

func (r *mdReader) indented(n *ast.CodeBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start := lines.At(0).Start
	for start > 0 && (r.src[start-1] == ' ' || r.src[start-1] == '\t') {
		start--
	}
	last := lines.Len() - 1
	for last > 0 {
		if l := lines.At(last); len(bytes.TrimSpace(l.Value(r.src))) > 0 {
			break
		}
		last--
	}
	r.unit("code", start, r.lineEnd(lines.At(last).Start), nil, "code")
}

func (r *mdReader) html(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start := r.blockStart(lines.At(0).Start)
	end := r.lineEnd(lines.At(lines.Len() - 1).Start)
	if n.HasClosure() {
		end = r.lineEnd(n.ClosureLine.Start)
	}
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		r.unit("comment", start, end, nil, "comment")
		if inner, ok := htmlComment(r.text[start:end]); ok {
			r.sup.comment(inner, r.line(start), r.line(end))
		}
		return
	}
	texts, attrs := scanHTML(r.src, start, end)
	if looksLikeCode(r.src, texts) {
		texts = nil
	}
	// Documentation sites render Markdown inside HTML blocks: `code` there
	// is code.
	texts = subtract(texts, codeSpans(r.src, start, end))
	prose := r.forced(normalize(append(texts, attrs...)), start, end, false)
	r.unit("html", start, end, prose, r.htmlSkip(prose, start, end))
}

// htmlSkip returns "html" for an HTML block without prose, else "".
func (r *mdReader) htmlSkip(prose [][2]int, start, end int) string {
	switch r.emptySkip(prose, start, end, "") {
	case "":
		return ""
	case "template":
		return "template"
	}
	return "html"
}

func (r *mdReader) tableRow(row ast.Node) {
	p := row.Pos()
	if p < 0 {
		if c := row.FirstChild(); c != nil && c.Lines().Len() > 0 {
			p = c.Lines().At(0).Start
		} else {
			return
		}
	}
	ls := p
	for ls > 0 && r.src[ls-1] != '\n' {
		ls--
	}
	end := r.lineEnd(ls)
	start := ls
	for start < end && (r.src[start] == ' ' || r.src[start] == '\t') {
		start++
	}
	var spans [][2]int
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cell := r.inline(c, nil)
		if codeCell(r.src, cell) {
			continue // a type, a value, a name: markup, as in code
		}
		spans = append(spans, cell...)
	}
	prose := r.forced(spans, start, end, true)
	r.unit("table", start, end, prose, r.emptySkip(prose, start, end, ""))
}

// codeCall matches a call or a generic type: a name followed at once by
// a parenthesis or an angle bracket.
var codeCall = regexp.MustCompile(`\w[(<\[]`)

// codeCell reports whether a table cell's text is code rather than prose:
// API tables hold types (string | (file) => Promise<string>), values
// (false, 4.0.0) and names (onChange) in cells of their own, the same in
// every language, beside the description that is translated. A cell with
// Han characters, or words separated by spaces and no code punctuation,
// is prose.
func codeCell(src []byte, spans [][2]int) bool {
	var b strings.Builder
	for _, sp := range spans {
		b.Write(src[sp[0]:sp[1]])
	}
	text := strings.TrimSpace(b.String())
	if text == "" {
		return false
	}
	for _, c := range text {
		if unicode.Is(unicode.Han, c) {
			return false
		}
	}
	if strings.ContainsAny(text, " \t") {
		// Words: prose, unless they read as a signature or a union
		// ((info) => void, string | number, Record<K, V>, goTo(n)).
		return strings.Contains(text, "=>") || strings.ContainsAny(text, "|{}") || codeCall.MatchString(text)
	}
	if strings.ContainsAny(text, "()<>{}[]=|") {
		return true
	}
	// One token: a name (onChange), a value (false, 4.0.0, '-') or a type
	// (string) is code; a capitalised word (Default, Type) is a heading.
	if strings.ContainsAny(text, "._-'\"`/:@#$0123456789") {
		return true
	}
	first := []rune(text)[0]
	if unicode.IsUpper(first) {
		for _, c := range []rune(text)[1:] {
			if unicode.IsUpper(c) {
				return true // GitHub, ConfigProvider
			}
		}
		return false
	}
	return true
}

// inline appends the prose spans of n's inline descendants: text, the
// text of links and emphasis, images' alt text, and prose attributes of
// raw HTML tags. Code spans, autolinks and tags are markup.
func (r *mdReader) inline(n ast.Node, out [][2]int) [][2]int {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			if c.Segment.Stop > c.Segment.Start {
				out = append(out, [2]int{c.Segment.Start, c.Segment.Stop})
			}
		case *ast.CodeSpan, *ast.AutoLink, *east.TaskCheckBox:
			// markup
		case *ast.RawHTML:
			segs := c.Segments
			if segs.Len() == 0 {
				continue
			}
			_, attrs := scanHTML(r.src, segs.At(0).Start, segs.At(segs.Len()-1).Stop)
			out = append(out, attrs...)
			if inner, ok := htmlComment(string(r.src[segs.At(0).Start:segs.At(segs.Len()-1).Stop])); ok {
				if _, _, isDirective := parseDirective(inner); isDirective {
					r.sup.problem(r.line(segs.At(0).Start), "a transcheck directive inside a line of text does nothing (put the comment on a line of its own)")
				}
			}
		case *ast.Link:
			if r.exampleSize(c) {
				// and its '~', which ends the text before it
				t := c.FirstChild().(*ast.Text)
				r.marks = append(r.marks, [2]int{t.Segment.Start - 2, t.Segment.Start - 1})
				continue
			}
			out = r.inline(c, out)
		default:
			// Emphasis, strikethrough, a table row's cells: their text.
			out = r.inline(c, out)
		}
	}
	return out
}

var sizeText = regexp.MustCompile(`^\d+x\d+$`)

// exampleSize reports whether a link is an embedded example with its
// size, ~[700x400](url) in ECharts' docs: the size is not text.
func (r *mdReader) exampleSize(l *ast.Link) bool {
	t, ok := l.FirstChild().(*ast.Text)
	if !ok || t.NextSibling() != nil || t.Segment.Start < 2 || r.src[t.Segment.Start-2] != '~' {
		return false
	}
	return sizeText.Match(t.Segment.Value(r.src))
}

// forced takes from the prose spans of [start, end) what is markup
// whatever the Markdown says: template and shortcode syntax (but the prose
// strings passed to templates), ${var}, and, where escapes are Markdown's
// (escapes), the backslash of an escaped character.
func (r *mdReader) forced(prose [][2]int, start, end int, escapes bool) [][2]int {
	prose = normalize(prose)
	if comments := mdxComments(r.src, start, end); len(comments) > 0 {
		prose = subtract(prose, comments)
	}
	tpl, strs := templateSpans(r.src, start, end)
	vars := dollarSpans(r.src, start, end)
	if len(tpl) > 0 || len(vars) > 0 || len(r.marks) > 0 {
		prose = subtract(prose, normalize(append(append(subtract(tpl, strs), vars...), r.marks...)))
		r.marks = r.marks[:0]
	}
	if escapes {
		var esc [][2]int
		for _, p := range prose {
			for i := p[0]; i+1 < p[1]; i++ {
				if r.src[i] == '\\' && isASCIIPunct(r.src[i+1]) {
					esc = append(esc, [2]int{i, i + 1})
					i++
				}
			}
		}
		if len(esc) > 0 {
			prose = subtract(prose, esc)
		}
	}
	return prose
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// templateSpans returns the template tags in src[start:end] — etpl, Jinja,
// Handlebars and Hugo {{ … }} (with {{< … >}} and {{% … %}}), and Jinja and
// Liquid {% … %} — and, inside them, the quoted strings that are text
// passed to a template (componentName='三维柱状图', 'y axis'), which stay
// prose. A tag with no end inside the range is not a tag.
func templateSpans(src []byte, start, end int) (tags, strs [][2]int) {
	if bytes.IndexByte(src[start:end], '{') < 0 {
		return nil, nil
	}
	// A tag opened after the last "}}" or "%}" has no end: stopping there
	// keeps a file of unclosed tags linear.
	lastBraces := bytes.LastIndex(src[start:end], []byte("}}")) + start
	lastPercent := bytes.LastIndex(src[start:end], []byte("%}")) + start
	for i := start; i+1 < end; i++ {
		if src[i] != '{' {
			continue
		}
		switch src[i+1] {
		case '{':
			if i+2 > lastBraces {
				continue
			}
			j, s := templateEnd(src, i+2, end, "}}")
			if j < 0 {
				continue
			}
			tags = append(tags, [2]int{i, j})
			strs = append(strs, s...)
			i = j - 1
		case '%':
			if i+2 > lastPercent {
				continue
			}
			j := bytes.Index(src[i+2:end], []byte("%}"))
			if j < 0 {
				continue
			}
			tags = append(tags, [2]int{i, i + 2 + j + 2})
			i = i + 2 + j + 1
		}
	}
	return tags, strs
}

// templateEnd finds the end of a template tag opened before from: the
// offset just past close, skipping quoted strings, with the prose
// strings met; -1 when there is none before end.
func templateEnd(src []byte, from, end int, close string) (int, [][2]int) {
	var strs [][2]int
	for i := from; i < end; i++ {
		c := src[i]
		if c == '\'' || c == '"' {
			j := i + 1
			for j < end && src[j] != c {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= end {
				// An unmatched quote: read the tag up to the first close.
				k := bytes.Index(src[from:end], []byte(close))
				if k < 0 {
					return -1, nil
				}
				return from + k + len(close), nil
			}
			if proseString(src[i+1 : j]) {
				strs = append(strs, [2]int{i + 1, j})
			}
			i = j
			continue
		}
		if c == close[0] && i+len(close) <= end && string(src[i:i+len(close)]) == close {
			return i + len(close), strs
		}
	}
	return -1, nil
}

var capitalWord = regexp.MustCompile(`^[A-Z][a-z]{2,}$`)

// proseString reports whether a string passed to a template reads as text
// rather than as an identifier: it has letters beyond ASCII, or words
// separated by spaces, or is one capitalised word.
func proseString(s []byte) bool {
	words, inWord, space := 0, false, false
	for _, r := range string(s) {
		if unicode.IsLetter(r) {
			if r >= utf8.RuneSelf {
				return true
			}
			if !inWord {
				words++
			}
			inWord = true
			continue
		}
		inWord = false
		if r == ' ' {
			space = true
		}
	}
	return words >= 2 && space || capitalWord.Match(s)
}

// dollarSpans returns the ${…} placeholders of src[start:end] (etpl and
// JavaScript template variables): from "${" to the first "}" on its line.
func dollarSpans(src []byte, start, end int) [][2]int {
	var out [][2]int
	if bytes.IndexByte(src[start:end], '$') < 0 {
		return nil
	}
	for i := start; i+1 < end; i++ {
		if src[i] != '$' || src[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < end && src[j] != '}' && src[j] != '\n' {
			j++
		}
		if j < end && src[j] == '}' {
			out = append(out, [2]int{i, j + 1})
		}
		i = j // no "${" before j can close after it
	}
	return out
}

// proseAttrs are the HTML (and JSX component) attributes whose values are
// text a reader sees.
var proseAttrs = map[string]bool{"title": true, "alt": true, "caption": true, "label": true, "placeholder": true, "aria-label": true}

// rawTextTags hold code, not text.
var rawTextTags = map[string]bool{"script": true, "style": true, "pre": true, "textarea": true}

// scanHTML splits raw HTML src[start:end] into the text between its tags
// (except inside script, style, pre and textarea) and the values of its
// prose attributes; tags, other attributes, comments and declarations are
// markup.
func scanHTML(src []byte, start, end int) (texts, attrs [][2]int) {
	textStart := start
	raw := ""
	for i := start; i < end; {
		j := bytes.IndexByte(src[i:end], '<')
		if j < 0 {
			break
		}
		i += j
		var next int
		switch {
		case bytes.HasPrefix(src[i:end], []byte("<!--")):
			k := bytes.Index(src[i+4:end], []byte("-->"))
			next = end
			if k >= 0 {
				next = i + 4 + k + 3
			}
		case i+1 < end && (src[i+1] == '!' || src[i+1] == '?'):
			k := bytes.IndexByte(src[i:end], '>')
			next = end
			if k >= 0 {
				next = i + k + 1
			}
		default:
			tagEnd, name, closing, values, ok := parseTag(src, i, end)
			if !ok || raw != "" && !(closing && name == raw) {
				i++
				continue
			}
			next = tagEnd
			if raw == "" && i > textStart {
				texts = append(texts, [2]int{textStart, i})
			}
			attrs = append(attrs, values...)
			switch {
			case closing:
				raw = ""
			case rawTextTags[name] && src[tagEnd-2] != '/':
				raw = name
			}
			textStart = next
			i = next
			continue
		}
		if raw == "" && i > textStart {
			texts = append(texts, [2]int{textStart, i})
		}
		textStart = next
		i = next
	}
	if raw == "" && textStart < end {
		texts = append(texts, [2]int{textStart, end})
	}
	return texts, attrs
}

// parseTag parses the tag at src[i] ('<'): its end, lower-case name,
// whether it closes an element, and the spans of its prose attribute
// values. JSX attribute expressions ({…}) and spreads are skipped.
func parseTag(src []byte, i, end int) (tagEnd int, name string, closing bool, prose [][2]int, ok bool) {
	// A tag longer than this is no tag: the bound keeps a file of
	// unterminated quotes linear.
	const maxTag = 4096
	end = min(end, i+maxTag)
	j := i + 1
	if j < end && src[j] == '/' {
		closing = true
		j++
	}
	ns := j
	for j < end && (isAlnum(src[j]) || src[j] == '-' || src[j] == '_' || src[j] == ':' || src[j] == '.') {
		j++
	}
	if j == ns {
		if j < end && src[j] == '>' { // a JSX fragment, <> or </>
			return j + 1, "", closing, nil, true
		}
		return 0, "", false, nil, false
	}
	if !isASCIILetter(src[ns]) {
		return 0, "", false, nil, false
	}
	name = strings.ToLower(string(src[ns:j]))
	for {
		for j < end && isBlank(src[j]) {
			j++
		}
		if j >= end {
			return 0, "", false, nil, false
		}
		switch {
		case src[j] == '>':
			return j + 1, name, closing, prose, true
		case src[j] == '/' && j+1 < end && src[j+1] == '>':
			return j + 2, name, closing, prose, true
		case src[j] == '{':
			k := braceEnd(src, j, end)
			if k < 0 {
				return 0, "", false, nil, false
			}
			j = k
			continue
		}
		as := j
		for j < end && !isBlank(src[j]) && src[j] != '=' && src[j] != '>' && src[j] != '/' && src[j] != '"' && src[j] != '\'' {
			j++
		}
		if j == as {
			return 0, "", false, nil, false
		}
		attr := strings.ToLower(string(src[as:j]))
		for j < end && isBlank(src[j]) {
			j++
		}
		if j >= end || src[j] != '=' {
			continue
		}
		j++
		for j < end && isBlank(src[j]) {
			j++
		}
		if j >= end {
			return 0, "", false, nil, false
		}
		switch q := src[j]; q {
		case '"', '\'':
			k := bytes.IndexByte(src[j+1:end], q)
			if k < 0 {
				return 0, "", false, nil, false
			}
			if proseAttrs[attr] && k > 0 {
				prose = append(prose, [2]int{j + 1, j + 1 + k})
			}
			j += k + 2
		case '{':
			k := braceEnd(src, j, end)
			if k < 0 {
				return 0, "", false, nil, false
			}
			j = k
		default:
			vs := j
			for j < end && !isBlank(src[j]) && src[j] != '>' {
				j++
			}
			if proseAttrs[attr] {
				prose = append(prose, [2]int{vs, j})
			}
		}
	}
}

// braceEnd returns the offset just past the brace that closes the one at
// src[i], skipping quoted strings; -1 when there is none before end.
func braceEnd(src []byte, i, end int) int {
	depth := 0
	for j := i; j < end; j++ {
		switch c := src[j]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j + 1
			}
		case '"', '\'', '`':
			k := bytes.IndexByte(src[j+1:end], c)
			if k < 0 {
				return -1
			}
			j += k + 1
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isAlnum(c byte) bool       { return isASCIILetter(c) || c >= '0' && c <= '9' }

// looksLikeCode reports whether the prose spans of a block are program
// code rather than text: a component that holds a code sample
// (<ExampleBaseOption> in ECharts' docs), a template that holds code. Code
// is taken to be three lines or more, half of the lines with letters or
// more opening or closing a bracket, ending with ',' or ';', or starting
// with "//"; text rarely has more than one such line.
func looksLikeCode(src []byte, spans [][2]int) bool {
	if len(spans) == 0 || bytes.Count(src[spans[0][0]:spans[len(spans)-1][1]], []byte{'\n'}) < 2 {
		return false
	}
	var b strings.Builder
	at := -1
	for _, s := range spans {
		if at >= 0 && bytes.IndexByte(src[at:s[0]], '\n') >= 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
		b.Write(src[s[0]:s[1]])
		at = s[1]
	}
	lines, code := 0, 0
	for l := range strings.SplitSeq(b.String(), "\n") {
		l = strings.TrimSpace(l)
		if strings.IndexFunc(l, unicode.IsLetter) < 0 {
			continue // "});" or what is left of a line of inline code
		}
		lines++
		first, last := l[0], l[len(l)-1]
		if strings.IndexByte("{[(,;", last) >= 0 || strings.IndexByte("}])", first) >= 0 || strings.HasPrefix(l, "//") {
			code++
		}
	}
	return code >= 3 && 2*code >= lines
}

var codeSpanRE = regexp.MustCompile("`[^`\n]+`")

// codeSpans returns the spans of `code` in src[start:end].
func codeSpans(src []byte, start, end int) [][2]int {
	var out [][2]int
	for _, m := range codeSpanRE.FindAllIndex(src[start:end], -1) {
		out = append(out, [2]int{start + m[0], start + m[1]})
	}
	return out
}

// sampleOpen matches a line that opens an element and holds nothing else:
// <ExampleBaseOption name="x" title="标题">.
var sampleOpen = regexp.MustCompile(`^<([A-Za-z][\w.-]*)(?:\s[^<>]*)?>[ \t]*\r?$`)

// codeSamples reads the elements that hold a code sample, blank lines and
// all, as one "html" unit whose prose is the opening tag's prose
// attributes (ECharts' <ExampleBaseOption title="…">, with JavaScript
// inside). CommonMark would end the HTML block at the first blank line and
// read the rest of the code as paragraphs. A sample is an opening tag alone
// on a line at the margin, outside fenced code, its closing tag alone on a
// later line, and lines between that look like code; it is blanked before
// goldmark parses the rest.
func (r *mdReader) codeSamples() {
	src := r.src
	type opener struct {
		line int
		name string
	}
	var openers []opener
	closers := map[string][]int{} // element name → lines that close it
	var fence byte                // the character of the open fence, 0 outside one
	fenceLen := 0
	for li, ls := range r.starts {
		if ls >= len(src) {
			break
		}
		l := src[ls:r.lineEnd(ls)]
		t := bytes.TrimLeft(l, " ")
		if len(l)-len(t) <= 3 && len(t) >= 3 && (t[0] == '`' || t[0] == '~') {
			n := 0
			for n < len(t) && t[n] == t[0] {
				n++
			}
			switch {
			case n < 3:
			case fence == 0:
				fence, fenceLen = t[0], n
				continue
			case t[0] == fence && n >= fenceLen && len(bytes.TrimSpace(t[n:])) == 0:
				fence = 0
				continue
			}
		}
		if t = bytes.TrimSpace(t); len(t) > 3 && t[0] == '<' && t[1] == '/' && t[len(t)-1] == '>' {
			closers[string(t[2:len(t)-1])] = append(closers[string(t[2:len(t)-1])], li)
			continue
		}
		if fence != 0 || len(l) == 0 || l[0] != '<' || bytes.HasSuffix(t, []byte("/>")) {
			continue
		}
		if m := sampleOpen.FindSubmatch(l); m != nil {
			openers = append(openers, opener{li, string(m[1])})
		}
	}
	free := 0               // first line not yet in a sample
	tried := map[int]bool{} // closing lines already judged
	for _, o := range openers {
		if o.line < free {
			continue
		}
		cl := closers[o.name]
		k := sort.SearchInts(cl, o.line+1)
		if k == len(cl) || tried[cl[k]] {
			continue
		}
		// Each closing line is judged once: an element nested in one that
		// was not code is not judged again (which keeps this linear).
		tried[cl[k]] = true
		ls, le := r.starts[o.line], r.lineEnd(r.starts[o.line])
		cs := r.starts[cl[k]]
		ce := r.lineEnd(cs)
		// Fenced code inside is Markdown's to read.
		if bytes.Contains(src[le:cs], []byte("\n```")) || bytes.Contains(src[le:cs], []byte("\n~~~")) || !looksLikeCode(src, [][2]int{{le, cs}}) {
			continue
		}
		_, attrs := scanHTML(src, ls, le)
		r.unit("html", ls, ce, attrs, r.htmlSkip(attrs, ls, ce))
		for i := ls; i < ce; i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
		free = cl[k] + 1
	}
}

// frontMatter returns the span of a YAML (---) or TOML (+++) front matter
// block at the start of text, or 0, 0. YAML may also end with "...".
func frontMatter(text string) (int, int) {
	first := text
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		first = text[:i]
	} else {
		return 0, 0
	}
	delim := strings.TrimRight(first, " \t\r")
	if delim != "---" && delim != "+++" {
		return 0, 0
	}
	for at := len(first) + 1; at < len(text); {
		e := strings.IndexByte(text[at:], '\n')
		next := len(text)
		if e < 0 {
			e = len(text)
		} else {
			e += at
			next = e + 1
		}
		l := strings.TrimRight(text[at:e], " \t\r")
		if l == delim || delim == "---" && l == "..." {
			return 0, len(strings.TrimRight(text[:e], "\r"))
		}
		at = next
	}
	return 0, 0
}

// normalize sorts spans and merges those that overlap or touch.
func normalize(spans [][2]int) [][2]int {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s[0] <= last[1] {
			last[1] = max(last[1], s[1])
			continue
		}
		out = append(out, s)
	}
	return out
}

// subtract returns the parts of the sorted, disjoint spans a outside the
// sorted, disjoint spans b.
func subtract(a, b [][2]int) [][2]int {
	b = normalize(b)
	var out [][2]int
	k := 0
	for _, s := range a {
		lo, hi := s[0], s[1]
		for k < len(b) && b[k][1] <= lo {
			k++
		}
		for m := k; m < len(b) && b[m][0] < hi; m++ {
			if b[m][0] > lo {
				out = append(out, [2]int{lo, b[m][0]})
			}
			lo = max(lo, b[m][1])
		}
		if lo < hi {
			out = append(out, [2]int{lo, hi})
		}
	}
	return out
}

// langHeading matches a heading that names a language: "zh-CN", "en-US",
// "en". The base must be lower-case, so that "## It" or "## Go" is never
// read as one.
var langHeading = regexp.MustCompile(`^[a-z]{2}(?:[-_][A-Za-z]{2,4})?$`)

// declareSections finds language sections: headings that name languages,
// at least two different ones in the file. Their headings are skipped,
// and every segment from one of them to the next heading of the same or a
// higher level is declared to be in its language.
func (r *mdReader) declareSections() {
	marks := map[int]string{}
	langs := map[string]bool{}
	for i, u := range r.doc.Units {
		if u.Kind != "heading" {
			continue
		}
		t := strings.TrimSpace(u.Segments[0].Prose())
		if !langHeading.MatchString(t) {
			continue
		}
		if l := LangOfName(t); l != "" {
			marks[i] = l
			langs[l] = true
		}
	}
	if len(langs) < 2 {
		return
	}
	lang, level := "", 0
	for i, u := range r.doc.Units {
		if l, ok := marks[i]; ok {
			lang, level = l, u.Level
			u.Segments[0].Skip = "language heading"
		} else if u.Kind == "heading" && u.Level <= level {
			lang, level = "", 0
		}
		for _, s := range u.Segments {
			s.Declared = lang
		}
	}
}
