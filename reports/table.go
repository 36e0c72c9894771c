package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type tablePrinter struct {
	w    io.Writer
	opts Options
}

// FileWidth is the width the table fits in when its output is not a
// terminal (Options.Width is 0): lines that a log viewer, a pager or an
// editor shows whole.
const FileWidth = 100

// NewTable returns the terminal printer: a table with one row per
// document, then a table of findings for each document that has some,
// then the gate's verdict. Every line fits in opts.Width columns (in
// FileWidth when it is 0): the messages wrap and the quoted text is cut,
// and a window too narrow for a table gets the findings as a list.
// Severities are coloured when opts.Color allows it.
func NewTable(w io.Writer, opts Options) Printer { return tablePrinter{w: w, opts: opts} }

// width is the number of columns the report fits in.
func (p tablePrinter) width() int {
	if p.opts.Width > 0 {
		return p.opts.Width
	}
	return FileWidth
}

func newTable(w io.Writer) *tablewriter.Table {
	// WithHeaderAutoFormat must come after any WithConfig, which would
	// reset it; WithEastAsian(Off) keeps CJK locales from widening
	// ambiguous-width characters and misaligning the borders, and
	// displayWidth measures as it does. Cells come wrapped to their
	// column's width (fitColumns): with no width set the table wraps
	// nothing itself.
	return tablewriter.NewTable(w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithEastAsian(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
	)
}

// tableChrome is the width of a table's borders and padding: "│ " before
// each cell, " " after it, and the closing "│".
func tableChrome(columns int) int { return 3*columns + 1 }

func (p tablePrinter) Print(r *pipeline.Report) error {
	if err := p.printDocuments(r); err != nil {
		return err
	}
	many := r.DocumentCount() > 1
	n := r.Findings(0)
	if left := leftOut(r.Totals); left != "" {
		p.println(fmt.Sprintf("\n%s (%s)", count(n, "finding", "findings"), left))
	} else if n > 0 {
		fmt.Fprintf(p.w, "\n%d %s\n", n, plural(n, "finding", "findings"))
	}
	if n > 0 {
		// A table per document: the table holds one document's findings
		// at a time, however many the run has.
		err := r.EachDocument(func(d *pipeline.DocumentReport) error {
			if len(d.Findings) == 0 {
				return nil
			}
			if many {
				p.println("\n" + fmt.Sprintf("%s: %d %s", d.Name, len(d.Findings), plural(len(d.Findings), "finding", "findings")))
			}
			return p.printFindings(d)
		})
		if err != nil {
			return err
		}
	}
	probs, err := allProblems(r)
	if err != nil {
		return err
	}
	for _, prob := range probs {
		p.println("problem: " + prob)
	}
	if line := unreadLine(r); line != "" {
		p.println("note: " + line)
	}
	p.println("\ngate " + verdict(r))
	return nil
}

// println writes text wrapped to the report's width; a leading line break
// stays.
func (p tablePrinter) println(text string) {
	if rest, ok := strings.CutPrefix(text, "\n"); ok {
		io.WriteString(p.w, "\n")
		text = rest
	}
	p.printIndented(text, "")
}

// printIndented writes text wrapped to the report's width, each line after
// indent.
func (p tablePrinter) printIndented(text, indent string) {
	for _, line := range wrapText(cellText(text), max(p.width()-len(indent), 2)) {
		io.WriteString(p.w, indent+line+"\n")
	}
}

// printDocuments writes the table of documents: every count in a column
// when it fits; else the counts under each document's name, beside the
// completeness and the findings (the figures a reader acts on); else, in
// a very narrow window, a list.
func (p tablePrinter) printDocuments(r *pipeline.Report) error {
	type docRow struct {
		name, langs string
		c           pipeline.Counts
	}
	var rows []docRow
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		rows = append(rows, docRow{cellText(d.Name), langs(d.Source, d.Target), d.Counts})
		return nil
	})
	if err != nil {
		return err
	}
	if len(rows) > 1 {
		rows = append(rows, docRow{"Total", "", r.Totals})
	}
	full := func(row docRow) []string {
		c := row.c
		return []string{row.name, row.langs, strconv.Itoa(c.Segments), strconv.Itoa(c.Pairs), strconv.Itoa(c.Unpaired),
			strconv.Itoa(c.Skipped), pct(c.Completeness()), strconv.Itoa(c.Errors), strconv.Itoa(c.Warnings)}
	}
	header := []string{"Document", "Languages", "Segments", "Pairs", "Unpaired", "Skipped", "Complete", "Errors", "Warnings"}
	cells := [][]string{header}
	for _, row := range rows {
		cells = append(cells, full(row))
	}
	widths := columnWidths(cells)
	limit := p.width()
	if sum(widths)+tableChrome(len(widths)) <= limit {
		return p.render(header, cells[1:], len(rows) > 1)
	}
	// The counts go under the name, in words.
	counts := func(row docRow) string {
		c := row.c
		s := fmt.Sprintf("%s, %s, %d unpaired, %d skipped", count(c.Segments, "segment", "segments"),
			count(c.Pairs, "pair", "pairs"), c.Unpaired, c.Skipped)
		if row.langs != "" && row.langs != "-" {
			s = row.langs + ": " + s
		}
		return s
	}
	header = []string{"Document", "Complete", "Errors", "Warnings"}
	cells = [][]string{header}
	for _, row := range rows {
		c := row.c
		cells = append(cells, []string{row.name, pct(c.Completeness()), strconv.Itoa(c.Errors), strconv.Itoa(c.Warnings)})
	}
	widths = columnWidths(cells)
	nameWidth := limit - tableChrome(len(widths)) - sum(widths[1:])
	if nameWidth < 16 {
		for _, row := range rows {
			c := row.c
			p.println(row.name)
			p.printIndented(fmt.Sprintf("%s; %s complete; %s, %s", counts(row), pct(c.Completeness()),
				count(c.Errors, "error", "errors"), count(c.Warnings, "warning", "warnings")), "  ")
		}
		return nil
	}
	for i, row := range rows {
		name := wrapText(row.name, nameWidth)
		name = append(name, wrapText(counts(row), nameWidth)...)
		cells[i+1][0] = strings.Join(name, "\n")
	}
	return p.render(header, cells[1:], len(rows) > 1)
}

// render writes a table; with total set, the last row is the footer.
func (p tablePrinter) render(header []string, rows [][]string, total bool) error {
	t := newTable(p.w)
	t.Header(anySlice(header)...)
	if total {
		t.Footer(anySlice(rows[len(rows)-1])...)
		rows = rows[:len(rows)-1]
	}
	for _, row := range rows {
		if err := t.Append(row); err != nil {
			return err
		}
	}
	return t.Render()
}

// The least width of a wrapped message, and of the quoted text beside it;
// narrower than that, the text goes, then the table.
const (
	minMessage = 20
	minText    = 10
)

// printFindings writes a document's findings: a table whose messages wrap
// and whose quoted text is cut to fit the width, Where, Check and Severity
// kept whole; without the text when it does not fit; as a list when the
// message does not either.
func (p tablePrinter) printFindings(d *pipeline.DocumentReport) error {
	header := []string{"Where", "Check", "Severity", "Message", "Text"}
	cells := [][]string{header}
	sevs := make([]metrics.Severity, 0, len(d.Findings))
	for _, f := range d.Findings {
		where, text := cellText(d.Name), ""
		if side := f.Where(); side != nil {
			where = cellText(side.String())
			text = cellText(shorten(side.Text, 50))
		}
		sev := f.Severity.String()
		if f.Baselined {
			sev += " (baseline)"
		}
		cells = append(cells, []string{where, f.Check, sev, cellText(f.Message), text})
		sevs = append(sevs, f.Severity)
	}
	widths := columnWidths(cells)
	limit := p.width()
	room := limit - tableChrome(len(header)) - sum(widths[:3]) // for the message and the text
	msgWidth, textWidth := widths[3], widths[4]
	switch {
	case msgWidth+textWidth <= room:
	case room >= minMessage+minText:
		// The text gets a third of the room, or what the message leaves.
		textWidth = min(textWidth, max(minText, room/3, room-msgWidth))
		msgWidth = room - textWidth
	case room+3 >= minMessage: // the text's column and its borders go
		header, msgWidth, textWidth = header[:4], room+3, 0
	default:
		p.printFindingList(cells[1:], sevs)
		return nil
	}
	rows := cells[1:]
	for i, row := range rows {
		row[3] = strings.Join(wrapText(row[3], msgWidth), "\n")
		if textWidth > 0 {
			row[4] = cutText(row[4], textWidth)
		} else {
			row = row[:4]
		}
		row[2] = p.colour(sevs[i], row[2])
		rows[i] = row
	}
	return p.render(header, rows, false)
}

// printFindingList writes findings one after another, for a window too
// narrow for their table: where, check and severity on a line, then the
// message and the text in quotes, indented.
func (p tablePrinter) printFindingList(rows [][]string, sevs []metrics.Severity) {
	limit := p.width()
	for i, row := range rows {
		head := wrapText(row[0]+"  "+row[1]+"  "+row[2], limit)
		// The severity ends the first line or the last one it wrapped to.
		last := head[len(head)-1]
		if strings.HasSuffix(last, row[2]) {
			head[len(head)-1] = strings.TrimSuffix(last, row[2]) + p.colour(sevs[i], row[2])
		}
		fmt.Fprintf(p.w, "\n%s\n", strings.Join(head, "\n"))
		p.printIndented(row[3], "  ")
		if row[4] != "" {
			fmt.Fprintf(p.w, "  “%s”\n", cutText(row[4], max(limit-4, 2)))
		}
	}
}

// colour marks a severity's cell: errors red, warnings yellow, notices
// cyan; as it is when colours are off.
func (p tablePrinter) colour(s metrics.Severity, text string) string {
	if !p.opts.Color {
		return text
	}
	code := "36"
	switch {
	case s >= metrics.Error:
		code = "31"
	case s == metrics.Warning:
		code = "33"
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// displayWidth is the number of columns a terminal gives s: CJK
// characters take two. It measures as the table does, with East Asian
// ambiguous characters narrow (WithEastAsian(tw.Off)).
func displayWidth(s string) int { return twwidth.WidthWithOptions(s, twwidth.Options{}) }

// cellText folds white space and drops control characters, which would
// move the cursor of the terminal the table is written to.
func cellText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// columnWidths is the widest line of each column.
func columnWidths(rows [][]string) []int {
	var w []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(w) {
				w = append(w, 0)
			}
			for _, line := range strings.Split(cell, "\n") {
				w[i] = max(w[i], displayWidth(line))
			}
		}
	}
	return w
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func anySlice(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// wrapText breaks s into lines of at most width columns: at spaces, and
// between CJK characters, which need none; a word wider than a line is
// cut where the line ends.
func wrapText(s string, width int) []string {
	var lines []string
	var line strings.Builder
	lineWidth := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineWidth = 0
	}
	for _, tok := range wrapTokens(s) {
		w := displayWidth(tok)
		if tok == " " {
			if lineWidth > 0 && lineWidth+1 <= width {
				line.WriteString(" ")
				lineWidth++
			}
			continue
		}
		if lineWidth+w > width && lineWidth > 0 {
			flush()
		}
		for w > width { // a word longer than a line
			head := cutWidth(tok, width)
			lines = append(lines, head)
			tok = tok[len(head):]
			w = displayWidth(tok)
		}
		line.WriteString(tok)
		lineWidth += w
	}
	if lineWidth > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// wrapTokens splits s into the pieces wrapText keeps together: words,
// single spaces, and each wide (CJK) character on its own.
func wrapTokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case r == ' ':
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, " ")
		case displayWidth(string(r)) > 1:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, string(r))
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// cutWidth returns the longest prefix of s at most width columns wide, and
// at least its first character.
func cutWidth(s string, width int) string {
	n := 0
	for i, r := range s {
		w := displayWidth(string(r))
		if n+w > width && i > 0 {
			return s[:i]
		}
		n += w
	}
	return s
}

// cutText cuts s to width columns, marking the cut with "…".
func cutText(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	return strings.TrimRight(cutWidth(s, width-1), " ") + "…"
}

// count says n things: "1 finding", "2 findings".
func count(n int, one, many string) string { return strconv.Itoa(n) + " " + plural(n, one, many) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func langs(src, tgt string) string {
	if src == "" && tgt == "" {
		return "-"
	}
	return src + "→" + tgt
}

func pct(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) + "%" }

// allProblems lists the run's problems: those of no document, then each
// document's.
func allProblems(r *pipeline.Report) ([]string, error) {
	out := append([]string(nil), r.Problems...)
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		out = append(out, d.Problems...)
		return nil
	})
	return out, err
}
