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

// decide applies the gate to the aggregated report. Baselined findings
// never fail it.
func (g gate) decide(rep *pipeline.Report) pipeline.Gate {
	var reasons []string
	severe, all := 0, 0
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			if f.Baselined {
				continue
			}
			all++
			if f.Severity >= g.failOn {
				severe++
			}
		}
	}
	if !g.never && severe > 0 {
		reasons = append(reasons, fmt.Sprintf("%d findings at %s or above", severe, g.failOn))
	}
	if g.minCompleteness > 0 {
		var low []string
		for _, d := range rep.Documents {
			if c := d.Counts.Completeness(); c < g.minCompleteness {
				low = append(low, fmt.Sprintf("%s %.1f%%", d.Name, c))
			}
		}
		sort.Strings(low)
		if len(low) > 0 {
			reasons = append(reasons, fmt.Sprintf("completeness under %g%% in %d documents (%s)", g.minCompleteness, len(low), shortList(low, 3)))
		}
		if c := rep.Totals.Completeness(); c < g.minCompleteness {
			reasons = append(reasons, fmt.Sprintf("overall completeness %.1f%% under %g%%", c, g.minCompleteness))
		}
	}
	if g.maxFindings >= 0 && all > g.maxFindings {
		reasons = append(reasons, fmt.Sprintf("%d new findings, more than the %d allowed", all, g.maxFindings))
	}
	return pipeline.Gate{Passed: len(reasons) == 0, Reasons: append([]string{}, reasons...)}
}

func shortList(xs []string, n int) string {
	if len(xs) <= n {
		return fmt.Sprint(xs)
	}
	return fmt.Sprintf("%v and %d more", xs[:n], len(xs)-n)
}
