package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/document"
)

// suppress takes out of findings those that a suppression covers (see
// suppressed) and returns the rest, in order, with the number taken out.
func suppress(sups []document.Suppression, findings []metrics.Finding) ([]metrics.Finding, int) {
	if len(sups) == 0 {
		return findings, 0
	}
	kept, n := findings[:0], 0
	for _, f := range findings {
		if suppressed(sups, f) {
			n++
			continue
		}
		kept = append(kept, f)
	}
	return kept, n
}

// suppressed reports whether a finding is suppressed: one of its sides
// (source, target, or where the missing text belongs) stands on a line of
// its file that a suppression of its check covers. Either file of a pair
// may ask. A finding about a whole file (a missing translation, an orphan)
// stands on no line of its own: a suppression anywhere in the file that
// names its check suppresses it.
func suppressed(sups []document.Suppression, f metrics.Finding) bool {
	wholeFile := metrics.MetricOf(f.Check) == metrics.MissingFile
	for _, side := range []*metrics.Side{f.Source, f.Target, f.After} {
		if side == nil {
			continue
		}
		for _, s := range sups {
			at := s.Covers(side.Path, side.Line) || wholeFile && s.Path == side.Path && s.Checks != nil
			if at && suppresses(s, f.Check) {
				return true
			}
		}
	}
	return false
}

// suppresses reports whether a suppression applies to findings of check:
// it names the check (or names none) and does not except it.
func suppresses(s document.Suppression, check string) bool {
	if s.Checks != nil && !slices.ContainsFunc(s.Checks, func(n string) bool { return names(n, check) }) {
		return false
	}
	return !slices.ContainsFunc(s.Except, func(n string) bool { return names(n, check) })
}

// names reports whether a name in a directive stands for findings of
// check: the check's own name, or that of the metric that reports it
// ("omission" for "addition").
func names(name, check string) bool {
	if name == check {
		return true
	}
	m := metrics.MetricOf(check)
	return m != nil && m.Name == name
}

// directiveProblems returns a problem for each name of a directive that
// is no check's: the directive still applies with its other names, and
// one with no known name suppresses nothing.
func directiveProblems(ds []document.Directive) []string {
	var out []string
	for _, d := range ds {
		for _, n := range d.Checks {
			if metrics.MetricOf(n) == nil {
				out = append(out, fmt.Sprintf("%s: transcheck-%s: unknown check %q (checks are %s)", d.Pos, d.Verb, n, strings.Join(checkNames(), ", ")))
			}
		}
	}
	return out
}

// checkNames lists the names a directive may give: every check and
// sub-check, in alphabetical order.
func checkNames() []string {
	var out []string
	for _, m := range metrics.All {
		out = append(out, m.Name)
	}
	out = append(out, metrics.SubChecks...)
	slices.Sort(out)
	return out
}
