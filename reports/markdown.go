package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type markdownPrinter struct {
	w    io.Writer
	opts Options
}

// NewMarkdown returns the printer for pull-request comments: a verdict, a
// summary table, then the findings of each document.
func NewMarkdown(w io.Writer, opts Options) Printer { return markdownPrinter{w: w, opts: opts} }

// mdCell escapes text for a Markdown table cell: pipes would end the cell
// and line breaks the row.
func mdCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "`", "\\`")
	return r.Replace(s)
}

// MarkdownLimit is the most characters the Markdown report writes: a
// GitHub comment holds 65,536. Past it, findings are left out and counted.
const MarkdownLimit = 65000

// markdownReserve is kept free for the closing lines (problems, the count
// of what was left out).
const markdownReserve = 3000

func (p markdownPrinter) Print(r *pipeline.Report) error {
	var b strings.Builder
	c := r.Totals
	mark := "✅"
	if !r.Gate.Passed {
		mark = "❌"
	}
	fmt.Fprintf(&b, "## %s transcheck %s\n\n%s, %s complete, %s, %s",
		mark, mdCell(verdict(r)), count(r.DocumentCount(), "document", "documents"), pct(c.Completeness()),
		count(c.Errors, "error", "errors"), count(c.Warnings, "warning", "warnings"))
	if left := leftOut(c); left != "" {
		fmt.Fprintf(&b, " (%s)", mdCell(left))
	}
	b.WriteString("\n\n")
	// The summary keeps a row per document as long as it fits in half the
	// budget; the findings get the rest.
	var rows strings.Builder
	rows.WriteString("| Document | Languages | Segments | Pairs | Unpaired | Complete | Errors | Warnings |\n")
	rows.WriteString("|---|---|---:|---:|---:|---:|---:|---:|\n")
	leftDocs := 0
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		dc := d.Counts
		row := fmt.Sprintf("| %s | %s | %d | %d | %d | %s | %d | %d |\n", mdCell(d.Name), langs(d.Source, d.Target),
			dc.Segments, dc.Pairs, dc.Unpaired, pct(dc.Completeness()), dc.Errors, dc.Warnings)
		if rows.Len()+len(row) > MarkdownLimit/2 {
			leftDocs++
			return nil
		}
		rows.WriteString(row)
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString(rows.String())
	if leftDocs > 0 {
		fmt.Fprintf(&b, "\n%s %s not listed here.\n", count(leftDocs, "more document", "more documents"), plural(leftDocs, "is", "are"))
	}
	if line := unreadLine(r); line != "" {
		fmt.Fprintf(&b, "\n%s.\n", mdCell(line))
	}
	if err := behindTable(&b, r); err != nil {
		return err
	}
	leftFindings, leftIn := 0, 0
	err = r.EachDocument(func(d *pipeline.DocumentReport) error {
		if len(d.Findings) == 0 {
			return nil
		}
		var sec strings.Builder
		fmt.Fprintf(&sec, "\n<details><summary><b>%s</b>: %s, %s</summary>\n\n",
			htmlEscape(d.Name), count(d.Counts.Errors, "error", "errors"), count(d.Counts.Warnings, "warning", "warnings"))
		sec.WriteString("| Line | Check | Severity | Message | Source | Target |\n|---:|---|---|---|---|---|\n")
		shown := 0
		for _, f := range d.Findings {
			row := markdownFinding(f)
			if b.Len()+sec.Len()+len(row)+len("\n</details>\n") > MarkdownLimit-markdownReserve {
				break
			}
			sec.WriteString(row)
			shown++
		}
		if shown < len(d.Findings) {
			leftFindings += len(d.Findings) - shown
			leftIn++
		}
		if shown > 0 {
			sec.WriteString("\n</details>\n")
			b.WriteString(sec.String())
		}
		return nil
	})
	if err != nil {
		return err
	}
	if leftFindings > 0 {
		fmt.Fprintf(&b, "\n**%s in %s %s not shown** (a pull-request comment holds 65,536 characters): "+
			"the JSON, SARIF or HTML report of this run (`-o json=FILE`) lists them all.\n",
			count(leftFindings, "finding", "findings"), count(leftIn, "document", "documents"), plural(leftFindings, "is", "are"))
	}
	probs, err := allProblems(r)
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		b.WriteString("\n### Problems\n\n")
		for i, prob := range probs {
			line := fmt.Sprintf("- %s\n", mdCell(prob))
			if b.Len()+len(line) > MarkdownLimit-200 {
				fmt.Fprintf(&b, "- and %d more\n", len(probs)-i)
				break
			}
			b.WriteString(line)
		}
	}
	_, err = io.WriteString(p.w, b.String())
	return err
}

// behindTable writes the table of translations behind their source, one
// row per stale finding: the page, how many source commits it lacks, for
// how many days, and the lines where the sections to update start.
func behindTable(b *strings.Builder, r *pipeline.Report) error {
	var rows strings.Builder
	n := 0
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		for _, f := range d.Findings {
			row, ok := behindRowOf(d, f)
			if !ok {
				continue
			}
			n++
			if n > behindRows {
				continue
			}
			fmt.Fprintf(&rows, "| %s | %s | %d | %s |\n", mdCell(row.Page), row.Commits, row.Days, mdCell(row.Sections))
		}
		return nil
	})
	if err != nil || n == 0 {
		return err
	}
	fmt.Fprintf(b, "\n### Behind the source\n\n%s whose source changed after %s last update:\n\n",
		count(n, "translation", "translations"), plural(n, "its", "their"))
	b.WriteString("| Page | Commits behind | Days | Sections to update start at |\n|---|---:|---:|---|\n")
	b.WriteString(rows.String())
	if n > behindRows {
		fmt.Fprintf(b, "\n%s more %s not listed here.\n", count(n-behindRows, "translation", "translations"), plural(n-behindRows, "is", "are"))
	}
	return nil
}

func markdownFinding(f metrics.Finding) string {
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
	return fmt.Sprintf("| %d | %s | %s | %s | %s | %s |\n", line, f.Check, sev, mdCell(f.Message), mdCell(src), mdCell(tgt))
}

// htmlEscape escapes text for the HTML of a <summary>.
func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
