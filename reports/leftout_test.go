package reports

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// The summaries say how many findings were found and not reported:
// suppressed by comments, hidden below --min-confidence; and say nothing
// of either when there are none.
func TestReportsSayWhatWasLeftOut(t *testing.T) {
	withLeftOut := func(suppressed, hidden int) *pipeline.Report {
		rep := tricky()
		rep.Documents[0].Counts.Suppressed, rep.Documents[0].Counts.Hidden = suppressed, hidden
		rep.Totals.Suppressed, rep.Totals.Hidden = suppressed, hidden
		return rep
	}
	// No finding reported, one suppressed: the table still says so.
	clean := &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Passed: true, Reasons: []string{}},
		Documents: []pipeline.DocumentReport{{Name: "a.md", Paths: []string{"a.md"}, Source: "en", Target: "zh",
			Counts: pipeline.Counts{Segments: 2, Paired: 2, Pairs: 1, Suppressed: 1}, Problems: []string{}, Findings: []metrics.Finding{}}},
		Totals: pipeline.Counts{Segments: 2, Paired: 2, Pairs: 1, Suppressed: 1}, Problems: []string{}}
	tests := []struct {
		format string
		rep    *pipeline.Report
		want   []string
	}{
		{"table", withLeftOut(2, 1), []string{"\n5 findings (2 suppressed, 1 hidden below --min-confidence)\n"}},
		{"table", withLeftOut(2, 0), []string{"\n5 findings (2 suppressed)\n"}},
		{"table", clean, []string{"\n0 findings (1 suppressed)\n"}},
		{"markdown", withLeftOut(2, 1), []string{"3 errors, 1 warning (2 suppressed, 1 hidden below --min-confidence)\n"}},
		{"markdown", withLeftOut(0, 3), []string{"3 errors, 1 warning (3 hidden below --min-confidence)\n"}},
		{"html", withLeftOut(2, 1), []string{"<dt>suppressed</dt><dd>2</dd>", "<dt>hidden below --min-confidence</dt><dd>1</dd>"}},
		{"json", withLeftOut(2, 1), []string{`"hidden": 1,`, `"suppressed": 2`}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			out := render(t, tt.format, tt.rep)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("no %q in\n%s", w, out)
				}
			}
			// None: not a word of either.
			if out := render(t, tt.format, withLeftOut(0, 0)); strings.Contains(out, "suppressed") || strings.Contains(out, "hidden below") {
				t.Errorf("with nothing left out, the report speaks of it:\n%s", out)
			}
		})
	}
}
