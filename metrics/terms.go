package metrics

import "fmt"

// Terms reports glossary terms of the source whose prescribed translation
// is missing from the paired target (--glossary).
var Terms = &Metric{
	Name:       "terms",
	Doc:        "a source term from the glossary must be rendered by one of its glossary translations",
	Severity:   Warning,
	Confidence: 0.7,
	Run:        terms,
}

func terms(p *Pass) {
	g := p.Config.Glossary
	if g == nil {
		return
	}
	doc := p.Doc
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		src := joinText(segmentsOf(doc, b.Source))
		tgt := joinText(segmentsOf(doc, b.Target))
		for _, t := range g.Terms {
			if !termIn(t.Source, src, t.CaseSensitive) || t.foundIn(tgt) {
				continue
			}
			what := "translated as"
			if t.DoNotTranslate {
				what = "kept as"
			}
			sside, tside := SideOf(doc.Segment(b.Source[0])), SideOf(doc.Segment(b.Target[0]))
			sside.Text, tside.Text = src, tgt
			p.Report(Finding{Severity: p.Metric.Severity, Source: sside, Target: tside,
				Message: fmt.Sprintf("“%s” should be %s %s (glossary %s)", t.Source, what, quoteList(t.Targets), t.Where)})
		}
	}
}
