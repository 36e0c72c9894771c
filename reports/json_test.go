package reports

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// The JSON printer writes field by field what encoding/json writes for the
// whole report at once: the schema the README gives.
func TestJSONAsEncodingJSON(t *testing.T) {
	withMeasures := tricky()
	withMeasures.Documents[1].Measures = map[string]float64{"coverage": 0.5, "length_ratio": 3.1}
	withMeasures.Documents[1].Findings = []metrics.Finding{}
	withMeasures.Unread = map[string]int{".png": 3, "": 1}
	empty := &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Passed: true}}
	for name, rep := range map[string]*pipeline.Report{"seed": seedReport(t), "tricky": tricky(), "measures": withMeasures, "empty": empty} {
		t.Run(name, func(t *testing.T) {
			got := render(t, "json", rep)
			if want := referenceJSON(t, rep); got != want {
				t.Errorf("the printer wrote\n%s\nencoding/json writes\n%s", got, want)
			}
			if spooled := render(t, "json", spooled(t, rep)); spooled != got {
				t.Error("from a spool the printer writes other bytes")
			}
		})
	}
}

// referenceJSON is the report as one encoding/json value, as the printer
// wrote it before it streamed; lists are arrays, never null.
func referenceJSON(t *testing.T, r *pipeline.Report) string {
	type document struct {
		pipeline.DocumentReport
		Completeness float64 `json:"completeness"`
	}
	out := struct {
		Version      int             `json:"version"`
		Gate         pipeline.Gate   `json:"gate"`
		Documents    []document      `json:"documents"`
		Totals       pipeline.Counts `json:"totals"`
		Completeness float64         `json:"completeness"`
		Problems     []string        `json:"problems"`
		Unread       map[string]int  `json:"unread"`
	}{Version: r.Version, Gate: r.Gate, Documents: []document{}, Totals: r.Totals,
		Completeness: round1(r.Totals.Completeness()), Problems: r.Problems, Unread: r.Unread}
	if out.Unread == nil {
		out.Unread = map[string]int{}
	}
	if out.Gate.Reasons == nil {
		out.Gate.Reasons = []string{}
	}
	if out.Problems == nil {
		out.Problems = []string{}
	}
	for _, d := range r.Documents {
		if d.Findings == nil {
			d.Findings = []metrics.Finding{}
		}
		out.Documents = append(out.Documents, document{d, round1(d.Counts.Completeness())})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
