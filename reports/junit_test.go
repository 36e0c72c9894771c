package reports

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	goldenfile "github.com/transcheck/transcheck/reports/golden"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// The helpers shared by the format tests live here: the seed report, the
// golden-file comparison and a small synthetic report.

var update = flag.Bool("update", false, "rewrite golden files")

var (
	seedOnce sync.Once
	seedRep  *pipeline.Report
	seedErr  error
)

// seedReport moves the test to the repository root, as a user runs the
// command there, and returns the report of testdata/seed (checked once per
// test binary, keeping the documents for the HTML page) with the gate decided as the command decides it by default.
func seedReport(t *testing.T) *pipeline.Report {
	t.Helper()
	t.Chdir("..")
	seedOnce.Do(func() {
		r, err := pipeline.NewRunner(pipeline.Config{KeepDocuments: true})
		if err != nil {
			seedErr = err
			return
		}
		seedRep, seedErr = r.Run(context.Background(), []string{"testdata/seed"})
		if seedErr == nil {
			n := seedRep.Findings(metrics.Error)
			seedRep.Gate = pipeline.Gate{Passed: n == 0, Reasons: []string{}}
			if n > 0 {
				seedRep.Gate.Reasons = []string{fmt.Sprintf("%d findings at %s or above", n, metrics.Error)}
			}
		}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedRep
}

// render prints a report in a format.
func render(t *testing.T, format string, r *pipeline.Report) string {
	t.Helper()
	var b bytes.Buffer
	p, err := New(format, &b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Print(r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.String()
}

// golden compares got with testdata/golden/name (from the repository root,
// where seedReport moves the test); -update rewrites it and says what
// changed, and a mismatch leaves name.got beside it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), got, *update, "go test ./reports -update")
}

// TestSeedGolden renders the seed in every format this package added and
// compares it with its golden file.
func TestSeedGolden(t *testing.T) {
	for _, format := range []string{"junit", "sarif", "github", "csv", "html"} {
		t.Run(format, func(t *testing.T) {
			rep := seedReport(t)
			golden(t, "seed."+format, render(t, format, rep))
		})
	}
}

// tricky is a report with what formats must escape: markup, quotes,
// separators and line breaks in every field, a finding of each severity,
// a baselined error, a document with input problems and one outside any
// document.
func tricky() *pipeline.Report {
	side := func(path string, line int, lang, text string) *metrics.Side {
		return &metrics.Side{Path: path, Line: line, Lang: lang, Text: text}
	}
	findings := []metrics.Finding{
		{Check: "omission", Severity: metrics.Error, Message: `English <b>paragraph</b> & "more"`,
			Target: side("docs/a,b:c.md", 3, "en", "Fish & <chips>, \"quoted\"\nsecond line")},
		{Check: "numbers", Severity: metrics.Error, Message: "50%\nnext",
			Source: side("docs/a,b:c.md", 7, "zh", "增长50%。"), Target: side("docs/a,b:c.md", 7, "en", "grew 5%.")},
		{Check: "length_ratio", Severity: metrics.Warning, Message: "target 4.1× longer\r\nthan usual",
			Source: side("docs/a,b:c.md", 9, "zh", "短。"), Target: side("docs/a,b:c.md", 9, "en", "A long sentence, with commas.")},
		{Check: "state", Severity: metrics.Info, Message: "unit is fuzzy"},
		{Check: "omission", Severity: metrics.Error, Message: "accepted", Baselined: true,
			Target: side("docs/a,b:c.md", 11, "en", "Old text.")},
	}
	return &pipeline.Report{
		Version: pipeline.SchemaVersion,
		Gate:    pipeline.Gate{Passed: false, Reasons: []string{"2 findings at error or above"}},
		Documents: []pipeline.DocumentReport{
			{Name: "docs/a,b:c.md", Paths: []string{"docs/a,b:c.md"}, Format: "markdown", Source: "zh", Target: "en",
				Counts:   pipeline.Counts{Segments: 10, Paired: 8, Unpaired: 2, Pairs: 4, SourceSegments: 5, SourcePaired: 4, Errors: 3, Warnings: 1, Infos: 1},
				Problems: []string{"docs/a,b:c.md:2: invalid UTF-8 byte 0xff <here>"}, Findings: findings},
			{Name: "docs/empty.md", Paths: []string{"docs/empty.md"}, Format: "markdown", Problems: []string{}},
		},
		Totals:   pipeline.Counts{Segments: 10, Paired: 8, Unpaired: 2, Pairs: 4, SourceSegments: 5, SourcePaired: 4, Errors: 3, Warnings: 1, Infos: 1},
		Problems: []string{"docs/missing: cannot read: no such file or directory"},
	}
}

type junitParsed struct {
	XMLName xml.Name `xml:"testsuites"`
	junitCounts
	Suites []struct {
		Name string `xml:"name,attr"`
		junitCounts
		Cases []struct {
			ClassName string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			File      string `xml:"file,attr"`
			Line      int    `xml:"line,attr"`
			Skipped   *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
			Failures []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Errors []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"error"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

type junitCounts struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Skipped  int `xml:"skipped,attr"`
}

func parseJUnit(t *testing.T, out string) junitParsed {
	t.Helper()
	var j junitParsed
	if err := xml.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("JUnit does not parse: %v\n%s", err, out)
	}
	if len(j.Suites) != 1 || j.Suites[0].Name != "transcheck" {
		t.Fatalf("want one testsuite named transcheck, got %+v", j.Suites)
	}
	checkJUnitCounts(t, j)
	return j
}

// checkJUnitCounts checks that the attributes count what the suite holds,
// as JUnit readers count it: every case, failure and error element, and
// skipped cases; and that a case is at most one of failed, in error or
// skipped, so that tests ≥ failures + errors + skipped.
func checkJUnitCounts(t *testing.T, j junitParsed) {
	t.Helper()
	s := j.Suites[0]
	var n junitCounts
	for _, c := range s.Cases {
		n.Tests++
		n.Failures += len(c.Failures)
		n.Errors += len(c.Errors)
		outcomes := min(len(c.Failures), 1) + min(len(c.Errors), 1)
		if c.Skipped != nil {
			n.Skipped++
			outcomes++
		}
		if outcomes > 1 {
			t.Errorf("case %q is more than one of failed, in error and skipped", c.Name)
		}
	}
	if s.junitCounts != n || j.junitCounts != n {
		t.Errorf("attributes: suite %+v, suites %+v; the suite holds %+v", s.junitCounts, j.junitCounts, n)
	}
	if n.Tests < n.Failures+n.Errors+n.Skipped {
		t.Errorf("tests %d < failures %d + errors %d + skipped %d", n.Tests, n.Failures, n.Errors, n.Skipped)
	}
}

func TestJUnitSeedCounts(t *testing.T) {
	rep := seedReport(t)
	for _, c := range memAndSpoolReports(t, rep) {
		t.Run(c.name, func(t *testing.T) { checkJUnitSeed(t, c.rep) })
	}
}

// checkJUnitSeed checks the cases of the seed's JUnit: one per finding,
// of the seed's document, named by check and place; the errors fail, the
// warnings pass and say what they found.
func checkJUnitSeed(t *testing.T, rep *pipeline.Report) {
	t.Helper()
	j := parseJUnit(t, render(t, "junit", rep))
	s := j.Suites[0]
	const doc = "testdata/seed/cyberspace-article.zh-en.txt"
	if n := rep.Findings(metrics.Info); s.Tests != n || len(s.Cases) != n {
		t.Fatalf("tests = %d, %d cases; want one per finding (%d)", s.Tests, len(s.Cases), n)
	}
	errs := rep.Findings(metrics.Error)
	if errs == 0 || errs == len(s.Cases) {
		t.Fatal("the seed has no errors, or only errors: the test cannot tell failures from passes")
	}
	var findings []metrics.Finding
	rep.EachDocument(func(d *pipeline.DocumentReport) error {
		findings = append(findings, d.Findings...)
		return nil
	})
	var failures int
	for i, f := range findings {
		c := s.Cases[i]
		at := fmt.Sprintf("%s:%d", doc, f.FixAt().Line)
		if c.ClassName != doc || c.Name != f.Check+" "+at || c.File != doc || c.Line != f.FixAt().Line {
			t.Errorf("case %d: classname %q, name %q, file %q, line %d; want the document, %q and its place", i, c.ClassName, c.Name, c.File, c.Line, f.Check+" "+at)
		}
		switch {
		case f.Severity == metrics.Error:
			failures++
			if len(c.Failures) != 1 || c.Failures[0].Type != f.Check || c.Failures[0].Message != f.Message || !strings.HasPrefix(c.Failures[0].Text, at+": ") {
				t.Errorf("case %d: failures %+v, want one of type %s at %s", i, c.Failures, f.Check, at)
			}
		default:
			if len(c.Failures) != 0 || c.Skipped != nil || !strings.HasPrefix(c.SystemOut, f.Severity.String()+": "+at+": "+f.Message) {
				t.Errorf("case %d: a warning or info must pass and say what it found: %+v", i, c)
			}
		}
	}
	if s.Failures != errs || failures != errs || s.Errors != 0 || s.Skipped != 0 {
		t.Errorf("counts %+v; want %d failures, no errors and no skips", s.junitCounts, errs)
	}
}

func TestJUnitEscapingAndProblems(t *testing.T) {
	for _, c := range memAndSpoolReports(t, tricky()) {
		t.Run(c.name, func(t *testing.T) { checkJUnitTricky(t, c.rep) })
	}
}

// checkJUnitTricky checks the escaping and the problems in tricky's JUnit.
func checkJUnitTricky(t *testing.T, rep *pipeline.Report) {
	t.Helper()
	j := parseJUnit(t, render(t, "junit", rep))
	s := j.Suites[0]
	// The five findings of the first document, its case for its input
	// problems, the empty document's and the case for problems outside
	// any document.
	if s.Tests != 8 || len(s.Cases) != 8 {
		t.Fatalf("tests %d, cases %d; want 8", s.Tests, len(s.Cases))
	}
	// The baselined error is not a failure: it does not fail the gate.
	if s.Failures != 2 || s.Errors != 2 || s.Skipped != 1 {
		t.Errorf("counts %+v; want failures 2, errors 2, skipped 1", s.junitCounts)
	}
	c := s.Cases[0]
	if c.ClassName != "docs/a,b:c.md" || c.Name != "omission docs/a,b:c.md:3" || c.File != "docs/a,b:c.md" || c.Line != 3 || len(c.Failures) != 1 {
		t.Fatalf("first case %+v", c)
	}
	if f := c.Failures[0]; f.Message != `English <b>paragraph</b> & "more"` || f.Type != "omission" ||
		!strings.Contains(f.Text, "Fish & <chips>, \"quoted\"\nsecond line") || !strings.HasPrefix(f.Text, "docs/a,b:c.md:3: ") {
		t.Errorf("failure did not survive escaping: %+v", f)
	}
	for i, want := range []string{"", "", "warning: docs/a,b:c.md:9: target 4.1× longer\r\nthan usual", "info: docs/a,b:c.md: unit is fuzzy", "error (baseline): docs/a,b:c.md:11: accepted"} {
		if c := s.Cases[i]; !strings.HasPrefix(c.SystemOut, want) || (want == "") != (len(c.Failures) == 1) {
			t.Errorf("case %d (%s): system-out %q, failures %d; want %q", i, c.Name, c.SystemOut, len(c.Failures), want)
		}
	}
	if c := s.Cases[3]; c.Name != "state docs/a,b:c.md" || c.File != "" {
		t.Errorf("a finding with no side: case %q in file %q, want it named after its document", c.Name, c.File)
	}
	if c := s.Cases[5]; c.Name != "docs/a,b:c.md" || len(c.Errors) != 1 || !strings.Contains(c.Errors[0].Text, "0xff <here>") {
		t.Errorf("document problems not an error of the document's case: %+v", c)
	}
	if c := s.Cases[6]; c.Name != "docs/empty.md" || c.Skipped == nil {
		t.Errorf("a document with no text should be skipped: %+v", c)
	}
	if last := s.Cases[7]; len(last.Errors) != 1 || !strings.Contains(last.Errors[0].Text, "docs/missing") {
		t.Errorf("problems outside documents: %+v", last)
	}
}

// A document with no findings is one passing case, so that a clean run
// still reports its tests.
func TestJUnitCleanDocument(t *testing.T) {
	rep := &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Passed: true}, Documents: []pipeline.DocumentReport{
		{Name: "docs/ok.md", Counts: pipeline.Counts{Segments: 4, Paired: 4, Pairs: 2}, Problems: []string{}, Findings: []metrics.Finding{}},
	}}
	for _, c := range memAndSpoolReports(t, rep) {
		t.Run(c.name, func(t *testing.T) {
			j := parseJUnit(t, render(t, "junit", c.rep))
			s := j.Suites[0]
			if len(s.Cases) != 1 || s.junitCounts != (junitCounts{Tests: 1}) {
				t.Fatalf("counts %+v, cases %+v; want one passing case", s.junitCounts, s.Cases)
			}
			if c := s.Cases[0]; c.ClassName != "docs/ok.md" || c.Name != "docs/ok.md" || c.Skipped != nil || c.SystemOut != "" {
				t.Errorf("case %+v, want a plain pass named after the document", c)
			}
		})
	}
}

// memAndSpoolReports returns rep, and a copy of it that reads its
// documents from a spool, with the names of subtests for each.
func memAndSpoolReports(t *testing.T, rep *pipeline.Report) []struct {
	name string
	rep  *pipeline.Report
} {
	return []struct {
		name string
		rep  *pipeline.Report
	}{{"memory", rep}, {"spool", spooled(t, rep)}}
}

// severalDocuments is a report of several documents: tricky's, the seed's
// and tricky's again, with a finding of a check that no metric declares
// in the last document, and the totals of them all.
func severalDocuments(t *testing.T) *pipeline.Report {
	t.Helper()
	seed := seedReport(t)
	rep := tricky()
	rep.Gate = seed.Gate
	docs := slices.Clone(rep.Documents)
	rep.Documents = append(rep.Documents, seed.Documents...)
	rep.Documents = append(rep.Documents, docs...)
	last := &rep.Documents[len(rep.Documents)-1]
	last.Name = "docs/again.md"
	last.Findings = []metrics.Finding{{Check: "made_up", Severity: metrics.Error, Message: "a check no metric declares",
		Target: &metrics.Side{Path: "docs/again.md", Line: 2, Lang: "en", Text: "Again."}}}
	last.Counts = pipeline.Counts{Segments: 1, Unpaired: 1, Errors: 1}
	rep.Totals = pipeline.Counts{}
	for _, d := range rep.Documents {
		rep.Totals.Segments += d.Counts.Segments
		rep.Totals.Errors += d.Counts.Errors
		rep.Totals.Warnings += d.Counts.Warnings
		rep.Totals.Infos += d.Counts.Infos
	}
	return rep
}

// sameBytesFromSpool prints rep in a format from memory and from a spool, fails
// the test unless the two are the same bytes, and returns them.
func sameBytesFromSpool(t *testing.T, format string, rep *pipeline.Report) string {
	t.Helper()
	mem := render(t, format, rep)
	spool := render(t, format, spooled(t, rep))
	if mem != spool {
		t.Errorf("%s: %d bytes from memory, %d from a spool, and they differ", format, len(mem), len(spool))
	}
	return spool
}

// TestJUnitSpooled prints a report of several documents from a spool: the
// same bytes as from memory, each document's cases in order, and the
// counts of them all.
func TestJUnitSpooled(t *testing.T) {
	rep := severalDocuments(t)
	j := parseJUnit(t, sameBytesFromSpool(t, "junit", rep))
	s := j.Suites[0]
	var want []string
	var failures, errors, skipped int
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			want = append(want, d.Name)
			if f.Severity >= metrics.Error && !f.Baselined {
				failures++
			}
		}
		switch {
		case len(d.Problems) > 0:
			want = append(want, d.Name)
			errors++
		case len(d.Findings) == 0:
			want = append(want, d.Name)
			if d.Counts.Segments == 0 {
				skipped++
			}
		}
	}
	want = append(want, "transcheck")
	errors++ // the inputs
	var got []string
	for _, c := range s.Cases {
		got = append(got, c.ClassName)
	}
	if !slices.Equal(got, want) {
		t.Errorf("cases of\n%q\nwant\n%q", got, want)
	}
	if s.Cases[len(s.Cases)-1].Name != "inputs" {
		t.Errorf("the last case is %q, want the inputs", s.Cases[len(s.Cases)-1].Name)
	}
	if s.junitCounts != (junitCounts{Tests: len(want), Failures: failures, Errors: errors, Skipped: skipped}) {
		t.Errorf("counts %+v; want tests %d, failures %d, errors %d, skipped %d", s.junitCounts, len(want), failures, errors, skipped)
	}
}

// junitBrokenWriter fails every write.
type junitBrokenWriter struct{}

func (junitBrokenWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// A printer that streams still reports that its output failed.
func TestJUnitWriteError(t *testing.T) {
	for _, format := range []string{"junit", "sarif"} {
		rep := spooled(t, severalDocuments(t))
		if err := Formats[format](junitBrokenWriter{}, Options{}).Print(rep); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: error %v, want the writer's", format, err)
		}
	}
}
