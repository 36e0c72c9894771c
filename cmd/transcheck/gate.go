package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// gate is the CI verdict's rules.
type gate struct {
	never           bool
	failOn          metrics.Severity
	minCompleteness float64 // percent; 0 disables
	maxFindings     int     // -1 disables
}

// gateTally is what the gate needs of a run, gathered one document at a
// time as the run streams them: counts, and the few names a failing
// verdict lists.
type gateTally struct {
	gate
	severe, all int
	low         []string // the first lowNames documents under the completeness floor, sorted
	lowCount    int
}

// lowNames is how many documents under the completeness floor the verdict
// names.
const lowNames = 3

func (g gate) tally() *gateTally { return &gateTally{gate: g} }

// add counts a document. Baselined findings never fail the gate.
func (t *gateTally) add(d *pipeline.DocumentReport) {
	for _, f := range d.Findings {
		if f.Baselined {
			continue
		}
		t.all++
		if f.Severity >= t.failOn {
			t.severe++
		}
	}
	if t.minCompleteness > 0 {
		if c := d.Counts.Completeness(); c < t.minCompleteness {
			t.lowCount++
			t.low = append(t.low, fmt.Sprintf("%s %.1f%%", d.Name, c))
			sort.Strings(t.low)
			if len(t.low) > lowNames {
				t.low = t.low[:lowNames]
			}
		}
	}
}

// decide applies the gate to the tally and the run's totals.
func (t *gateTally) decide(totals pipeline.Counts) pipeline.Gate {
	var reasons []string
	if !t.never && t.severe > 0 {
		reasons = append(reasons, fmt.Sprintf("%d %s at %s or above", t.severe, plural(t.severe, "finding", "findings"), t.failOn))
	}
	if t.minCompleteness > 0 {
		if t.lowCount > 0 {
			names := strings.Join(t.low, ", ")
			if t.lowCount > len(t.low) {
				names += fmt.Sprintf(" and %d more", t.lowCount-len(t.low))
			}
			reasons = append(reasons, fmt.Sprintf("completeness under %g%% in %d %s: %s", t.minCompleteness, t.lowCount, plural(t.lowCount, "document", "documents"), names))
		}
		if c := totals.Completeness(); c < t.minCompleteness {
			reasons = append(reasons, fmt.Sprintf("overall completeness %.1f%% under %g%%", c, t.minCompleteness))
		}
	}
	if t.maxFindings >= 0 && t.all > t.maxFindings {
		reasons = append(reasons, fmt.Sprintf("%d new %s, more than the %d allowed", t.all, plural(t.all, "finding", "findings"), t.maxFindings))
	}
	return pipeline.Gate{Passed: len(reasons) == 0, Reasons: append([]string{}, reasons...)}
}
