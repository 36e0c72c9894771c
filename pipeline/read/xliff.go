package read

import (
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
)

// xliff12Inline classifies the inline elements of XLIFF 1.2 <source> and
// <target>.
func xliff12Inline(e xml.StartElement) (inlineAction, string) {
	ref := func() string {
		if rid := xmlAttr(e, "rid"); rid != "" {
			return rid
		}
		return xmlAttr(e, "id")
	}
	switch e.Name.Local {
	case "g":
		return inlineWrap, xmlAttr(e, "id")
	case "x", "ph":
		return inlineAlone, xmlAttr(e, "id")
	case "bx", "bpt":
		return inlineOpen, ref()
	case "ex", "ept":
		return inlineClose, ref()
	case "it":
		switch xmlAttr(e, "pos") {
		case "open":
			return inlineOpen, ref()
		case "close":
			return inlineClose, ref()
		}
		return inlineAlone, ref()
	}
	return inlineText, "" // mrk and anything unknown: keep the text
}

// xliff20Inline classifies the inline elements of XLIFF 2.0 <source> and
// <target>.
func xliff20Inline(e xml.StartElement) (inlineAction, string) {
	switch e.Name.Local {
	case "pc":
		return inlineWrap, xmlAttr(e, "id")
	case "ph":
		return inlineAlone, xmlAttr(e, "id")
	case "sc":
		return inlineOpen, xmlAttr(e, "id")
	case "ec":
		if ref := xmlAttr(e, "startRef"); ref != "" {
			return inlineClose, ref
		}
		return inlineClose, xmlAttr(e, "id")
	case "sm", "em":
		return inlineDrop, ""
	case "cp":
		return inlineChar, ""
	}
	return inlineText, "" // mrk and anything unknown: keep the text
}

// XLIFF reads an XLIFF 1.2 or 2.0 file, told apart by the version attribute
// of the root <xliff> element (1.x when it does not start with 2).
//
// XLIFF 1.2: each <trans-unit> is a unit (its ID the id attribute, its State
// the state of its <target>) holding its <source> and <target>; the
// languages come from <file source-language target-language>; <seg-source>
// and <alt-trans> are not read, nor notes but for directives. A unit with translate="no" keeps its
// segments but skips them ("not translatable").
//
// XLIFF 2.0: each <segment> is a unit (its ID the unit's id, or id#n for the
// n-th segment of a unit that has several; its State the segment's state)
// holding its <source> and <target>; the languages come from <xliff srcLang
// trgLang>.
//
// A <note> of a trans-unit (1.2) or a unit (2.0) whose text is
// "transcheck-disable numbers" suppresses the findings of the unit (see
// suppressor).
//
// Inline codes become placeholders as described at TMX. A syntax error ends
// the reading with a Problem; the units before it are kept.
func XLIFF(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "xliff", Paired: true}
	r := newXMLReader(doc, path, text, "XLIFF")
	for {
		tok := r.next()
		if tok == nil {
			break
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if e.Name.Local != "xliff" {
			r.problem(r.lines.line(r.before), fmt.Sprintf("root element is <%s>, not <xliff> (check that this is an XLIFF file)", e.Name.Local))
			break
		}
		if strings.HasPrefix(strings.TrimSpace(xmlAttr(e, "version")), "2") {
			doc.Source, doc.Target = detect.Normalize(xmlAttr(e, "srcLang")), detect.Normalize(xmlAttr(e, "trgLang"))
			r.xliff20()
		} else {
			r.xliff12()
		}
		break
	}
	doc.Directed = doc.Source != "" && doc.Target != ""
	return finishPaired(doc)
}

// inXLIFF says whether an element belongs to XLIFF rather than to an
// extension (mda:, memsource:, ...).
func inXLIFF(n xml.Name) bool {
	return n.Space == "" || strings.HasPrefix(n.Space, "urn:oasis:names:tc:xliff:document:")
}

// xliff12 reads the content of an XLIFF 1.2 root element.
func (r *xmlReader) xliff12() {
	var srcLang, tgtLang string
	for depth := 1; depth > 0; {
		switch t := r.next().(type) {
		case nil:
			return
		case xml.EndElement:
			depth--
		case xml.StartElement:
			switch {
			case !inXLIFF(t.Name) || t.Name.Local == "header" || t.Name.Local == "bin-unit":
				if !r.skip() {
					return
				}
			case t.Name.Local == "trans-unit":
				if !r.transUnit(t, srcLang, tgtLang) {
					return
				}
			default:
				if t.Name.Local == "file" {
					srcLang = detect.Normalize(xmlAttr(t, "source-language"))
					tgtLang = detect.Normalize(xmlAttr(t, "target-language"))
					if r.doc.Source == "" && r.doc.Target == "" {
						r.doc.Source, r.doc.Target = srcLang, tgtLang
					}
				}
				depth++ // <file>, <body>, <group>: look inside
			}
		}
	}
}

// transUnit reads one XLIFF 1.2 <trans-unit> whose start was just read.
func (r *xmlReader) transUnit(tu xml.StartElement, srcLang, tgtLang string) bool {
	start := r.before
	var src, tgt []tuSide
	var notes []xmlNote
	state := ""
	for {
		switch t := r.next().(type) {
		case nil:
			return false
		case xml.EndElement:
			pos := r.pos(start, r.offset())
			r.addXLIFFUnit(xmlAttr(tu, "id"), state, pos, src, tgt, xmlAttr(tu, "translate") == "no")
			r.noteDirectives(notes, "XLIFF note", pos.Line, r.lines.line(r.offset()))
			return true
		case xml.StartElement:
			name := t.Name.Local
			if inXLIFF(t.Name) && name == "note" {
				n, ok := r.note()
				if !ok {
					return false
				}
				notes = append(notes, n)
				continue
			}
			if !inXLIFF(t.Name) || (name != "source" && name != "target") ||
				(name == "source" && len(src) > 0) || (name == "target" && len(tgt) > 0) {
				if !r.skip() {
					return false
				}
				continue
			}
			text, s, e, ok := r.content(xliff12Inline)
			if !ok {
				return false
			}
			if name == "source" {
				src = append(src, tuSide{text: text, lang: srcLang, pos: r.pos(s, e)})
			} else {
				state = xmlAttr(t, "state")
				tgt = append(tgt, tuSide{text: text, lang: tgtLang, pos: r.pos(s, e)})
			}
		}
	}
}

func (r *xmlReader) addXLIFFUnit(id, state string, pos document.Position, src, tgt []tuSide, noTranslate bool) {
	if len(src) == 0 {
		r.problem(pos.Line, fmt.Sprintf("translation unit %q has no <source> (add it or remove the unit)", id))
		return
	}
	u := addTU(r.doc, "tu", id, state, pos, src, tgt)
	if noTranslate {
		for _, s := range u.Segments {
			s.Skip = "not translatable"
		}
	}
}

// xliff20 reads the content of an XLIFF 2.0 root element.
func (r *xmlReader) xliff20() {
	for depth := 1; depth > 0; {
		switch t := r.next().(type) {
		case nil:
			return
		case xml.EndElement:
			depth--
		case xml.StartElement:
			switch {
			case !inXLIFF(t.Name) || t.Name.Local == "notes" || t.Name.Local == "skeleton":
				if !r.skip() {
					return
				}
			case t.Name.Local == "unit":
				if !r.unit20(t) {
					return
				}
			default:
				depth++ // <file>, <group>: look inside
			}
		}
	}
}

// unit20 reads one XLIFF 2.0 <unit> whose start was just read: one Unit per
// <segment>.
func (r *xmlReader) unit20(unit xml.StartElement) bool {
	id := xmlAttr(unit, "id")
	start := r.before
	var made []*document.Unit
	var notes []xmlNote
	for {
		switch t := r.next().(type) {
		case nil:
			return false
		case xml.EndElement:
			if len(made) > 1 {
				for i, u := range made {
					u.ID = fmt.Sprintf("%s#%d", id, i+1)
				}
			}
			r.noteDirectives(notes, "XLIFF note", r.lines.line(start), r.lines.line(r.offset()))
			return true
		case xml.StartElement:
			if inXLIFF(t.Name) && t.Name.Local == "notes" {
				ns, ok := r.notes()
				if !ok {
					return false
				}
				notes = append(notes, ns...)
				continue
			}
			if !inXLIFF(t.Name) || t.Name.Local != "segment" {
				if !r.skip() {
					return false
				}
				continue
			}
			u, ok := r.segment20(t, id)
			if !ok {
				return false
			}
			if u != nil {
				made = append(made, u)
			}
		}
	}
}

// segment20 reads one XLIFF 2.0 <segment> whose start was just read.
func (r *xmlReader) segment20(seg xml.StartElement, id string) (*document.Unit, bool) {
	start := r.before
	var src, tgt []tuSide
	for {
		switch t := r.next().(type) {
		case nil:
			return nil, false
		case xml.EndElement:
			pos := r.pos(start, r.offset())
			if len(src) == 0 {
				r.problem(pos.Line, fmt.Sprintf("segment of unit %q has no <source> (add it or remove the segment)", id))
				return nil, true
			}
			return addTU(r.doc, "tu", id, xmlAttr(seg, "state"), pos, src, tgt), true
		case xml.StartElement:
			name := t.Name.Local
			if !inXLIFF(t.Name) || (name != "source" && name != "target") ||
				(name == "source" && len(src) > 0) || (name == "target" && len(tgt) > 0) {
				if !r.skip() {
					return nil, false
				}
				continue
			}
			text, s, e, ok := r.content(xliff20Inline)
			if !ok {
				return nil, false
			}
			if name == "source" {
				src = append(src, tuSide{text: text, lang: r.doc.Source, pos: r.pos(s, e)})
			} else {
				tgt = append(tgt, tuSide{text: text, lang: r.doc.Target, pos: r.pos(s, e)})
			}
		}
	}
}

// notes reads the <note> elements of an XLIFF 2.0 <notes> whose start was
// just read.
func (r *xmlReader) notes() ([]xmlNote, bool) {
	var out []xmlNote
	for {
		switch t := r.next().(type) {
		case nil:
			return nil, false
		case xml.EndElement:
			return out, true
		case xml.StartElement:
			if t.Name.Local != "note" {
				if !r.skip() {
					return nil, false
				}
				continue
			}
			n, ok := r.note()
			if !ok {
				return nil, false
			}
			out = append(out, n)
		}
	}
}
