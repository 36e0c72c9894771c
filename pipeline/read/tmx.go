package read

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
)

// Container formats (TMX, XLIFF, PO, TSV/CSV) declare which text translates
// which, so their readers pair the segments themselves: every translation
// unit becomes a Unit of kind "tu" holding a source segment and, when the
// file has a non-empty translation, target segments, linked by a Bead of
// score 1.

// lineIndex holds the byte offsets at which the lines of a text begin.
type lineIndex []int

func newLineIndex(text string) lineIndex {
	li := lineIndex{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li = append(li, i+1)
		}
	}
	return li
}

// line returns the 1-based line holding byte offset off.
func (li lineIndex) line(off int) int {
	return sort.Search(len(li), func(i int) bool { return li[i] > off })
}

// finish indexes the document and links, in each translation unit, its
// source segments to its target segments.
func finishPaired(doc *document.Document) *document.Document {
	doc.Index()
	for _, u := range doc.Units {
		var b document.Bead
		for _, s := range u.Segments {
			if s.Skip != "" {
				continue
			}
			switch s.Role {
			case document.RoleSource:
				b.Source = append(b.Source, s.ID)
			case document.RoleTarget:
				b.Target = append(b.Target, s.ID)
			}
		}
		if len(b.Source) > 0 && len(b.Target) > 0 {
			b.Score = 1
			doc.Beads = append(doc.Beads, b)
		}
	}
	return doc
}

// tuSide is one language version of a translation unit.
type tuSide struct {
	text string
	lang string // normalised
	pos  document.Position
}

// addTU appends a translation unit holding src and, for each non-empty
// text, tgt. A source with no text is kept but skipped.
func addTU(doc *document.Document, kind, id, state string, pos document.Position, src []tuSide, tgt []tuSide) *document.Unit {
	u := &document.Unit{Kind: kind, ID: id, State: state, Pos: pos}
	for _, s := range src {
		seg := &document.Segment{Text: s.text, Declared: s.lang, Role: document.RoleSource, Pos: s.pos}
		if strings.TrimSpace(s.text) == "" {
			seg.Skip = "no text"
		}
		u.Segments = append(u.Segments, seg)
	}
	for _, t := range tgt {
		if strings.TrimSpace(t.text) == "" {
			continue
		}
		u.Segments = append(u.Segments, &document.Segment{Text: t.text, Declared: t.lang, Role: document.RoleTarget, Pos: t.pos})
	}
	doc.Units = append(doc.Units, u)
	return u
}

// xmlReader walks an XML document token by token, remembering where each
// token starts so that units and segments get byte offsets and lines.
type xmlReader struct {
	path   string
	format string // for messages: "TMX", "XLIFF"
	dec    *xml.Decoder
	lines  liner
	before int // offset of the first byte of the last token returned
	doc    *document.Document
	failed bool
}

func newXMLReader(doc *document.Document, path, text, format string) *xmlReader {
	dec := xml.NewDecoder(strings.NewReader(text))
	// read.Decode has already turned the file into UTF-8, whatever its XML
	// declaration says (encoding="UTF-16" is common): take the text as it is.
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) { return in, nil }
	return &xmlReader{path: path, format: format, dec: dec, lines: newLineIndex(text), doc: doc}
}

// newXMLStreamReader is newXMLReader for text read from src (UTF-8), which
// it never holds whole: lines are counted as the bytes go by.
func newXMLStreamReader(doc *document.Document, path string, src io.Reader, format string) *xmlReader {
	lines := &streamLines{r: src}
	dec := xml.NewDecoder(lines)
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) { return in, nil }
	return &xmlReader{path: path, format: format, dec: dec, lines: lines, doc: doc}
}

// liner gives the 1-based line holding a byte offset.
type liner interface{ line(off int) int }

// next returns the next token, or nil at the end of the document or after
// a syntax error, which it records as a Problem.
func (r *xmlReader) next() xml.Token {
	if r.failed {
		return nil
	}
	r.before = int(r.dec.InputOffset())
	tok, err := r.dec.Token()
	if err == nil {
		return tok
	}
	r.failed = true
	if errors.Is(err, io.EOF) {
		return nil
	}
	line := r.lines.line(int(r.dec.InputOffset()))
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, msg = se.Line, se.Msg
	}
	todo := "fix the markup"
	if strings.HasPrefix(msg, "invalid character entity") {
		// encoding/xml knows only the five predefined entities and never
		// expands those a DTD declares (so a "billion laughs" file cannot
		// blow up): say so, or the user looks for a typo.
		todo = "only &lt; &gt; &amp; &apos; &quot; and numeric references such as &#20013; are known, entities declared in a DTD are not expanded: write the text itself"
	}
	r.problem(line, fmt.Sprintf("%s syntax error: %s (%s; the units before this line were read, the rest of the file was not)", r.format, msg, todo))
	return nil
}

func (r *xmlReader) problem(line int, msg string) {
	r.doc.Problems = append(r.doc.Problems, document.Problem{Pos: document.Position{Path: r.path, Line: line}, Message: msg})
}

// offset returns the current input offset: just past the last token.
func (r *xmlReader) offset() int { return int(r.dec.InputOffset()) }

// pos returns the position of bytes start..end.
func (r *xmlReader) pos(start, end int) document.Position {
	return document.Position{Path: r.path, Line: r.lines.line(start), Start: start, End: end}
}

// skip consumes tokens up to and including the end of the element whose
// start was just read. It reports false on a syntax error.
func (r *xmlReader) skip() bool {
	for depth := 1; depth > 0; {
		switch r.next().(type) {
		case nil:
			return false
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return true
}

// inlineAction says what an inline element becomes in the segment text.
type inlineAction int

const (
	inlineText  inlineAction = iota // keep its text, add nothing (mrk, unknown)
	inlineWrap                      // {id}text{/id} (hi, g, pc)
	inlineOpen                      // {id}, content dropped (bpt, bx, sc, it begin)
	inlineClose                     // {/id}, content dropped (ept, ex, ec, it end)
	inlineAlone                     // {id}, content dropped (ph, x, ut, it)
	inlineDrop                      // nothing, content dropped
	inlineChar                      // the character of XLIFF 2.0 <cp hex>
)

// classifier tells what an inline element becomes and its identifier ("" when
// it has none).
type classifier func(e xml.StartElement) (inlineAction, string)

func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// content reads the text of the element whose start was just read, up to
// and including its end, turning inline elements into placeholders. It
// returns the text and the byte offsets of the element's content.
func (r *xmlReader) content(classify classifier) (text string, start, end int, ok bool) {
	start = r.offset()
	var b strings.Builder
	var wraps []string // closing placeholders of open wrapping elements; "" adds nothing
	rank := 0
	for {
		tok := r.next()
		switch t := tok.(type) {
		case nil:
			return "", 0, 0, false
		case xml.CharData:
			b.WriteString(string(t))
		case xml.EndElement:
			if len(wraps) == 0 {
				return b.String(), start, r.before, true
			}
			b.WriteString(wraps[len(wraps)-1])
			wraps = wraps[:len(wraps)-1]
		case xml.StartElement:
			action, id := classify(t)
			if action != inlineText && action != inlineDrop && action != inlineChar {
				rank++
				if id == "" {
					id = fmt.Sprint(rank)
				}
			}
			switch action {
			case inlineText:
				wraps = append(wraps, "")
				continue
			case inlineWrap:
				b.WriteString("{" + id + "}")
				wraps = append(wraps, "{/"+id+"}")
				continue
			case inlineOpen, inlineAlone:
				b.WriteString("{" + id + "}")
			case inlineClose:
				b.WriteString("{/" + id + "}")
			case inlineChar:
				var c rune
				if _, err := fmt.Sscanf(xmlAttr(t, "hex"), "%x", &c); err == nil && c > 0 && c <= 0x10FFFF {
					b.WriteRune(c)
				}
			}
			if !r.skip() {
				return "", 0, 0, false
			}
		}
	}
}

// xmlNote is the text of a <note> and the line where it starts.
type xmlNote struct {
	text string
	line int
}

// note reads the <note> whose start was just read.
func (r *xmlReader) note() (xmlNote, bool) {
	line := r.lines.line(r.before)
	text, _, _, ok := r.content(func(xml.StartElement) (inlineAction, string) { return inlineText, "" })
	return xmlNote{text, line}, ok
}

// noteDirectives turns the notes of a unit standing on lines from to to
// into its suppressions: a note that is a directive suppresses the unit.
// kind names the notes in messages.
func (r *xmlReader) noteDirectives(notes []xmlNote, kind string, from, to int) {
	for _, n := range notes {
		for i, l := range strings.Split(n.text, "\n") {
			unitDirective(r.doc, r.path, kind, l, n.line+i, from, to)
		}
	}
}

// tmxInline classifies the inline elements of a TMX <seg>.
func tmxInline(e xml.StartElement) (inlineAction, string) {
	switch e.Name.Local {
	case "bpt":
		return inlineOpen, xmlAttr(e, "i")
	case "ept":
		return inlineClose, xmlAttr(e, "i")
	case "ph", "ut":
		return inlineAlone, xmlAttr(e, "x")
	case "it":
		switch xmlAttr(e, "pos") {
		case "begin":
			return inlineOpen, xmlAttr(e, "x")
		case "end":
			return inlineClose, xmlAttr(e, "x")
		}
		return inlineAlone, xmlAttr(e, "x")
	case "hi":
		return inlineWrap, xmlAttr(e, "x")
	}
	return inlineText, ""
}

// TMX reads a Translation Memory eXchange file (TMX 1.1 to 1.4). Each <tu>
// is a unit (its ID the tuid); its source is the <tuv> whose language
// (xml:lang, or lang in TMX 1.1) matches the header's srclang, or the first
// <tuv>; its target is the first <tuv> in another language. A <note> of
// the <tu> whose text is "transcheck-disable numbers" suppresses the
// unit's findings (see suppressor). A syntax error ends the reading with a
// Problem; the units before it are kept.
//
// Inline markup is kept in the text as placeholders so that a check can
// compare the codes of source and target (XLIFF uses the same form):
//
//	{ID}           a standalone code or the start of a paired one: TMX <ph>,
//	               <ut>, <bpt>, <it pos="begin">; XLIFF <x/>, <ph>, <bx/>,
//	               <bpt>, <sc/>
//	{/ID}          the end of a paired code: TMX <ept>, <it pos="end">;
//	               XLIFF <ex/>, <ept>, <ec/>
//	{ID}text{/ID}  a code that wraps text: TMX <hi>, XLIFF <g>, <pc>
//
// ID is the code's identifier in the file (TMX i, or x; XLIFF 1.2 rid, or
// id; XLIFF 2.0 id, or startRef for <ec/>) or, when it has none, its
// 1-based rank among the codes of the segment. The native code inside
// <bpt>, <ph>, ... is dropped; <mrk> keeps its text and adds nothing;
// XLIFF 2.0 <sm/> and <em/> add nothing and <cp hex="..."/> becomes the
// character it stands for.
func TMX(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "tmx", Paired: true}
	s := &tmxScanner{r: newXMLReader(doc, path, text, "TMX")}
	return s.chunk(0)
}

// tmxScanner reads the units of a TMX file in order, a chunk at a time.
type tmxScanner struct {
	r              *xmlReader
	srclang        string
	rootSeen, done bool
}

// chunk reads units into r.doc until it holds max of them (max > 0) or
// the file ends, and returns it finished (indexed, paired). The file's
// languages, once known, carry over to the next chunk's Document, which
// the caller sets in r.doc.
func (s *tmxScanner) chunk(max int) *document.Document {
	doc := s.r.doc
	for !s.done && (max <= 0 || len(doc.Units) < max) {
		s.step()
	}
	doc.Directed = doc.Source != "" && doc.Target != ""
	return finishPaired(doc)
}

// step reads one token of the file's top level (a whole <tu>, say).
func (s *tmxScanner) step() {
	r := s.r
	tok := r.next()
	if tok == nil {
		s.done = true
		return
	}
	e, ok := tok.(xml.StartElement)
	if !ok {
		return
	}
	if !s.rootSeen {
		s.rootSeen = true
		if e.Name.Local != "tmx" {
			r.problem(r.lines.line(r.before), fmt.Sprintf("root element is <%s>, not <tmx> (check that this is a TMX file)", e.Name.Local))
			s.done = true
		}
		return
	}
	switch e.Name.Local {
	case "header":
		s.srclang = xmlAttr(e, "srclang")
		if strings.EqualFold(s.srclang, "*all*") {
			s.srclang = ""
		}
		r.doc.Source = detect.Normalize(s.srclang)
		r.skip()
	case "tu":
		r.tmxUnit(e, detect.Normalize(s.srclang))
	case "body":
	default:
		r.skip()
	}
}

// tmxUnit reads one <tu> whose start was just read.
func (r *xmlReader) tmxUnit(tu xml.StartElement, srclang string) {
	start := r.before
	var tuvs []tuSide
	var notes []xmlNote
	for {
		tok := r.next()
		switch t := tok.(type) {
		case nil:
			return // a syntax error inside the unit: drop it
		case xml.EndElement:
			pos := r.pos(start, r.offset())
			r.addTMXUnit(xmlAttr(tu, "tuid"), pos, tuvs, srclang)
			r.noteDirectives(notes, "TMX note", pos.Line, r.lines.line(r.offset()))
			return
		case xml.StartElement:
			if t.Name.Local == "note" {
				n, ok := r.note()
				if !ok {
					return
				}
				notes = append(notes, n)
				continue
			}
			if t.Name.Local != "tuv" {
				if !r.skip() {
					return
				}
				continue
			}
			tuv, ok := r.tmxVariant(t)
			if !ok {
				return
			}
			tuvs = append(tuvs, tuv...)
		}
	}
}

// tmxVariant reads one <tuv> whose start was just read; it returns its
// segment (none if it has no <seg>).
func (r *xmlReader) tmxVariant(tuv xml.StartElement) ([]tuSide, bool) {
	lang := detect.Normalize(xmlAttr(tuv, "lang")) // xml:lang and TMX 1.1 lang alike
	var out []tuSide
	for {
		tok := r.next()
		switch t := tok.(type) {
		case nil:
			return nil, false
		case xml.EndElement:
			return out, true
		case xml.StartElement:
			if t.Name.Local != "seg" || len(out) > 0 {
				if !r.skip() {
					return nil, false
				}
				continue
			}
			text, s, e, ok := r.content(tmxInline)
			if !ok {
				return nil, false
			}
			out = append(out, tuSide{text: text, lang: lang, pos: r.pos(s, e)})
		}
	}
}

func (r *xmlReader) addTMXUnit(id string, pos document.Position, tuvs []tuSide, srclang string) {
	if len(tuvs) == 0 {
		r.problem(pos.Line, "<tu> has no <tuv> with a <seg> (add the text or remove the unit)")
		return
	}
	src := 0
	if srclang != "" {
		for i, t := range tuvs {
			if t.lang == srclang {
				src = i
				break
			}
		}
	}
	var tgt []tuSide
	for i, t := range tuvs {
		if i != src && t.lang != tuvs[src].lang {
			tgt = append(tgt, t)
			break
		}
	}
	if len(tgt) > 0 && r.doc.Target == "" {
		r.doc.Target = tgt[0].lang
	}
	addTU(r.doc, "tu", id, "", pos, tuvs[src:src+1], tgt)
}
