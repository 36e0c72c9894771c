package read

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
)

// poString is the value of a keyword: its strings unescaped, with the
// place of the first opening quote to the last closing one.
type poString struct {
	parts      []string // one per line, joined when the message ends
	line       int
	start, end int
	set        bool
}

// poEntry is one PO message as it is parsed.
type poEntry struct {
	ctxt, id, plural poString
	strs             []poString // msgstr, or msgstr[0], msgstr[1], ...
	fuzzy, obsolete  bool
	ctxtSet          bool
	first            int // line of the first keyword
	firstOff         int
	last             *poString // the string continuation lines extend
	lastLine         int       // line of the last string read
	bad              bool      // a syntax error: the entry is dropped
	// directives are the translator comments ("# transcheck-disable
	// numbers") that may be suppression directives.
	directives []poComment
}

// poComment is a translator comment's text, after "#", and its line.
type poComment struct {
	text string
	line int
}

// PO reads a gettext PO or POT file. Each message is a unit whose ID is
// msgctxt + "\x04" + msgid (msgid alone without a context), as gettext
// keys them; its source segments are msgid and, for plural messages,
// msgid_plural; its target segments are the non-empty msgstr or msgstr[n].
// A message flagged "#, fuzzy" has State "fuzzy". A message whose msgstr
// are all empty is untranslated: it has only source segments. Obsolete
// messages (#~) are units of kind "obsolete" whose msgid is skipped
// ("obsolete"). The header (msgid "") is not a unit: its Language field
// gives the target language, and then the direction (source "en").
//
// A translator comment "# transcheck-disable numbers" suppresses the
// findings of its message (see suppressor); in the header's comments it
// suppresses them in the whole file.
//
// A syntax error (a bad keyword, an unterminated string, a bad escape) is a
// Problem naming the line; the message holding it is dropped and reading
// goes on with the next one.
func PO(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "po", Paired: true, Source: "en"}
	p := &poParser{path: path, doc: doc}
	lines := splitLines(text)
	for _, l := range lines {
		p.line(l.text, l.num, l.start)
	}
	p.flush()
	for _, c := range p.header {
		unitDirective(doc, path, "PO comment", c.text, c.line, 1, len(lines))
	}
	if doc.Target != "" {
		doc.Directed = true
	}
	return finishPaired(doc)
}

type poParser struct {
	path string
	doc  *document.Document
	e    *poEntry
	// skipping is set after a syntax error: lines are ignored up to the
	// start of the next message.
	skipping bool
	// header holds the directives of the header's comments, which apply
	// to the whole file.
	header []poComment
}

func (p *poParser) problem(line int, msg string) {
	p.doc.Problems = append(p.doc.Problems, document.Problem{Pos: document.Position{Path: p.path, Line: line}, Message: msg})
}

// fail records a syntax error and drops the current message.
func (p *poParser) fail(line int, msg string) {
	p.problem(line, msg)
	p.e = nil
	p.skipping = true
}

// entry returns the message being read, starting one if needed; a keyword
// that can only start a message (msgctxt, msgid) after a msgstr starts a
// new one.
func (p *poParser) entry() *poEntry {
	if p.e == nil {
		p.e = &poEntry{}
	}
	return p.e
}

func (p *poParser) line(l string, num, off int) {
	t := strings.TrimSpace(l)
	obsolete := false
	if strings.HasPrefix(t, "#~") {
		rest := strings.TrimPrefix(t, "#~")
		if strings.HasPrefix(rest, "|") { // previous msgid of an obsolete message
			return
		}
		obsolete = true
		off += strings.Index(l, "#~") + 2
		off += len(rest) - len(strings.TrimLeft(rest, " \t"))
		t = strings.TrimLeft(rest, " \t")
	} else {
		off += strings.Index(l, t)
	}
	switch {
	case t == "":
		if !obsolete {
			p.flush()
			p.skipping = false
		}
		return
	case strings.HasPrefix(t, "#"):
		// A comment after a msgstr starts the next message.
		if p.e != nil && len(p.e.strs) > 0 {
			p.flush()
		}
		p.skipping = false
		if strings.HasPrefix(t, "#,") {
			for _, f := range strings.Split(t[2:], ",") {
				if strings.TrimSpace(f) == "fuzzy" {
					p.entry().fuzzy = true
				}
			}
		}
		if !obsolete && (len(t) == 1 || t[1] == ' ' || t[1] == '\t') && strings.Contains(t, directivePrefix) {
			// A translator comment ("# text"), not "#." "#:" "#,".
			e := p.entry()
			e.directives = append(e.directives, poComment{t[1:], num})
		}
		return
	}
	if p.skipping {
		if !strings.HasPrefix(t, "msgctxt") && !(strings.HasPrefix(t, "msgid") && !strings.HasPrefix(t, "msgid_plural")) {
			return
		}
		p.skipping = false
	}
	if t[0] == '"' {
		if p.e == nil || p.e.last == nil {
			p.fail(num, `string with no keyword before it (start it with msgid, msgstr or msgctxt)`)
			return
		}
		p.appendString(p.e.last, t, num, off)
		return
	}
	kw, rest := t, ""
	if i := strings.IndexAny(t, " \t\""); i >= 0 {
		kw, rest = t[:i], t[i:]
	}
	restOff := off + len(kw)
	trimmed := strings.TrimLeft(rest, " \t")
	restOff += len(rest) - len(trimmed)
	rest = trimmed
	if rest == "" || rest[0] != '"' {
		p.fail(num, fmt.Sprintf("%q must be followed by a quoted string (write %s \"...\")", kw, kw))
		return
	}
	e := p.e
	if e != nil && len(e.strs) > 0 && (kw == "msgctxt" || kw == "msgid") {
		p.flush()
		e = nil
	}
	if e == nil {
		e = p.entry()
	}
	if e.first == 0 {
		e.first, e.firstOff = num, off
	}
	e.obsolete = e.obsolete || obsolete
	var dst *poString
	switch {
	case kw == "msgctxt" && !e.ctxt.set && !e.id.set:
		dst = &e.ctxt
	case kw == "msgid" && !e.id.set:
		dst = &e.id
	case kw == "msgid_plural" && e.id.set && !e.plural.set && len(e.strs) == 0:
		dst = &e.plural
	case kw == "msgstr" && e.id.set && !e.plural.set && len(e.strs) == 0:
		e.strs = append(e.strs, poString{})
		dst = &e.strs[0]
	case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]") && e.plural.set:
		n, err := strconv.Atoi(kw[len("msgstr[") : len(kw)-1])
		if err != nil || n != len(e.strs) {
			p.fail(num, fmt.Sprintf("%s out of order (number the plural forms msgstr[0], msgstr[1], ... in turn)", kw))
			return
		}
		e.strs = append(e.strs, poString{})
		dst = &e.strs[n]
	default:
		if len(e.strs) > 0 { // the message before the bad line is complete
			p.flush()
		}
		p.fail(num, fmt.Sprintf("unexpected keyword %q (a message is [msgctxt] msgid [msgid_plural] msgstr, or msgstr[n] for plurals)", kw))
		return
	}
	dst.set, dst.line, dst.start = true, num, restOff
	e.last = dst
	p.appendString(dst, rest, num, restOff)
}

// appendString adds one quoted string (the rest of a line) to s.
func (p *poParser) appendString(s *poString, quoted string, num, off int) {
	if p.e == nil {
		return
	}
	text, n, msg := unquotePO(quoted)
	if msg != "" {
		p.fail(num, msg)
		return
	}
	if rest := strings.TrimSpace(quoted[n:]); rest != "" {
		p.fail(num, fmt.Sprintf("text after the closing quote: %q (put one string on each line)", rest))
		return
	}
	s.parts = append(s.parts, text)
	s.end = off + n
	p.e.lastLine = num
}

// unquotePO unquotes the C string at the start of q and returns its text
// and length, or a message saying what is wrong.
func unquotePO(q string) (string, int, string) {
	var b strings.Builder
	for i := 1; i < len(q); i++ {
		c := q[i]
		switch c {
		case '"':
			return b.String(), i + 1, ""
		case '\\':
			if i+1 >= len(q) {
				return "", 0, `unterminated string: the line ends with a backslash (end the string with ")`
			}
			i++
			switch e := q[i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'a':
				b.WriteByte('\a')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'v':
				b.WriteByte('\v')
			case '"', '\\', '\'', '?':
				b.WriteByte(e)
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v, j := 0, i
				for ; j < len(q) && j < i+3 && q[j] >= '0' && q[j] <= '7'; j++ {
					v = v*8 + int(q[j]-'0')
				}
				b.WriteByte(byte(v))
				i = j - 1
			case 'x':
				v, j := 0, i+1
				for ; j < len(q) && isHex(q[j]); j++ {
					v = v*16 + hexVal(q[j])
					if v > 0xff {
						return "", 0, `hex escape out of range (use \xNN with at most two digits)`
					}
				}
				if j == i+1 {
					return "", 0, `\x with no hex digits (write \\x for a backslash followed by x)`
				}
				b.WriteByte(byte(v))
				i = j - 1
			default:
				return "", 0, fmt.Sprintf(`invalid escape \%c (write \\ for a backslash)`, e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", 0, `unterminated string (end it with " on the same line)`
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// String returns the value of the keyword.
func (s poString) String() string { return strings.Join(s.parts, "") }

// flush turns the message read so far into a unit.
func (p *poParser) flush() {
	e := p.e
	p.e = nil
	if e == nil || !e.id.set {
		if e != nil && e.first != 0 {
			p.problem(e.first, "message has no msgid (add msgid \"...\")")
		}
		return
	}
	if len(e.strs) == 0 && !e.obsolete {
		p.problem(e.first, "msgid has no msgstr (add msgstr \"\" to leave it untranslated)")
		return
	}
	pos := func(s poString) document.Position {
		return document.Position{Path: p.path, Line: s.line, Start: s.start, End: s.end}
	}
	if e.id.String() == "" && !e.ctxt.set {
		if e.obsolete || len(e.strs) == 0 {
			return
		}
		p.header = append(p.header, e.directives...)
		for _, l := range strings.Split(e.strs[0].String(), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Language") {
				p.doc.Target = detect.Normalize(v)
			}
		}
		return
	}
	id := e.id.String()
	if e.ctxt.set {
		id = e.ctxt.String() + "\x04" + id
	}
	upos := document.Position{Path: p.path, Line: e.first, Start: e.firstOff, End: e.id.end}
	if n := len(e.strs); n > 0 {
		upos.End = e.strs[n-1].end
	}
	if e.obsolete {
		p.doc.Units = append(p.doc.Units, &document.Unit{Kind: "obsolete", ID: id, Pos: upos,
			Segments: []*document.Segment{{Text: e.id.String(), Role: document.RoleSource, Pos: pos(e.id), Skip: "obsolete"}}})
		return
	}
	state := ""
	if e.fuzzy {
		state = "fuzzy"
	}
	// gettext does not declare the language of msgid: English is only the
	// custom, so it is declared only when the header declares the target.
	srcLang := ""
	if p.doc.Target != "" {
		srcLang = p.doc.Source
	}
	src := []tuSide{{text: e.id.String(), lang: srcLang, pos: pos(e.id)}}
	if e.plural.set {
		src = append(src, tuSide{text: e.plural.String(), lang: srcLang, pos: pos(e.plural)})
	}
	var tgt []tuSide
	for _, s := range e.strs {
		tgt = append(tgt, tuSide{text: s.String(), lang: p.doc.Target, pos: pos(s)})
	}
	addTU(p.doc, "tu", id, state, upos, src, tgt)
	for _, c := range e.directives {
		unitDirective(p.doc, p.path, "PO comment", c.text, c.line, e.first, e.lastLine)
	}
}
