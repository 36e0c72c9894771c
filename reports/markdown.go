package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/transcheck/transcheck/pipeline"
)

type markdownPrinter struct{ w io.Writer }

// NewMarkdown returns the printer for pull-request comments: a verdict, a
// summary table, then the findings of each document.
func NewMarkdown(w io.Writer) Printer { return markdownPrinter{w} }

// mdCell escapes text for a Markdown table cell: pipes would end the cell
// and line breaks the row.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`")
	return r.Replace(s)
}

func (p markdownPrinter) Print(r *pipeline.Report) error {
	var b strings.Builder
	c := r.Totals
	mark := "✅"
	if !r.Gate.Passed {
		mark = "❌"
	}
	fmt.Fprintf(&b, "## %s transcheck %s\n\n%d documents, %s complete, %d errors, %d warnings\n\n",
		mark, mdCell(verdict(r)), len(r.Documents), pct(c.Completeness()), c.Errors, c.Warnings)
	b.WriteString("| Document | Languages | Segments | Pairs | Unpaired | Complete | Errors | Warnings |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, d := range r.Documents {
		dc := d.Counts
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %s | %d | %d |\n", mdCell(d.Name), langs(d.Source, d.Target),
			dc.Segments, dc.Pairs, dc.Unpaired, pct(dc.Completeness()), dc.Errors, dc.Warnings)
	}
	for _, d := range r.Documents {
		if len(d.Findings) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", mdCell(d.Name))
		b.WriteString("| Line | Check | Severity | Message | Source | Target |\n|---:|---|---|---|---|---|\n")
		for _, f := range d.Findings {
			line := 0
			if w := f.Where(); w != nil {
				line = w.Line
			}
			src, tgt := "", ""
			if f.Source != nil {
				src = shorten(f.Source.Text, 120)
			}
			if f.Target != nil {
				tgt = shorten(f.Target.Text, 120)
			}
			sev := f.Severity.String()
			if f.Baselined {
				sev += " (baseline)"
			}
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s |\n", line, f.Check, sev, mdCell(f.Message), mdCell(src), mdCell(tgt))
		}
	}
	if probs := allProblems(r); len(probs) > 0 {
		b.WriteString("\n### Problems\n\n")
		for _, prob := range probs {
			fmt.Fprintf(&b, "- %s\n", mdCell(prob))
		}
	}
	_, err := io.WriteString(p.w, b.String())
	return err
}
