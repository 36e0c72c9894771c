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
	src            []numeral.Quantity
	missing, extra []numeral.Quantity
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
		missing, extra := numeral.Match(src, tgt)
		list = append(list, beadQuantities{b, src, missing, extra})
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
				_, list[i].extra = numeral.Match(list[j].src, list[i].extra)
			}
		}
	}
	for _, bq := range list {
		bq.missing, bq.extra = numeral.Reportable(bq.src, bq.missing, bq.extra)
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

func extractAll(doc *document.Document, ids []int) []numeral.Quantity {
	var out []numeral.Quantity
	for _, id := range ids {
		s := doc.Segment(id)
		out = append(out, numeral.Extract(s.Text, s.Lang)...)
	}
	return out
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
