package reports

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type junitPrinter struct {
	w    io.Writer
	opts Options
}

// NewJUnit returns the printer of JUnit XML for CI test views: one test
// case per document, a failure per error finding not in the baseline, an error per document
// whose input had problems, and the warnings as the case's output. It
// streams the cases one document at a time, as the report gives them.
func NewJUnit(w io.Writer, opts Options) Printer { return junitPrinter{w: w, opts: opts} }

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

// Print writes what encoding/xml would write for
//
//	<testsuites ...><testsuite ...><testcase .../>...</testsuite></testsuites>
//
// indented by two spaces. A first pass over the documents counts the
// cases, failures, errors and skips the attributes give; a second writes
// the cases as it reads the documents, one document at a time.
func (p junitPrinter) Print(r *pipeline.Report) error {
	var n junitTally
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		n.add(junitCount(d))
		return nil
	})
	if err != nil {
		return err
	}
	inputs := junitInputs(r.Problems)
	if inputs != nil {
		n.add(junitTally{Tests: 1, Errors: len(inputs.Errors)})
	}
	w := bufio.NewWriter(p.w)
	w.WriteString(xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	suites := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: n.attrs("transcheck")}
	suite := xml.StartElement{Name: xml.Name{Local: "testsuite"}, Attr: n.attrs("transcheck")}
	testcase := xml.StartElement{Name: xml.Name{Local: "testcase"}}
	if err := enc.EncodeToken(suites); err != nil {
		return err
	}
	if err := enc.EncodeToken(suite); err != nil {
		return err
	}
	err = r.EachDocument(func(d *pipeline.DocumentReport) error {
		return enc.EncodeElement(junitCaseOf(d), testcase)
	})
	if err != nil {
		return err
	}
	if inputs != nil {
		if err := enc.EncodeElement(inputs, testcase); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(suite.End()); err != nil {
		return err
	}
	if err := enc.EncodeToken(suites.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	w.WriteString("\n")
	return w.Flush()
}

// junitCaseOf is a document's test case.
func junitCaseOf(d *pipeline.DocumentReport) junitCase {
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
		if junitFails(f) {
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
	if junitSkips(d, len(c.Failures), len(c.Errors)) {
		c.Skipped = &junitMessage{"no text to check"}
	}
	return c
}

// junitFails tells whether a finding is a failure. A baselined error was
// accepted: it does not fail the gate, so it is no failure here either.
func junitFails(f metrics.Finding) bool { return f.Severity >= metrics.Error && !f.Baselined }

// junitSkips tells whether a document's case is skipped: a document with
// nothing to check passes vacuously, and saying it was skipped keeps it
// from counting as a pass.
func junitSkips(d *pipeline.DocumentReport, failures, errors int) bool {
	return d.Counts.Segments == 0 && failures == 0 && errors == 0
}

// junitInputs is the case of the problems outside any document (a path
// that does not exist), so that CI shows them; nil when there are none.
func junitInputs(problems []string) *junitCase {
	if len(problems) == 0 {
		return nil
	}
	return &junitCase{ClassName: "transcheck", Name: "inputs", Errors: []junitProblem{{
		Message: fmt.Sprintf("%d input problems", len(problems)),
		Type:    "input",
		Text:    strings.Join(problems, "\n"),
	}}}
}

// junitTally are the attributes of the suites, counted the way JUnit
// readers do: every case, every failure and error element, and skipped
// cases.
type junitTally struct {
	Tests, Failures, Errors, Skipped int
}

// junitCount counts a document's case as junitCaseOf writes it, without
// building its texts.
func junitCount(d *pipeline.DocumentReport) junitTally {
	c := junitTally{Tests: 1}
	if len(d.Problems) > 0 {
		c.Errors = 1
	}
	for _, f := range d.Findings {
		if junitFails(f) {
			c.Failures++
		}
	}
	if junitSkips(d, c.Failures, c.Errors) {
		c.Skipped = 1
	}
	return c
}

func (c *junitTally) add(o junitTally) {
	c.Tests += o.Tests
	c.Failures += o.Failures
	c.Errors += o.Errors
	c.Skipped += o.Skipped
}

// attrs are the attributes of a testsuites or testsuite element.
func (c junitTally) attrs(name string) []xml.Attr {
	attr := func(k, v string) xml.Attr { return xml.Attr{Name: xml.Name{Local: k}, Value: v} }
	return []xml.Attr{attr("name", name), attr("tests", strconv.Itoa(c.Tests)),
		attr("failures", strconv.Itoa(c.Failures)), attr("errors", strconv.Itoa(c.Errors)),
		attr("skipped", strconv.Itoa(c.Skipped))}
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
