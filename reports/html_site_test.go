package reports

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/document"
)

// smallDocument returns the report of a document of two pairs whose texts
// carry the marker, with an omission and a numbers finding when findings
// is set.
func smallDocument(name, marker string, findings bool) pipeline.DocumentReport {
	doc := &document.Document{Name: name, Paths: []string{name}, Format: "markdown", Source: "zh", Target: "en", Directed: true}
	texts := []struct{ lang, text string }{
		{"zh", "第一句有三个数字。" + marker}, {"en", "The first sentence has 3 numbers. " + marker},
		{"zh", "第二句。" + marker}, {"en", "The second sentence. " + marker},
		{"en", "An English paragraph with no counterpart. " + marker},
	}
	for i, t := range texts {
		s := &document.Segment{Text: t.text, Lang: t.lang, Pos: document.Position{Path: name, Line: i + 1}}
		doc.Units = append(doc.Units, &document.Unit{Kind: "paragraph", Segments: []*document.Segment{s}})
	}
	doc.Index()
	doc.Beads = []document.Bead{{Source: []int{0}, Target: []int{1}, Score: 1}, {Source: []int{2}, Target: []int{3}, Score: 1}}
	d := pipeline.DocumentReport{Name: name, Paths: []string{name}, Format: "markdown", Source: "zh", Target: "en",
		Counts:   pipeline.Counts{Segments: 5, Paired: 4, Unpaired: 1, Pairs: 2, SourceSegments: 2, SourcePaired: 2},
		Problems: []string{}, Findings: []metrics.Finding{}, Doc: doc}
	if findings {
		side := func(id int) *metrics.Side {
			s := doc.Segment(id)
			return &metrics.Side{Path: name, Line: s.Pos.Line, Lang: s.Lang, Text: s.Text}
		}
		d.Findings = []metrics.Finding{
			{Check: "numbers", Severity: metrics.Error, Message: "numbers differ: missing from the source: 3", Source: side(0), Target: side(1)},
			{Check: "omission", Severity: metrics.Error, Message: "English paragraph has no Chinese counterpart", Target: side(4)},
		}
		d.Counts.Errors = 2
	}
	return d
}

// reportOf returns a report of the documents, with their totals and a gate
// that fails on any error.
func reportOf(docs ...pipeline.DocumentReport) *pipeline.Report {
	rep := &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Passed: true, Reasons: []string{}},
		Documents: docs, Problems: []string{}}
	for _, d := range docs {
		addCounts(&rep.Totals, d.Counts)
	}
	if rep.Totals.Errors > 0 {
		rep.Gate = pipeline.Gate{Passed: false, Reasons: []string{fmt.Sprintf("%d findings at error or above", rep.Totals.Errors)}}
	}
	return rep
}

// addCounts adds o to c, as a run adds up its documents.
func addCounts(c *pipeline.Counts, o pipeline.Counts) {
	c.Segments += o.Segments
	c.Paired += o.Paired
	c.Unpaired += o.Unpaired
	c.Skipped += o.Skipped
	c.Pairs += o.Pairs
	c.SourceSegments += o.SourceSegments
	c.SourcePaired += o.SourcePaired
	c.Errors += o.Errors
	c.Warnings += o.Warnings
	c.Infos += o.Infos
}

// The page shows the documents with findings first, in the run's order,
// each with its text; then each document without findings in one line,
// with its counts and input problems and without its text.
func TestHTMLFindingsFirst(t *testing.T) {
	a := smallDocument("a/clean-first.md", "CLEAN-A", false)
	a.Problems = []string{"a/clean-first.md:3: invalid UTF-8 byte 0xff (save the file as UTF-8)"}
	rep := reportOf(a, smallDocument("b/findings.md", "FOUND-B", true),
		smallDocument("c/clean.md", "CLEAN-C", false), smallDocument("d/findings.md", "FOUND-D", true))
	fromMemoryAndSpool(t, rep, func(t *testing.T, out string) {
		var ids []string
		for _, m := range regexp.MustCompile(`<section class="document" id="(d\d+)">`).FindAllStringSubmatch(out, -1) {
			ids = append(ids, m[1])
		}
		if got := strings.Join(ids, " "); got != "d1 d3" {
			t.Errorf("sections %q, want d1 d3: the documents with findings, in order", got)
		}
		for _, marker := range []string{"FOUND-B", "FOUND-D"} {
			if !strings.Contains(out, "<p>The second sentence. "+marker+"</p>") {
				t.Errorf("the text of the document marked %s is not on the page", marker)
			}
		}
		for _, marker := range []string{"CLEAN-A", "CLEAN-C"} {
			if strings.Contains(out, marker) {
				t.Errorf("the text of the document marked %s, which has no findings, is on the page", marker)
			}
		}
		lineA := `<tr><td>a/clean-first.md<div class="prob">a/clean-first.md:3: invalid UTF-8 byte 0xff (save the file as UTF-8)</div><td>5<td>2<td>1<td>100.0%` + "\n"
		lineC := "<tr><td>c/clean.md<td>5<td>2<td>1<td>100.0%\n"
		i, j, k := strings.LastIndex(out, "</section>"), strings.Index(out, lineA), strings.Index(out, lineC)
		if j < 0 || k < 0 {
			t.Fatalf("no line for a document without findings:\nwant %q\nand  %q", lineA, lineC)
		}
		if !(i < j && j < k) {
			t.Errorf("the lines of the documents without findings are not after the sections, in order")
		}
		if !strings.Contains(out, "2 documents with findings, then 2 without, one line each.") {
			t.Errorf("the head does not say how many documents have findings")
		}
	})
}
