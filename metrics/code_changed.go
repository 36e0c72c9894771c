package metrics

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
)

// CodeChanged reports a code block of the translation whose code is not
// its source's: a command, flag, identifier or value changed. Code blocks
// are matched in order between the source and the target, by similarity;
// comments, string literals with CJK text, other CJK text and English
// sentences on lines of their own may differ (translators translate
// them), and so may white space, line breaks, a semicolon or comma at the
// end of a line, an ellipsis for elided code and the language code in a
// localised link (/en/ for /zh/). A block with no similar block on the
// other side is not reported here: leaving out a block is an omission.
//
// Documents made of a source file and its translation are compared whole;
// there a paragraph that is one code span (a command on a line of its own,
// as tldr pages show them) counts as a block too, matched only with the
// command after the paired description when the prose is paired. In a
// one-file bilingual document, a code block is compared with the block of
// the other language's section when the file declares its sections (a
// "## zh-CN" heading over Chinese text), or with its twin when code blocks
// come in adjacent pairs (in the order the languages' paragraphs take) and
// most such pairs hold the same code; otherwise which block translates
// which is not clear and nothing is compared.
var CodeChanged = &Metric{
	Name:       "code_changed",
	Doc:        "a code block of the translation must hold the same code as its source's block: comments, strings, translated text and white space aside",
	Severity:   Warning,
	Confidence: 0.55, // judged 26 of 46 in the benchmark, 28 of 48 before it
	Run:        codeChanged,
}

// codeMatchMin is the least similarity (Jaccard index of the code's word
// sets) at which two blocks that do not hold the same code are taken for
// a block and its translation.
const codeMatchMin = 0.5

func codeChanged(p *Pass) {
	doc := p.Doc
	r := codeReader{locale: localeCode(doc)}
	for _, g := range r.groups(doc) {
		for _, m := range g.align() {
			d := firstCodeDiff(m[0], m[1])
			if d == nil {
				continue
			}
			p.Report(Finding{Severity: p.Metric.Severity, Message: d.message,
				Source: m[0].side(d.src, doc.Source), Target: m[1].side(d.tgt, doc.Target)})
		}
	}
}

// codeGroup holds the code blocks of a source and of its translation,
// to be matched with each other.
type codeGroup struct {
	src, tgt []*codeBlock
	// paired holds the pairs of units, source and target, that the
	// alignment paired: the prose before two blocks tells whether they
	// are one example. Nil when unknown.
	paired map[[2]int]bool
}

// codeBlock is a code block read for comparison.
type codeBlock struct {
	path  string
	first int // line in the file of the block's first line of code
	// ctx is the index of the unit of prose before the block in its
	// file, -1 when none.
	ctx int
	// command marks a paragraph that is one code span.
	command bool
	raw     []string // the block's lines of code, as written
	lines   []codeLine
	words   map[string]bool // the identifiers and numbers of its code
	key     string          // its code without strings and translated text
}

// codeLine is a line of a code block that holds code or text: lines of
// comments or white space alone are left out.
type codeLine struct {
	num  int // index of the line in the block's raw lines
	toks []codeTok
	key  string
	wild bool // holds text that may differ: translated text or strings
	// sentence marks an English sentence such as "For example:", which
	// a translation may drop or add (a comment without its marker), as
	// it may a line of CJK prose.
	sentence bool
}

type tokKind uint8

const (
	tokCode   tokKind = iota // an identifier, number or punctuation mark
	tokString                // a string literal, without its quotes
	tokText                  // prose outside strings, with text in CJK script
	tokAlt                   // alternatives, {{[-e|--command]}} in tldr pages: any one of them
)

type codeTok struct {
	kind tokKind
	text string
	// free marks a string literal whose content may differ: it holds
	// CJK text, so it is translated on one side or the other.
	free bool
	line int         // index of the raw line the token starts on
	alts [][]codeTok // a tokAlt's alternatives
}

// side describes raw line i of the block as a finding side.
func (b *codeBlock) side(i int, lang string) *Side {
	i = min(max(i, 0), len(b.raw)-1)
	if i < 0 {
		return &Side{Path: b.path, Line: b.first, Lang: lang}
	}
	return &Side{Path: b.path, Line: b.first + i, Lang: lang, Text: strings.TrimSpace(b.raw[i])}
}

// codeReader reads the code blocks of one document.
type codeReader struct {
	// locale matches the document's language codes as they stand in
	// localised paths and names (en, zh-CN, zh_CN, zhCN), nil when the
	// document has no two languages.
	locale *regexp.Regexp
}

// localeCode returns the pattern of the document's two language codes
// with their common regions.
func localeCode(doc *document.Document) *regexp.Regexp {
	a, b := baseLang(doc.Source), baseLang(doc.Target)
	if a == "" || b == "" || a == b {
		return nil
	}
	return regexp.MustCompile(`(?i)(^|[^a-z])(` + regexp.QuoteMeta(a) + `|` + regexp.QuoteMeta(b) +
		`)(?:[-_]?(?:us|gb|au|cn|tw|hk|sg|hans|hant))?($|[^a-z])`)
}

func baseLang(code string) string {
	code, _, _ = strings.Cut(strings.ToLower(code), "-")
	code, _, _ = strings.Cut(code, "_")
	if len(code) < 2 || len(code) > 3 {
		return ""
	}
	return code
}

// groups returns the groups of source and target code blocks to match.
func (r codeReader) groups(doc *document.Document) []codeGroup {
	if !codeFromFiles(doc) {
		return r.bilingualGroups(doc)
	}
	g := codeGroup{paired: map[[2]int]bool{}}
	for _, b := range doc.Beads {
		for _, s := range b.Source {
			for _, t := range b.Target {
				g.paired[[2]int{doc.Segment(s).Unit, doc.Segment(t).Unit}] = true
			}
		}
	}
	ctx, role := -1, document.RoleNone
	for i, u := range doc.Units {
		if len(u.Segments) == 0 {
			continue
		}
		if u.Segments[0].Role != role {
			ctx, role = -1, u.Segments[0].Role
		}
		b := r.read(u, true)
		if b == nil {
			for _, s := range u.Segments {
				if s.Skip == "" {
					ctx = i
					break
				}
			}
			continue
		}
		b.ctx = ctx
		switch role {
		case document.RoleSource:
			g.src = append(g.src, b)
		case document.RoleTarget:
			g.tgt = append(g.tgt, b)
		}
	}
	if len(g.src) == 0 || len(g.tgt) == 0 {
		return nil
	}
	return []codeGroup{g}
}

// codeFromFiles reports whether the document's segments come from a source
// file and a target file.
func codeFromFiles(doc *document.Document) bool {
	if doc.Missing != document.RoleNone {
		return false
	}
	for _, s := range doc.Segments() {
		if s.Role != document.RoleNone {
			return true
		}
	}
	return false
}

// bilingualGroups finds, in a one-file bilingual document, the code blocks
// that translate each other: those of declared language sections, and
// twins (see CodeChanged).
func (r codeReader) bilingualGroups(doc *document.Document) []codeGroup {
	if doc.Source == "" || doc.Target == "" || doc.Source == doc.Target || doc.Paired {
		return nil
	}
	var groups []codeGroup
	var src, tgt []*codeBlock
	declared := map[int]bool{}
	for i, u := range doc.Units {
		if u.Kind != "code" || len(u.Segments) == 0 {
			continue
		}
		switch u.Segments[0].Declared {
		case doc.Source:
			if b := r.read(u, false); b != nil {
				src = append(src, b)
			}
			declared[i] = true
		case doc.Target:
			if b := r.read(u, false); b != nil {
				tgt = append(tgt, b)
			}
			declared[i] = true
		}
	}
	if len(src) > 0 && len(tgt) > 0 {
		groups = append(groups, codeGroup{src: src, tgt: tgt})
	}
	order := sourceFirst(doc)
	if order == 0 {
		return groups
	}
	var twins [][2]*codeBlock
	same := 0
	for i := 0; i < len(doc.Units); {
		j := i
		for j < len(doc.Units) && doc.Units[j].Kind == "code" && !declared[j] {
			j++
		}
		if j == i {
			i++
			continue
		}
		if j-i == 2 {
			a, b := r.read(doc.Units[i], false), r.read(doc.Units[i+1], false)
			if a != nil && b != nil {
				if order < 0 {
					a, b = b, a
				}
				twins = append(twins, [2]*codeBlock{a, b})
				if a.key == b.key {
					same++
				}
			}
		}
		i = j
	}
	// Two blocks side by side may be two steps of an example ("before"
	// and "after"): only a file whose pairs mostly hold the same code
	// repeats each block in each language.
	if len(twins) >= 2 && 2*same >= len(twins) {
		for _, t := range twins {
			groups = append(groups, codeGroup{src: t[:1], tgt: t[1:]})
		}
	}
	return groups
}

// sourceFirst tells from the pairs of a bilingual document whether the
// source text comes before its translation (1), after it (-1), or either
// (0).
func sourceFirst(doc *document.Document) int {
	votes := 0
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		if doc.Segment(b.Source[0]).Pos.Start < doc.Segment(b.Target[0]).Pos.Start {
			votes++
		} else {
			votes--
		}
	}
	switch {
	case votes > 0:
		return 1
	case votes < 0:
		return -1
	}
	return 0
}

var (
	codeFence = regexp.MustCompile("^[ \t]{0,3}(?:>[ \t]?)*(`{3,}|~{3,})[ \t]*\\{?[ \t]*\\.?([^\\s`{}|,]*)")
	// codeSpanLine is a paragraph that is one code span: a command on a
	// line of its own, as tldr pages and many READMEs show commands.
	codeSpanLine = regexp.MustCompile("^(`+)([^`](?:.*[^`])?)(`+)$")
	fenceLine    = regexp.MustCompile("^[ \t>]*(?:`{3,}|~{3,})[ \t]*[\\w.+#-]*[ \t]*$")
)

// read reads a code unit, or (with commands) a paragraph that is a single
// code span; nil for other units.
func (r codeReader) read(u *document.Unit, commands bool) *codeBlock {
	if len(u.Segments) == 0 {
		return nil
	}
	s := u.Segments[0]
	text := s.Text
	for _, s := range u.Segments[1:] {
		text += "\n" + s.Text
	}
	b := &codeBlock{path: s.Pos.Path, first: s.Pos.Line, ctx: -1}
	info := u.Info
	switch {
	case u.Kind == "code":
		lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		if m := codeFence.FindStringSubmatch(lines[0]); m != nil {
			if info == "" {
				info = m[2]
			}
			lines = lines[1:]
			b.first++
			if n := len(lines); n > 0 {
				last := strings.TrimLeft(lines[n-1], " \t>")
				if strings.HasPrefix(last, m[1][:3]) && strings.Trim(last, m[1][:1]+" \t") == "" {
					lines = lines[:n-1]
				}
			}
		}
		b.raw = lines
	case commands && u.Kind == "paragraph" && !strings.Contains(strings.TrimSpace(text), "\n"):
		m := codeSpanLine.FindStringSubmatch(strings.TrimSpace(text))
		if m == nil || m[1] != m[3] || strings.Contains(m[2], m[1]) {
			return nil
		}
		b.raw = []string{strings.TrimSpace(m[2])}
		b.command = true
	default:
		return nil
	}
	lines := b.raw
	if r.locale != nil {
		// A localised link or name (/en/ for /zh/, enUS for zhCN) is
		// the same code.
		lines = make([]string, len(b.raw))
		for i, l := range b.raw {
			lines[i] = r.locale.ReplaceAllString(l, "$1\x02$3")
		}
	}
	b.lines = normaliseCode(scanCode(lines, syntaxOf(info)))
	b.words = map[string]bool{}
	var key strings.Builder
	for _, l := range b.lines {
		for _, t := range l.toks {
			if t.kind == tokAlt {
				for _, a := range t.alts {
					for _, t := range a {
						if t.kind == tokCode && isCodeWord(t.text) {
							b.words[t.text] = true
						}
					}
				}
				key.WriteString(t.text + " ")
				continue
			}
			if t.kind != tokCode {
				continue
			}
			key.WriteString(t.text)
			key.WriteByte(' ')
			if r, _ := utf8.DecodeRuneInString(t.text); isCodeWordRune(r) {
				b.words[t.text] = true
			}
		}
		key.WriteByte('\n')
	}
	b.key = key.String()
	return b
}

// codeSyntax says which comments and strings a language has.
type codeSyntax struct {
	slash      bool // "//" line comments and "/* */" block comments
	slashSpace bool // "//" only at the start of a line or after white space, no "/* */"
	hash       bool // "#" at the start of a line or after white space
	hashStart  bool // "#" only at the start of a line
	html       bool // "<!-- -->"
	dashes     bool // "--" at the start of a line or after white space
	triple     bool // """ and ''' strings that span lines (Python)
	template   bool // ` strings that span lines (JavaScript)
}

var codeSyntaxes = map[string]codeSyntax{}

func init() {
	add := func(s codeSyntax, names string) {
		for _, n := range strings.Fields(names) {
			codeSyntaxes[n] = s
		}
	}
	add(codeSyntax{slash: true, template: true}, "js jsx ts tsx javascript typescript mjs cjs es6 node")
	add(codeSyntax{slash: true}, "go golang java c cpp c++ cc cxx h hpp cs csharp css scss sass less json jsonc json5 kotlin kt swift rust rs dart scala groovy gradle objc objectivec proto protobuf d")
	add(codeSyntax{slash: true, hash: true}, "php")
	add(codeSyntax{hash: true}, "sh bash shell zsh fish console shellsession shell-session terminal powershell ps ps1 ruby rb r perl pl yaml yml toml dockerfile docker makefile make cmake nginx conf properties env dotenv")
	add(codeSyntax{hash: true, triple: true}, "python py python3 py3 ipython")
	add(codeSyntax{html: true}, "html htm xhtml xml svg markdown md")
	add(codeSyntax{html: true, slash: true, template: true}, "vue svelte mdx")
	add(codeSyntax{dashes: true}, "sql mysql pgsql postgresql plsql lua haskell hs elm")
}

// syntaxOf returns the syntax of a fence's language; unknown languages
// (and none) get a conservative union: "//" after white space, "#" at the
// start of a line, HTML comments.
func syntaxOf(info string) codeSyntax {
	if s, ok := codeSyntaxes[strings.ToLower(info)]; ok {
		return s
	}
	return codeSyntax{slashSpace: true, hashStart: true, html: true}
}

// scanCode reads lines of code into tokens, leaving out comments and white
// space; lines with no tokens are dropped. A string that spans lines is one
// token, on the line where it starts.
func scanCode(raw []string, syn codeSyntax) []codeLine {
	var out []codeLine
	endBlock := ""              // the end of the comment block we are in
	endString := ""             // the end of the string that spans lines we are in
	openLine, openTok := -1, -1 // that string's line in out and token in it
	for n, line := range raw {
		line = strings.TrimRight(line, " \t\r")
		if endBlock == "" && endString == "" && fenceLine.MatchString(line) {
			continue // a fence in a code block: Markdown shown, or read wrong
		}
		cl := codeLine{num: n}
		i := 0
		// A shell prompt is not code.
		if t := strings.TrimLeft(line, " \t"); strings.HasPrefix(t, "$ ") && endBlock == "" && endString == "" {
			i = len(line) - len(t) + 2
		}
		// After white space; or after a template tag ({{ target: x }}),
		// which is markup, not code.
		atSpace := func() bool {
			return i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || strings.HasSuffix(line[:i], "}}") || strings.HasSuffix(line[:i], "%}")
		}
		atStart := func() bool { return strings.TrimLeft(line[:i], " \t") == "" }
		add := func(kind tokKind, text string) {
			cl.toks = append(cl.toks, codeTok{kind: kind, text: text, free: kind == tokString && hasWide(text), line: n})
		}
	scan:
		for i < len(line) {
			if endBlock != "" {
				k := strings.Index(line[i:], endBlock)
				if k < 0 {
					break
				}
				i += k + len(endBlock)
				endBlock = ""
				continue
			}
			if endString != "" {
				open := &out[openLine].toks[openTok]
				k := closingQuote(line, i, endString)
				if k < 0 {
					open.text += line[i:] + "\n"
					break
				}
				open.text += line[i:k]
				open.free = hasWide(open.text)
				i = k + len(endString)
				endString, openLine = "", -1
				continue
			}
			c, rest := line[i], line[i:]
			switch {
			case c == ' ' || c == '\t':
				i++
				continue
			case strings.HasPrefix(rest, "...") || strings.HasPrefix(rest, "…"):
				// An ellipsis that stands for elided code, not a spread
				// (...args): "// ..." in one language is "..." in the
				// other.
				k := i + strings.IndexAny(rest, ".…")
				for k < len(line) && (line[k] == '.' || strings.HasPrefix(line[k:], "…")) {
					if line[k] == '.' {
						k++
					} else {
						k += len("…")
					}
				}
				if r, _ := utf8.DecodeRuneInString(line[k:]); !isCodeWordRune(r) && r != '(' {
					i = k
					continue
				}
			case syn.slash && strings.HasPrefix(rest, "//") && (i == 0 || line[i-1] != ':'),
				syn.slashSpace && strings.HasPrefix(rest, "//") && atSpace(),
				syn.hash && c == '#' && atSpace(),
				syn.hashStart && c == '#' && atStart(),
				syn.dashes && strings.HasPrefix(rest, "--") && atSpace():
				break scan
			case syn.slash && strings.HasPrefix(rest, "/*"):
				endBlock, i = "*/", i+2
				continue
			case syn.html && strings.HasPrefix(rest, "<!--"):
				endBlock, i = "-->", i+4
				continue
			case c == '"' || c == '\'' || c == '`':
				if c == '\'' && i > 0 && isCodeWordRune(rune(line[i-1])) && i+1 < len(line) && isCodeWordRune(rune(line[i+1])) {
					break // an apostrophe: don't, it's
				}
				q := string(c)
				if syn.triple && (strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, "'''")) {
					q = rest[:3]
				}
				if k := closingQuote(line, i+len(q), q); k >= 0 {
					add(tokString, line[i+len(q):k])
					i = k + len(q)
					continue
				}
				if len(q) == 3 || q == "`" && syn.template {
					add(tokString, line[i+len(q):]+"\n")
					endString, i = q, len(line)
					continue
				}
				// A quote that closes nowhere is punctuation.
			}
			if strings.HasPrefix(rest, "{{[") {
				// Alternatives, as tldr pages write an option that has a
				// short and a long form: either form is the same code.
				if k := strings.Index(rest, "]}}"); k > 0 {
					t := codeTok{kind: tokAlt, text: rest[:k+3], line: n}
					for _, a := range strings.Split(rest[3:k], "|") {
						var toks []codeTok
						for _, l := range scanCode([]string{a}, syn) {
							toks = append(toks, l.toks...)
						}
						t.alts = append(t.alts, toks)
					}
					cl.toks = append(cl.toks, t)
					i += k + 3
					continue
				}
			}
			r, size := utf8.DecodeRuneInString(rest)
			if !isWide(r) && !isCodeWordRune(r) {
				add(tokCode, rest[:size])
				i += size
				continue
			}
			// A word; or text with CJK letters, with any word joined
			// to it: prose.
			start, prose := i, false
			for i < len(line) {
				r, size := utf8.DecodeRuneInString(line[i:])
				if !isWide(r) && !isCodeWordRune(r) {
					break
				}
				prose = prose || isWideLetter(r)
				i += size
			}
			if prose {
				add(tokText, line[start:i])
			} else {
				add(tokCode, line[start:i])
			}
		}
		if endString != "" && openLine < 0 {
			out = append(out, cl)
			openLine, openTok = len(out)-1, len(cl.toks)-1
			continue
		}
		if len(cl.toks) > 0 {
			out = append(out, cl)
		}
	}
	return out
}

// closingQuote returns the offset in line, from i on, of the quote q that
// closes a string, skipping escaped quotes; -1 when the line has none.
func closingQuote(line string, i int, q string) int {
	for i < len(line) {
		if line[i] == '\\' {
			i += 2
			continue
		}
		if strings.HasPrefix(line[i:], q) {
			return i
		}
		i++
	}
	return -1
}

// structural is the punctuation that shapes code (tags, blocks, lists,
// assignments, pipes) and that prose therefore does not take in: a run of
// translated text ends at it.
const structural = "<>{}[]=;|&"

// normaliseCode rewrites the lines of a block into the form compared:
// prose (a run of words, strings and prose punctuation holding CJK text)
// becomes one text token, and a semicolon or comma at the end of a line is
// dropped (optional in JavaScript, and where a line ends moves with the
// wrapping).
func normaliseCode(lines []codeLine) []codeLine {
	out := lines[:0]
	for _, l := range lines {
		l.sentence = englishProse(l.toks)
		l.toks = proseRuns(l.toks)
		if n := len(l.toks); n > 0 && l.toks[n-1].kind == tokCode {
			if last := l.toks[n-1].text; last == ";" || last == "," {
				l.toks = l.toks[:n-1]
			}
		}
		if len(l.toks) == 0 {
			continue
		}
		var key strings.Builder
		for i, t := range l.toks {
			switch t.kind {
			case tokString:
				t.text = squeeze(t.text)
				l.toks[i] = t
				key.WriteString("\x00" + t.text + "\x00")
				l.wild = l.wild || t.free
			case tokText:
				key.WriteString("\x01")
				l.wild = true
			case tokAlt:
				key.WriteString("\x03" + t.text + "\x03")
				l.wild = true
			default:
				key.WriteString(t.text + " ")
			}
		}
		l.key = key.String()
		out = append(out, l)
	}
	return out
}

// squeeze normalises the white space of a string's content: runs of it
// become one space, and none is kept beside punctuation
// ("width:600px; height:400px" is "width: 600px;height:400px").
func squeeze(s string) string {
	if !strings.ContainsAny(s, " \t\n\r") {
		return s
	}
	f := strings.Fields(s)
	var b strings.Builder
	for i, w := range f {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(f[i-1])
			next, _ := utf8.DecodeRuneInString(w)
			if isCodeWordRune(prev) && isCodeWordRune(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// englishProse reports whether a line is a sentence rather than code: two
// words or more, capitalised, ending with a colon, full stop or comma,
// with no punctuation but that of prose ("For example:").
func englishProse(toks []codeTok) bool {
	if len(toks) < 3 || toks[0].kind != tokCode || !isCodeWord(toks[0].text) || !unicode.IsUpper(rune(toks[0].text[0])) {
		return false
	}
	if last := toks[len(toks)-1]; last.kind != tokCode || !strings.Contains(":.,", last.text) {
		return false
	}
	words := 0
	for _, t := range toks {
		switch {
		case t.kind == tokText || t.kind == tokAlt:
			return false
		case t.kind == tokString:
		case isCodeWord(t.text):
			words++
		case !strings.Contains(",.:;!?()'\"-", t.text):
			return false
		}
	}
	return words >= 2
}

// proseRuns merges each run of prose on a line into one text token: a
// text token with the words, strings and prose punctuation around it, up
// to structural punctuation. Full-width punctuation on a line with CJK
// text is prose too; elsewhere it is code (a 。 for a ; is a typo).
func proseRuns(toks []codeTok) []codeTok {
	spannable := func(t codeTok) bool {
		return t.kind == tokText || t.kind == tokString || t.kind == tokCode && !strings.Contains(structural, t.text)
	}
	text := false
	for _, t := range toks {
		text = text || t.kind == tokText
	}
	if !text {
		return toks
	}
	in := make([]bool, len(toks))
	for k, t := range toks {
		if t.kind != tokText && !(t.kind == tokCode && hasWidePunct(t.text)) {
			continue
		}
		for l := k; l >= 0 && spannable(toks[l]) && !in[l]; l-- {
			in[l] = true
		}
		for r := k + 1; r < len(toks) && spannable(toks[r]); r++ {
			in[r] = true
		}
	}
	var out []codeTok
	for k, t := range toks {
		if !in[k] {
			out = append(out, t)
			continue
		}
		if n := len(out); n > 0 && k > 0 && in[k-1] {
			out[n-1].text += " " + t.text
			continue
		}
		out = append(out, codeTok{kind: tokText, text: t.text, line: t.line})
	}
	return out
}

func hasWidePunct(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWide(r) && !isWideLetter(r)
}

func isCodeWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isCodeWordRune(r)
}

func isCodeWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || r == '$' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return !isWide(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isWide reports whether r belongs to CJK text: Han, kana, Hangul, and
// the full-width punctuation that goes with them.
func isWide(r rune) bool {
	return isWideLetter(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

func isWideLetter(r rune) bool {
	return r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func hasWide(s string) bool {
	for _, r := range s {
		if isWideLetter(r) {
			return true
		}
	}
	return false
}

// align matches source blocks with target blocks in order, maximising
// the total similarity; blocks that hold the same code weigh most, and
// blocks after prose that the alignment paired weigh more. A command on a
// line of its own is one example with a similar command of the other side
// only when the prose before them is paired, or unknown.
func (g codeGroup) align() [][2]*codeBlock {
	src, tgt := g.src, g.tgt
	n, m := len(src), len(tgt)
	// best[i][j] is the best total for src[i:] and tgt[j:].
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	score := make([][]float64, n)
	for i := n - 1; i >= 0; i-- {
		score[i] = make([]float64, m)
		for j := m - 1; j >= 0; j-- {
			a, b := src[i], tgt[j]
			s := -1.0
			if a.key == b.key {
				s = 2
			} else if jc := jaccard(a.words, b.words); jc >= codeMatchMin {
				s = jc
				if len(g.paired) > 0 && a.ctx >= 0 && b.ctx >= 0 {
					switch {
					case g.paired[[2]int{a.ctx, b.ctx}]:
						s += 0.25
					case a.command || b.command:
						s = -1
					}
				}
			}
			score[i][j] = s
			best[i][j] = max(best[i+1][j], best[i][j+1])
			if s > 0 {
				best[i][j] = max(best[i][j], best[i+1][j+1]+s)
			}
		}
	}
	var out [][2]*codeBlock
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case score[i][j] > 0 && best[i][j] == best[i+1][j+1]+score[i][j]:
			out = append(out, [2]*codeBlock{src[i], tgt[j]})
			i, j = i+1, j+1
		case best[i][j] == best[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both := 0
	for w := range a {
		if b[w] {
			both++
		}
	}
	return float64(both) / float64(len(a)+len(b)-both)
}

// codeDiff is the first difference between two blocks: the raw line of
// each side, and the message.
type codeDiff struct {
	src, tgt int
	message  string
}

// maxCodeCells bounds the tables of a comparison: blocks larger than that
// are compared line by line, exactly.
const maxCodeCells = 1 << 20

// firstCodeDiff compares a source block with its translation and returns
// their first difference, nil when they hold the same code. Lines that
// hold the same code are matched first (a longest common subsequence); the
// lines between are then compared as one run of code, so that a statement
// the translation wraps differently is no difference.
func firstCodeDiff(a, b *codeBlock) *codeDiff {
	x, y := a.lines, b.lines
	n, m := len(x), len(y)
	exact := n*m > maxCodeCells
	// weight[i][j] is how surely line i of x is line j of y: 3 for the
	// same code, 2 for the same code but for translated text, 1 for a
	// line of prose taken for a line of code; 0 for different lines.
	weight := make([][]int8, n)
	for i := range weight {
		weight[i] = make([]int8, m)
		for j := range weight[i] {
			switch {
			case x[i].key == y[j].key:
				weight[i][j] = 3
			case exact || !sameCodeLine(x[i], y[j]):
			case x[i].textOnly() || y[j].textOnly():
				weight[i][j] = 1
			default:
				weight[i][j] = 2
			}
		}
	}
	// lcs[i][j] is the weight of the heaviest common subsequence of x[i:]
	// and y[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			if w := int(weight[i][j]); w > 0 {
				lcs[i][j] = max(lcs[i][j], lcs[i+1][j+1]+w)
			}
		}
	}
	matched := func(i, j int) bool {
		return i < n && j < m && weight[i][j] > 0 && lcs[i][j] == lcs[i+1][j+1]+int(weight[i][j])
	}
	for i, j := 0, 0; i < n || j < m; {
		if matched(i, j) {
			i, j = i+1, j+1
			continue
		}
		i0, j0 := i, j
		for (i < n || j < m) && !matched(i, j) {
			if i < n && (j == m || lcs[i+1][j] == lcs[i][j]) {
				i++
			} else {
				j++
			}
		}
		if xs, ys := withoutProse(x[i0:i], y[j0:j]); !sameCode(flatten(xs), flatten(ys)) {
			return hunkDiff(a, b, xs, ys, i0, j0)
		}
	}
	return nil
}

// withoutProse drops the English sentences of two runs of lines that
// differ, and the lines of CJK prose too when the other run has no line
// left: a translation may drop or add such lines.
func withoutProse(xs, ys []codeLine) ([]codeLine, []codeLine) {
	drop := func(lines []codeLine, f func(codeLine) bool) []codeLine {
		var out []codeLine
		for _, l := range lines {
			if !f(l) {
				out = append(out, l)
			}
		}
		return out
	}
	sentence := func(l codeLine) bool { return l.sentence }
	xs, ys = drop(xs, sentence), drop(ys, sentence)
	if len(xs) == 0 || len(ys) == 0 {
		xs, ys = drop(xs, codeLine.textOnly), drop(ys, codeLine.textOnly)
	}
	return xs, ys
}

// textOnly reports whether the line is prose with CJK text alone.
func (l codeLine) textOnly() bool { return len(l.toks) == 1 && l.toks[0].kind == tokText }

func flatten(lines []codeLine) []codeTok {
	var out []codeTok
	for _, l := range lines {
		out = append(out, l.toks...)
	}
	return out
}

// hunkDiff describes lines xs of a that differ from lines ys of b; i and
// j are their indices in the blocks' code lines.
func hunkDiff(a, b *codeBlock, xs, ys []codeLine, i, j int) *codeDiff {
	const prefix = "code block differs from the source: "
	// at is the raw line of code line k of a block, or its last line.
	at := func(c *codeBlock, k int) int {
		if k < len(c.lines) {
			return c.lines[k].num
		}
		return len(c.raw) - 1
	}
	text := func(c *codeBlock, k int) string { return strings.TrimSpace(c.raw[max(k, 0)]) }
	switch {
	case len(ys) == 0:
		d := &codeDiff{src: xs[0].num, tgt: at(b, j)}
		d.message = fmt.Sprintf("%sline %d %q is not in the translation", prefix, d.src+1, text(a, d.src))
		return d
	case len(xs) == 0:
		d := &codeDiff{src: at(a, i), tgt: ys[0].num}
		d.message = fmt.Sprintf("%sline %d %q of the translation is not in the source", prefix, d.tgt+1, text(b, d.tgt))
		return d
	}
	// The first token that differs names the lines.
	fx, fy := flatten(xs), flatten(ys)
	k := 0
	for k < len(fx) && k < len(fy) && fx[k].kind < tokText && fy[k].kind < tokText && sameCodeTok(fx[k], fy[k]) {
		k++
	}
	d := &codeDiff{src: fx[min(k, len(fx)-1)].line, tgt: fy[min(k, len(fy)-1)].line}
	if k > 0 && k < len(fx) && k < len(fy) {
		// A token one side has at the end of a line: that line, not
		// the next line of the other side.
		if nx, ny := fx[k].line != fx[k-1].line, fy[k].line != fy[k-1].line; nx && !ny {
			d.src = fx[k-1].line
		} else if ny && !nx {
			d.tgt = fy[k-1].line
		}
	}
	if d.src == d.tgt {
		d.message = fmt.Sprintf("%sline %d %q vs %q", prefix, d.src+1, text(a, d.src), text(b, d.tgt))
	} else {
		d.message = fmt.Sprintf("%sline %d %q vs line %d %q", prefix, d.src+1, text(a, d.src), d.tgt+1, text(b, d.tgt))
	}
	return d
}

// sameCodeLine reports whether two lines hold the same code (see sameCode).
func sameCodeLine(a, b codeLine) bool {
	if a.key == b.key {
		return true
	}
	return (a.wild || b.wild) && sameCode(a.toks, b.toks)
}

// sameCode reports whether two runs of tokens hold the same code: the same
// tokens, where strings may differ when one holds CJK text, and a run of
// prose stands for any run of tokens other than structural punctuation.
func sameCode(x, y []codeTok) bool {
	n, m := len(x), len(y)
	if !loose(x) && !loose(y) {
		if n != m {
			return false
		}
		for i := range x {
			if x[i].kind != y[i].kind || x[i].text != y[i].text {
				return false
			}
		}
		return true
	}
	if (n+1)*(m+1) > maxCodeCells {
		return false
	}
	// A run of prose takes in tokens of one line only: a line the
	// translation dropped is not taken for the translated text before it.
	// The state is (i, j, run): run is 1 while x[i] has taken in y[j-1],
	// 2 while y[j] has taken in x[i-1]. memo holds 0 for unknown, 1 for a
	// match, 2 for none.
	memo := make([]uint8, (n+1)*(m+1)*3)
	var match func(i, j, run int) bool
	match = func(i, j, run int) bool {
		if i == n && j == m {
			return true
		}
		k := (i*(m+1)+j)*3 + run
		if memo[k] != 0 {
			return memo[k] == 1
		}
		ok := false
		switch {
		case i < n && x[i].kind == tokText:
			ok = match(i+1, j, 0) ||
				j < m && y[j].kind == tokText && match(i+1, j+1, 0) ||
				j < m && absorbable(y[j]) && (run != 1 || y[j].line == y[j-1].line) && match(i, j+1, 1)
		case j < m && y[j].kind == tokText:
			ok = match(i, j+1, 0) ||
				i < n && absorbable(x[i]) && (run != 2 || x[i].line == x[i-1].line) && match(i+1, j, 2)
		case i < n && x[i].kind == tokAlt:
			ok = j < m && y[j].kind == tokAlt && sameAlts(x[i], y[j]) && match(i+1, j+1, 0)
			for _, a := range x[i].alts {
				ok = ok || hasPrefixCode(y[j:], a) && match(i+1, j+len(a), 0)
			}
		case j < m && y[j].kind == tokAlt:
			for _, a := range y[j].alts {
				ok = ok || hasPrefixCode(x[i:], a) && match(i+len(a), j+1, 0)
			}
		case i < n && j < m:
			ok = sameCodeTok(x[i], y[j]) && match(i+1, j+1, 0)
		}
		memo[k] = 2
		if ok {
			memo[k] = 1
		}
		return ok
	}
	return match(0, 0, 0)
}

func sameCodeTok(a, b codeTok) bool {
	if a.kind != b.kind {
		return false
	}
	if a.kind == tokString {
		return a.text == b.text || a.free || b.free
	}
	return a.text == b.text
}

// absorbable reports whether prose may stand for the token: words,
// strings and the punctuation of prose, not structural punctuation.
func absorbable(t codeTok) bool {
	return t.kind != tokCode || !strings.Contains(structural, t.text)
}

// loose reports whether tokens hold text that may differ.
func loose(toks []codeTok) bool {
	for _, t := range toks {
		if t.kind == tokText || t.kind == tokAlt || t.free {
			return true
		}
	}
	return false
}

// sameAlts reports whether two sets of alternatives share one.
func sameAlts(a, b codeTok) bool {
	for _, x := range a.alts {
		for _, y := range b.alts {
			if len(x) == len(y) && hasPrefixCode(x, y) {
				return true
			}
		}
	}
	return false
}

// hasPrefixCode reports whether toks start with the tokens of prefix.
func hasPrefixCode(toks, prefix []codeTok) bool {
	if len(prefix) == 0 || len(prefix) > len(toks) {
		return false
	}
	for i, t := range prefix {
		if toks[i].kind != t.kind || toks[i].text != t.text {
			return false
		}
	}
	return true
}
