package align

import (
	"strings"
	"testing"
)

// FuzzAlign aligns two documents made of the lines of the inputs and checks
// that it does not panic and that the beads cover both sides in order.
func FuzzAlign(f *testing.F) {
	f.Add("One.\nTwo sentences here.\nThree 3.", "一。\n两个句子。\n三3。", 0, 0)
	f.Add("", "x", 1, 1)
	f.Fuzz(func(t *testing.T, a, b string, band, coarse int) {
		src := sentences(splitNonEmpty(a), "en")
		tgt := sentences(splitNonEmpty(b), "zh")
		if len(src) > 200 || len(tgt) > 200 {
			return
		}
		opt := Options{Band: band % 50, CoarseBand: coarse % 100}
		checkCoverage(t, Align(src, tgt, opt), len(src), len(tgt))
	})
}

func splitNonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
