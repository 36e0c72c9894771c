package reports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type csvPrinter struct {
	w    io.Writer
	opts Options
}

// NewCSV returns the printer of one CSV row per finding, under a header
// row (see CSVHeader), for spreadsheets and scripts.
func NewCSV(w io.Writer, opts Options) Printer { return csvPrinter{w: w, opts: opts} }

// CSVHeader names the columns of the CSV report.
var CSVHeader = []string{"document", "check", "severity",
	"source_path", "source_line", "source_lang", "source_text",
	"target_path", "target_line", "target_lang", "target_text", "message"}

func (p csvPrinter) Print(r *pipeline.Report) error {
	cw := csv.NewWriter(p.w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		for _, f := range d.Findings {
			row := []string{d.Name, f.Check, f.Severity.String()}
			row = append(row, csvSide(f.Source)...)
			row = append(row, csvSide(f.Target)...)
			row = append(row, f.Message)
			for i := range row {
				row[i] = defuse(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvSide is a side's path, line, language and text; empty cells when the
// finding has no such side.
func csvSide(s *metrics.Side) []string {
	if s == nil {
		return []string{"", "", "", ""}
	}
	return []string{s.Path, strconv.Itoa(s.Line), s.Lang, s.Text}
}

// defuse keeps a spreadsheet from reading a cell as a formula: translated
// text may start with = + - or @ ("- Forward a port", "=SUM(…)"), which
// Excel and LibreOffice would evaluate. A leading apostrophe makes the cell
// text, as OWASP's advice on CSV injection says.
func defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
