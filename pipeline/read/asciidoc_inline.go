package read

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// adocMarkup collects the markup spans of one unit's text while its inline
// syntax is scanned.
type adocMarkup struct {
	text  string
	spans [][2]int
	code  bool // some of the markup is monospace text: code
	// memos remember the forward searches for closing marks, by what they
	// look for; brackets maps each "[" to its "]" once one is needed.
	memos    map[string]*adocMemo
	brackets map[int]int
}

// adocMemo remembers a forward search: the first match at or after from
// is at, or there is none before scanned (at is -1). The scanner asks from
// positions that only grow (an opening mark, then what follows it), so a
// paragraph full of marks that never close is searched once, not once per
// mark.
type adocMemo struct {
	from, at, scanned int
}

// next returns the first position in [q, limit) where match holds, or -1,
// searching under key's memo.
func (m *adocMarkup) next(key string, q, limit int, match func(int) bool) int {
	if q >= limit {
		return -1
	}
	if m.memos == nil {
		m.memos = map[string]*adocMemo{}
	}
	f := m.memos[key]
	start := q
	switch {
	case f != nil && q >= f.from && f.at >= q:
		if f.at < limit {
			return f.at
		}
		return -1
	case f != nil && q >= f.from && f.at < 0:
		if limit <= f.scanned {
			return -1
		}
		start = max(q, f.scanned)
	default:
		f = &adocMemo{from: q, at: -1, scanned: q}
		m.memos[key] = f
	}
	for p := start; p < limit; p++ {
		if match(p) {
			f.at, f.scanned = p, p+1
			return p
		}
	}
	f.scanned = max(f.scanned, limit)
	return -1
}

// index returns where needle first occurs whole in text[q:limit], or -1.
func (m *adocMarkup) index(needle string, q, limit int) int {
	k := m.next(needle, q, limit, func(p int) bool { return strings.HasPrefix(m.text[p:], needle) })
	if k < 0 || k+len(needle) > limit {
		return -1
	}
	return k
}

func (m *adocMarkup) add(lo, hi int) {
	if lo < hi {
		m.spans = append(m.spans, [2]int{lo, hi})
	}
}

// adocMaxDepth bounds the nesting of formatted spans that are scanned
// (bold inside a link inside a footnote ...); deeper text stays prose.
const adocMaxDepth = 16

var (
	adocAttrRef  = regexp.MustCompile(`^\{(?:[A-Za-z0-9_][A-Za-z0-9_-]*|(?:counter2?|set):[^}\n]*)\}`)
	adocEntity   = regexp.MustCompile(`^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});`)
	adocEmail    = regexp.MustCompile(`^[\w.%+-]+@[\w-]+(?:\.[\w-]+)+`)
	adocAnchorID = regexp.MustCompile(`^[A-Za-z_:][\w:.-]*(?:,.*)?$`)
	adocRole     = regexp.MustCompile(`^\[[^\[\]\s]{1,64}\]`)
)

// adocURLSchemes are the schemes Asciidoctor turns into links.
var adocURLSchemes = map[string]bool{"http": true, "https": true, "ftp": true, "irc": true, "file": true}

// adocMacros are the inline macros, each with where its text is:
// "all" (its bracket holds prose: a footnote, a button label), "link"
// (link text, up to named attributes), "alt" (the first positional
// attribute: an image's alt text), "after-comma" (footnoteref:[id,text]),
// or "" (none: keys, passthroughs, index terms, icons).
var adocMacros = map[string]string{
	"link": "link", "xref": "link", "mailto": "link",
	"image": "alt", "footnote": "all", "footnoteref": "after-comma",
	"btn": "all", "menu": "all", "indexterm2": "all",
	"kbd": "", "pass": "", "anchor": "", "indexterm": "", "icon": "",
	"stem": "", "latexmath": "", "asciimath": "",
}

// adocWord says whether r is a word character for the constrained
// formatting rules. Chinese and Japanese characters are not: translators
// write *粗体* and `git` right next to Han text, meaning the marks.
func adocWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func adocSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// before returns the rune before byte i, or ' ' at the start.
func (m *adocMarkup) before(i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(m.text[:i])
	return r
}

// after returns the rune at byte i, or ' ' at the end.
func (m *adocMarkup) after(i int) rune {
	if i >= len(m.text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(m.text[i:])
	return r
}

// scan marks the inline markup of text[lo:hi].
func (m *adocMarkup) scan(lo, hi, depth int) {
	if depth > adocMaxDepth {
		return
	}
	for i := lo; i < hi; {
		if n := m.at(i, hi, depth); n > i {
			i = n
			continue
		}
		i++
	}
}

// at marks the inline markup that starts at byte i, if any, and returns
// the byte after it; it returns i when none starts there.
func (m *adocMarkup) at(i, hi, depth int) int {
	t := m.text
	switch c := t[i]; c {
	case '\\':
		// An escape: the backslash is markup, what it escapes is text.
		if i+1 < hi && strings.IndexByte("*_`#^~+{[<(\\&", t[i+1]) >= 0 {
			m.add(i, i+1)
			return i + 2
		}
		if n := m.macroName(i+1, hi); n > 0 {
			m.add(i, i+1)
			return i + 1 + n
		}
	case '+':
		return m.plus(i, hi)
	case '`':
		if i+1 < hi && t[i+1] == '\'' && adocWord(m.before(i)) {
			m.add(i, i+1) // Git`'s: a typographic apostrophe
			return i + 2
		}
		if k := m.pair(i, hi, "``"); k >= 0 {
			m.add(i, k+2)
			m.code = true
			return k + 2
		}
		if k := m.constrained(i, hi, '`'); k >= 0 {
			m.add(i, k+1) // monospace: code, not prose
			m.code = true
			return k + 1
		}
	case '"', '\'':
		// "`curved quotes`" and '`single quotes`': the marks are markup.
		if i+1 < hi && t[i+1] == '`' {
			if k := m.index("`"+string(c), i+2, min(hi, i+adocWindow)); k > i+2 {
				m.add(i, i+2)
				m.scan(i+2, k, depth+1)
				m.add(k, k+2)
				return k + 2
			}
		}
	case '*', '_', '#':
		if k := m.pair(i, hi, string([]byte{c, c})); k >= 0 {
			m.add(i, i+2)
			m.scan(i+2, k, depth+1)
			m.add(k, k+2)
			return k + 2
		}
		if k := m.constrained(i, hi, c); k >= 0 {
			m.add(i, i+1)
			m.scan(i+1, k, depth+1)
			m.add(k, k+1)
			return k + 1
		}
	case '^', '~':
		// Superscript and subscript: no space inside.
		for k := i + 1; k < hi && k < i+256 && !adocSpace(t[k]); k++ {
			if t[k] == c {
				if k == i+1 {
					break
				}
				m.add(i, i+1)
				m.scan(i+1, k, depth+1)
				m.add(k, k+1)
				return k + 1
			}
		}
	case '{':
		if loc := adocAttrRef.FindStringIndex(t[i:min(hi, i+256)]); loc != nil {
			m.add(i, i+loc[1])
			return i + loc[1]
		}
	case '&':
		if loc := adocEntity.FindStringIndex(t[i:min(hi, i+48)]); loc != nil {
			m.add(i, i+loc[1])
			return i + loc[1]
		}
	case '<':
		return m.xref(i, hi, depth)
	case '[':
		return m.bracketed(i, hi)
	case '(':
		return m.indexTerm(i, hi, depth)
	default:
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			if adocWord(m.before(i)) {
				return i
			}
			if n := m.macro(i, hi, depth); n > i {
				return n
			}
			return m.email(i, hi)
		}
	}
	return i
}

// pair finds the closing mark of an unconstrained pair ("**bold**",
// "“code“") opened at i: the byte where the closing mark starts, or -1.
func (m *adocMarkup) pair(i, hi int, mark string) int {
	if !strings.HasPrefix(m.text[i:hi], mark) {
		return -1
	}
	k := m.index(mark, i+2, min(hi, i+adocWindow))
	if k <= i+2 {
		return -1 // none, or nothing inside
	}
	return k
}

// constrained finds the closing mark c of a constrained pair ("*bold*")
// opened at i: the mark starts a word and ends one, with text inside that
// neither starts nor ends with a space. It returns the closing byte, or -1.
func (m *adocMarkup) constrained(i, hi int, c byte) int {
	t := m.text
	if b := m.before(i); adocWord(b) || b == ';' || b == ':' || b == '}' || b == rune(c) {
		return -1
	}
	if i+1 >= hi || adocSpace(t[i+1]) || t[i+1] == c {
		return -1
	}
	return m.next("closing "+string(c), i+2, min(hi, i+adocWindow), func(k int) bool {
		return t[k] == c && !adocSpace(t[k-1]) && !adocWord(m.after(k+1))
	})
}

// plus handles "+": a hard line break (" +" at a line end), and the
// passthroughs "+++raw+++" (markup) and "++text++" and "+text+" (text
// shown as it is: the marks are markup, the text is prose).
func (m *adocMarkup) plus(i, hi int) int {
	t := m.text
	if i > 0 && t[i-1] == ' ' && (i+1 >= len(t) || t[i+1] == '\n' || t[i+1] == '\r') {
		m.add(i, i+1)
		return i + 1
	}
	if strings.HasPrefix(t[i:hi], "+++") {
		if k := m.index("+++", i+3, min(hi, i+adocWindow)); k >= 0 {
			m.add(i, k+3)
			return k + 3
		}
	}
	if k := m.pair(i, hi, "++"); k >= 0 {
		m.add(i, i+2)
		m.add(k, k+2)
		return k + 2
	}
	if k := m.constrained(i, hi, '+'); k >= 0 {
		m.add(i, i+1)
		m.add(k, k+1)
		return k + 1
	}
	return i
}

// xref handles "<<id>>" (markup: the target's title is shown) and
// "<<id,text>>" (the text is prose).
func (m *adocMarkup) xref(i, hi, depth int) int {
	t := m.text
	if !strings.HasPrefix(t[i:hi], "<<") || i+2 >= hi {
		return i
	}
	if c := t[i+2]; !(c == '_' || c == '#' || c == '/' || c == '.' || c == ':' || c == '{' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		return i
	}
	k := m.index(">>", i+2, min(hi, i+adocWindow))
	if k < 0 {
		return i
	}
	comma := strings.IndexByte(t[i+2:k], ',')
	if comma < 0 {
		m.add(i, k+2)
		return k + 2
	}
	comma += i + 2
	m.add(i, comma+1)
	m.scan(comma+1, k, depth+1)
	m.add(k, k+2)
	return k + 2
}

// bracketed handles inline anchors ("[[id]]", "[[[ref]]]"), markup, and a
// role before formatting ("[.term]#text#"), whose bracket is markup.
func (m *adocMarkup) bracketed(i, hi int) int {
	t := m.text
	end := min(hi, i+256)
	for _, o := range []struct{ open, close string }{{"[[[", "]]]"}, {"[[", "]]"}} {
		if !strings.HasPrefix(t[i:hi], o.open) {
			continue
		}
		k := strings.Index(t[i+len(o.open):end], o.close)
		if k >= 0 && adocAnchorID.MatchString(t[i+len(o.open):i+len(o.open)+k]) {
			n := i + len(o.open) + k + len(o.close)
			m.add(i, n)
			return n
		}
		return i
	}
	if loc := adocRole.FindStringIndex(t[i:end]); loc != nil {
		j := i + loc[1]
		if j < hi {
			if c := t[j]; c == '#' || c == '*' || c == '_' || c == '`' {
				if m.pair(j, hi, string([]byte{c, c})) >= 0 || m.constrained(j, hi, c) >= 0 {
					m.add(i, j)
					return j
				}
			}
		}
	}
	return i
}

// indexTerm handles index terms: "(((hidden, terms)))" is markup;
// "((shown))" shows its term, whose marks are markup.
func (m *adocMarkup) indexTerm(i, hi, depth int) int {
	t := m.text
	end := min(hi, i+adocWindow)
	if strings.HasPrefix(t[i:hi], "(((") {
		if k := m.index(")))", i+3, end); k >= 0 {
			m.add(i, k+3)
			return k + 3
		}
		return i
	}
	if strings.HasPrefix(t[i:hi], "((") {
		if k := m.index("))", i+2, end); k > i+2 {
			m.add(i, i+2)
			m.scan(i+2, k, depth+1)
			m.add(k, k+2)
			return k + 2
		}
	}
	return i
}

// macroName returns the length of the macro or URL name (with its colon)
// that starts at i, 0 if none does.
func (m *adocMarkup) macroName(i, hi int) int {
	t := m.text
	e := i
	for e < hi && e < i+32 && ('a' <= t[e] && t[e] <= 'z' || e > i && ('0' <= t[e] && t[e] <= '9' || t[e] == '_' || t[e] == '-')) {
		e++
	}
	if e == i || e >= hi || t[e] != ':' {
		return 0
	}
	name := t[i:e]
	if _, ok := adocMacros[name]; ok || adocURLSchemes[name] && strings.HasPrefix(t[e+1:hi], "//") {
		return e + 1 - i
	}
	return 0
}

// macro handles URLs ("https://x[text]", a bare "https://x") and inline
// macros ("link:x[text]", "image:x.png[alt]", "kbd:[Ctrl+C]",
// "footnote:[text]"): names, targets and brackets are markup, the text the
// reader sees is prose.
func (m *adocMarkup) macro(i, hi, depth int) int {
	t := m.text
	n := m.macroName(i, hi)
	if n == 0 {
		return i
	}
	name := t[i : i+n-1]
	where, known := adocMacros[name]
	j := i + n
	e := j
	for e < hi && e < j+2048 && !adocSpace(t[e]) && t[e] != '[' && (known || strings.IndexByte(`<>"`, t[e]) < 0) {
		e++
	}
	if e >= hi || t[e] != '[' {
		if known {
			return i // a macro needs its brackets
		}
		// A bare URL; punctuation after it ends the sentence.
		for e > j && strings.IndexByte(".,;:!?)'\"", t[e-1]) >= 0 {
			e--
		}
		m.add(i, e)
		return e
	}
	if !known {
		where = "link"
	}
	closeAt := m.bracket(e, hi)
	if closeAt < 0 {
		if known {
			return i
		}
		m.add(i, e)
		return e
	}
	lo, hiText := e+1, e+1
	switch where {
	case "all":
		hiText = closeAt
	case "link":
		hiText = closeAt
		if strings.Contains(t[e+1:closeAt], "=") {
			lo, hiText = adocFirstPositional(t, e+1, closeAt)
		}
		if hiText > lo && t[hiText-1] == '^' {
			hiText-- // "^": open in a new window
		}
	case "alt":
		lo, hiText = adocFirstPositional(t, e+1, closeAt)
	case "after-comma":
		if k := strings.IndexByte(t[e+1:closeAt], ','); k >= 0 {
			lo, hiText = e+1+k+1, closeAt
		}
	}
	m.add(i, lo)
	m.scan(lo, hiText, depth+1)
	m.add(hiText, closeAt+1)
	return closeAt + 1
}

// bracket returns the "]" that closes the "[" at open before hi, skipping
// nested brackets and escaped ones, or -1. The brackets of the whole text
// are matched at the first call, in one pass.
func (m *adocMarkup) bracket(open, hi int) int {
	if m.brackets == nil {
		m.brackets = map[int]int{}
		var stack []int
		t := m.text
		for k := 0; k < len(t); k++ {
			switch t[k] {
			case '\\':
				k++
			case '[':
				stack = append(stack, k)
			case ']':
				if n := len(stack); n > 0 {
					m.brackets[stack[n-1]] = k
					stack = stack[:n-1]
				}
			}
		}
	}
	k, ok := m.brackets[open]
	if !ok || k >= min(hi, open+adocWindow) {
		return -1
	}
	return k
}

// email marks an e-mail address that starts at i, which Asciidoctor links.
func (m *adocMarkup) email(i, hi int) int {
	t := m.text
	e := i
	for e < hi && e < i+256 && !adocSpace(t[e]) && t[e] != '@' {
		e++
	}
	if e >= hi || t[e] != '@' {
		return i
	}
	if loc := adocEmail.FindStringIndex(t[i:min(hi, i+256)]); loc != nil {
		m.add(i, i+loc[1])
		return i + loc[1]
	}
	return i
}
