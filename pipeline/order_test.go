package pipeline

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

// The checks run one after another, each from the top of the document, so
// the seed's omissions, numbers and coverage findings come out of them
// interleaved by line; the document's report lists them from the top of
// the file down.
func TestFindingsInDocumentOrder(t *testing.T) {
	r := mustRunner(t, Config{KeepDocuments: true})
	rep, err := r.Run(context.Background(), []string{"../testdata/seed"})
	if err != nil {
		t.Fatal(err)
	}
	d := rep.Documents[0]
	raw, _, _ := metrics.RunMeasures(d.Doc, r.cfg.Metrics, r.cfg.MetricConfig, r.ownNorms())
	if slices.IsSortedFunc(raw, metrics.CompareFindings) {
		t.Fatal("the checks already give the seed's findings in document order: this test cannot fail")
	}
	if len(raw) != len(d.Findings) {
		t.Fatalf("%d findings in the report, %d from the checks", len(d.Findings), len(raw))
	}
	lines := findingLines(d)
	if !slices.IsSorted(lines) {
		t.Errorf("findings at lines %v, want them from the top of the file down", lines)
	}
	if !slices.IsSortedFunc(d.Findings, metrics.CompareFindings) {
		t.Errorf("findings not in document order: %v", findingKeysInOrder(d))
	}
}

// findingLines lists the line of the side each finding is about, in the
// report's order.
func findingLines(d DocumentReport) []int {
	var out []int
	for _, f := range d.Findings {
		line := 0
		if w := f.Where(); w != nil {
			line = w.Line
		}
		out = append(out, line)
	}
	return out
}

// findingKeysInOrder lists the findings as path:line check, in the
// report's order.
func findingKeysInOrder(d DocumentReport) []string {
	var out []string
	for _, f := range d.Findings {
		w := f.Where()
		if w == nil {
			out = append(out, f.Check)
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d %s", w.Path, w.Line, f.Check))
	}
	return out
}

func TestCompareFindings(t *testing.T) {
	side := func(path string, line int) *metrics.Side { return &metrics.Side{Path: path, Line: line} }
	// In the order they must sort to.
	want := []metrics.Finding{
		{Check: "state", Message: "no side"},
		{Check: "numbers", Message: "b", Source: side("a.md", 2), Target: side("b.md", 1)},
		{Check: "addition", Message: "z", Source: side("z.md", 1), Target: side("a.md", 3)}, // about its target
		{Check: "numbers", Message: "a", Source: side("a.md", 10)},
		{Check: "numbers", Message: "b", Source: side("a.md", 10)},
		{Check: "omission", Message: "a", Source: side("a.md", 10)},
		{Check: "omission", Message: "a", Source: side("b.md", 1)},
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	metrics.SortFindings(got)
	for i := range want {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Errorf("finding %d: got %s %s, want %s %s", i, got[i].Check, got[i].Message, want[i].Check, want[i].Message)
		}
	}
}
