package main

import (
	"fmt"
	"sort"

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
		reasons = append(reasons, fmt.Sprintf("%d findings at %s or above", t.severe, t.failOn))
	}
	if t.minCompleteness > 0 {
		if t.lowCount > 0 {
			names := fmt.Sprint(t.low)
			if t.lowCount > len(t.low) {
				names = fmt.Sprintf("%v and %d more", t.low, t.lowCount-len(t.low))
			}
			reasons = append(reasons, fmt.Sprintf("completeness under %g%% in %d documents (%s)", t.minCompleteness, t.lowCount, names))
		}
		if c := totals.Completeness(); c < t.minCompleteness {
			reasons = append(reasons, fmt.Sprintf("overall completeness %.1f%% under %g%%", c, t.minCompleteness))
		}
	}
	if t.maxFindings >= 0 && t.all > t.maxFindings {
		reasons = append(reasons, fmt.Sprintf("%d new findings, more than the %d allowed", t.all, t.maxFindings))
	}
	return pipeline.Gate{Passed: len(reasons) == 0, Reasons: append([]string{}, reasons...)}
}
