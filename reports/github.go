package reports

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type githubPrinter struct {
	w    io.Writer
	opts Options
}

// NewGitHub returns the printer of GitHub Actions workflow commands: one
// ::error, ::warning or ::notice line per finding, which GitHub shows as
// an annotation on the file and line, then a plain summary line.
func NewGitHub(w io.Writer, opts Options) Printer { return githubPrinter{w: w, opts: opts} }

// githubData escapes the message of a workflow command.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// githubProperty escapes a property value, where ':' and ',' would end it.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func (p githubPrinter) Print(r *pipeline.Report) error {
	b := bufio.NewWriter(p.w)
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		for _, f := range d.Findings {
			props := []string{}
			if w := f.Where(); w != nil {
				props = append(props, "file="+githubProperty.Replace(w.Path))
				if w.Line > 0 {
					props = append(props, "line="+strconv.Itoa(w.Line))
				}
			}
			title := f.Check
			if f.Baselined {
				title += " (baseline)"
			}
			props = append(props, "title="+githubProperty.Replace(title))
			msg := f.Message
			if w := f.Where(); w != nil && w.Text != "" {
				msg += "\n" + shorten(w.Text, 200)
			}
			fmt.Fprintf(b, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), githubData.Replace(msg))
		}
		return nil
	})
	if err != nil {
		return err
	}
	probs, err := allProblems(r)
	if err != nil {
		return err
	}
	for _, prob := range probs {
		fmt.Fprintf(b, "::error title=input problem::%s\n", githubData.Replace(prob))
	}
	c := r.Totals
	fmt.Fprintf(b, "transcheck %s: %d documents, %s complete, %d errors, %d warnings, %d notices, %d input problems\n",
		oneLine(verdict(r)), r.DocumentCount(), pct(c.Completeness()), c.Errors, c.Warnings, c.Infos, len(probs))
	return b.Flush()
}

// githubCommand is the workflow command for a severity.
func githubCommand(s metrics.Severity) string {
	switch {
	case s >= metrics.Error:
		return "error"
	case s == metrics.Warning:
		return "warning"
	}
	return "notice"
}
