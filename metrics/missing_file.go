package metrics

import (
	"fmt"

	"github.com/transcheck/transcheck/pipeline/document"
)

// MissingFile reports a file of a docs tree or file pair whose
// counterpart does not exist: a page nobody translated, or a translation
// whose source was removed.
var MissingFile = &Metric{
	Name:       "missing_file",
	Doc:        "every source file must have its translation, and every translation its source",
	Severity:   Error,
	Confidence: 0.8, // judged 4 of 5
	Run:        missingFile,
}

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
		p.Report(Finding{Check: "missing_translation", Severity: p.Metric.Severity, Source: side,
			Message: fmt.Sprintf("no %s translation of this file (%d segments untranslated)", LanguageName(doc.Target), n)})
		return
	}
	p.Report(Finding{Check: "orphan_translation", Severity: Warning, Target: side,
		Message: fmt.Sprintf("this %s file has no %s source", LanguageName(doc.Target), LanguageName(doc.Source))})
}
