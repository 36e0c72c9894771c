package metrics

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// Carryover reports what must pass through translation verbatim and did
// not: placeholders (%s, %2$d, {name}, {count, plural, …}, ${var}, $1,
// {{x}}) and inline tags (<b>, </b>, <x id="1"/>, and the {1} {/1} that
// XLIFF and TMX inline codes become), missing, changed or out of order;
// inline code, URLs and e-mail addresses missing; and glossary terms
// marked do-not-translate when the terms check is off. Latin names and
// acronyms, which translators rightly translate (PM → 总理), are the
// opt-in names check's.
var Carryover = &Metric{
	Name:       "carryover",
	Doc:        "placeholders, inline tags, inline code, URLs and do-not-translate terms in the source must reach the target unchanged",
	Severity:   Warning,
	Confidence: 0.5,
	Run:        carryover,
}

// tokenKind is what a carried token is.
type tokenKind int

const (
	kindPlaceholder tokenKind = iota
	kindTag
	kindTerm
	kindCode
	kindURL
	kindEmail
)

// carried is one token of a text that its translation must hold.
type carried struct {
	kind tokenKind
	text string // as written in the text
	// key is what the two sides compare: "%2$s" and the second "%s" of a
	// text are both "2$s"; "<br>" and "<br />" are both "<br/>".
	key string
	at  int // byte offset in the text, for the order of tags
}

// Confidences of the findings, relative to each other until the team
// calibrates them on judged findings: a placeholder or a tag is code the
// program reads, its loss a certain defect; a do-not-translate term is
// the user's own rule; an e-mail address has no translation; links and,
// more often, inline code are rightly rephrased or localised in
// documentation (`Accordion` → 手风琴, a link to the English site replaced
// by the Chinese one), and a changed code span is as often the source's
// typo fixed; a plain word in backticks (`stdout` → 标准输出) so often
// that its loss is only info. Of docs findings read for this change,
// links were real losses more often than code (about 0.6 against 0.25). A placeholder or tag lost in
// a pair that shows no sign of being aligned is info with its confidence
// halved (weakEvidence).
const (
	confPlaceholder = 0.9
	confTag         = 0.8
	confTagOrder    = 0.85 // a tag closed before it opens or crossed: invalid markup (not judged: none in the corpora)
	// In a document, a template variable or an HTML tag is the page's
	// markup more than a program's input: still a defect when lost, less
	// surely so.
	confDocPlaceholder = 0.9 // judged 7 of 7 in the docs trees
	confDocTag         = 0.6
	confTerm           = 0.7
	confEmail          = 0.5
	confURL            = 0.55 // in documentation: judged 8 of 15 (links are localised, moved into lists)
	// In a translation unit (PO, XLIFF, TMX) a link or an address is the
	// program's text: dropped, the user loses it (the judged PO links
	// were real losses).
	confUnitLink    = 0.7
	confCode        = 0.1 // judged 3 of 33 on the docs trees
	confCodeChanged = 0.55
	confCodeWord    = 0.1 // judged 1 of 9
	weakEvidence    = 0.5
)

var (
	// codeSpanRE finds Markdown inline code: `x` or ``x``.
	codeSpanRE = regexp.MustCompile("``[^`\n]+``|`[^`\n]+`")
	// mdLinkRE finds the destination of a Markdown link or image:
	// ](dest) or ](dest "title").
	mdLinkRE = regexp.MustCompile(`\]\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)`)
	urlRE    = regexp.MustCompile(`\b(?:https?|ftp)://[^\s<>()\[\]{}"'` + "`" + `，。、；：）（！？》「」]+|\bwww\.[^\s<>()\[\]{}"'` + "`" + `，。、；：）（！？》「」]+`)
	emailRE  = regexp.MustCompile(`\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b`)
	// templateRE finds template syntax: {{ … }} (mustache variables, and
	// etpl or Handlebars statements), {% … %} and ${var}.
	templateRE = regexp.MustCompile(`\{\{[\s\S]*?\}\}\}?|\{%[\s\S]*?%\}|\$\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}`)
	// mustacheVarRE is a mustache variable: {{name}}, {{ user.name }},
	// {{{html}}}, {{ name | upper }}.
	mustacheVarRE = regexp.MustCompile(`^\{\{\{?\s*([A-Za-z_$][\w.$-]*)\s*(?:\|[^{}]*)?\}\}\}?$`)
	// dollarVarRE is ${name} with an optional filter: ${prefix|default('#')}.
	dollarVarRE = regexp.MustCompile(`^\$\{\s*([A-Za-z_][\w.]*)\s*(?:\|[^{}]*)?\}$`)
	// printfRE is a printf conversion with its optional Python mapping key,
	// position, flags, width, precision and length.
	printfRE = regexp.MustCompile(`%(?:\((\w+)\))?(?:([1-9]\d*)\$)?([-+ #0']*)(?:\d+|\*)?(?:\.(?:\d+|\*))?(hh|h|ll|l|L|q|j|z|t|I64|I32)?([diouxXeEfFgGaAcsSpn@vqT%])`)
	// dollarNumRE is a numbered placeholder such as $1 (regular expression
	// replacements, Chrome's messages.json).
	dollarNumRE = regexp.MustCompile(`\$([1-9]\d?)\b`)
	// magnitudeRE after "$20" makes it money: "$20 billion".
	magnitudeRE = regexp.MustCompile(`^\s*(?:billion|million|thousand|trillion|bn|mn|[kKmMbB])\b`)
	tagRE       = regexp.MustCompile(`<(/?)([A-Za-z][\w:.-]*)((?:\s[^<>]*?)?)\s*(/?)>`)
	attrRE      = regexp.MustCompile(`([^\s=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>]+))?`)
	identRE     = regexp.MustCompile("[A-Za-z_$][\\w$.]*[\\w$]")
)

// voidTags are the tags that stand alone; knownTags are inline tags of
// HTML, Pango markup and XLIFF whose opening tag is a tag even without
// attributes or a closing tag in the same text. Any other name must have
// attributes or a closing tag to be a tag, not a metavariable of a usage
// line (<file>, <Tags File>) or a type parameter (Array<T>).
var (
	voidTags  = stringSet("br", "hr", "wbr", "img", "input", "x", "bx", "ex", "ph", "it", "source", "meta")
	knownTags = stringSet("a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "kbd", "mark", "q", "s",
		"samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "g", "pc", "mrk", "bpt", "ept", "p", "div")
	// blockTags, in a Markdown or AsciiDoc document, are its layout, which a
	// translation may restructure (a <br /> becomes a paragraph break); the
	// structure checks compare the blocks.
	blockTags = stringSet("br", "hr", "wbr", "p", "div", "section", "article", "header", "footer", "nav", "main", "aside",
		"table", "thead", "tbody", "tr", "td", "th", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
		"center", "details", "summary", "figure", "figcaption", "blockquote", "pre", "video", "audio", "iframe", "picture")
)

func stringSet(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// scanOptions says how to read a text's tokens.
type scanOptions struct {
	// inlineCodes: the text comes from XLIFF or TMX, whose readers write
	// inline codes as {id} and {/id}: these are tags, not placeholders.
	inlineCodes bool
	// document: the text is a Markdown, AsciiDoc or Ddoc block, whose
	// block-level HTML is layout, not inline tags.
	document bool
	terms    []Term // do-not-translate glossary terms
	// anyOrder: printf conversions compare by verb alone, not by
	// position, for a message with variants (the singular "One file in
	// %s" shifts the positions of the plural "%d files in %s").
	anyOrder bool
}

// optionsFor reads a document's tokens by its format, with the
// glossary's do-not-translate terms.
func optionsFor(doc *document.Document, g *Glossary) scanOptions {
	o := scanOptions{
		inlineCodes: doc.Format == "xliff" || doc.Format == "tmx",
		document:    doc.Format == "markdown" || doc.Format == "asciidoc" || doc.Format == "ddoc",
	}
	if g != nil {
		for _, t := range g.Terms {
			if t.DoNotTranslate {
				o.terms = append(o.terms, t)
			}
		}
	}
	return o
}

// scanCarried lists the tokens of text that a translation must hold, in
// the order they appear. Each kind claims its spans before the next looks:
// what is inside inline code or a URL is neither a placeholder nor a tag,
// and a percent-encoded link (#%E5%9C%A8) holds no printf conversion.
// The second result is the text with the tokens' spans blanked: its
// prose and names.
func scanCarried(text string, o scanOptions) ([]carried, string) {
	if !mayCarry(text) {
		// Plain prose: only the glossary's terms can be in it.
		out := termTokens(text, o, nil)
		slices.SortStableFunc(out, func(a, b carried) int { return a.at - b.at })
		return out, text
	}
	rest := []byte(text) // claimed spans become blanks, offsets unchanged
	claim := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			rest[i] = ' '
		}
	}
	var out []carried
	add := func(k tokenKind, tok, key string, at int) {
		out = append(out, carried{kind: k, text: tok, key: key, at: at})
	}

	// Each pattern needs a character that most prose lacks: look for it
	// before running the pattern (a filter run meets millions of plain
	// sentences).
	var spans [][]int
	if strings.Contains(text, "`") {
		spans = codeSpanRE.FindAllStringIndex(text, -1)
	}
	for _, m := range spans {
		inner := strings.TrimSpace(strings.Trim(text[m[0]:m[1]], "`"))
		claim(m[0], m[1])
		if inner == "" {
			continue
		}
		if proseLike(inner) {
			continue // `No data`, `Select a time`: a UI text, translated
		}
		if hasWide(inner) {
			// `透明度（opacity）` or `数据过滤`: a term in backticks, translated
			// with its sentence; only its identifiers must carry over.
			for _, id := range identRE.FindAllStringIndex(inner, -1) {
				if w := inner[id[0]:id[1]]; len(w) >= 2 {
					add(kindCode, w, w, m[0])
				}
			}
			continue
		}
		add(kindCode, inner, inner, m[0])
	}
	var urls [][]int
	if strings.Contains(text, "://") || strings.Contains(text, "www.") {
		urls = urlRE.FindAllIndex(rest, -1)
	}
	for _, m := range urls {
		u := trimURL(string(rest[m[0]:m[1]]))
		claim(m[0], m[0]+len(u))
		add(kindURL, u, u, m[0])
	}
	// Link destinations that are not URLs (relative paths, anchors,
	// template expressions) are markup: claim them so that "%E5" of an
	// encoded anchor is not read as a placeholder.
	for _, m := range matchesIn(mdLinkRE, rest, text, "](") {
		claim(m[2], m[3])
	}
	for _, m := range matchesIn(emailRE, rest, text, "@") {
		claim(m[0], m[1])
		add(kindEmail, text[m[0]:m[1]], text[m[0]:m[1]], m[0])
	}
	for _, m := range matchesIn(templateRE, rest, text, "{") {
		tok := string(rest[m[0]:m[1]])
		claim(m[0], m[1])
		if v := mustacheVarRE.FindStringSubmatch(tok); v != nil && !templateKeyword(v[1]) {
			add(kindPlaceholder, tok, "{{"+v[1]+"}}", m[0])
		} else if v := dollarVarRE.FindStringSubmatch(tok); v != nil {
			add(kindPlaceholder, tok, "${"+v[1]+"}", m[0])
		}
		// Anything else is a statement ({{ if: … }}, {{ /if }}, {{ use: x }},
		// {% tag %}): markup of the document, compared by the structure
		// checks, not a placeholder.
	}
	out = append(out, scanBraces(string(rest), o, claim)...)
	for _, c := range scanPrintf(string(rest), claim) {
		if _, verb, ok := strings.Cut(c.key, "$"); ok && o.anyOrder {
			c.key = verb
		}
		out = append(out, c)
	}
	for _, m := range matchesIn(dollarNumRE, rest, text, "$") {
		if m[0] > 0 && (isWordByte(rest[m[0]-1]) || rest[m[0]-1] == '$' || rest[m[0]-1] == '\\') {
			continue
		}
		after := string(rest[m[1]:min(len(rest), m[1]+12)])
		if magnitudeRE.MatchString(after) || strings.HasPrefix(after, "%") ||
			len(after) > 1 && (after[0] == '.' || after[0] == ',') && after[1] >= '0' && after[1] <= '9' {
			continue // money: "$20 billion", "$1.5", "$1,000"
		}
		add(kindPlaceholder, text[m[0]:m[1]], text[m[0]:m[1]], m[0])
	}
	out = append(out, scanTags(text, string(rest), o)...)
	out = termTokens(text, o, out)
	slices.SortStableFunc(out, func(a, b carried) int { return a.at - b.at })
	return out, string(rest)
}

// termTokens appends to out the glossary's do-not-translate terms found in
// text.
func termTokens(text string, o scanOptions, out []carried) []carried {
	for _, t := range o.terms {
		if termIn(t.Source, text, t.CaseSensitive) {
			out = append(out, carried{kind: kindTerm, text: t.Source, key: t.Source, at: strings.Index(text, t.Source)})
		}
	}
	return out
}

// mayCarry reports whether text holds a character or string that one of
// scanCarried's token kinds other than terms needs: a backtick (code), a
// link ("://", "www.", "]("), "@" (e-mail), "{" (templates, braces, ICU),
// "%" (printf), "$" (placeholders) or "<" (tags).
func mayCarry(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '`', '@', '{', '%', '$', '<':
			return true
		case ':':
			if strings.HasPrefix(text[i:], "://") {
				return true
			}
		case 'w':
			if strings.HasPrefix(text[i:], "www.") {
				return true
			}
		case ']':
			if strings.HasPrefix(text[i:], "](") {
				return true
			}
		}
	}
	return false
}

// matchesIn returns the matches of re in b, with their submatches, or
// none without running re when text (of which b is a copy, some of it
// blanked) lacks need, a string that every match of re holds.
func matchesIn(re *regexp.Regexp, b []byte, text, need string) [][]int {
	if !strings.Contains(text, need) {
		return nil
	}
	return re.FindAllSubmatchIndex(b, -1)
}

// templateKeyword reports whether a bare word in {{ }} is a statement
// (Handlebars' {{else}}, etpl's {{ else }}), not a variable.
func templateKeyword(w string) bool {
	switch w {
	case "else", "elif", "end", "endif", "endfor", "break", "continue":
		return true
	}
	return false
}

// trimURL drops what follows a URL in prose: sentence punctuation and an
// unbalanced closing bracket.
func trimURL(u string) string {
	for u != "" {
		c := u[len(u)-1]
		if strings.IndexByte(".,;:!?'\"*_~", c) >= 0 || c == ')' && strings.Count(u, "(") < strings.Count(u, ")") {
			u = u[:len(u)-1]
			continue
		}
		break
	}
	return u
}

// scanPrintf finds printf conversions: %s, %-20s, %2$d, %(name)s, %ld.
// A percent sign after a number is a percentage ("90% of", "100%
// customer", "23 % of"), not a conversion; so is "% positive", where a
// space flag is followed by a word.
func scanPrintf(rest string, claim func(lo, hi int)) []carried {
	if !strings.Contains(rest, "%") {
		return nil
	}
	var out []carried
	seq := 0
	for _, m := range printfRE.FindAllStringSubmatchIndex(rest, -1) {
		tok := rest[m[0]:m[1]]
		if tok == "%%" {
			continue // a literal percent sign
		}
		named, pos := m[2] >= 0, m[4] >= 0
		if !named && !pos {
			j := m[0]
			for j > 0 && rest[j-1] == ' ' {
				j--
			}
			if j > 0 && (rest[j-1] >= '0' && rest[j-1] <= '9') {
				continue
			}
			if flags := rest[m[6]:m[7]]; strings.Contains(flags, " ") && m[1] < len(rest) && isASCIILetter(rest[m[1]]) {
				continue
			}
		}
		verb := rest[m[10]:m[11]]
		if m[8] >= 0 {
			verb = rest[m[8]:m[9]] + verb
		}
		var key string
		switch {
		case named:
			key = "%(" + rest[m[2]:m[3]] + ")" + verb
		case pos:
			key = rest[m[4]:m[5]] + "$" + verb
		default:
			seq++
			key = strconv.Itoa(seq) + "$" + verb
		}
		claim(m[0], m[1])
		out = append(out, carried{kind: kindPlaceholder, text: tok, key: key, at: m[0]})
	}
	return out
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// scanBraces finds ICU MessageFormat arguments ({name}, {0},
// {count, plural, one {# file} other {# files}}: the argument names, not
// the text of the branches, which is translated) and, in XLIFF and TMX
// text, the {1} and {/1} that stand for inline codes.
func scanBraces(rest string, o scanOptions, claim func(lo, hi int)) []carried {
	if !strings.Contains(rest, "{") {
		return nil
	}
	var out []carried
	for i := 0; i < len(rest); i++ {
		if rest[i] != '{' {
			continue
		}
		if end, name, ok := closingCode(rest, i); ok {
			out = append(out, carried{kind: kindTag, text: rest[i:end], key: "{/" + name + "}", at: i})
			claim(i, end)
			i = end - 1
			continue
		}
		var args []string
		end, simple, ok := icuArgument(rest, i, &args)
		if !ok || o.document && simple && strings.ContainsAny(rest[i:end], " \n") {
			continue // { props }: JavaScript in a document, not {name}
		}
		// The reader numbers inline codes without an id and closes the
		// paired ones ({1}text{/1}); a named one alone ({ph1}, {name})
		// may be either, and is a placeholder to the reader of a message.
		if o.inlineCodes && simple && (isDigits(args[0]) || strings.Contains(rest, "{/"+args[0]+"}")) {
			out = append(out, carried{kind: kindTag, text: rest[i:end], key: rest[i:end], at: i})
		} else {
			for _, a := range args {
				out = append(out, carried{kind: kindPlaceholder, text: "{" + a + "}", key: "{" + a + "}", at: i})
			}
		}
		claim(i, end)
		i = end - 1
	}
	return out
}

// closingCode matches {/id} at s[i].
func closingCode(s string, i int) (end int, name string, ok bool) {
	if !strings.HasPrefix(s[i:], "{/") {
		return 0, "", false
	}
	j := identEnd(s, i+2)
	if j == i+2 || j >= len(s) || s[j] != '}' {
		return 0, "", false
	}
	return j + 1, s[i+2 : j], true
}

// identEnd returns the end of an argument name at s[i]: a letter or
// underscore then word characters, dots and dashes, or digits.
func identEnd(s string, i int) int {
	j := i
	if j < len(s) && (s[j] >= '0' && s[j] <= '9') {
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j
	}
	if j < len(s) && (isASCIILetter(s[j]) || s[j] == '_') {
		for j < len(s) && (isWordByte(s[j]) || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '.' || s[j] == '-') {
			j++
		}
	}
	return j
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// icuArgument parses an ICU argument at s[i] == '{' and appends its name
// and those of the arguments nested in its branches to args. simple is
// true for {name}. ok is false when the braces hold no argument: a
// JavaScript object ({ a: 1 }), a heading attribute ({#id}), {}.
func icuArgument(s string, i int, args *[]string) (end int, simple, ok bool) {
	j := skipSpace(s, i+1)
	n := identEnd(s, j)
	if n == j {
		return 0, false, false
	}
	name := s[j:n]
	k := skipSpace(s, n)
	if k < len(s) && s[k] == '}' {
		*args = append(*args, name)
		return k + 1, true, true
	}
	if k >= len(s) || s[k] != ',' {
		return 0, false, false
	}
	k = skipSpace(s, k+1)
	t := k
	for t < len(s) && isASCIILetter(s[t]) {
		t++
	}
	// The branches of a plural are alternatives: each name counts once.
	nested := []string{name}
	switch s[k:t] {
	case "plural", "select", "selectordinal":
		k = skipSpace(s, t)
		if k >= len(s) || s[k] != ',' {
			return 0, false, false
		}
		k++
		for branches := 0; ; {
			k = skipSpace(s, k)
			if k < len(s) && s[k] == '}' {
				if branches == 0 {
					return 0, false, false
				}
				*args = append(*args, unique(nested)...)
				return k + 1, false, true
			}
			sel := k
			for k < len(s) && s[k] != '{' && s[k] != '}' && s[k] != ' ' && s[k] != '\n' {
				k++
			}
			if k == sel {
				return 0, false, false
			}
			if strings.HasPrefix(s[sel:k], "offset:") {
				continue
			}
			k = skipSpace(s, k)
			if k >= len(s) || s[k] != '{' {
				return 0, false, false
			}
			k = icuMessage(s, k+1, &nested)
			if k < 0 {
				return 0, false, false
			}
			branches++
		}
	case "number", "date", "time", "spellout", "ordinal", "duration", "choice":
		depth := 1
		for k = t; k < len(s); k++ {
			switch s[k] {
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					*args = append(*args, nested...)
					return k + 1, false, true
				}
			}
		}
	}
	return 0, false, false
}

func unique(xs []string) []string {
	var out []string
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// icuMessage scans the text of a plural or select branch from s[i] to
// its closing brace, collecting the arguments in it, and returns the
// offset past the brace (-1 when there is none).
func icuMessage(s string, i int, args *[]string) int {
	for i < len(s) {
		switch s[i] {
		case '{':
			if end, _, ok := icuArgument(s, i, args); ok {
				i = end
				continue
			}
			return -1
		case '}':
			return i + 1
		}
		i++
	}
	return -1
}

// scanTags finds inline tags: <b>, </b>, <br/>, <a href="…">, <x id="1"/>.
// In a document only inline HTML counts: its components (<ImagePreview>)
// and block tags are layout, and an <a name="x"></a> anchor is for the
// page's own links.
func scanTags(text, rest string, o scanOptions) []carried {
	if !strings.Contains(rest, "<") {
		return nil
	}
	var out []carried
	anchors := 0
	for _, m := range tagRE.FindAllStringSubmatchIndex(rest, -1) {
		closing, name := m[3] > m[2], rest[m[4]:m[5]]
		attrs, selfClosing := strings.TrimSpace(rest[m[6]:m[7]]), m[9] > m[8]
		lname := strings.ToLower(name)
		if o.document && (blockTags[lname] || !knownTags[lname] && !voidTags[lname]) {
			continue
		}
		var key string
		switch {
		case closing:
			if attrs != "" || selfClosing {
				continue
			}
			if !knownTags[lname] && !strings.Contains(rest[:m[0]], "<"+name) {
				continue // </T> with no opening: not markup
			}
			if lname == "a" && anchors > 0 {
				anchors--
				continue
			}
			key = "</" + name + ">"
		default:
			id, valued, prose, href := "", false, false, false
			for _, a := range attrRE.FindAllStringSubmatch(attrs, -1) {
				eq := strings.IndexByte(a[0], '=')
				switch {
				case eq >= 0:
					valued = true
					switch a[1] {
					case "id":
						id = strings.Trim(strings.TrimSpace(a[0][eq+1:]), `"'`)
					case "href":
						href = true
					}
				case a[1][0] >= 'A' && a[1][0] <= 'Z':
					prose = true
				}
			}
			if prose {
				continue // <Tags File>: a metavariable of a usage line
			}
			if o.document && lname == "a" && !href {
				anchors++
				continue
			}
			void := selfClosing || voidTags[lname]
			if !knownTags[lname] && !void && !valued && !strings.Contains(rest[m[1]:], "</"+name+">") {
				continue // <file>, Array<T>
			}
			key = "<" + name
			if id != "" && !o.document {
				key += ` id="` + id + `"`
			}
			if void {
				key += "/"
			}
			key += ">"
		}
		out = append(out, carried{kind: kindTag, text: text[m[0]:m[1]], key: key, at: m[0]})
	}
	return out
}

// side is one side of a bead: its text, its tokens, and the most times
// each placeholder or tag key occurs in one of its variants.
type side struct {
	text, prose string
	tokens      []carried
	counts      map[string]int
	// context is the text of the units around the bead's segments, where
	// a token the aligner put in a neighbouring sentence of the same
	// paragraph is still found; "" when it is the text itself.
	context string
}

// scanSide reads the tokens of one side of a bead. In PO, XLIFF and TMX
// a unit's segments (msgid and msgid_plural, msgstr[n]) and the parts of
// a Symfony message ("one file|%count% files") are variants of one
// message: a placeholder counts as often as the variant that has it most,
// so "%d file saved" / "%d files saved" asks for one %d.
func scanSide(segs []*document.Segment, variants bool, o scanOptions) side {
	sd := side{text: joinText(segs), counts: map[string]int{}}
	sd.tokens, sd.prose = scanCarried(sd.text, o)
	if !variants || len(segs) == 1 && !strings.Contains(sd.text, "|") {
		for _, c := range sd.tokens {
			if c.kind == kindPlaceholder || c.kind == kindTag {
				sd.counts[c.key]++
			}
		}
		return sd
	}
	for _, s := range segs {
		for _, part := range strings.Split(s.Text, "|") {
			n := map[string]int{}
			toks, _ := scanCarried(part, o)
			for _, c := range toks {
				if c.kind == kindPlaceholder || c.kind == kindTag {
					n[c.key]++
				}
			}
			for k, v := range n {
				sd.counts[k] = max(sd.counts[k], v)
			}
		}
	}
	return sd
}

func carryover(p *Pass) {
	doc := p.Doc
	opts := optionsFor(doc, p.Config.Glossary)
	if p.Config.Runs(Terms) {
		opts.terms = nil // the terms check reports them
	}
	variants := doc.Format == "po" || doc.Format == "xliff" || doc.Format == "tmx"
	lex, lexSource := p.lexiconFor(), doc.Target == "en" || doc.Source != "en"
	isSource := make([]bool, len(doc.Segments()))
	for _, b := range doc.Beads {
		for _, id := range b.Source {
			isSource[id] = true
		}
	}
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		srcSegs, tgtSegs := segmentsOf(doc, b.Source), segmentsOf(doc, b.Target)
		opts.anyOrder = variants && (len(srcSegs) > 1 || len(tgtSegs) > 1 || strings.Contains(joinText(srcSegs), "|"))
		src := scanSide(srcSegs, variants, opts)
		if len(src.tokens) == 0 && !strings.ContainsAny(joinText(tgtSegs), "%{$<") {
			continue
		}
		tgt := scanSide(tgtSegs, variants, opts)
		if ctx := unitContext(doc, b.Target, isSource); ctx != tgt.text {
			tgt.context = ctx
		}
		probs := compareCarried(src, tgt, opts)
		if len(probs) == 0 {
			continue
		}
		// probs come most severe first: the finding is as severe and as
		// sure as its worst problems.
		sev, conf := probs[0].severity, 0.0
		for _, pr := range probs {
			if pr.severity == sev {
				conf = max(conf, pr.confidence)
			}
		}
		if !doc.Paired && !aligned(src, tgt) && !covered(lex, src, tgt, lexSource) {
			// The aligner paired the sentences (the format did not) and
			// nothing the source carries, no number, no name, not half its
			// words are in the target: more likely the wrong sentences
			// than a lost token. Of such code and links on the docs
			// corpora none was a real loss (table rows and changelog
			// entries paired out of order): they are not reported; a lost
			// placeholder or tag is kept as info.
			if sev < Error {
				continue
			}
			sev, conf = Info, conf*weakEvidence
		}
		msgs := make([]string, len(probs))
		for i, pr := range probs {
			msgs[i] = pr.message
		}
		sside, tside := SideOf(srcSegs[0]), SideOf(tgtSegs[0])
		sside.Text, tside.Text = src.text, tgt.text
		p.Report(Finding{Severity: sev, Confidence: conf, Source: sside, Target: tside, Message: strings.Join(msgs, "; ")})
	}
}

// unitContext returns the target text of the units that hold the target
// segments: the paragraph around the sentence.
func unitContext(doc *document.Document, target []int, isSource []bool) string {
	var parts []string
	last := -1
	for _, id := range target {
		u := doc.Segment(id).Unit
		if u == last {
			continue
		}
		last = u
		for _, s := range doc.Units[u].Segments {
			if !isSource[s.ID] {
				parts = append(parts, s.Text)
			}
		}
	}
	return strings.Join(parts, " ")
}

// problem is one thing wrong with the tokens of a pair.
type problem struct {
	severity   Severity
	confidence float64
	message    string
}

// compareCarried lists what the target lacks or changed. Placeholders and
// tags compare by key, so that "%2$s %1$d" translates "%d … %s"; a key
// missing from the sentence but present in its paragraph was moved by the
// aligner, not lost. In a document, a placeholder the target adds is the
// translator's (a template variable named for clarity), and its tags and
// template variables weigh less than those a program reads.
func compareCarried(src, tgt side, o scanOptions) []problem {
	var probs []problem
	confPH, confT, confLink, confMail := confPlaceholder, confTag, confUnitLink, confUnitLink
	if o.document {
		confPH, confT, confLink, confMail = confDocPlaceholder, confDocTag, confURL, confEmail
	}
	var ctx map[string]int
	inContext := func(key string) bool {
		if tgt.context == "" {
			return false
		}
		if ctx == nil {
			ctx = map[string]int{}
			toks, _ := scanCarried(tgt.context, o)
			for _, x := range toks {
				ctx[x.key]++
			}
		}
		return ctx[key] > 0
	}
	var missingPH, extraPH []string
	tagsMissing := false
	type kindKey struct {
		kind tokenKind
		key  string
	}
	seen := map[kindKey]bool{} // each token is judged once
	code, links := unmatched(src, tgt)
	for _, c := range src.tokens {
		if seen[kindKey{c.kind, c.key}] {
			continue
		}
		seen[kindKey{c.kind, c.key}] = true
		switch c.kind {
		case kindPlaceholder, kindTag:
			if src.counts[c.key] <= tgt.counts[c.key] || inContext(c.key) {
				continue
			}
			if c.kind == kindPlaceholder && strings.HasPrefix(c.text, "$") && numberIn(c.text[1:], tgt.text) {
				continue // "$5" rendered "5 美元": a price, not a placeholder
			}
			if c.kind == kindPlaceholder {
				missingPH = append(missingPH, c.text)
			} else {
				tagsMissing = true
				probs = append(probs, problem{Error, confT, fmt.Sprintf("inline tag “%s” missing from the target", c.text)})
			}
		case kindTerm:
			if !termIn(c.text, tgt.text, false) && !termIn(c.text, tgt.context, false) {
				probs = append(probs, problem{Warning, confTerm, fmt.Sprintf("do-not-translate term “%s” missing from the target", c.text)})
			}
		case kindCode:
			if codeIn(c.key, tgt.text) || codeIn(c.key, tgt.context) {
				continue
			}
			if to := changedCode(c.key, src.tokens, tgt.tokens); to != "" {
				probs = append(probs, problem{Warning, confCodeChanged, fmt.Sprintf("inline code “%s” changed to “%s” in the target", c.text, to)})
				continue
			}
			if code > 0 {
				code-- // rendered by inline code of the target's own: `No data` → `暂无数据`
				continue
			}
			// Judged on the docs trees, 3 of 33 missing code spans were
			// real losses: an API named in words is the rule. Info.
			sev, conf := Info, confCode
			if plainWord(c.key) {
				// `stdout` → 标准输出, `disabled` → 禁用: a word in
				// backticks is more often rendered in words than lost.
				sev, conf = Info, confCodeWord
			}
			probs = append(probs, problem{sev, conf, fmt.Sprintf("inline code “%s” missing from the target", c.text)})
		case kindURL:
			if linkIn(c.key, tgt.text) || linkIn(c.key, tgt.context) {
				continue
			}
			if links > 0 {
				links-- // replaced by a link of the target's own: the translated site, a localised page
				continue
			}
			probs = append(probs, problem{Warning, confLink, fmt.Sprintf("link “%s” missing from the target", c.text)})
		case kindEmail:
			if !strings.Contains(tgt.text, c.key) && !strings.Contains(tgt.context, c.key) {
				probs = append(probs, problem{Warning, confMail, fmt.Sprintf("e-mail address “%s” missing from the target", c.text)})
			}
		}
	}
	if !o.document {
		for _, c := range tgt.tokens {
			if k := (kindKey{-1, c.key}); c.kind == kindPlaceholder && !seen[k] && tgt.counts[c.key] > src.counts[c.key] {
				seen[k] = true
				extraPH = append(extraPH, c.text)
			}
		}
	}
	switch {
	case len(missingPH) == 1 && len(extraPH) == 1:
		probs = append(probs, problem{Error, confPH, fmt.Sprintf("placeholder “%s” changed to “%s” in the target", missingPH[0], extraPH[0])})
	default:
		for _, m := range missingPH {
			probs = append(probs, problem{Error, confPH, fmt.Sprintf("placeholder “%s” missing from the target", m)})
		}
		for _, e := range extraPH {
			probs = append(probs, problem{Error, confPH, fmt.Sprintf("placeholder “%s” in the target is not in the source", e)})
		}
	}
	// Order is judged where the sentence holds all its tags: one whose
	// opening tag the aligner left in the previous sentence has none.
	whole := !tagsMissing
	for _, c := range src.tokens {
		whole = whole && (c.kind != kindTag || tgt.counts[c.key] >= src.counts[c.key])
	}
	if whole {
		if msg := tagOrder(src.tokens, tgt.tokens); msg != "" {
			probs = append(probs, problem{Error, confTagOrder, msg})
		}
	}
	slices.SortStableFunc(probs, func(a, b problem) int { return int(b.severity) - int(a.severity) })
	return probs
}

// unmatched counts the target's inline code spans in its own language
// (`暂无数据` for `No data`, `_这样_` for `_this_`) and its links that
// match none of the source's: each stands for a source token the
// translator rendered or replaced.
func unmatched(src, tgt side) (code, links int) {
	for _, m := range codeSpanRE.FindAllString(tgt.text, -1) {
		if hasWide(m) {
			code++
		}
	}
	for _, m := range codeSpanRE.FindAllString(src.text, -1) {
		if hasWide(m) {
			code--
		}
	}
	// A site-relative link of the target ([option.color](~color) for
	// https://echarts.apache.org/zh/option.html#color) replaces one too.
	for _, m := range mdLinkRE.FindAllStringSubmatch(tgt.text, -1) {
		if d := m[1]; !strings.Contains(d, "://") && !strings.Contains(src.text, "("+d+")") {
			links++
		}
	}
	for _, t := range tgt.tokens {
		if t.kind != kindURL {
			continue
		}
		found := false
		for _, s := range src.tokens {
			if s.kind == kindURL && linkIn(s.key, t.text) {
				found = true
				break
			}
		}
		if !found {
			links++
		}
	}
	return max(code, 0), links
}

// proseLike reports whether inline code is words of a sentence, a UI
// text that the translation translates: two words or more of letters
// only, the first capitalised, or three or more.
func proseLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		w = strings.TrimRight(w, ".,:;!?")
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) >= 0 {
			return false
		}
	}
	return len(words) >= 3 || unicode.IsUpper([]rune(words[0])[0])
}

// changedCode returns the target's inline code that the source's code
// became by a small edit (`dataset.source` → `dataset.soruce`,
// `new Date(dateString)` → `new Date(dataString)`): one the source does
// not have, within a quarter of its length in edits; "" when there is
// none.
func changedCode(code string, src, tgt []carried) string {
	best, bestD := "", len(code)/4+1
	for _, t := range tgt {
		if t.kind != kindCode || t.key == code || slices.ContainsFunc(src, func(s carried) bool { return s.key == t.key }) {
			continue
		}
		if d := levenshtein.ComputeDistance(code, t.key); d < bestD {
			best, bestD = t.key, d
		}
	}
	return best
}

// codeIn reports whether the target holds inline code: as written,
// ignoring case (YYYY-MM-DD as yyyy-mm-dd), or its identifier's words in
// prose (`coordinateSystem` as "coordinate system", `label.formatter` as
// "label formatter"), as documentation often renders code names.
func codeIn(code, text string) bool {
	if text == "" {
		return false
	}
	if strings.Contains(text, code) || strings.Contains(strings.ToLower(text), strings.ToLower(code)) {
		return true
	}
	words := identWords(code)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !containsWord(text, w) && !containsWord(text, w+"s") && !containsWord(text, w+"es") {
			return false
		}
	}
	return true
}

// identWords splits an identifier or expression into its words of three
// letters or more: "smoothMonotone" → smooth, monotone; "label.formatter"
// → label, formatter.
func identWords(code string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) >= 3 {
			words = append(words, strings.ToLower(string(cur)))
		}
		cur = cur[:0]
	}
	prev := ' '
	for _, r := range code {
		switch {
		case r < 128 && unicode.IsLetter(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return words
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = "“" + x + "”"
	}
	return strings.Join(q, ", ")
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_'
}

// plainWord reports whether inline code is a single lower-case word
// (`stdout`, `readonly`), which documentation often renders in words,
// rather than an identifier or an expression.
func plainWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// numberIn reports whether the digits n stand as a number in text.
func numberIn(n, text string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], n)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(n)
		if (at == 0 || text[at-1] < '0' || text[at-1] > '9') && (end == len(text) || text[end] < '0' || text[end] > '9') {
			return true
		}
		i = at + 1
	}
}

// tagOrder reports a target whose tags close before they open or cross
// (<b><i></b></i>) where the source's nest: reordered siblings are a
// translation's right, a broken nesting is not.
func tagOrder(src, tgt []carried) string {
	if _, ok := nesting(src); !ok {
		return ""
	}
	bad, ok := nesting(tgt)
	if ok {
		return ""
	}
	return fmt.Sprintf("inline tag “%s” out of order in the target", bad)
}

// nesting checks that the opening and closing tags of a text nest; when
// they do not it returns the first closing tag that does not fit.
func nesting(cs []carried) (string, bool) {
	var stack []string
	for _, c := range cs {
		if c.kind != kindTag {
			continue
		}
		name, closing := tagName(c.key)
		if name == "" {
			continue
		}
		if !closing {
			stack = append(stack, name)
			continue
		}
		i := len(stack) - 1
		for i >= 0 && stack[i] != name {
			i--
		}
		switch {
		case i < 0:
			return c.text, false // closed before it opened
		case i < len(stack)-1:
			return c.text, false // crosses a tag opened inside it
		}
		stack = stack[:i]
	}
	return "", true
}

// tagName returns the name that pairs an opening tag with its closing
// tag: "b" for <b> and </b>, "1" for {1} and {/1}; "" for a tag that
// stands alone.
func tagName(key string) (string, bool) {
	switch {
	case strings.HasPrefix(key, "</"):
		return strings.TrimSuffix(key[2:], ">"), true
	case strings.HasPrefix(key, "{/"):
		return strings.TrimSuffix(key[2:], "}"), true
	case strings.HasSuffix(key, "/>"):
		return "", false
	case strings.HasPrefix(key, "<"):
		name := strings.TrimSuffix(key[1:], ">")
		name, _, _ = strings.Cut(name, " ")
		return name, false
	case strings.HasPrefix(key, "{"):
		return strings.TrimSuffix(key[1:], "}"), false
	}
	return "", false
}

// aligned reports whether a pair shows that its target translates its
// source: a token the source carries, a number or a Latin word of the
// source's prose is in the target. Short words ("Fix" of a changelog's
// "[Fix]") and single digits are in every pair and show nothing.
func aligned(src, tgt side) bool {
	for _, c := range src.tokens {
		if len(c.text) >= 2 && strings.Contains(tgt.text, c.text) || c.kind == kindURL && sameLink(c.key, tgt.text) {
			return true
		}
	}
	prose := tagRE.ReplaceAllString(src.prose, " ")
	for _, m := range anchorRE.FindAllString(prose, -1) {
		if len(m) >= 4 || len(m) >= 2 && m[0] >= '0' && m[0] <= '9' {
			if containsWord(tgt.prose, m) {
				return true
			}
		}
	}
	return false
}

// covered reports whether the dictionary finds at least half of the
// source prose's content words (four or more) rendered in the target
// prose: a pair with no name or number in common but a translation all
// the same (an English list item and its Chinese). Words of links and
// code, which misaligned changelog lines share, are left out.
func covered(lex *lexicon.Lexicon, src, tgt side, lexSource bool) bool {
	if lex == nil {
		return false
	}
	n, total, _ := PairCoverage(lex, []string{src.prose}, []string{tgt.prose}, lexSource, false)
	return total >= 4 && 2*n >= total
}

// anchorRE finds what a translation keeps as written: numbers and Latin
// words (in a Chinese source, names; in an English one, names that a
// Chinese target keeps).
var anchorRE = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)*|[A-Za-z][A-Za-z0-9_.+#-]*[A-Za-z0-9+#]`)

// containsWord reports whether w is in text, not inside a longer word or
// number, ignoring case.
func containsWord(text, w string) bool {
	lt, lw := strings.ToLower(text), strings.ToLower(w)
	for i := 0; ; {
		j := strings.Index(lt[i:], lw)
		if j < 0 {
			return false
		}
		at := i + j
		end := at + len(lw)
		if (at == 0 || !isWordByte(lt[at-1])) && (end == len(lt) || !isWordByte(lt[end])) {
			return true
		}
		i = at + 1
	}
}

// localeSegment matches a locale in a link: /zh-CN/, -cn, .en-US, _zh,
// ?hl=en.
var localeSegment = regexp.MustCompile(`(?i)[-_./=](?:zh-cn|zh_cn|zh-hans|zh-hant|zh-tw|en-us|en_us|zh|cn|en)\b`)

// linkLike reports whether a token is a URL or a path with a fragment:
// what translations localise (/docs/en/x → /docs/zh/x, x#install →
// x-cn#安装).
func linkLike(tok string) bool {
	return strings.Contains(tok, "://") || strings.Contains(tok, "/") || strings.Contains(tok, "#")
}

// sameLink reports whether the target holds the link with its locale
// segments and its fragment (an anchor, which follows the translated
// heading) left aside: the host and the path are what must carry over.
func sameLink(tok, tgt string) bool {
	key := linkKey(tok)
	if key == "" || key == "." {
		return true // a fragment alone: an anchor in the page, translated with its heading
	}
	return strings.Contains(localeSegment.ReplaceAllString(tgt, ""), key)
}

// linkKey is what of a link must carry over: no fragment, no locale, no
// scheme (http may become https) and no "www.".
func linkKey(tok string) string {
	if i := strings.IndexByte(tok, '#'); i >= 0 {
		tok = tok[:i]
	}
	if _, rest, ok := strings.Cut(tok, "://"); ok {
		tok = strings.TrimPrefix(rest, "www.")
	}
	return strings.TrimRight(localeSegment.ReplaceAllString(tok, ""), "/")
}

// linkIn reports whether text holds the link, its locale, its anchor or
// its site localised.
func linkIn(u, text string) bool { return sameLink(u, text) || localisedLink(u, text) }

// localisedLink reports whether the target links the same page on a
// localised site: https://echarts.apache.org/option.html#dataZoom
// translated as https://ecomfe.github.io/echarts-doc/public/en/option.html#dataZoom.
// The page's path (with a file name or at least two segments) must end
// the target URL's path.
func localisedLink(tok, tgt string) bool {
	if !strings.Contains(tok, "://") {
		return false
	}
	_, path, ok := strings.Cut(linkKey(tok), "/")
	if !ok || path == "" || !strings.Contains(path, "/") && !strings.Contains(path, ".") {
		return false
	}
	for _, u := range urlRE.FindAllString(tgt, -1) {
		if strings.HasSuffix(linkKey(trimURL(u)), "/"+path) {
			return true
		}
	}
	return false
}
