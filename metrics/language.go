package metrics

import "fmt"

// Language reports segments written in neither the source nor the target
// language: a paragraph left in a third language, or pasted from elsewhere.
var Language = &Metric{
	Name:       "language",
	Doc:        "every segment must be in the source or the target language",
	Severity:   Info,
	Confidence: 0.1,
	Run:        language,
}

func language(p *Pass) {
	doc := p.Doc
	if doc.Source == "" || doc.Target == "" {
		return
	}
	for _, s := range doc.Segments() {
		if s.Skip != "" || s.Lang == "" || inPlay(doc, s.Lang) {
			continue
		}
		p.Report(Finding{
			Severity: p.Metric.Severity,
			Message: fmt.Sprintf("segment is in %s (confidence %.2f), not %s or %s",
				LanguageName(s.Lang), s.Confidence, LanguageName(doc.Source), LanguageName(doc.Target)),
			Source: SideOf(s),
		})
	}
}
