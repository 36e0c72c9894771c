package reports

import (
	"bytes"
	"errors"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// fromMemoryAndSpool runs check on the page of rep printed from memory and
// on the page printed from a spool.
func fromMemoryAndSpool(t *testing.T, rep *pipeline.Report, check func(t *testing.T, out string)) {
	t.Helper()
	t.Run("memory", func(t *testing.T) { check(t, render(t, "html", rep)) })
	t.Run("spool", func(t *testing.T) { check(t, render(t, "html", spooled(t, rep))) })
}

func TestHTMLSeedStructure(t *testing.T) {
	rep := seedReport(t)
	fromMemoryAndSpool(t, rep, func(t *testing.T, out string) { checkHTMLSeed(t, rep, out) })
}

// checkHTMLSeed checks the page of the seed's report.
func checkHTMLSeed(t *testing.T, rep *pipeline.Report, out string) {
	d := rep.Documents[0]

	if n := strings.Count(out, `<li class="finding `); n != len(d.Findings) {
		t.Errorf("%d finding elements, want %d", n, len(d.Findings))
	}
	for _, f := range d.Findings {
		if !strings.Contains(out, `data-check="`+f.Check+`" data-severity="`+f.Severity.String()+`"`) {
			t.Errorf("no finding element for %s/%s", f.Check, f.Severity)
		}
	}
	// Self-contained: nothing to fetch. The SVG namespace is a name, not a
	// request.
	for _, bad := range []string{"<link", " src=", "url(", "@import"} {
		if strings.Contains(out, bad) {
			t.Errorf("the page refers to an external asset (%q)", bad)
		}
	}
	if urls := regexp.MustCompile(`https?://[^"\s<]+`).FindAllString(out, -1); len(urls) != 1 || urls[0] != "http://www.w3.org/2000/svg" {
		t.Errorf("the page names URLs other than the SVG namespace: %v", urls)
	}

	// One row per bead and per segment in no bead; the omitted English
	// paragraphs stand alone in the target column.
	inBead := map[int]bool{}
	for _, b := range d.Doc.Beads {
		for _, id := range append(append([]int{}, b.Source...), b.Target...) {
			inBead[id] = true
		}
	}
	want := len(d.Doc.Beads)
	for _, s := range d.Doc.Segments() {
		if !inBead[s.ID] && s.Skip == "" {
			want++
		}
	}
	rows := regexp.MustCompile(`<tr id="d0-r\d+"`).FindAllString(out, -1)
	if len(rows) != want {
		t.Errorf("%d text rows, want %d", len(rows), want)
	}
	// Each omission (lines 1, 3, 13, 15) highlights its rows in the
	// omission colour; the numbers findings (lines 5, 32) in theirs.
	for _, line := range []string{"1", "3", "13", "15"} {
		re := regexp.MustCompile(`<tr id="d0-r\d+" class="hl hl-omission"[^>]*><td class="n">\d+</td><td class="line"></td><td class="empty"></td><td class="line">` + line + `</td>`)
		if !re.MatchString(out) {
			t.Errorf("no highlighted target-only row for the omission at line %s", line)
		}
	}
	if n := strings.Count(out, `class="hl hl-numbers"`); n != 2 {
		t.Errorf("%d rows highlighted for numbers, want 2 (lines 5 and 32)", n)
	}
	// The chart has a point per pair and a median line.
	if n := strings.Count(out, "<circle "); n != d.Counts.Pairs {
		t.Errorf("%d chart points, want %d pairs", n, d.Counts.Pairs)
	}
	if !strings.Contains(out, `class="median"`) {
		t.Errorf("chart without a median line")
	}
	if !strings.Contains(out, "gate failed: ") {
		t.Errorf("the verdict is not shown")
	}
}

func TestHTMLEscapes(t *testing.T) {
	rep := tricky()
	rep.Documents[0].Findings[0].Message = `<script>alert("x")</script>`
	rep.Documents[0].Name = `<img src=x onerror=alert(1)>`
	fromMemoryAndSpool(t, rep, func(t *testing.T, out string) {
		for _, raw := range []string{`<script>alert`, `<img src=x`, `<chips>`, `<b>paragraph`} {
			if strings.Contains(out, raw) {
				t.Errorf("%q reached the page unescaped", raw)
			}
		}
		if !strings.Contains(out, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
			t.Errorf("the message is not on the page, escaped")
		}
		if strings.Count(out, `<li class="finding `) != 5 {
			t.Errorf("want the 5 findings of the report listed")
		}
	})
}

// htmlMulti returns a report of four documents, written one at a time:
// the seed's (with its text), tricky's first (findings, no text), the
// seed's again and tricky's empty one (no findings: a line, no section).
func htmlMulti(t *testing.T) *pipeline.Report {
	seed, tr := seedReport(t), tricky()
	rep := *seed
	rep.Problems = tr.Problems
	rep.Documents = []pipeline.DocumentReport{seed.Documents[0], tr.Documents[0], seed.Documents[0], tr.Documents[1]}
	rep.Totals = pipeline.Counts{}
	for _, d := range rep.Documents {
		c := d.Counts
		rep.Totals.Segments += c.Segments
		rep.Totals.Paired += c.Paired
		rep.Totals.Unpaired += c.Unpaired
		rep.Totals.Skipped += c.Skipped
		rep.Totals.Pairs += c.Pairs
		rep.Totals.SourceSegments += c.SourceSegments
		rep.Totals.SourcePaired += c.SourcePaired
		rep.Totals.Errors += c.Errors
		rep.Totals.Warnings += c.Warnings
		rep.Totals.Infos += c.Infos
	}
	return &rep
}

// A page of several documents, each with findings with its section, is the
// same from a spool as from memory, and its head counts every document's
// findings.
func TestHTMLSpooledDocuments(t *testing.T) {
	rep := htmlMulti(t)
	mem := render(t, "html", rep)
	if spool := render(t, "html", spooled(t, rep)); spool != mem {
		t.Fatalf("%d bytes from memory, %d from a spool, and they differ", len(mem), len(spool))
	}
	fromMemoryAndSpool(t, rep, func(t *testing.T, out string) {
		if out != mem {
			t.Fatalf("two prints of the report differ")
		}
		sections := regexp.MustCompile(`(?s)\n<section class="document" id="(d\d+)">\n<h2>([^<]*)</h2>.*?</section>\n`).FindAllStringSubmatch(out, -1)
		var ids, names []string
		for _, m := range sections {
			ids, names = append(ids, m[1]), append(names, m[2])
		}
		if got := strings.Join(ids, " "); got != "d0 d1 d2" {
			t.Fatalf("sections %s, want d0 d1 d2 (d3 has no findings)", got)
		}
		for i, d := range rep.Documents[:3] {
			if want := template.HTMLEscapeString(d.Name); names[i] != want {
				t.Errorf("section %d is %q, want %q", i, names[i], want)
			}
		}
		// The same document shows the same, but for its IDs.
		if again := strings.ReplaceAll(sections[2][0], `"d2`, `"d0`); strings.ReplaceAll(again, `#d2-`, `#d0-`) != sections[0][0] {
			t.Errorf("the seed's second section differs from its first but for the IDs")
		}
		if n := strings.Count(sections[0][0], `<tr id="d0-r`); n == 0 || strings.Count(sections[2][0], `<tr id="d2-r`) != n {
			t.Errorf("the seed's sections have %d and %d rows", n, strings.Count(sections[2][0], `<tr id="d2-r`))
		}
		if !strings.Contains(sections[1][0], `<p class="none">No text to show.</p>`) {
			t.Errorf("section d1 has text rows, though its report keeps no document")
		}
		if want := "<tr><td>docs/empty.md<td>0<td>0<td>0<td>100.0%\n"; !strings.Contains(out, want) {
			t.Errorf("no line %q for the document without findings", want)
		}
		// The head: every document, every finding by check and severity.
		checks, sevs, total := map[string]int{}, map[string]int{}, 0
		for _, d := range rep.Documents {
			for _, f := range d.Findings {
				checks[f.Check]++
				sevs[f.Severity.String()]++
				total++
			}
		}
		if total != rep.Findings(metrics.Info) {
			t.Fatalf("%d findings in the documents, %d in the totals", total, rep.Findings(metrics.Info))
		}
		if n := strings.Count(out, `<li class="finding `); n != total {
			t.Errorf("%d finding elements, want %d", n, total)
		}
		if want := `showing <span id="shown-n">` + strconv.Itoa(total) + `</span> of ` + strconv.Itoa(total) + ` findings`; !strings.Contains(out, want) {
			t.Errorf("the counter does not say %q", want)
		}
		if !strings.Contains(out, `<dt>documents</dt><dd>4</dd>`) {
			t.Errorf("the totals do not count 4 documents")
		}
		for check, n := range checks {
			re := regexp.MustCompile(`class="filter-check" value="` + check + `" checked><span class="swatch cat-[a-z]+"></span><span class="name" title="` + check + `">` + check + `</span> <span class="n">(\d+)</span>`)
			if m := re.FindStringSubmatch(out); m == nil || m[1] != strconv.Itoa(n) {
				t.Errorf("filter %s: %v, want %d", check, m, n)
			}
		}
		if got := strings.Count(out, `class="filter-check"`); got != len(checks) {
			t.Errorf("%d check filters, want %d", got, len(checks))
		}
		for sev, n := range sevs {
			if want := `value="` + sev + `" checked><span class="name" title="` + sev + `">` + sev + `</span> <span class="n">` + strconv.Itoa(n) + `</span>`; !strings.Contains(out, want) {
				t.Errorf("no severity filter %q", want)
			}
		}
		// The run's problems are in the head, the page closes after the
		// last section.
		if i, j := strings.Index(out, "docs/missing: cannot read"), strings.Index(out, `<section class="document"`); i < 0 || i > j {
			t.Errorf("the run's problems are not above the documents")
		}
		if !strings.HasSuffix(out, "</html>\n") {
			t.Errorf("the page does not end with </html>")
		}
		if i, j := strings.LastIndex(out, "</section>"), strings.Index(out, "<footer>"); j < i {
			t.Errorf("the footer comes before the last section")
		}
	})
}

// A page whose documents cannot be read is not begun; a write that fails
// mid-page is reported.
func TestHTMLErrors(t *testing.T) {
	rep := htmlMulti(t)
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
	var b bytes.Buffer
	if err := NewHTML(&b, Options{}).Print(&broken); err == nil {
		t.Errorf("printed from a spool that cannot be read")
	}
	if b.Len() > 0 {
		t.Errorf("%d bytes written before the documents were read", b.Len())
	}

	full := len(render(t, "html", rep))
	for _, n := range []int{0, 1000, full / 2, full - 10} {
		w := &htmlShortWriter{left: n}
		if err := NewHTML(w, Options{}).Print(spooled(t, rep)); err == nil {
			t.Errorf("no error when the write fails after %d of %d bytes", n, full)
		}
	}
}

// htmlShortWriter fails once it has taken left bytes.
type htmlShortWriter struct{ left int }

func (w *htmlShortWriter) Write(p []byte) (int, error) {
	if len(p) > w.left {
		n := w.left
		w.left = 0
		return n, errors.New("disk full")
	}
	w.left -= len(p)
	return len(p), nil
}

// intsString joins numbers with commas.
func intsString(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

// A partial omission found by word alignment marks the omitted stretch in
// the source quote, escaped like the rest of the text; a span that would
// cut a character in two is left unmarked.
func TestHTMLMarksOmittedStretch(t *testing.T) {
	src := "欧盟峰会为难民政策争论，欧盟官员：接收过程<步步>瓶颈"
	start := strings.Index(src, "欧盟峰会为难民政策争论")
	end := start + len("欧盟峰会为难民政策争论")
	tests := []struct {
		name  string
		spans [][2]int
		want  string
		avoid string
	}{
		{"one stretch", [][2]int{{start, end}}, `<mark class="omitted" title="not rendered in the translation">欧盟峰会为难民政策争论</mark>，欧盟官员：接收过程&lt;步步&gt;瓶颈`, "<步步>"},
		{"inside a character", [][2]int{{start + 1, end}}, `<p class="quote"><b>zh</b>欧盟峰会为难民政策争论，`, `<mark class="omitted"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := tricky()
			f := &rep.Documents[0].Findings[0]
			f.Check = "partial_omission"
			f.Source = &metrics.Side{Path: "a.txt", Line: 1, Lang: "zh", Text: src, Omitted: tt.spans}
			fromMemoryAndSpool(t, rep, func(t *testing.T, out string) {
				if !strings.Contains(out, tt.want) {
					t.Errorf("the page lacks %q", tt.want)
				}
				if strings.Contains(out, tt.avoid) {
					t.Errorf("the page has %q", tt.avoid)
				}
			})
		})
	}
}

// The page lists the translations behind their source at its head, as
// the Markdown report does; a report with no stale finding has no such
// section.
func TestHTMLBehind(t *testing.T) {
	rep := tricky()
	fromMemoryAndSpool(t, rep, func(t *testing.T, out string) {
		if strings.Contains(out, `id="behind"`) {
			t.Error("a report with no stale finding has a Behind the source section")
		}
	})
	b := metrics.Behind{Commits: 3, Days: 12, Since: "2026-03-02", Lines: []string{"8", "12-14"}, Sections: []int{11, 15}}
	rep.Documents = append(rep.Documents, pipeline.DocumentReport{Name: "docs/en/<g>.md → docs/zh/<g>.md",
		Paths: []string{"docs/en/<g>.md", "docs/zh/<g>.md"}, Problems: []string{},
		Findings: []metrics.Finding{{Check: "stale", Severity: metrics.Warning, Confidence: 0.85, Message: "changed",
			Source: &metrics.Side{Path: "docs/en/<g>.md", Line: 8}, Target: &metrics.Side{Path: "docs/zh/<g>.md", Line: 11}, Behind: &b}}})
	rep.Totals.Warnings++
	fromMemoryAndSpool(t, rep, func(t *testing.T, out string) {
		i, j := strings.Index(out, `id="behind"`), strings.Index(out, `<section class="document"`)
		if i < 0 || j >= 0 && j < i {
			t.Fatalf("no Behind the source section before the documents")
		}
		if want := "<tr><td>docs/zh/&lt;g&gt;.md<td>3<td>12<td>lines 11, 15"; !strings.Contains(out, want) {
			t.Errorf("the page lacks the row %q", want)
		}
	})
}
