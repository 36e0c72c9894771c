package reports

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/transcheck/transcheck/metrics"
)

func TestHTMLSeedStructure(t *testing.T) {
	rep := seedReport(t)
	out := render(t, "html", rep)
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
	out := render(t, "html", rep)
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
}

// TestHTMLBrowser opens the seed's page in headless Chromium, checks that
// the four omissions are shown, hides them with the filter, shows them
// again and saves a screenshot.
func TestHTMLBrowser(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: CI must have the browser (apt-get install chromium)", chromium)
		}
		t.Skipf("%s is missing: install chromium to run the browser test", chromium)
	}
	rep := seedReport(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "seed.html")
	if err := os.WriteFile(page, []byte(render(t, "html", rep)), 0o644); err != nil {
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
		// No name resolves: the page must not need the network.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	defer cancelBrowser()

	var mu sync.Mutex
	var requests []string
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
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
	ints := func(expr string) []int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](expr))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	count := func(expr string) int {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	total := rep.Findings(metrics.Info)
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(page)}).String()
	box := chromedp.CSS(`input.filter-check[value="omission"]`)

	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("#filters"))); err != nil {
		t.Fatal(err)
	}
	before, nBefore, litBefore := ints(visibleOmissions), count(visibleFindings), count(omissionRowsLit)
	if err := chromedp.Do(ctx, chromedp.Click(box)); err != nil {
		t.Fatal(err)
	}
	after, nAfter, litAfter := ints(visibleOmissions), count(visibleFindings), count(omissionRowsLit)
	shown, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#shown-n")))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(box)); err != nil {
		t.Fatal(err)
	}
	again := ints(visibleOmissions)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
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
	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") {
			t.Errorf("the page requested %s", r)
		}
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("screenshot is not a PNG (%d bytes)", len(png))
	}
	shot := filepath.Join(dir, "seed-html.png")
	if p := os.Getenv("TRANSCHECK_SCREENSHOT"); p != "" {
		shot = p
	}
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
}

// intsString joins numbers with commas.
func intsString(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}
