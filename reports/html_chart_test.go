package reports

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// pairedDocument returns a document of one pair per ratio: a source of 100
// characters and a target of 100×ratio, each pair on its own line.
func pairedDocument(ratios []float64) *document.Document {
	doc := &document.Document{Name: "chart.md", Source: "zh", Target: "en", Directed: true}
	for i, r := range ratios {
		src := &document.Segment{Text: strings.Repeat("源", 100), Lang: "zh",
			Pos: document.Position{Path: "chart.md", Line: 2*i + 1}}
		tgt := &document.Segment{Text: words(int(100*r + 0.5)), Lang: "en",
			Pos: document.Position{Path: "chart.md", Line: 2*i + 2}}
		doc.Units = append(doc.Units, &document.Unit{Kind: "paragraph", Segments: []*document.Segment{src, tgt}})
	}
	doc.Index()
	for i := range ratios {
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{2 * i}, Target: []int{2*i + 1}, Score: 1})
	}
	return doc
}

// words returns English-like text of n letters in words of up to five.
func words(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 && i%5 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte("abcdefghij"[i%10])
	}
	return b.String()
}

// The ratio axis is labelled with as many decimals as its step has, never
// with the float sum of steps (0.6000000000000001).
func TestHTMLChartTicks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		ratios []float64
		want   string
	}{
		{"tenths", []float64{0.3, 0.3, 0.3, 0.7}, "0 0.2 0.4 0.6 0.8"},
		{"tenths, summed", []float64{0.1, 0.1, 0.1, 0.3}, "0 0.1 0.2 0.3"},
		{"hundredths", []float64{0.05, 0.05, 0.05, 0.15}, "0 0.05 0.1 0.15"},
		{"halves", []float64{0.7, 0.7, 1.2, 1.4}, "0 0.5 1 1.5 2"},
		{"units", []float64{3, 3, 3, 5}, "0 2 4 6"},
		{"tens", []float64{10, 10, 10, 32}, "0 10 20 30 40"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := pairedDocument(tc.ratios)
			rows, rowOf := htmlRows("d0", doc)
			ch := lengthChart(doc, rows, rowOf)
			if ch == nil {
				t.Fatal("no chart")
			}
			var labels []string
			for _, tk := range ch.Ticks {
				labels = append(labels, tk.Label)
			}
			if got := strings.Join(labels, " "); got != tc.want {
				t.Errorf("ticks %q, want %q", got, tc.want)
			}
		})
	}
}
