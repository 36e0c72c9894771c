package reports

import (
	"fmt"
	"io"
	"strconv"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/transcheck/transcheck/pipeline"
)

type tablePrinter struct {
	w    io.Writer
	opts Options
}

// NewTable returns the terminal printer: a table with one row per
// document, then a table of findings for each document that has some.
func NewTable(w io.Writer, opts Options) Printer { return tablePrinter{w: w, opts: opts} }

func newTable(w io.Writer) *tablewriter.Table {
	// WithHeaderAutoFormat must come after any WithConfig, which would
	// reset it; WithEastAsian(Off) keeps CJK locales from widening
	// ambiguous-width characters and misaligning the borders.
	return tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
	)
}

func (p tablePrinter) Print(r *pipeline.Report) error {
	t := newTable(p.w)
	t.Header("Document", "Languages", "Segments", "Pairs", "Unpaired", "Skipped", "Complete", "Errors", "Warnings")
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		c := d.Counts
		return t.Append([]string{d.Name, langs(d.Source, d.Target), strconv.Itoa(c.Segments), strconv.Itoa(c.Pairs),
			strconv.Itoa(c.Unpaired), strconv.Itoa(c.Skipped), pct(c.Completeness()), strconv.Itoa(c.Errors), strconv.Itoa(c.Warnings)})
	})
	if err != nil {
		return err
	}
	many := r.DocumentCount() > 1
	if many {
		c := r.Totals
		t.Footer("Total", "", strconv.Itoa(c.Segments), strconv.Itoa(c.Pairs), strconv.Itoa(c.Unpaired),
			strconv.Itoa(c.Skipped), pct(c.Completeness()), strconv.Itoa(c.Errors), strconv.Itoa(c.Warnings))
	}
	if err := t.Render(); err != nil {
		return err
	}
	if n := r.Findings(0); n > 0 {
		fmt.Fprintf(p.w, "\n%d findings\n", n)
		// A table per document: the table holds one document's findings
		// at a time, however many the run has.
		err := r.EachDocument(func(d *pipeline.DocumentReport) error {
			if len(d.Findings) == 0 {
				return nil
			}
			if many {
				fmt.Fprintf(p.w, "\n%s: %d %s\n", d.Name, len(d.Findings), plural(len(d.Findings), "finding", "findings"))
			}
			ft := newTable(p.w)
			ft.Header("Where", "Check", "Severity", "Message", "Text")
			for _, f := range d.Findings {
				side := f.Where()
				where, text := d.Name, ""
				if side != nil {
					where = fmt.Sprintf("%s:%d", side.Path, side.Line)
					text = shorten(side.Text, 50)
				}
				sev := f.Severity.String()
				if f.Baselined {
					sev += " (baseline)"
				}
				if err := ft.Append([]string{where, f.Check, sev, f.Message, text}); err != nil {
					return err
				}
			}
			return ft.Render()
		})
		if err != nil {
			return err
		}
	}
	probs, err := allProblems(r)
	if err != nil {
		return err
	}
	for _, prob := range probs {
		fmt.Fprintf(p.w, "problem: %s\n", prob)
	}
	if line := unreadLine(r); line != "" {
		fmt.Fprintf(p.w, "note: %s\n", line)
	}
	fmt.Fprintf(p.w, "\ngate %s\n", verdict(r))
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func langs(src, tgt string) string {
	if src == "" && tgt == "" {
		return "-"
	}
	return src + "→" + tgt
}

func pct(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "%" }

// allProblems lists the run's problems: those of no document, then each
// document's.
func allProblems(r *pipeline.Report) ([]string, error) {
	out := append([]string(nil), r.Problems...)
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		out = append(out, d.Problems...)
		return nil
	})
	return out, err
}
