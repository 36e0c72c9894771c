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
// an annotation on the file and line where the fix is made (see
// metrics.Finding.FixAt: the translation, for a finding about a pair),
// then a plain summary line.
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
			at := f.FixAt()
			if at != nil {
				props = append(props, "file="+githubProperty.Replace(at.Path))
				if at.Line > 0 {
					props = append(props, "line="+strconv.Itoa(at.Line))
				}
			}
			title := f.Check
			if f.Baselined {
				title += " (baseline)"
			}
			props = append(props, "title="+githubProperty.Replace(title))
			msg := f.Message
			if detail := ciDetail(f, at, 200); detail != "" {
				msg += "\n" + detail
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
	fmt.Fprintf(b, "transcheck %s: %s, %s complete, %s, %s, %s, %s\n",
		oneLine(verdict(r)), count(r.DocumentCount(), "document", "documents"), pct(c.Completeness()),
		count(c.Errors, "error", "errors"), count(c.Warnings, "warning", "warnings"), count(c.Infos, "notice", "notices"),
		count(len(probs), "input problem", "input problems"))
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

// ciDetail is what an annotation adds to a finding's message: the source
// text and its position when the annotation stands elsewhere (on the
// translation), else the text it stands on; cut to n characters.
func ciDetail(f metrics.Finding, at *metrics.Side, n int) string {
	if f.Source != nil && f.Source != at {
		return "source " + f.Source.String() + ": " + shorten(f.Source.Text, n)
	}
	if at != nil && at.Text != "" {
		return shorten(at.Text, n)
	}
	return ""
}
