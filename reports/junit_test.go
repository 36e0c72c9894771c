package reports

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"os"
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
// where seedReport moves the test); -update rewrites it, and a mismatch
// leaves name.got beside it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if string(want) != got {
		os.WriteFile(path+".got", []byte(got), 0o644)
		t.Errorf("%s differs from the golden file; see %s.got (diff it, and run with -update if the change is right)", path, path)
	}
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
	return j
}

func TestJUnitSeedCounts(t *testing.T) {
	rep := seedReport(t)
	for _, c := range memAndSpoolReports(t, rep) {
		t.Run(c.name, func(t *testing.T) { checkJUnitSeed(t, c.rep) })
	}
}

// checkJUnitSeed checks the counts and the cases of the seed's JUnit.
func checkJUnitSeed(t *testing.T, rep *pipeline.Report) {
	t.Helper()
	j := parseJUnit(t, render(t, "junit", rep))
	s := j.Suites[0]
	if s.Tests != rep.DocumentCount() || j.Tests != s.Tests {
		t.Errorf("tests = %d (suites %d), want %d documents", s.Tests, j.Tests, rep.DocumentCount())
	}
	errs := rep.Findings(metrics.Error)
	if errs == 0 {
		t.Fatal("the seed has no errors: the test cannot tell failures apart")
	}
	var failures, lines int
	for _, c := range s.Cases {
		if c.ClassName != "transcheck" {
			t.Errorf("classname %q", c.ClassName)
		}
		failures += len(c.Failures)
		for _, f := range c.Failures {
			if f.Type == "" || f.Message == "" || !strings.Contains(f.Text, "testdata/seed/cyberspace-article.zh-en.txt:") {
				t.Errorf("failure lacks type, message or path:line: %+v", f)
			}
		}
		if c.SystemOut != "" {
			lines += strings.Count(c.SystemOut, "\n")
		}
	}
	if s.Failures != errs || j.Failures != errs || failures != errs {
		t.Errorf("failures: attribute %d, suites %d, elements %d; want %d error findings", s.Failures, j.Failures, failures, errs)
	}
	if want := rep.Totals.Warnings + rep.Totals.Infos; lines != want {
		t.Errorf("system-out has %d lines, want one per warning and notice (%d)", lines, want)
	}
	if s.Errors != 0 || s.Skipped != 0 {
		t.Errorf("errors %d skipped %d, want 0 for the seed", s.Errors, s.Skipped)
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
	// Two documents and the case for problems outside any document.
	if s.Tests != 3 || len(s.Cases) != 3 {
		t.Fatalf("tests %d, cases %d; want 3", s.Tests, len(s.Cases))
	}
	// The baselined error is not a failure: it does not fail the gate.
	if s.Failures != 2 || s.Errors != 2 || s.Skipped != 1 || j.Failures != 2 || j.Errors != 2 || j.Skipped != 1 {
		t.Errorf("counts: suite %+v, suites %+v; want failures 2, errors 2, skipped 1", s.junitCounts, j.junitCounts)
	}
	c := s.Cases[0]
	if c.Name != "docs/a,b:c.md" || len(c.Failures) != 2 {
		t.Fatalf("first case %q with %d failures", c.Name, len(c.Failures))
	}
	if f := c.Failures[0]; f.Message != `English <b>paragraph</b> & "more"` || f.Type != "omission" ||
		!strings.Contains(f.Text, "Fish & <chips>, \"quoted\"\nsecond line") || !strings.HasPrefix(f.Text, "docs/a,b:c.md:3: ") {
		t.Errorf("failure did not survive escaping: %+v", f)
	}
	if len(c.Errors) != 1 || !strings.Contains(c.Errors[0].Text, "0xff <here>") {
		t.Errorf("document problems not an error: %+v", c.Errors)
	}
	for _, want := range []string{"warning: length_ratio", "info: state", "error (baseline): omission"} {
		if !strings.Contains(c.SystemOut, want) {
			t.Errorf("system-out lacks %q:\n%s", want, c.SystemOut)
		}
	}
	if s.Cases[1].Skipped == nil {
		t.Errorf("a document with no text should be skipped")
	}
	if last := s.Cases[2]; len(last.Errors) != 1 || !strings.Contains(last.Errors[0].Text, "docs/missing") {
		t.Errorf("problems outside documents: %+v", last)
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
// same bytes as from memory, one case per document in order, and the
// counts of them all.
func TestJUnitSpooled(t *testing.T) {
	rep := severalDocuments(t)
	j := parseJUnit(t, sameBytesFromSpool(t, "junit", rep))
	s := j.Suites[0]
	if s.Tests != rep.DocumentCount()+1 || len(s.Cases) != s.Tests || j.junitCounts != s.junitCounts {
		t.Fatalf("tests %d, cases %d, suites %+v; want %d", s.Tests, len(s.Cases), j.junitCounts, rep.DocumentCount()+1)
	}
	var failures, errors, skipped int
	for i, d := range rep.Documents {
		c := s.Cases[i]
		if c.Name != d.Name {
			t.Errorf("case %d is %q, want %q", i, c.Name, d.Name)
		}
		for _, f := range d.Findings {
			if f.Severity >= metrics.Error && !f.Baselined {
				failures++
			}
		}
		if len(c.Failures) == 0 && len(d.Problems) == 0 && d.Counts.Segments == 0 {
			skipped++
		}
		if len(d.Problems) > 0 {
			errors++
		}
	}
	if s.Cases[len(s.Cases)-1].Name != "inputs" {
		t.Errorf("the last case is %q, want the inputs", s.Cases[len(s.Cases)-1].Name)
	}
	errors++ // the inputs
	if s.Failures != failures || s.Errors != errors || s.Skipped != skipped {
		t.Errorf("counts %+v; want failures %d, errors %d, skipped %d", s.junitCounts, failures, errors, skipped)
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
