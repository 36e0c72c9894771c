package pipeline

import (
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// A segment with no letters takes the language of the nearest segment of
// its unit, however far, else the language of the segment before it.
func TestNeighbourLang(t *testing.T) {
	seg := func(unit int, lang string) *document.Segment { return &document.Segment{Unit: unit, Lang: lang} }
	segs := []*document.Segment{
		seg(0, ""),                                                   // unit 0: first, alone
		seg(1, ""), seg(1, ""), seg(1, ""), seg(1, ""), seg(1, "zh"), // unit 1: zh four away
		seg(2, ""), // unit 2: alone, after the zh segment
	}
	if got := neighbourLang(segs, 0); got != nil {
		t.Errorf("segment 0 took %v, want nothing: no unit neighbour, no segment before", got)
	}
	if got := neighbourLang(segs, 1); got != segs[5] {
		t.Errorf("segment 1 took %v, want the zh segment of its own unit", got)
	}
	if got := neighbourLang(segs, 6); got != segs[5] {
		t.Errorf("segment 6 took %v, want the segment before it", got)
	}
}
