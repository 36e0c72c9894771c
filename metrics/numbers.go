package metrics

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/metrics/numeral"
	"github.com/transcheck/transcheck/pipeline/document"
)

// Numbers reports quantities of a pair that do not match by value: a date
// dropped, 7亿 rendered as "70 million", a percentage changed. Chinese and
// English numerals, number words, dates, percentages and fractions compare
// by value; hedges (近, 多, "nearly", "over") widen the tolerance.
var Numbers = &Metric{
	Name:       "numbers",
	Doc:        "numbers, dates and percentages in the source must appear, by value, in the target",
	Severity:   Error,
	Confidence: 0.5,
	Run:        numbers,
}

// beadQuantities holds what one bead's sides say in numbers.
type beadQuantities struct {
	bead           document.Bead
	src, tgt       side
	missing, extra []numeral.Quantity
}

// side holds the quantities of one side of a bead. The prose quantities
// are compared and reported; those inside markup (inline code, link
// destinations, list markers, template syntax such as {{ use: x(width=2) }})
// may stand for a prose quantity of the other side but are never reported
// themselves: they are code, which the carryover and code_changed checks
// compare as text, and a list marker or a template argument on one side
// only is markup, not a changed value.
type side struct {
	prose, markup []numeral.Quantity
}

// all returns the prose and markup quantities.
func (s side) all() []numeral.Quantity {
	if len(s.markup) == 0 {
		return s.prose
	}
	return append(append([]numeral.Quantity(nil), s.prose...), s.markup...)
}

// contextBeads is how many preceding beads a translator may take a number
// from: "the sixth plenary session of the 19th Central Committee" restated
// for 全会 two sentences after the source named it.
const contextBeads = 3

func numbers(p *Pass) {
	doc := p.Doc
	var list []beadQuantities
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		src := extractAll(doc, b.Source)
		tgt := extractAll(doc, b.Target)
		missing, extra := numeral.Match(src.prose, tgt.prose)
		missing, _ = numeral.Match(missing, tgt.markup)
		extra, _ = numeral.Match(extra, src.markup)
		list = append(list, beadQuantities{b, src, tgt, missing, extra})
	}
	// A sentence aligner may put a number one bead off: a value missing
	// here and extra in a neighbouring bead of the same document is a match.
	for i := range list {
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(list) {
				continue
			}
			list[i].missing, list[j].extra = cancel(list[i].missing, list[j].extra)
		}
	}
	// A number the target restates from the sources just before it is
	// explicitation, not an addition: no reader learns a wrong value.
	for i := range list {
		for j := i - contextBeads; j < i && len(list[i].extra) > 0; j++ {
			if j >= 0 {
				_, list[i].extra = numeral.Match(list[j].src.all(), list[i].extra)
			}
		}
	}
	for _, bq := range list {
		bq.missing, bq.extra = numeral.Reportable(bq.src.all(), bq.tgt.all(), bq.missing, bq.extra)
		if len(bq.missing) == 0 && len(bq.extra) == 0 {
			continue
		}
		var parts []string
		if len(bq.missing) > 0 {
			parts = append(parts, "missing from the target: "+describeQuantities(bq.missing))
		}
		if len(bq.extra) > 0 {
			parts = append(parts, "not in the source: "+describeQuantities(bq.extra))
		}
		src := SideOf(doc.Segment(bq.bead.Source[0]))
		src.Text = joinText(segmentsOf(doc, bq.bead.Source))
		tgt := SideOf(doc.Segment(bq.bead.Target[0]))
		tgt.Text = joinText(segmentsOf(doc, bq.bead.Target))
		p.Report(Finding{Severity: p.Metric.Severity, Source: src, Target: tgt,
			Message: "numbers differ: " + strings.Join(parts, "; ")})
	}
}

// extractAll returns the quantities of the segments ids: those of their
// prose, read with the markup blanked, and those inside their markup.
func extractAll(doc *document.Document, ids []int) side {
	var out side
	for _, id := range ids {
		s := doc.Segment(id)
		if len(s.Markup) == 0 {
			out.prose = append(out.prose, numeral.Extract(s.Text, s.Lang)...)
			continue
		}
		out.prose = append(out.prose, numeral.Extract(s.Prose(), s.Lang)...)
		for _, q := range numeral.Extract(s.Text, s.Lang) {
			if inMarkup(s.Markup, q.Start) {
				out.markup = append(out.markup, q)
			}
		}
	}
	return out
}

// inMarkup reports whether the byte offset i falls inside one of spans.
func inMarkup(spans [][2]int, i int) bool {
	for _, m := range spans {
		if m[0] <= i && i < m[1] {
			return true
		}
	}
	return false
}

// cancel removes the values that appear in both lists.
func cancel(missing, extra []numeral.Quantity) ([]numeral.Quantity, []numeral.Quantity) {
	if len(missing) == 0 || len(extra) == 0 {
		return missing, extra
	}
	return numeral.Match(missing, extra)
}

func describeQuantities(qs []numeral.Quantity) string {
	parts := make([]string, len(qs))
	for i, q := range qs {
		parts[i] = fmt.Sprintf("%s (%s %s)", q.Text, strings.ToLower(q.Kind.String()), strconv.FormatFloat(q.Value, 'g', -1, 64))
	}
	return strings.Join(parts, ", ")
}
