package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/document"
)

// browser is a headless Chromium with one tab, for the tests that open
// the HTML pages. It records every request the pages make.
type browser struct {
	t   *testing.T
	ctx context.Context

	mu       sync.Mutex
	requests []string
}

// newBrowser starts Chromium for the test, with a 1280×900 window and no
// name resolution, and stops it when the test ends. Without Chromium the
// test is skipped, or fails when CI is set.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	chromium, err := exec.LookPath("chromium")
	if errors.Is(err, exec.ErrNotFound) {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is not on PATH: CI must have the browser (apt-get install chromium)")
		}
		t.Skipf("chromium is not on PATH: install chromium to run the browser tests")
	} else if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// No name resolves: the pages must not need the network.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(cancelBrowser)

	b := &browser{t: t, ctx: ctx}
	err = chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			b.mu.Lock()
			b.requests = append(b.requests, e.Request.URL)
			b.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return b
}

// fileURL is the file: URL of a local path.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// open loads a local file and waits until ready is visible.
func (b *browser) open(path, ready string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
		b.t.Fatalf("opening %s: %v", path, err)
	}
}

// do runs actions in the tab.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// evaluate returns the value of a script in the tab.
func evaluate[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%v, evaluating %s", err, expr)
	}
	return v
}

// offline fails the test for each request that left the local files.
func (b *browser) offline() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, r := range b.requests {
		if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") {
			b.t.Errorf("a page requested %s", r)
		}
	}
}

// TestHTMLBrowser opens the seed's page in headless Chromium, checks that
// the four omissions are shown, hides them with the filter, shows them
// again and takes a screenshot, saved where TRANSCHECK_SCREENSHOT says.
func TestHTMLBrowser(t *testing.T) {
	b := newBrowser(t)
	rep := seedReport(t)
	page := filepath.Join(t.TempDir(), "seed.html")
	if err := os.WriteFile(page, []byte(render(t, "html", rep)), 0o644); err != nil {
		t.Fatal(err)
	}

	const visibleOmissions = `Array.from(document.querySelectorAll('.finding[data-check="omission"]'))
		.filter(function (e) { return e.offsetParent !== null && e.getBoundingClientRect().height > 0; })
		.map(function (e) { return Number(e.dataset.line); })`
	const visibleFindings = `Array.from(document.querySelectorAll('.finding'))
		.filter(function (e) { return e.offsetParent !== null; }).length`
	// Rows whose only findings are omissions, still highlighted.
	const omissionRowsLit = `Array.from(document.querySelectorAll('tr[data-marks]'))
		.filter(function (tr) { return tr.dataset.marks.split(' ').every(function (m) { return m.indexOf('omission|') === 0; }); })
		.filter(function (tr) { return /\bhl-/.test(tr.className); }).length`
	total := rep.Findings(metrics.Info)
	box := chromedp.CSS(`input.filter-check[value="omission"]`)

	b.open(page, "#filters")
	before, nBefore, litBefore := evaluate[[]int](b, visibleOmissions), evaluate[int](b, visibleFindings), evaluate[int](b, omissionRowsLit)
	b.do(chromedp.Click(box))
	after, nAfter, litAfter := evaluate[[]int](b, visibleOmissions), evaluate[int](b, visibleFindings), evaluate[int](b, omissionRowsLit)
	shown := evaluate[string](b, `document.getElementById("shown-n").textContent`)
	b.do(chromedp.Click(box))
	again := evaluate[[]int](b, visibleOmissions)
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}

	if got := intsString(before); got != "1,3,13,15" {
		t.Errorf("visible omissions at lines %s, want 1,3,13,15", got)
	}
	if nBefore != total {
		t.Errorf("%d findings visible, want all %d", nBefore, total)
	}
	if litBefore == 0 {
		t.Errorf("no row highlighted for the omissions")
	}
	if len(after) != 0 || nAfter != total-4 || shown != intsString([]int{total - 4}) {
		t.Errorf("after hiding omission: %v still visible, %d findings visible (counter %q), want none and %d", after, nAfter, shown, total-4)
	}
	if litAfter != 0 {
		t.Errorf("%d rows with only omissions still highlighted after hiding them", litAfter)
	}
	if intsString(again) != "1,3,13,15" {
		t.Errorf("showing omission again: %v visible", again)
	}
	b.offline()
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("screenshot is not a PNG (%d bytes)", len(png))
	}
	// TRANSCHECK_SCREENSHOT=FILE keeps the screenshot for a person to look
	// at; a copy in the test's temporary folder would be gone when it ends.
	if shot := os.Getenv("TRANSCHECK_SCREENSHOT"); shot != "" {
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", shot)
	}
}

// chipsReport is a report whose chips are hard to fit: thirty checks,
// some with names of 90 characters and no space, all on the first row of
// a document's text.
func chipsReport() *pipeline.Report {
	doc := pairedDocument([]float64{3, 3, 2.5, 3.5, 3, 3})
	side := func(s *document.Segment) *metrics.Side {
		return &metrics.Side{Path: s.Pos.Path, Line: s.Pos.Line, Lang: s.Lang, Text: s.Text}
	}
	var findings []metrics.Finding
	for i := 0; i < 30; i++ {
		check := fmt.Sprintf("check_%02d", i)
		if i%3 == 0 {
			check = fmt.Sprintf("consistency_of_terminology_between_the_project_glossary_and_the_user_interface_strings_%02d", i)
		}
		findings = append(findings, metrics.Finding{Check: check, Severity: metrics.Severity(i % 3),
			Message: "a finding of " + check, Source: side(doc.Segment(0)), Target: side(doc.Segment(1))})
	}
	d := pipeline.DocumentReport{Name: doc.Name, Paths: []string{doc.Name}, Format: "markdown", Source: "zh", Target: "en",
		Counts:   pipeline.Counts{Segments: 12, Paired: 12, Pairs: 6, SourceSegments: 6, SourcePaired: 6, Errors: 10, Warnings: 10, Infos: 10},
		Problems: []string{}, Findings: findings, Doc: doc}
	return &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Passed: false, Reasons: []string{"10 findings at error or above"}},
		Documents: []pipeline.DocumentReport{d}, Totals: d.Counts, Problems: []string{}}
}

// chipOverflow lists the chips (check and severity labels, filters) that
// stand outside their container, the containers whose content is wider
// than they are, and the page itself if it scrolls sideways.
const chipOverflow = `(function () {
  var bad = [];
  function name(el) { return el.tagName.toLowerCase() + "." + el.className + " " + JSON.stringify(el.textContent.trim().slice(0, 30)); }
  document.querySelectorAll(".tag, .filters label").forEach(function (el) {
    var r = el.getBoundingClientRect(), p = el.parentElement.getBoundingClientRect();
    if (r.right > p.right + 0.5 || r.left < p.left - 0.5) {
      bad.push(name(el) + " spans " + r.left + "–" + r.right + " in " + name(el.parentElement) + " " + p.left + "–" + p.right);
    }
  });
  document.querySelectorAll("td, .finding .head, .filters, .filters fieldset").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth) { bad.push(name(el) + " holds " + el.scrollWidth + "px in " + el.clientWidth + "px"); }
  });
  var root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) { bad.push("the page is " + root.scrollWidth + "px wide in a " + root.clientWidth + "px window"); }
  return bad;
})()`

// Chips with long names, and many of them, stay inside their containers
// on a wide and on a narrow screen; a chip cut short names its check in
// its title.
func TestHTMLChipsFit(t *testing.T) {
	b := newBrowser(t)
	page := filepath.Join(t.TempDir(), "chips.html")
	if err := os.WriteFile(page, []byte(render(t, "html", chipsReport())), 0o644); err != nil {
		t.Fatal(err)
	}
	b.open(page, "#filters")
	for _, width := range []int64{1280, 420} {
		b.do(chromedp.EmulateViewport(width, 900))
		chips := evaluate[int](b, `document.querySelectorAll("td .tag").length`)
		if chips < 30 {
			t.Fatalf("%d chips in the text's findings column, want the 30 checks", chips)
		}
		for _, bad := range evaluate[[]string](b, chipOverflow) {
			t.Errorf("at %dpx: %s", width, bad)
		}
		// A chip cut short is still named in full, on hover.
		cut := evaluate[[]string](b, `Array.from(document.querySelectorAll(".tag, .filters label .name"))
			.filter(function (el) { return el.scrollWidth > el.clientWidth && el.title !== el.textContent.trim(); })
			.map(function (el) { return el.textContent.trim(); })`)
		for _, name := range cut {
			t.Errorf("at %dpx: the chip %q is cut short with no title naming it", width, name)
		}
	}
	b.offline()
}

// largeRun spools a run of n small documents, one in every 50 with
// findings, as the command spools a corpus: never all in memory.
func largeRun(t *testing.T, n int) *pipeline.Report {
	t.Helper()
	s, err := pipeline.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	rep := reportOf()
	for i := 0; i < n; i++ {
		d := smallDocument(fmt.Sprintf("docs/part-%03d/section-%05d.zh-en.md", i/1000, i), "", i%50 == 7)
		if err := s.Add(&d); err != nil {
			t.Fatal(err)
		}
		rep.Totals.Add(d.Counts)
	}
	rep.Documents = nil
	rep.UseSpool(s)
	rep.Gate = pipeline.Gate{Passed: false, Reasons: []string{fmt.Sprintf("%d findings at error or above", rep.Totals.Errors)}}
	return rep
}

// A run of 50,000 documents gives an index under 5 MB that Chromium opens,
// whose links lead to the documents' pages, on which the filter works; the
// single page of the same run is measured too.
func TestHTMLSiteLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and opens the site of 50,000 spooled documents")
	}
	const n, withFindings = 50000, 1000
	rep := largeRun(t, n)
	dir := t.TempDir()
	var pages int
	err := WriteHTMLSite(rep, Options{}, func(name string, write func(io.Writer) error) error {
		if filepath.Base(name) != name || strings.HasPrefix(name, ".") {
			t.Fatalf("the site writes %q, outside its folder", name)
		}
		f, err := os.OpenFile(filepath.Join(dir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if err := write(f); err != nil {
			f.Close()
			return err
		}
		pages++
		return f.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != withFindings+1 {
		t.Errorf("%d files, want the index and %d pages", pages, withFindings)
	}
	fi, err := os.Stat(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > 5<<20 {
		t.Errorf("index.html of %d documents is %.1f MB, want under 5 MB", n, float64(fi.Size())/(1<<20))
	}
	var single countingWriter
	if err := NewHTML(&single, Options{}).Print(rep); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d documents, %d with findings: index.html %.2f MB, single page %.2f MB",
		n, withFindings, float64(fi.Size())/(1<<20), float64(single.n)/(1<<20))
	// Each document with findings is a section of the single page, each
	// other a line: about 4 kB and 70 bytes here.
	if single.n > 10<<20 {
		t.Errorf("the single page of %d documents is %.1f MB, want under 10 MB", n, float64(single.n)/(1<<20))
	}

	b := newBrowser(t)
	b.open(filepath.Join(dir, "index.html"), "table.docs")
	rows := evaluate[int](b, `document.querySelectorAll("table.docs tbody tr").length`)
	lines := evaluate[int](b, `document.querySelectorAll("tr[data-m]").length`)
	if rows != n || lines != withFindings {
		t.Errorf("the index shows %d lines, %d with findings; want %d and %d", rows, lines, n, withFindings)
	}
	// The lines come in tables of 1,000 that the browser lays out when
	// they come into view.
	tables := evaluate[[]int](b, `Array.from(document.querySelectorAll("table.docs")).map(function (t) {
		return getComputedStyle(t.parentElement).contentVisibility === "auto" ? t.tBodies[0].rows.length : -1; })`)
	if want := "1000," + strings.TrimSuffix(strings.Repeat("1000,", 49), ","); intsString(tables) != want {
		t.Errorf("the index's tables hold %v lines (-1: laid out out of view), want %s", tables, want)
	}
	// The index's filter hides the documents whose findings it hides.
	b.do(chromedp.Click(chromedp.CSS(`input.filter-check[value="numbers"]`)))
	shown := evaluate[string](b, `document.getElementById("shown-n").textContent`)
	b.do(chromedp.Click(chromedp.CSS(`input.filter-check[value="omission"]`)))
	hidden := evaluate[int](b, `Array.from(document.querySelectorAll("tr[data-m]")).filter(function (tr) { return tr.offsetParent === null; }).length`)
	if shown != fmt.Sprint(withFindings) || hidden != withFindings {
		t.Errorf("with numbers hidden the index counts %s findings, want %d; with omission too it hides %d documents, want %d", shown, withFindings, hidden, withFindings)
	}
	b.do(chromedp.Click(chromedp.CSS(`input.filter-check[value="numbers"]`)), chromedp.Click(chromedp.CSS(`input.filter-check[value="omission"]`)))

	href := evaluate[string](b, `document.querySelector("tr[data-m] a").getAttribute("href")`)
	if _, err := os.Stat(filepath.Join(dir, href)); err != nil {
		t.Fatalf("the index links to %s: %v", href, err)
	}
	b.do(chromedp.Click(chromedp.CSS(`tr[data-m] a`)), chromedp.WaitVisible(chromedp.CSS("section.document")))
	if loc := evaluate[string](b, `location.href`); loc != fileURL(filepath.Join(dir, href)) {
		t.Errorf("following the first link opened %s, want %s", loc, href)
	}
	const visible = `Array.from(document.querySelectorAll(".finding")).filter(function (e) { return e.offsetParent !== null; })
		.map(function (e) { return e.dataset.check; }).join(" ")`
	before := evaluate[string](b, visible)
	b.do(chromedp.Click(chromedp.CSS(`input.filter-check[value="numbers"]`)))
	after, counter := evaluate[string](b, visible), evaluate[string](b, `document.getElementById("shown-n").textContent`)
	lit := evaluate[int](b, `document.querySelectorAll("tr.hl-numbers").length`)
	if before != "numbers omission" || after != "omission" || counter != "1" || lit != 0 {
		t.Errorf("the page's filter: findings %q, then with numbers hidden %q (counter %s, %d rows lit for numbers); want \"numbers omission\", then \"omission\" (1, 0)", before, after, counter, lit)
	}
	b.do(chromedp.Click(chromedp.CSS(`a[rel="next"]`)), chromedp.WaitVisible(chromedp.CSS("section.document")))
	if loc := evaluate[string](b, `location.href`); !strings.HasSuffix(loc, "/doc-00058-section-00057-zh-en-md.html") {
		t.Errorf("the next link opened %s, want the second document with findings", loc)
	}
	b.offline()
}

// countingWriter counts the bytes written to it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}
