package reports

import (
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
)

type htmlPrinter struct {
	w    io.Writer
	opts Options
}

// NewHTML returns the printer of a self-contained HTML page for reviewers:
// the verdict and totals, then each document that has findings, in the
// run's order, with its counts, the findings with a filter by check and
// severity, a chart of length ratios across the document, and the text
// side by side with the rows that have findings highlighted; then one line
// (name and counts, no text) for each document without findings. The page
// loads nothing: its style, script and chart are inline. For runs too
// large for one page, WriteHTMLSite writes a folder of pages instead.
//
// The page is written one document at a time: a first pass over the
// documents counts the findings for the filters at the top, then the head
// is written, a second pass builds and writes the section of each document
// with findings in turn, a third writes the line of each document without,
// and the tail closes the page. Memory holds one document's section, not
// the corpus'.
func NewHTML(w io.Writer, opts Options) Printer { return htmlPrinter{w: w, opts: opts} }

// Finding categories, each with its highlight colour on the page.
const (
	catOmission = "omission" // text with no counterpart, on either side
	catNumbers  = "numbers"
	catLength   = "length"
	catOther    = "other"
)

// categoryOrder ranks categories: a row with findings of several is
// highlighted in the colour of the first.
var categoryOrder = []string{catOmission, catNumbers, catLength, catOther}

// categoryOf groups a check under the colour it is shown in.
func categoryOf(check string) string {
	switch check {
	case "omission", "addition", "partial_omission", "missing_translation", "orphan_translation":
		return catOmission
	case "numbers":
		return catNumbers
	case "length_ratio":
		return catLength
	}
	return catOther
}

// htmlPage is what the head of a page shows: the verdict, the totals,
// the filters with their counts and the run's problems. The documents'
// sections or lines follow it one at a time (htmlDocument, htmlLine).
type htmlPage struct {
	Title                 string
	Verdict, VerdictClass string
	Totals                []htmlStat
	Checks                []htmlFilter
	Severities            []htmlFilter
	FindingCount          int
	Problems              []string
	// WithFindings and Clean count the documents with findings and
	// without.
	WithFindings, Clean int
	// Behind lists the translations whose source changed after their last
	// update (stale findings), BehindMore how many more there are.
	Behind     []behindRow
	BehindAll  int
	BehindMore int
	// Home, Prev and Next link a document's page of a site to the index
	// and to the pages of the documents with findings before and after it;
	// empty on a single page and on the index.
	Home       string
	Prev, Next *htmlLink
}

type htmlLink struct {
	Href, Name string
}

type htmlStat struct {
	Label, Value string
	Class        string
}

type htmlFilter struct {
	Name, Category string
	Count          int
}

// htmlDocument is one document's section of the page.
type htmlDocument struct {
	ID, Name, Langs, Format string
	SourceLang, TargetLang  string
	Stats                   []htmlStat
	Problems                []string
	Findings                []htmlFinding
	Rows                    []*htmlRow
	Chart                   *htmlChart
}

type htmlFinding struct {
	Check, Severity, Category, Message string
	Baselined                          bool
	Line                               int
	Where                              string
	RowID                              string
	Source, Target                     *metrics.Side
}

type htmlRow struct {
	ID                       string
	N                        int
	Pair                     int // 1-based index among the pairs, 0 when one side is empty
	SourceLines, TargetLines string
	Source, Target           []string
	Class                    string
	Marks                    string // check|severity|category of each finding, for the filter script
	Badges                   []htmlFilter
	firstSeg                 int
	sourceIDs, targetIDs     []int
	categories, marks        map[string]bool
}

type htmlChart struct {
	Width, Height            int
	Left, Right, Top, Bottom int
	Points                   []htmlPoint
	Line                     string // the points of the polyline through them
	MedianY, Median          string
	Ticks, XTicks            []htmlTick
	Gaps                     []htmlGap
	Flagged                  int
	Pairs                    int
}

type htmlPoint struct {
	X, Y    string
	Ratio   string
	Pair    int
	Lines   string
	RowID   string
	Flagged bool
}

// htmlGap marks where text with no counterpart stands between pairs.
type htmlGap struct {
	X, Lines, RowID string
}

type htmlTick struct {
	Pos, Label string
}

// Print writes the page: the head (htmlPage), then the section of each
// document with findings, built and written while its report is at hand,
// then the line of each document without, then the tail. The documents are
// read three times: for the counts the head shows, for the sections and
// for the lines.
func (p htmlPrinter) Print(r *pipeline.Report) error {
	page, err := htmlPageOf(r)
	if err != nil {
		return err
	}
	if err := htmlTemplate.ExecuteTemplate(p.w, "head", page); err != nil {
		return err
	}
	i := 0
	err = r.EachDocument(func(d *pipeline.DocumentReport) error {
		defer func() { i++ }()
		if len(d.Findings) == 0 {
			return nil
		}
		// The section refers to the report's findings and problems: it is
		// written before the report goes.
		return htmlTemplate.ExecuteTemplate(p.w, "document", htmlDocumentOf(i, d))
	})
	if err != nil {
		return err
	}
	if err := htmlCleanLines(p.w, r, page.Clean); err != nil {
		return err
	}
	return htmlTemplate.ExecuteTemplate(p.w, "tail", page)
}

// htmlCleanLines writes the table of the documents without findings, a
// line each, in the run's order; nothing when there are none.
func htmlCleanLines(w io.Writer, r *pipeline.Report, clean int) error {
	if clean == 0 {
		return nil
	}
	lw := htmlLineWriter{w: w, kind: "clean"}
	if err := htmlTemplate.ExecuteTemplate(w, "clean-start", clean); err != nil {
		return err
	}
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		if len(d.Findings) > 0 {
			return nil
		}
		return lw.line(htmlLineOf(d, ""))
	})
	if err != nil {
		return err
	}
	return htmlTemplate.ExecuteTemplate(w, "lines-end", nil)
}

// htmlLinesPerTable is the most lines in one table: the lines of a run are
// cut into tables whose layout the browser skips until they come into view
// (content-visibility), so that a page of 50,000 lines opens and filters
// without laying them all out.
const htmlLinesPerTable = 1000

// htmlLineWriter writes lines of a kind ("findings" or "clean"), starting
// a new table every htmlLinesPerTable lines.
type htmlLineWriter struct {
	w    io.Writer
	kind string
	n    int
}

func (lw *htmlLineWriter) line(l htmlLine) error {
	if lw.n > 0 && lw.n%htmlLinesPerTable == 0 {
		if err := htmlTemplate.ExecuteTemplate(lw.w, lw.kind+"-chunk", nil); err != nil {
			return err
		}
	}
	lw.n++
	return htmlTemplate.ExecuteTemplate(lw.w, lw.kind+"-line", l)
}

// htmlPageOf gathers what the head of the page shows, with a pass over the
// documents that keeps only the counts of their findings by check and by
// severity, and of the documents with findings and without.
func htmlPageOf(r *pipeline.Report) (htmlPage, error) {
	var t htmlTally
	if err := r.EachDocument(func(d *pipeline.DocumentReport) error { t.add(d); return nil }); err != nil {
		return htmlPage{}, err
	}
	return htmlRunPage(r, &t), nil
}

// htmlRunPage is the head of the page of the whole run: the verdict, the
// totals and the filters with the counts of t.
func htmlRunPage(r *pipeline.Report, t *htmlTally) htmlPage {
	page := htmlPage{Title: "transcheck report", Problems: r.Problems}
	c := r.Totals
	// The gate was decided by the command; the page only shows it.
	page.Verdict, page.VerdictClass = htmlVerdict(r)
	page.Totals = []htmlStat{
		{"documents", strconv.Itoa(r.DocumentCount()), ""},
		{"complete", pct(c.Completeness()), ""},
		{"errors", strconv.Itoa(c.Errors), "error"},
		{"warnings", strconv.Itoa(c.Warnings), "warning"},
		{"notices", strconv.Itoa(c.Infos), "info"},
		{"segments", strconv.Itoa(c.Segments), ""},
		{"pairs", strconv.Itoa(c.Pairs), ""},
		{"unpaired", strconv.Itoa(c.Unpaired), ""},
	}
	page.Totals = append(page.Totals, leftOutStats(c)...)
	page.Checks, page.Severities, page.FindingCount = t.filters()
	page.WithFindings, page.Clean = t.withFindings, t.clean
	page.Behind, page.BehindAll, page.BehindMore = t.behind, t.behindAll, t.behindAll-len(t.behind)
	return page
}

// leftOutStats are the findings found and not reported (see leftOut),
// shown only when there are some.
func leftOutStats(c pipeline.Counts) []htmlStat {
	var out []htmlStat
	if c.Suppressed > 0 {
		out = append(out, htmlStat{"suppressed", strconv.Itoa(c.Suppressed), ""})
	}
	if c.Hidden > 0 {
		out = append(out, htmlStat{"hidden below --min-confidence", strconv.Itoa(c.Hidden), ""})
	}
	return out
}

// htmlVerdict is the gate's verdict and its class on the page.
func htmlVerdict(r *pipeline.Report) (string, string) {
	if r.Gate.Passed {
		return "gate " + verdict(r), "pass"
	}
	return "gate " + verdict(r), "fail"
}

// htmlTally counts findings by check and by severity, for the filters, and
// documents with findings and without.
type htmlTally struct {
	checks, sevs        map[string]int
	findings            int
	withFindings, clean int
	behind              []behindRow // the first behindRows stale pages
	behindAll           int
}

// add counts a document's findings; each is one on its section.
func (t *htmlTally) add(d *pipeline.DocumentReport) {
	if t.checks == nil {
		t.checks, t.sevs = map[string]int{}, map[string]int{}
	}
	if len(d.Findings) == 0 {
		t.clean++
		return
	}
	t.withFindings++
	for _, f := range d.Findings {
		t.checks[f.Check]++
		t.sevs[f.Severity.String()]++
		t.findings++
		if row, ok := behindRowOf(d, f); ok {
			t.behindAll++
			if len(t.behind) < behindRows {
				t.behind = append(t.behind, row)
			}
		}
	}
}

// filters returns the filters by check (by name) and by severity (most
// severe first), with their counts, and the number of findings.
func (t *htmlTally) filters() (checks, sevs []htmlFilter, n int) {
	for name, n := range t.checks {
		checks = append(checks, htmlFilter{Name: name, Category: categoryOf(name), Count: n})
	}
	sort.Slice(checks, func(i, j int) bool { return checks[i].Name < checks[j].Name })
	for _, s := range []metrics.Severity{metrics.Error, metrics.Warning, metrics.Info} {
		if n := t.sevs[s.String()]; n > 0 {
			sevs = append(sevs, htmlFilter{Name: s.String(), Count: n})
		}
	}
	return checks, sevs, t.findings
}

// htmlLine is a document in one line: its name (a link to its page, when
// it has one), its counts and its input problems; Marks has the count of
// its findings by check and severity ("check|severity|n ..."), for the
// filter to hide the documents whose findings are all filtered out.
type htmlLine struct {
	Name, Href, Marks, Complete                        string
	Errors, Warnings, Infos, Segments, Pairs, Unpaired int
	Problems                                           []string
}

// htmlLineOf returns the line of a document; href is the address of its
// page, if any.
func htmlLineOf(d *pipeline.DocumentReport, href string) htmlLine {
	c := d.Counts
	l := htmlLine{Name: d.Name, Href: href, Complete: pct(c.Completeness()), Errors: c.Errors, Warnings: c.Warnings,
		Infos: c.Infos, Segments: c.Segments, Pairs: c.Pairs, Unpaired: c.Unpaired, Problems: d.Problems}
	if len(d.Findings) > 0 {
		n := map[string]int{}
		for _, f := range d.Findings {
			n[f.Check+"|"+f.Severity.String()]++
		}
		marks := make([]string, 0, len(n))
		for k, v := range n {
			marks = append(marks, k+"|"+strconv.Itoa(v))
		}
		sort.Strings(marks)
		l.Marks = strings.Join(marks, " ")
	}
	return l
}

// htmlDocumentOf builds the section of the i-th document (its ID is "d"
// and i). The section shares d's findings and problems: use it while d is
// valid.
func htmlDocumentOf(i int, d *pipeline.DocumentReport) htmlDocument {
	hd := htmlDocument{ID: fmt.Sprintf("d%d", i), Name: d.Name, Langs: langs(d.Source, d.Target),
		Format: d.Format, SourceLang: d.Source, TargetLang: d.Target, Problems: d.Problems}
	dc := d.Counts
	hd.Stats = []htmlStat{
		{"complete", pct(dc.Completeness()), ""},
		{"errors", strconv.Itoa(dc.Errors), "error"},
		{"warnings", strconv.Itoa(dc.Warnings), "warning"},
		{"notices", strconv.Itoa(dc.Infos), "info"},
		{"segments", strconv.Itoa(dc.Segments), ""},
		{"pairs", strconv.Itoa(dc.Pairs), ""},
		{"unpaired", strconv.Itoa(dc.Unpaired), ""},
		{"skipped", strconv.Itoa(dc.Skipped), ""},
	}
	hd.Stats = append(hd.Stats, leftOutStats(dc)...)
	if v, ok := d.Measures["length_ratio"]; ok {
		hd.Stats = append(hd.Stats, htmlStat{"length ratio", strconv.FormatFloat(v, 'f', 2, 64), ""})
	}
	if v, ok := d.Measures["coverage"]; ok {
		hd.Stats = append(hd.Stats, htmlStat{"coverage", pct(100 * v), ""})
	}
	var rows []*htmlRow
	var rowOf map[int]*htmlRow
	if d.Doc != nil {
		rows, rowOf = htmlRows(hd.ID, d.Doc)
	}
	for _, f := range d.Findings {
		hf := htmlFinding{Check: f.Check, Severity: f.Severity.String(), Category: categoryOf(f.Check),
			Message: f.Message, Baselined: f.Baselined, Where: d.Name, Source: f.Source, Target: f.Target}
		if w := f.Where(); w != nil {
			hf.Line = w.Line
			hf.Where = fmt.Sprintf("%s:%d", w.Path, w.Line)
		}
		if d.Doc != nil {
			matched := findingRows(d.Doc, rowOf, f)
			for _, row := range matched {
				row.mark(f)
			}
			if len(matched) > 0 {
				hf.RowID = matched[0].ID
			}
		}
		hd.Findings = append(hd.Findings, hf)
	}
	for _, row := range rows {
		row.finish()
	}
	hd.Rows = rows
	if d.Doc != nil {
		hd.Chart = lengthChart(d.Doc, rows, rowOf)
	}
	return hd
}

// htmlRows lays the document out as rows: one per bead, and one per
// segment that is in no bead, in document order. rowOf maps a segment ID
// to its row.
func htmlRows(docID string, doc *document.Document) ([]*htmlRow, map[int]*htmlRow) {
	var rows []*htmlRow
	rowOf := map[int]*htmlRow{}
	for _, b := range doc.Beads {
		row := &htmlRow{sourceIDs: b.Source, targetIDs: b.Target, firstSeg: math.MaxInt}
		for _, id := range append(append([]int(nil), b.Source...), b.Target...) {
			row.firstSeg = min(row.firstSeg, id)
			rowOf[id] = row
		}
		if len(b.Source) == 0 && len(b.Target) == 0 {
			continue
		}
		rows = append(rows, row)
	}
	for _, s := range doc.Segments() {
		if _, ok := rowOf[s.ID]; ok || s.Skip != "" {
			continue
		}
		row := &htmlRow{firstSeg: s.ID}
		// With the direction inferred, text of the target language still
		// reads best in the target column.
		if s.Lang == doc.Target || s.Role == document.RoleTarget {
			row.targetIDs = []int{s.ID}
		} else {
			row.sourceIDs = []int{s.ID}
		}
		rowOf[s.ID] = row
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].firstSeg < rows[j].firstSeg })
	pair := 0
	for i, row := range rows {
		row.N = i + 1
		row.ID = fmt.Sprintf("%s-r%d", docID, i+1)
		if len(row.sourceIDs) > 0 && len(row.targetIDs) > 0 {
			pair++
			row.Pair = pair
		}
		row.Source, row.SourceLines = segmentTexts(doc, row.sourceIDs)
		row.Target, row.TargetLines = segmentTexts(doc, row.targetIDs)
	}
	return rows, rowOf
}

// segmentTexts returns the texts of segments and the lines they stand on
// ("5", or "5–7" across lines).
func segmentTexts(doc *document.Document, ids []int) ([]string, string) {
	if len(ids) == 0 {
		return nil, ""
	}
	var texts []string
	lo, hi := math.MaxInt, 0
	for _, id := range ids {
		s := doc.Segment(id)
		texts = append(texts, s.Text)
		lo, hi = min(lo, s.Pos.Line), max(hi, s.Pos.Line)
	}
	if lo == hi {
		return texts, strconv.Itoa(lo)
	}
	return texts, fmt.Sprintf("%d–%d", lo, hi)
}

// findingRows finds the rows a finding is about: the rows of the segments
// on each side's path and line whose text the side quotes (a side quotes
// the joined text of its segments), or all the segments on that line when
// none is quoted.
func findingRows(doc *document.Document, rowOf map[int]*htmlRow, f metrics.Finding) []*htmlRow {
	var out []*htmlRow
	seen := map[*htmlRow]bool{}
	for _, side := range []*metrics.Side{f.Source, f.Target} {
		if side == nil || side.Line == 0 {
			continue
		}
		var onLine, quoted []int
		for _, s := range doc.Segments() {
			if s.Pos.Path != side.Path || s.Pos.Line != side.Line || s.Skip != "" {
				continue
			}
			onLine = append(onLine, s.ID)
			if s.Text != "" && (strings.Contains(side.Text, s.Text) || strings.Contains(s.Text, side.Text)) {
				quoted = append(quoted, s.ID)
			}
		}
		if len(quoted) == 0 {
			quoted = onLine
		}
		for _, id := range quoted {
			if row := rowOf[id]; row != nil && !seen[row] {
				seen[row] = true
				out = append(out, row)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].N < out[j].N })
	return out
}

// mark records a finding on a row.
func (row *htmlRow) mark(f metrics.Finding) {
	if row.categories == nil {
		row.categories, row.marks = map[string]bool{}, map[string]bool{}
	}
	cat := categoryOf(f.Check)
	row.categories[cat] = true
	key := f.Check + "|" + f.Severity.String() + "|" + cat
	if !row.marks[key] {
		row.marks[key] = true
		row.Badges = append(row.Badges, htmlFilter{Name: f.Check, Category: cat})
	}
}

// finish sets the row's highlight from its findings.
func (row *htmlRow) finish() {
	for _, cat := range categoryOrder {
		if row.categories[cat] {
			row.Class = "hl hl-" + cat
			break
		}
	}
	var marks []string
	for k := range row.marks {
		marks = append(marks, k)
	}
	sort.Strings(marks)
	row.Marks = strings.Join(marks, " ")
	sort.Slice(row.Badges, func(i, j int) bool { return row.Badges[i].Name < row.Badges[j].Name })
	// Two findings of one check on a row show one badge.
	var badges []htmlFilter
	for i, b := range row.Badges {
		if i == 0 || b.Name != row.Badges[i-1].Name {
			badges = append(badges, b)
		}
	}
	row.Badges = badges
}

// Chart geometry, in SVG user units.
const (
	chartWidth, chartHeight = 1100, 230
	chartLeft, chartRight   = 40, 84 // the median's label stands in the right margin
	chartTop, chartBottom   = 14, 34
)

// lengthChart plots target characters per source character for each pair,
// in document order, with the median as a line: a stretch of points off
// the line is where the translation drifts. Nil when there are fewer than
// two pairs.
func lengthChart(doc *document.Document, rows []*htmlRow, rowOf map[int]*htmlRow) *htmlChart {
	type pt struct {
		ratio float64
		row   *htmlRow
	}
	var pts []pt
	for _, row := range rows {
		if row.Pair == 0 {
			continue
		}
		var l1, l2 int
		for _, id := range row.sourceIDs {
			l1 += align.TextLength(doc.Segment(id).Text)
		}
		for _, id := range row.targetIDs {
			l2 += align.TextLength(doc.Segment(id).Text)
		}
		if l1 == 0 {
			continue
		}
		pts = append(pts, pt{float64(l2) / float64(l1), row})
	}
	if len(pts) < 2 {
		return nil
	}
	ratios := make([]float64, len(pts))
	for i, p := range pts {
		ratios[i] = p.ratio
	}
	sort.Float64s(ratios)
	median := ratios[len(ratios)/2]
	if len(ratios)%2 == 0 {
		median = (ratios[len(ratios)/2-1] + ratios[len(ratios)/2]) / 2
	}
	step := niceStep(max(ratios[len(ratios)-1], 2*median) / 4)
	top := step * math.Ceil(max(ratios[len(ratios)-1], 2*median)/step)
	plotW := float64(chartWidth - chartLeft - chartRight)
	plotH := float64(chartHeight - chartTop - chartBottom)
	x := func(i float64) float64 { return float64(chartLeft) + plotW*i/float64(len(pts)-1) }
	y := func(v float64) float64 { return float64(chartTop) + plotH*(1-v/top) }
	ch := &htmlChart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartWidth - chartRight,
		Top: chartTop, Bottom: chartHeight - chartBottom, Pairs: len(pts),
		MedianY: f1(y(median)), Median: strconv.FormatFloat(median, 'f', 2, 64)}
	var line []string
	for i, p := range pts {
		hp := htmlPoint{X: f1(x(float64(i))), Y: f1(y(p.ratio)), Ratio: strconv.FormatFloat(p.ratio, 'f', 2, 64),
			Pair: p.row.Pair, RowID: p.row.ID, Flagged: p.row.categories[catLength]}
		hp.Lines = p.row.SourceLines
		if p.row.TargetLines != p.row.SourceLines {
			hp.Lines += " / " + p.row.TargetLines
		}
		if hp.Flagged {
			ch.Flagged++
		}
		ch.Points = append(ch.Points, hp)
		line = append(line, hp.X+","+hp.Y)
	}
	ch.Line = strings.Join(line, " ")
	for i := 0; i <= int(math.Round(top/step)); i++ {
		v := float64(i) * step
		ch.Ticks = append(ch.Ticks, htmlTick{f1(y(v)), tickLabel(v, step)})
	}
	ch.Gaps = omissionGaps(rows, x, len(pts))
	ch.XTicks = []htmlTick{{f1(x(0)), "1"}}
	xstep := max(int(niceStep(float64(len(pts))/8)), 1)
	for i := xstep; i <= len(pts); i += xstep {
		if i > 1 {
			ch.XTicks = append(ch.XTicks, htmlTick{f1(x(float64(i - 1))), strconv.Itoa(i)})
		}
	}
	return ch
}

// omissionGaps places each row with an omission-like finding and no pair
// between the pairs around it, so the chart shows where text was dropped
// as well as where it drifts. Rows between the same two pairs share a mark.
func omissionGaps(rows []*htmlRow, x func(float64) float64, pairs int) []htmlGap {
	var gaps []htmlGap
	var lines []string
	last := -1.0
	seen := 0
	for _, row := range rows {
		if row.Pair > 0 {
			seen++
			continue
		}
		if !row.categories[catOmission] {
			continue
		}
		pos := min(max(float64(seen)-0.5, 0), float64(pairs-1))
		where := row.SourceLines
		if where == "" {
			where = row.TargetLines
		}
		if pos == last {
			if lines[len(lines)-1] != where {
				lines = append(lines, where)
				gaps[len(gaps)-1].Lines = strings.Join(lines, ", ")
			}
			continue
		}
		last, lines = pos, []string{where}
		gaps = append(gaps, htmlGap{X: f1(x(pos)), Lines: where, RowID: row.ID})
	}
	return gaps
}

// niceStep rounds a step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// tickLabel writes v, a multiple of step, with no more decimals than step
// has: 3×0.2 is 0.6000000000000001 in floating point, and is labelled 0.6.
// Trailing zeros go (1, not 1.0), as on the axes of the integer steps.
func tickLabel(v, step float64) string {
	decimals := 0
	if s := strconv.FormatFloat(step, 'f', -1, 64); strings.Contains(s, ".") {
		decimals = len(s) - strings.Index(s, ".") - 1
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if decimals > 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

func f1(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// htmlTemplate defines the parts pages are written in: "head" (htmlPage:
// everything before the documents), "document" (htmlDocument: the section
// of a document with findings), the tables of documents in lines
// (htmlLine: "findings-start", then "findings-line" for each document with
// findings, linking to its page, or "clean-start" and "clean-line" for
// each document without; "findings-chunk" and "clean-chunk" start a new
// table, "lines-end" closes the last) and "tail" (everything after the
// documents). The single page is head, sections, clean lines, tail; a
// site's index is head, findings lines, clean lines, tail; a site's page
// is head, one section, tail.
var htmlTemplate = template.Must(template.New("html").Funcs(template.FuncMap{"marked": markedText}).Parse(htmlSource))

// markedText is a finding side's text, escaped, with the stretches the
// translation leaves out (Side.Omitted) in <mark class="omitted">.
func markedText(s *metrics.Side) template.HTML {
	var b strings.Builder
	at := 0
	for _, sp := range s.Omitted {
		lo, hi := max(sp[0], at), min(sp[1], len(s.Text))
		if lo >= hi || !utf8.ValidString(s.Text[lo:hi]) {
			continue
		}
		b.WriteString(template.HTMLEscapeString(s.Text[at:lo]))
		b.WriteString(`<mark class="omitted" title="not rendered in the translation">`)
		b.WriteString(template.HTMLEscapeString(s.Text[lo:hi]))
		b.WriteString(`</mark>`)
		at = hi
	}
	b.WriteString(template.HTMLEscapeString(s.Text[at:]))
	return template.HTML(b.String())
}

const htmlSource = `{{define "head"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
:root { --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --bg:#ffffff; --panel:#f6f8fa;
  --om:#cf222e; --om-bg:#ffebe9; --num:#bc4c00; --num-bg:#fff1e5; --len:#8250df; --len-bg:#fbefff;
  --oth:#0969da; --oth-bg:#ddf4ff; --ok:#1a7f37; --ok-bg:#dafbe1; --warn:#9a6700; --warn-bg:#fff8c5; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1200px; margin: 0 auto; padding: 0 24px 48px; }
header.top { border-bottom: 1px solid var(--line); background: var(--panel); }
header.top .inner { max-width: 1200px; margin: 0 auto; padding: 20px 24px; display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: center; }
h1 { font-size: 20px; margin: 0; }
h1 .tool { font-weight: 600; }
.verdict { display: inline-block; padding: 4px 12px; border-radius: 999px; font-weight: 600; }
.verdict.fail { color: var(--om); background: var(--om-bg); }
.verdict.pass { color: var(--ok); background: var(--ok-bg); }
dl.stats { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 0; }
dl.stats div { display: flex; flex-direction: column-reverse; }
dl.stats dt { font-size: 12px; color: var(--muted); }
dl.stats dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
dl.stats .error dd { color: var(--om); }
dl.stats .warning dd { color: var(--warn); }
.filters { position: sticky; top: 0; z-index: 2; background: var(--bg); border-bottom: 1px solid var(--line); padding: 10px 0; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; max-height: 40vh; overflow-y: auto; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; min-width: 0; max-width: 100%; }
.filters legend { float: left; font-weight: 600; margin-right: 8px; }
.filters label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; white-space: nowrap; min-width: 0; max-width: 100%; }
.filters label > * { flex: none; }
.filters label > .name { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.filters .n, .count { color: var(--muted); font-size: 12px; }
#shown { margin-left: auto; color: var(--muted); }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; }
.swatch.cat-omission { background: var(--om); } .swatch.cat-numbers { background: var(--num); }
.swatch.cat-length { background: var(--len); } .swatch.cat-other { background: var(--oth); }
section.document { margin-top: 28px; }
h2 { font-size: 18px; margin: 0 0 4px; word-break: break-all; }
h3 { font-size: 15px; margin: 24px 0 8px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.problems { border-left: 4px solid var(--om); background: var(--om-bg); padding: 8px 12px; margin: 12px 0; }
.problems ul { margin: 0; padding-left: 18px; }
ol.findings { list-style: none; margin: 0; padding: 0; border: 1px solid var(--line); border-radius: 6px; }
li.finding { padding: 8px 12px; border-top: 1px solid var(--line); border-left: 4px solid transparent; }
li.finding:first-child { border-top: 0; }
li.finding.cat-omission { border-left-color: var(--om); } li.finding.cat-numbers { border-left-color: var(--num); }
li.finding.cat-length { border-left-color: var(--len); } li.finding.cat-other { border-left-color: var(--oth); }
.finding .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.finding .msg { font-weight: 500; }
.finding .msg, .finding .loc { min-width: 0; overflow-wrap: anywhere; }
.finding .loc { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; color: var(--muted); }
.finding .quote { margin: 4px 0 0; color: var(--muted); font-size: 13px; }
.finding .quote mark.omitted { background: var(--om-bg); color: var(--fg); text-decoration: underline wavy var(--om); text-underline-offset: 3px; }
.finding .quote b { font-weight: 600; color: var(--fg); font-size: 11px; text-transform: uppercase; margin-right: 4px; }
.tag { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 4px; line-height: 18px;
  max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
.tag.cat-omission { color: var(--om); background: var(--om-bg); } .tag.cat-numbers { color: var(--num); background: var(--num-bg); }
.tag.cat-length { color: var(--len); background: var(--len-bg); } .tag.cat-other { color: var(--oth); background: var(--oth-bg); }
.sev { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.sev.error { color: var(--om); } .sev.warning { color: var(--warn); }
p.none { color: var(--muted); }
figure.chart { margin: 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart figcaption { color: var(--muted); font-size: 12px; }
svg .axis { stroke: var(--line); } svg .grid { stroke: #eaeef2; }
svg .tick { fill: var(--muted); font-size: 11px; }
svg .trace { fill: none; stroke: #8c959f; stroke-width: 1; }
svg .median { stroke: var(--ok); stroke-dasharray: 5 4; stroke-width: 1.5; }
svg .median-label { fill: var(--ok); font-size: 11px; }
svg .gap { stroke: var(--om); stroke-opacity: .45; stroke-width: 2; } svg .gap-mark { fill: var(--om); }
svg .pt { fill: #57606a; } svg .pt.flagged { fill: var(--len); stroke: #fff; stroke-width: 1.5; }
table.text { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.text th, table.text td { border-bottom: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
table.text th { background: var(--panel); font-size: 12px; color: var(--muted); }
table.text col.n { width: 44px; } table.text col.line { width: 52px; } table.text col.marks { width: 130px; }
table.text td.n, table.text td.line { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
table.text td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, #f0f2f4 6px 12px); }
table.text td { overflow-wrap: anywhere; }
table.text td p { margin: 0; } table.text td p + p { margin-top: 4px; }
tr.hl-omission td { background: var(--om-bg); } tr.hl-numbers td { background: var(--num-bg); }
tr.hl-length td { background: var(--len-bg); } tr.hl-other td { background: var(--oth-bg); }
tr.hl-omission td.n { box-shadow: inset 4px 0 var(--om); } tr.hl-numbers td.n { box-shadow: inset 4px 0 var(--num); }
tr.hl-length td.n { box-shadow: inset 4px 0 var(--len); } tr.hl-other td.n { box-shadow: inset 4px 0 var(--oth); }
tr:target td { outline: 2px solid var(--oth); outline-offset: -2px; }
h2 .count { font-weight: 400; }
[id] { scroll-margin-top: 72px; }
.chunk { content-visibility: auto; contain-intrinsic-size: auto 28000px; }
.chunk + .chunk table.docs { margin-top: 0; }
table.docs { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 8px; }
table.docs th, table.docs td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: right; font-variant-numeric: tabular-nums; }
table.docs th { background: var(--panel); font-size: 12px; color: var(--muted); }
table.docs th:first-child, table.docs td:first-child { text-align: left; overflow-wrap: anywhere; }
table.docs col.num { width: 84px; }
table.docs.findings td:nth-child(2) { color: var(--om); } table.docs.findings td:nth-child(3) { color: var(--warn); }
table.docs .prob { color: var(--om); font-size: 12px; }
nav.pages { display: flex; flex-wrap: wrap; gap: 4px 20px; padding: 10px 0 0; }
h1 a { color: inherit; text-decoration: none; }
footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
@media (max-width: 600px) { table.text col.n { width: 32px; } table.text col.line { width: 36px; } table.text col.marks { width: 84px; } table.docs col.num { width: 48px; } }
@media print { .filters { position: static; max-height: none; } }
</style>
</head>
<body>
<header class="top"><div class="inner">
<h1>{{if .Home}}<a href="{{.Home}}">{{end}}<span class="tool">transcheck</span> report{{if .Home}}</a>{{end}}</h1>
<span class="verdict {{.VerdictClass}}" id="verdict">{{.Verdict}}</span>
{{if .Totals}}<dl class="stats">{{range .Totals}}<div class="{{.Class}}"><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>{{end}}</dl>{{end}}
</div></header>
<main>
{{if .Home}}<nav class="pages"><a href="{{.Home}}">all documents</a>{{with .Prev}}<a rel="prev" href="{{.Href}}" title="{{.Name}}">← previous</a>{{end}}{{with .Next}}<a rel="next" href="{{.Href}}" title="{{.Name}}">next →</a>{{end}}</nav>{{end}}
<form class="filters" id="filters" onsubmit="return false">
<fieldset><legend>Checks</legend>{{range .Checks}}
<label><input type="checkbox" class="filter-check" value="{{.Name}}" checked><span class="swatch cat-{{.Category}}"></span><span class="name" title="{{.Name}}">{{.Name}}</span> <span class="n">{{.Count}}</span></label>{{end}}
</fieldset>
<fieldset><legend>Severity</legend>{{range .Severities}}
<label><input type="checkbox" class="filter-severity" value="{{.Name}}" checked><span class="name" title="{{.Name}}">{{.Name}}</span> <span class="n">{{.Count}}</span></label>{{end}}
</fieldset>
<span id="shown">showing <span id="shown-n">{{.FindingCount}}</span> of {{.FindingCount}} findings</span>
</form>
{{if .Problems}}<div class="problems"><strong>Input problems</strong><ul>{{range .Problems}}<li>{{.}}</li>{{end}}</ul></div>{{end}}
{{if .Behind}}<section class="behind" id="behind"><h2>Behind the source <span class="count">{{.BehindAll}}</span></h2>
<p class="meta">{{.BehindAll}} {{if eq .BehindAll 1}}translation whose source changed after its{{else}}translations whose source changed after their{{end}} last update.</p>
<div class="chunk"><table class="docs"><thead><tr><th>page</th><th>commits behind</th><th>days</th><th>sections to update start at</th></tr></thead>
<tbody>{{range .Behind}}<tr><td>{{.Page}}<td>{{.Commits}}<td>{{.Days}}<td>{{.Sections}}
{{end}}</tbody></table></div>{{if .BehindMore}}<p class="meta">{{.BehindMore}} more not listed here.</p>{{end}}</section>
{{end}}{{if not .Home}}<p class="meta" id="documents">{{.WithFindings}} {{if eq .WithFindings 1}}document{{else}}documents{{end}} with findings{{if .Clean}}, then <a href="#clean">{{.Clean}} without</a>, one line each{{end}}.</p>{{end}}
{{end}}{{define "document"}}
<section class="document" id="{{.ID}}">
<h2>{{.Name}}</h2>
<p class="meta">{{.Langs}} · {{.Format}}</p>
<dl class="stats">{{range .Stats}}<div class="{{.Class}}"><dt>{{.Label}}</dt><dd>{{.Value}}</dd></div>{{end}}</dl>
{{if .Problems}}<div class="problems"><strong>Input problems</strong><ul>{{range .Problems}}<li>{{.}}</li>{{end}}</ul></div>{{end}}
<h3>Findings <span class="count">{{len .Findings}}</span></h3>
{{if .Findings}}<ol class="findings">{{range .Findings}}
<li class="finding cat-{{.Category}}" data-check="{{.Check}}" data-severity="{{.Severity}}" data-line="{{.Line}}">
<div class="head"><span class="tag cat-{{.Category}}" title="{{.Check}}">{{.Check}}</span><span class="sev {{.Severity}}">{{.Severity}}</span>{{if .Baselined}}<span class="sev">baseline</span>{{end}}<span class="msg">{{.Message}}</span>{{if .RowID}}<a class="loc" href="#{{.RowID}}">{{.Where}}</a>{{else}}<span class="loc">{{.Where}}</span>{{end}}</div>
{{with .Source}}<p class="quote"><b>{{.Lang}}</b>{{marked .}}</p>{{end}}{{with .Target}}<p class="quote"><b>{{.Lang}}</b>{{.Text}}</p>{{end}}
</li>{{end}}
</ol>{{else}}<p class="none">No findings.</p>{{end}}
{{with .Chart}}{{$c := .}}
<h3>Length ratio by pair</h3>
<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="target characters per source character for each pair">
{{range .Ticks}}<line class="grid" x1="{{$c.Left}}" x2="{{$c.Right}}" y1="{{.Pos}}" y2="{{.Pos}}"/><text class="tick" x="{{$c.Left}}" dx="-6" y="{{.Pos}}" dy="4" text-anchor="end">{{.Label}}</text>
{{end}}{{range .XTicks}}<text class="tick" x="{{.Pos}}" y="{{$c.Bottom}}" dy="22" text-anchor="middle">{{.Label}}</text>
{{end}}<line class="axis" x1="{{.Left}}" x2="{{.Right}}" y1="{{.Bottom}}" y2="{{.Bottom}}"/>
<line class="axis" x1="{{.Left}}" x2="{{.Left}}" y1="{{.Top}}" y2="{{.Bottom}}"/>
<polyline class="trace" points="{{.Line}}"/>
{{range .Gaps}}<a href="#{{.RowID}}"><line class="gap" x1="{{.X}}" x2="{{.X}}" y1="{{$c.Top}}" y2="{{$c.Bottom}}"><title>no counterpart: line {{.Lines}}</title></line><path class="gap-mark" d="M{{.X}} {{$c.Bottom}}l-5 9h10z"><title>no counterpart: line {{.Lines}}</title></path></a>
{{end}}<line class="median" x1="{{.Left}}" x2="{{.Right}}" y1="{{.MedianY}}" y2="{{.MedianY}}"/>
<text class="median-label" x="{{.Right}}" dx="6" y="{{.MedianY}}" dy="4">median {{.Median}}</text>
{{range .Points}}<a href="#{{.RowID}}"><circle class="pt{{if .Flagged}} flagged{{end}}" cx="{{.X}}" cy="{{.Y}}" r="{{if .Flagged}}5{{else}}3{{end}}"><title>pair {{.Pair}}, line {{.Lines}}: {{.Ratio}} target chars per source char</title></circle></a>
{{end}}</svg>
<figcaption>Target characters per source character for each of the {{.Pairs}} pairs, in document order; the dashed line is the median ({{.Median}}){{if .Gaps}}; red lines mark text with no counterpart between two pairs{{end}}{{if .Flagged}}, and the {{.Flagged}} larger points are pairs with a length_ratio finding{{end}}. Points far from the line are where the translation drifts.</figcaption>
</figure>
{{end}}
<h3>Text <span class="count">{{len .Rows}} rows</span></h3>
{{if .Rows}}<table class="text">
<colgroup><col class="n"><col class="line"><col><col class="line"><col><col class="marks"></colgroup>
<thead><tr><th>#</th><th>line</th><th>source{{if .SourceLang}} ({{.SourceLang}}){{end}}</th><th>line</th><th>target{{if .TargetLang}} ({{.TargetLang}}){{end}}</th><th>findings</th></tr></thead>
<tbody>{{range .Rows}}
<tr id="{{.ID}}"{{if .Class}} class="{{.Class}}" data-marks="{{.Marks}}"{{end}}><td class="n">{{.N}}</td><td class="line">{{.SourceLines}}</td><td{{if not .Source}} class="empty"{{end}}>{{range .Source}}<p>{{.}}</p>{{end}}</td><td class="line">{{.TargetLines}}</td><td{{if not .Target}} class="empty"{{end}}>{{range .Target}}<p>{{.}}</p>{{end}}</td><td>{{range .Badges}}<span class="tag cat-{{.Category}}" title="{{.Name}}">{{.Name}}</span> {{end}}</td></tr>{{end}}
</tbody>
</table>{{else}}<p class="none">No text to show.</p>{{end}}
</section>
{{end}}{{define "findings-table"}}<div class="chunk"><table class="docs findings">
<colgroup><col><col class="num"><col class="num"><col class="num"><col class="num"><col class="num"><col class="num"><col class="num"></colgroup>
{{end}}{{define "findings-start"}}
<h2>Documents with findings <span class="count">{{.}}</span></h2>
{{template "findings-table"}}<thead><tr><th>document</th><th>errors</th><th>warnings</th><th>notices</th><th>segments</th><th>pairs</th><th>unpaired</th><th>complete</th></tr></thead>
<tbody>
{{end}}{{define "findings-chunk"}}</tbody>
</table></div>
{{template "findings-table"}}<tbody>
{{end}}{{define "findings-line"}}<tr data-m="{{.Marks}}"><td><a href="{{.Href}}">{{.Name}}</a>{{range .Problems}}<div class="prob">{{.}}</div>{{end}}<td>{{.Errors}}<td>{{.Warnings}}<td>{{.Infos}}<td>{{.Segments}}<td>{{.Pairs}}<td>{{.Unpaired}}<td>{{.Complete}}
{{end}}{{define "clean-table"}}<div class="chunk"><table class="docs">
<colgroup><col><col class="num"><col class="num"><col class="num"><col class="num"></colgroup>
{{end}}{{define "clean-start"}}
<h2 id="clean">Documents without findings <span class="count">{{.}}</span></h2>
{{template "clean-table"}}<thead><tr><th>document</th><th>segments</th><th>pairs</th><th>unpaired</th><th>complete</th></tr></thead>
<tbody>
{{end}}{{define "clean-chunk"}}</tbody>
</table></div>
{{template "clean-table"}}<tbody>
{{end}}{{define "clean-line"}}<tr><td>{{.Name}}{{range .Problems}}<div class="prob">{{.}}</div>{{end}}<td>{{.Segments}}<td>{{.Pairs}}<td>{{.Unpaired}}<td>{{.Complete}}
{{end}}{{define "lines-end"}}</tbody>
</table></div>
{{end}}{{define "tail"}}
<footer>Generated by transcheck. Row colours: <span class="tag cat-omission">omission or addition</span> <span class="tag cat-numbers">numbers</span> <span class="tag cat-length">length_ratio</span> <span class="tag cat-other">other checks</span></footer>
</main>
<script>
(function () {
  var order = ["omission", "numbers", "length", "other"];
  function checked(cls) {
    var on = {};
    document.querySelectorAll("input." + cls).forEach(function (b) { on[b.value] = b.checked; });
    return on;
  }
  function update() {
    var checks = checked("filter-check"), sevs = checked("filter-severity"), shown = 0;
    function visible(check, sev) { return checks[check] !== false && sevs[sev] !== false; }
    document.querySelectorAll(".finding").forEach(function (el) {
      var on = visible(el.dataset.check, el.dataset.severity);
      el.hidden = !on;
      if (on) { shown++; }
    });
    document.querySelectorAll("tr[data-marks]").forEach(function (tr) {
      var cats = {};
      tr.dataset.marks.split(" ").forEach(function (m) {
        var p = m.split("|");
        if (visible(p[0], p[1])) { cats[p[2]] = true; }
      });
      order.forEach(function (c) { tr.classList.remove("hl-" + c); });
      for (var i = 0; i < order.length; i++) {
        if (cats[order[i]]) { tr.classList.add("hl-" + order[i]); break; }
      }
    });
    // A line of the index counts its findings by check and severity, and
    // is hidden when the filter hides them all.
    document.querySelectorAll("tr[data-m]").forEach(function (tr) {
      var n = 0;
      tr.dataset.m.split(" ").forEach(function (m) {
        var p = m.split("|");
        if (visible(p[0], p[1])) { n += Number(p[2]); }
      });
      tr.hidden = n === 0;
      shown += n;
    });
    document.getElementById("shown-n").textContent = shown;
  }
  document.querySelectorAll(".filters input").forEach(function (b) { b.addEventListener("change", update); });
  update();
})();
</script>
</body>
</html>
{{end}}`
