package reports

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type junitPrinter struct{ w io.Writer }

// NewJUnit returns the printer of JUnit XML for CI test views: one test
// case per document, a failure per error finding not in the baseline, an error per document
// whose input had problems, and the warnings as the case's output.
func NewJUnit(w io.Writer) Printer { return junitPrinter{w} }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string         `xml:"classname,attr"`
	Name      string         `xml:"name,attr"`
	Skipped   *junitMessage  `xml:"skipped,omitempty"`
	Errors    []junitProblem `xml:"error,omitempty"`
	Failures  []junitProblem `xml:"failure,omitempty"`
	SystemOut *junitCharData `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitCharData struct {
	Text string `xml:",chardata"`
}

func (p junitPrinter) Print(r *pipeline.Report) error {
	suite := junitSuite{Name: "transcheck", Cases: []junitCase{}}
	for _, d := range r.Documents {
		c := junitCase{ClassName: "transcheck", Name: d.Name}
		if len(d.Problems) > 0 {
			c.Errors = append(c.Errors, junitProblem{
				Message: fmt.Sprintf("%d input problems", len(d.Problems)),
				Type:    "input",
				Text:    strings.Join(d.Problems, "\n"),
			})
		}
		var out []string
		for _, f := range d.Findings {
			// A baselined error was accepted: it does not fail the gate, so
			// it is no failure here either.
			if f.Severity >= metrics.Error && !f.Baselined {
				c.Failures = append(c.Failures, junitProblem{Message: f.Message, Type: f.Check, Text: junitText(d.Name, f)})
				continue
			}
			sev := f.Severity.String()
			if f.Baselined {
				sev += " (baseline)"
			}
			out = append(out, fmt.Sprintf("%s: %s: %s: %s", findingPos(d.Name, f), sev, f.Check, oneLine(f.Message)))
		}
		if len(out) > 0 {
			c.SystemOut = &junitCharData{strings.Join(out, "\n") + "\n"}
		}
		// A document with nothing to check passes vacuously; saying it was
		// skipped keeps it from counting as a pass.
		if d.Counts.Segments == 0 && len(c.Failures) == 0 && len(c.Errors) == 0 {
			c.Skipped = &junitMessage{"no text to check"}
		}
		suite.add(c)
	}
	if len(r.Problems) > 0 {
		// Problems outside any document (a path that does not exist) get a
		// case of their own so that CI shows them.
		suite.add(junitCase{ClassName: "transcheck", Name: "inputs", Errors: []junitProblem{{
			Message: fmt.Sprintf("%d input problems", len(r.Problems)),
			Type:    "input",
			Text:    strings.Join(r.Problems, "\n"),
		}}})
	}
	out := junitSuites{Name: "transcheck", Tests: suite.Tests, Failures: suite.Failures,
		Errors: suite.Errors, Skipped: suite.Skipped, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(p.w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(p.w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(p.w, "\n")
	return err
}

// add appends a test case and counts it the way JUnit readers do: every
// failure and error element, and skipped cases.
func (s *junitSuite) add(c junitCase) {
	s.Cases = append(s.Cases, c)
	s.Tests++
	s.Failures += len(c.Failures)
	s.Errors += len(c.Errors)
	if c.Skipped != nil {
		s.Skipped++
	}
}

// junitText is a failure's body: where, what, and the text of each side.
func junitText(doc string, f metrics.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", findingPos(doc, f), f.Message)
	for _, s := range []struct {
		name string
		side *metrics.Side
	}{{"source", f.Source}, {"target", f.Target}} {
		if s.side != nil {
			fmt.Fprintf(&b, "\n%s (%s:%d, %s): %s", s.name, s.side.Path, s.side.Line, s.side.Lang, s.side.Text)
		}
	}
	return b.String()
}

// findingPos is path:line of the side a finding is about, or the document
// name when it has no side.
func findingPos(doc string, f metrics.Finding) string {
	if w := f.Where(); w != nil {
		return fmt.Sprintf("%s:%d", w.Path, w.Line)
	}
	return doc
}

// oneLine folds white space so a text stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
