package metrics

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// Term is one glossary entry: a source term and the target terms that
// translate it.
type Term struct {
	Source         string
	Targets        []string
	CaseSensitive  bool   // match exactly, not ignoring case
	DoNotTranslate bool   // the target must keep the source term as it is
	Where          string // file:line of the entry, for messages
}

// Glossary is a user's term list, read from CSV, TSV or TBX.
type Glossary struct {
	Terms []Term
}

// ParseGlossary reads a glossary. CSV and TSV (chosen by the name's
// extension, or by a tab in the first line) hold a row per term:
// source term, target terms (several separated by "|" or ";"), and an
// optional flags column with "case-sensitive" and/or "dnt"
// (do-not-translate); a first row whose first cell is "source" (or a
// language code such as "en") is a header. TBX files (.tbx) hold termEntry
// elements whose langSet xml:lang picks the source and target terms.
func ParseGlossary(r io.Reader, name, source, target string) (*Glossary, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	if strings.HasSuffix(strings.ToLower(name), ".tbx") || strings.HasPrefix(strings.TrimSpace(text), "<") {
		return parseTBX(text, name, source, target)
	}
	return parseTermTable(text, name)
}

func parseTermTable(text, name string) (*Glossary, error) {
	cr := csv.NewReader(strings.NewReader(text))
	first, _, _ := strings.Cut(text, "\n")
	if strings.HasSuffix(strings.ToLower(name), ".tsv") || strings.Contains(first, "\t") {
		cr.Comma = '\t'
		cr.LazyQuotes = true
	}
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	g := &Glossary{}
	for row := 0; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v (check the quoting of this row)", name, line, errText(err))
		}
		if row == 0 && isHeader(rec[0]) {
			continue
		}
		if len(rec) < 2 || strings.TrimSpace(rec[0]) == "" {
			return nil, fmt.Errorf("%s:%d: a glossary row needs a source term and a target term", name, line)
		}
		t := Term{Source: strings.TrimSpace(rec[0]), Where: fmt.Sprintf("%s:%d", name, line)}
		for _, tt := range strings.FieldsFunc(rec[1], func(r rune) bool { return r == '|' || r == ';' }) {
			if tt = strings.TrimSpace(tt); tt != "" {
				t.Targets = append(t.Targets, tt)
			}
		}
		if len(rec) > 2 {
			for _, f := range strings.FieldsFunc(strings.ToLower(rec[2]), func(r rune) bool { return r == ',' || r == ' ' || r == '|' || r == ';' }) {
				switch f {
				case "case-sensitive", "cs", "case":
					t.CaseSensitive = true
				case "dnt", "do-not-translate", "donottranslate":
					t.DoNotTranslate = true
				case "":
				default:
					return nil, fmt.Errorf("%s:%d: unknown flag %q (use case-sensitive or dnt)", name, line, f)
				}
			}
		}
		if t.DoNotTranslate {
			t.Targets = append(t.Targets, t.Source)
		}
		if len(t.Targets) == 0 {
			return nil, fmt.Errorf("%s:%d: no target term for %q", name, line, t.Source)
		}
		g.Terms = append(g.Terms, t)
	}
	return g, nil
}

func errText(err error) string {
	if pe, ok := err.(*csv.ParseError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func isHeader(cell string) bool {
	c := strings.ToLower(strings.TrimSpace(cell))
	return c == "source" || c == "term" || c == "source term" || len(c) == 2 || strings.HasPrefix(c, "zh") || strings.HasPrefix(c, "en-")
}

type tbxFile struct {
	Entries []struct {
		LangSets []struct {
			Lang  string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
			Lang2 string   `xml:"lang,attr"`
			Terms []string `xml:"tig>term"`
			NTIG  []string `xml:"ntig>termGrp>term"`
		} `xml:"langSet"`
	} `xml:"text>body>termEntry"`
}

func parseTBX(text, name, source, target string) (*Glossary, error) {
	var f tbxFile
	dec := xml.NewDecoder(strings.NewReader(text))
	dec.Strict = true
	dec.Entity = map[string]string{} // never expand declared entities
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := dec.Decode(&f); err != nil {
		line := 1 + strings.Count(text[:min(int(dec.InputOffset()), len(text))], "\n")
		return nil, fmt.Errorf("%s:%d: %v (fix the XML)", name, line, err)
	}
	if source == "" || target == "" {
		return nil, fmt.Errorf("%s: a TBX glossary needs --source and --target to pick its languages", name)
	}
	g := &Glossary{}
	for i, e := range f.Entries {
		var src, tgt []string
		for _, ls := range e.LangSets {
			lang := ls.Lang
			if lang == "" {
				lang = ls.Lang2
			}
			base := strings.ToLower(strings.SplitN(strings.ReplaceAll(lang, "_", "-"), "-", 2)[0])
			terms := append(ls.Terms, ls.NTIG...)
			switch base {
			case source:
				src = append(src, terms...)
			case target:
				tgt = append(tgt, terms...)
			}
		}
		for _, s := range src {
			if len(tgt) > 0 {
				g.Terms = append(g.Terms, Term{Source: strings.TrimSpace(s), Targets: tgt, Where: fmt.Sprintf("%s: termEntry %d", name, i+1)})
			}
		}
	}
	return g, nil
}

// Covers reports whether a glossary term for tok has one of its targets
// in text.
func (g *Glossary) Covers(tok, text string) bool {
	for _, t := range g.Terms {
		if strings.EqualFold(t.Source, tok) && t.foundIn(text) {
			return true
		}
	}
	return false
}

// foundIn reports whether one of the term's targets occurs in text: as a
// substring in CJK text, as a run of stemmed words otherwise, so
// "cyberspaces" holds "cyberspace".
func (t Term) foundIn(text string) bool {
	for _, target := range t.Targets {
		if termIn(target, text, t.CaseSensitive) {
			return true
		}
	}
	return false
}

// termIn finds a term in text: exactly for CJK terms, by stemmed words for
// alphabetic ones.
func termIn(term, text string, caseSensitive bool) bool {
	if strings.IndexFunc(term, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
		if caseSensitive {
			return strings.Contains(text, term)
		}
		return strings.Contains(strings.ToLower(text), strings.ToLower(term))
	}
	if caseSensitive && !strings.Contains(text, term) {
		return false
	}
	want := stems(term)
	have := stems(text)
	if len(want) == 0 {
		return strings.Contains(strings.ToLower(text), strings.ToLower(term))
	}
	for i := 0; i+len(want) <= len(have); i++ {
		match := true
		for j := range want {
			if have[i+j] != want[j] {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

func stems(s string) []string {
	toks := lexicon.EnglishTokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
	}
	return out
}
