package reports

import (
	"encoding/json"
	"io"

	"github.com/transcheck/transcheck/pipeline"
)

type jsonPrinter struct{ w io.Writer }

// NewJSON returns a printer of the versioned JSON report described in the
// README: lists are always arrays, never null.
func NewJSON(w io.Writer) Printer { return jsonPrinter{w} }

type jsonDocument struct {
	pipeline.DocumentReport
	Completeness float64 `json:"completeness"`
}

type jsonReport struct {
	Version      int             `json:"version"`
	Gate         pipeline.Gate   `json:"gate"`
	Documents    []jsonDocument  `json:"documents"`
	Totals       pipeline.Counts `json:"totals"`
	Completeness float64         `json:"completeness"`
	Problems     []string        `json:"problems"`
}

func (p jsonPrinter) Print(r *pipeline.Report) error {
	out := jsonReport{Version: r.Version, Gate: r.Gate, Documents: []jsonDocument{}, Totals: r.Totals,
		Completeness: round1(r.Totals.Completeness()), Problems: r.Problems}
	if out.Gate.Reasons == nil {
		out.Gate.Reasons = []string{}
	}
	for _, d := range r.Documents {
		out.Documents = append(out.Documents, jsonDocument{d, round1(d.Counts.Completeness())})
	}
	enc := json.NewEncoder(p.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func round1(x float64) float64 { return float64(int(x*10+0.5)) / 10 }
