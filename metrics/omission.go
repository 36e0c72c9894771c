package metrics

import (
	"fmt"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Omission reports text with no counterpart in the other language. When
// the direction is given, source text with no target is an omission and
// target text with no source an addition; when it is inferred, all such
// text is an omission, named by its language.
var Omission = &Metric{
	Name:     "omission",
	Doc:      "every paragraph or sentence must have a counterpart in the other language",
	Severity: Error,
	Run:      omission,
}

func omission(p *Pass) {
	doc := p.Doc
	for _, u := range doc.Units {
		// One finding per unit and language: a paragraph of three
		// untranslated sentences is one omission, not three.
		var group []*document.Segment
		flush := func() {
			if len(group) == 0 {
				return
			}
			lang := group[0].Lang
			f := Finding{Severity: p.Metric.Severity}
			side := SideOf(group[0])
			side.Text = joinText(group)
			what := "sentence"
			if len(group) == len(u.Segments) {
				what = u.Kind
			} else if len(group) > 1 {
				what = fmt.Sprintf("%d sentences", len(group))
			}
			other := otherLanguage(doc, lang)
			f.Message = fmt.Sprintf("%s %s has no %s counterpart", LanguageName(lang), what, LanguageName(other))
			if doc.Directed && lang == doc.Target {
				f.Check = "addition"
				f.Message = fmt.Sprintf("%s %s has no %s source", LanguageName(lang), what, LanguageName(other))
			}
			// The side follows the language, so a reader finds English text
			// under the target when the document goes zh→en.
			if lang == doc.Target {
				f.Target = side
			} else {
				f.Source = side
			}
			p.Report(f)
			group = nil
		}
		for _, s := range u.Segments {
			if s.Skip != "" || p.Paired(s) || !inPlay(doc, s.Lang) {
				flush()
				continue
			}
			if len(group) > 0 && group[0].Lang != s.Lang {
				flush()
			}
			group = append(group, s)
		}
		flush()
	}
}

// inPlay reports whether lang is one of the document's two languages (the
// language metric reports the others).
func inPlay(doc *document.Document, lang string) bool {
	return lang != "" && (lang == doc.Source || lang == doc.Target)
}

func otherLanguage(doc *document.Document, lang string) string {
	if lang == doc.Source {
		return doc.Target
	}
	return doc.Source
}
