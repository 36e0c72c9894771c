package reports

import (
	"bytes"
	"fmt"
	"io"
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
		rep.Totals.Add(d.Counts)
	}
	if rep.Totals.Errors > 0 {
		rep.Gate = pipeline.Gate{Passed: false, Reasons: []string{fmt.Sprintf("%d findings at error or above", rep.Totals.Errors)}}
	}
	return rep
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
		if !strings.Contains(out, `2 documents with findings, then <a href="#clean">2 without</a>, one line each.`) {
			t.Errorf("the head does not say how many documents have findings")
		}
	})
}

func TestHTMLPageName(t *testing.T) {
	for _, tc := range []struct {
		i          int
		name, want string
	}{
		{41, "docs/guide.en.md", "doc-00042-guide-en-md.html"},
		{0, "guide.en.md", "doc-00001-guide-en-md.html"},
		{1, "../../etc/passwd", "doc-00002-passwd.html"},
		{2, "..", "doc-00003.html"},
		{3, `C:\Users\me\Report Final (2).DOCX`, "doc-00004-report-final-2-docx.html"},
		{4, "文档/指南.md", "doc-00005-md.html"},
		{5, "指南", "doc-00006.html"},
		{6, "", "doc-00007.html"},
		{7, "docs/", "doc-00008.html"},
		{8, "index.html", "doc-00009-index-html.html"},
		{99999, "a.md", "doc-100000-a-md.html"},
		{9, "docs/" + strings.Repeat("section-", 10) + "guide.en.md", "doc-00010-section-section-section-guide-en-md.html"},
		{10, strings.Repeat("x", 100), "doc-00011-" + strings.Repeat("x", 40) + ".html"},
	} {
		got := htmlPageName(tc.i, tc.name)
		if got != tc.want {
			t.Errorf("htmlPageName(%d, %q) = %q, want %q", tc.i, tc.name, got, tc.want)
		}
		if !regexp.MustCompile(`^doc-[0-9]{5,}(-[a-z0-9]+)*\.html$`).MatchString(got) || len(got) > 80 {
			t.Errorf("htmlPageName(%d, %q) = %q: not a plain file name", tc.i, tc.name, got)
		}
	}
}

// writeSite writes rep's site into memory: the files by name, and their
// names in the order they were created.
func writeSite(t *testing.T, rep *pipeline.Report) (map[string]string, []string) {
	t.Helper()
	files := map[string]string{}
	var order []string
	err := WriteHTMLSite(rep, Options{}, func(name string, write func(io.Writer) error) error {
		if _, ok := files[name]; ok {
			t.Errorf("%s created twice", name)
		}
		var b bytes.Buffer
		if err := write(&b); err != nil {
			return err
		}
		files[name] = b.String()
		order = append(order, name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, order
}

// siteReport is a run of six documents: two without findings, four with,
// two of which have the same name and one a name that climbs out of the
// folder.
func siteReport() *pipeline.Report {
	a := smallDocument("a/clean-first.md", "CLEAN-A", false)
	a.Problems = []string{"a/clean-first.md:3: invalid UTF-8 byte 0xff (save the file as UTF-8)"}
	return reportOf(a, smallDocument("b/findings.md", "FOUND-B", true), smallDocument("c/clean.md", "CLEAN-C", false),
		smallDocument("../../etc/passwd", "FOUND-D", true), smallDocument("b/findings.md", "FOUND-E", true),
		smallDocument("<i>f</i>.md", "FOUND-F", true))
}

// The site has an index with a line per document, those with findings
// first, each linking to its page; a page per document with findings,
// with its text, its filter and links to the index and its neighbours;
// the same files from a spool as from memory.
func TestHTMLSite(t *testing.T) {
	rep := siteReport()
	files, order := writeSite(t, rep)
	spoolFiles, spoolOrder := writeSite(t, spooled(t, rep))
	if strings.Join(order, " ") != strings.Join(spoolOrder, " ") {
		t.Errorf("files %v from memory, %v from a spool", order, spoolOrder)
	}
	for name, text := range files {
		if spoolFiles[name] != text {
			t.Errorf("%s differs from memory to a spool", name)
		}
	}
	pages := []string{"doc-00002-findings-md.html", "doc-00004-passwd.html", "doc-00005-findings-md.html", "doc-00006-i-md.html"}
	if got, want := strings.Join(order, " "), strings.Join(pages, " ")+" index.html"; got != want {
		t.Fatalf("files written %s, want %s", got, want)
	}
	index := files["index.html"]
	var hrefs []string
	for _, m := range regexp.MustCompile(`<tr data-m="([^"]*)"><td><a href="([^"]*)">`).FindAllStringSubmatch(index, -1) {
		hrefs = append(hrefs, m[2])
		if m[1] != "numbers|error|1 omission|error|1" {
			t.Errorf("the line of %s counts %q", m[2], m[1])
		}
	}
	if strings.Join(hrefs, " ") != strings.Join(pages, " ") {
		t.Errorf("the index links to %v, want %v", hrefs, pages)
	}
	lineA := `<tr><td>a/clean-first.md<div class="prob">a/clean-first.md:3: invalid UTF-8 byte 0xff (save the file as UTF-8)</div><td>5<td>2<td>1<td>100.0%` + "\n"
	lineC := "<tr><td>c/clean.md<td>5<td>2<td>1<td>100.0%\n"
	if i, j, k := strings.LastIndex(index, `<tr data-m=`), strings.Index(index, lineA), strings.Index(index, lineC); j < 0 || k < 0 || !(i < j && j < k) {
		t.Errorf("the index does not list the documents without findings after the others, in order")
	}
	if !strings.Contains(index, "gate failed: 8 findings at error or above") || !strings.Contains(index, `<dt>documents</dt><dd>6</dd>`) {
		t.Errorf("the index does not show the verdict and the totals")
	}
	if !strings.Contains(index, `value="omission" checked>`) || !strings.Contains(index, `showing <span id="shown-n">8</span> of 8 findings`) {
		t.Errorf("the index has no filter over the run's findings")
	}
	if strings.Contains(index, "<section") || strings.Contains(index, "FOUND-") || strings.Contains(index, "CLEAN-") {
		t.Errorf("the index holds a document's text")
	}
	for i, name := range pages {
		page := files[name]
		marker := "FOUND-" + string("BDEF"[i])
		if !strings.Contains(page, "<p>The second sentence. "+marker+"</p>") {
			t.Errorf("%s does not show its document's text", name)
		}
		if n := strings.Count(page, "<section "); n != 1 || strings.Count(page, "FOUND-") != strings.Count(page, marker) {
			t.Errorf("%s shows %d sections, or another document's text", name, n)
		}
		if !strings.Contains(page, `<a href="index.html">all documents</a>`) {
			t.Errorf("%s has no link to the index", name)
		}
		prev, next := `<a rel="prev" href="`, `<a rel="next" href="`
		if i > 0 {
			prev += pages[i-1] + `"`
		}
		if i < len(pages)-1 {
			next += pages[i+1] + `"`
		}
		if strings.Contains(page, prev) != (i > 0) || strings.Contains(page, next) != (i < len(pages)-1) {
			t.Errorf("%s does not link to the pages before and after it", name)
		}
		if !strings.Contains(page, `showing <span id="shown-n">2</span> of 2 findings`) || !strings.Contains(page, `class="filter-check" value="numbers"`) {
			t.Errorf("%s has no filter over its findings", name)
		}
	}
	for name, text := range files {
		for _, bad := range []string{"<link", " src=", "url(", "@import", "<i>f</i>"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s holds %q: an external asset, or a name not escaped", name, bad)
			}
		}
		if !strings.HasPrefix(text, "<!DOCTYPE html>") || !strings.HasSuffix(text, "</html>\n") {
			t.Errorf("%s is not a whole page", name)
		}
	}
}

// The site reports a file it could not write, and a report it could not
// read, and writes no index after either.
func TestHTMLSiteErrors(t *testing.T) {
	rep := siteReport()
	for _, fail := range []string{"doc-00002-findings-md.html", "doc-00006-i-md.html", "index.html"} {
		var created []string
		err := WriteHTMLSite(spooled(t, rep), Options{}, func(name string, write func(io.Writer) error) error {
			created = append(created, name)
			if name == fail {
				return write(&htmlShortWriter{left: 100})
			}
			return write(io.Discard)
		})
		if err == nil || !strings.Contains(err.Error(), fail) {
			t.Errorf("writing %s fails: error %v, want one naming it", fail, err)
		}
		if fail != "index.html" && created[len(created)-1] != fail {
			t.Errorf("files were written after %s failed: %v", fail, created)
		}
	}

	s, err := pipeline.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for i := range rep.Documents {
		if err := s.Add(&rep.Documents[i]); err != nil {
			t.Fatal(err)
		}
	}
	s.Close() // the spool cannot be read back
	broken := *rep
	broken.Documents = nil
	broken.UseSpool(s)
	err = WriteHTMLSite(&broken, Options{}, func(name string, write func(io.Writer) error) error {
		t.Errorf("%s created from a spool that cannot be read", name)
		return write(io.Discard)
	})
	if err == nil {
		t.Errorf("no error from a spool that cannot be read")
	}
}
