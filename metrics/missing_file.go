package metrics

import (
	"fmt"
	"unicode"

	"github.com/transcheck/transcheck/pipeline/document"
)

// MissingFile reports a file of a docs tree or file pair whose
// counterpart does not exist: a page nobody translated, or a translation
// whose source was removed.
var MissingFile = &Metric{
	Name:       "missing_file",
	Doc:        "every source file must have its translation, and every translation its source",
	Severity:   Error,
	Confidence: 0.9, // judged 4 of 4 on pages with text; the one false finding was a stub
	Run:        missingFile,
}

// stubLetters is the prose, in letters, below which a page without a
// translation is a stub (a title and a note or two): a page a team may
// leave untranslated until it is written, so a warning, not an error.
const (
	stubLetters    = 120
	confStubSource = 0.6
)

func missingFile(p *Pass) {
	doc := p.Doc
	if doc.Missing == document.RoleNone || len(doc.Paths) == 0 {
		return
	}
	side := &Side{Path: doc.Paths[0], Line: 1}
	if segs := doc.Segments(); len(segs) > 0 {
		side.Lang, side.Text = segs[0].Lang, segs[0].Text
	}
	n := len(doc.Segments())
	if doc.Missing == document.RoleTarget {
		sev, conf := p.Metric.Severity, p.Metric.Confidence
		msg := fmt.Sprintf("no %s translation of this file (%d segments untranslated)", LanguageName(doc.Target), n)
		if letters := proseLetters(doc); letters < stubLetters {
			sev, conf = Warning, confStubSource
			msg = fmt.Sprintf("no %s translation of this file, a short page (%d segments, %d letters of prose): a stub, or a page to translate", LanguageName(doc.Target), n, letters)
		}
		p.Report(Finding{Check: "missing_translation", Severity: sev, Confidence: conf, Source: side, Message: msg})
		return
	}
	p.Report(Finding{Check: "orphan_translation", Severity: Warning, Target: side,
		Message: fmt.Sprintf("this %s file has no %s source", LanguageName(doc.Target), LanguageName(doc.Source))})
}

// proseLetters counts the letters of the document's prose segments (not
// code, not markup), stopping once it reaches stubLetters.
func proseLetters(doc *document.Document) int {
	n := 0
	for _, s := range doc.Segments() {
		if s.Skip != "" {
			continue
		}
		for _, r := range s.Prose() {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n >= stubLetters {
			break
		}
	}
	return n
}
