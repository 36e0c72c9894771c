package metrics

import (
	"fmt"

	"github.com/transcheck/transcheck/pipeline/document"
)

// State reports translation units that their file marks as not final:
// fuzzy (PO), needs-translation or needs-review (XLIFF).
var State = &Metric{
	Name:       "state",
	Doc:        "translation units must not be marked fuzzy, needs-translation or needs-review",
	Severity:   Warning,
	Confidence: 0.8, // judged 32 of 40 (testdata/precision)
	Run:        state,
}

// unfinished lists the states that mean a unit still needs work.
var unfinished = map[string]bool{
	"fuzzy": true, "new": true, "needs-translation": true, "needs-adaptation": true, "needs-l10n": true,
	"needs-review-translation": true, "needs-review-adaptation": true, "needs-review-l10n": true,
	"needs-review": true, "initial": true,
}

func state(p *Pass) {
	for _, u := range p.Doc.Units {
		if !unfinished[u.State] || len(u.Segments) == 0 {
			continue
		}
		f := Finding{Severity: p.Metric.Severity, Message: fmt.Sprintf("unit %s is marked %s", u.ID, u.State)}
		for _, s := range u.Segments {
			if s.Role == document.RoleTarget && f.Target == nil {
				f.Target = SideOf(s)
			} else if f.Source == nil {
				f.Source = SideOf(s)
			}
		}
		p.Report(f)
	}
}
