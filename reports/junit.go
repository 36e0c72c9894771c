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

// NewJUnit returns the printer of JUnit XML for CI test views: a test
// case per finding, named by its check and the place where the fix is
// made (with file and line attributes, which GitLab links and test
// reporter actions annotate), whose class is its document. An error
// finding not in the baseline is a failure; a warning, a notice or a
// baselined error is a passing case that says what it found in its
// output, since the text was checked and the gate lets it pass. A
// document with no findings is one passing case (skipped when it had no
// text to check), and a document whose input had problems one case with
// an error. It streams the cases one document at a time, as the report
// gives them.
func NewJUnit(w io.Writer, opts Options) Printer { return junitPrinter{w: w, opts: opts} }

type junitCase struct {
	ClassName string         `xml:"classname,attr"`
	Name      string         `xml:"name,attr"`
	File      string         `xml:"file,attr,omitempty"`
	Line      int            `xml:"line,attr,omitempty"`
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
		for _, f := range d.Findings {
			if err := enc.EncodeElement(junitFindingCase(d.Name, f), testcase); err != nil {
				return err
			}
		}
		if c := junitDocumentCase(d); c != nil {
			return enc.EncodeElement(c, testcase)
		}
		return nil
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

// junitFindingCase is a finding's test case: a failure when it fails the
// gate, else a pass whose output says what was found.
func junitFindingCase(doc string, f metrics.Finding) junitCase {
	c := junitCase{ClassName: doc, Name: f.Check + " " + doc}
	if at := f.FixAt(); at != nil {
		c.Name = f.Check + " " + at.String()
		c.File, c.Line = at.Path, at.Line
	}
	text := junitText(doc, f)
	if junitFails(f) {
		c.Failures = []junitProblem{{Message: f.Message, Type: f.Check, Text: text}}
		return c
	}
	sev := f.Severity.String()
	if f.Baselined {
		sev += " (baseline)"
	}
	c.SystemOut = &junitCharData{sev + ": " + text + "\n"}
	return c
}

// junitDocumentCase is the case of a document itself, nil when its
// findings' cases stand for it: a document with no findings passes (or is
// skipped, with no text to check), and one whose input had problems has
// them as an error.
func junitDocumentCase(d *pipeline.DocumentReport) *junitCase {
	if len(d.Findings) > 0 && len(d.Problems) == 0 {
		return nil
	}
	c := &junitCase{ClassName: d.Name, Name: d.Name}
	if len(d.Problems) > 0 {
		c.Errors = []junitProblem{{
			Message: fmt.Sprintf("%d input %s", len(d.Problems), plural(len(d.Problems), "problem", "problems")),
			Type:    "input",
			Text:    strings.Join(d.Problems, "\n"),
		}}
	} else if junitSkips(d) {
		c.Skipped = &junitMessage{"no text to check"}
	}
	return c
}

// junitFails tells whether a finding is a failure. A baselined error was
// accepted: it does not fail the gate, so it is no failure here either.
func junitFails(f metrics.Finding) bool { return f.Severity >= metrics.Error && !f.Baselined }

// junitSkips tells whether the case of a document with no findings and no
// problems is skipped: a document with nothing to check passes vacuously,
// and saying it was skipped keeps it from counting as a pass.
func junitSkips(d *pipeline.DocumentReport) bool { return d.Counts.Segments == 0 }

// junitInputs is the case of the problems outside any document (a path
// that does not exist), so that CI shows them; nil when there are none.
func junitInputs(problems []string) *junitCase {
	if len(problems) == 0 {
		return nil
	}
	return &junitCase{ClassName: "transcheck", Name: "inputs", Errors: []junitProblem{{
		Message: fmt.Sprintf("%d input %s", len(problems), plural(len(problems), "problem", "problems")),
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

// junitCount counts a document's cases as Print writes them, without
// building their texts.
func junitCount(d *pipeline.DocumentReport) junitTally {
	c := junitTally{Tests: len(d.Findings)}
	for _, f := range d.Findings {
		if junitFails(f) {
			c.Failures++
		}
	}
	switch {
	case len(d.Problems) > 0:
		c.Tests++
		c.Errors++
	case len(d.Findings) == 0:
		c.Tests++
		if junitSkips(d) {
			c.Skipped++
		}
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

// junitText is a finding's text: where the fix is made, what, and the
// text of each side.
func junitText(doc string, f metrics.Finding) string {
	var b strings.Builder
	where := doc
	if at := f.FixAt(); at != nil {
		where = at.String()
	}
	fmt.Fprintf(&b, "%s: %s", where, f.Message)
	for _, s := range []struct {
		name string
		side *metrics.Side
	}{{"source", f.Source}, {"target", f.Target}} {
		if s.side != nil {
			fmt.Fprintf(&b, "\n%s (%s, %s): %s", s.name, s.side, s.side.Lang, s.side.Text)
		}
	}
	return b.String()
}

// oneLine folds white space so a text stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
