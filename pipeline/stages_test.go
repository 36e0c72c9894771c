package pipeline

import (
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// A segment with no letters takes the language of the nearest segment of
// its unit, however far, and else the language of the segment before it.
func TestNeighbourLang(t *testing.T) {
	seg := func(unit int, lang string) *document.Segment { return &document.Segment{Unit: unit, Lang: lang} }
	segs := []*document.Segment{
		seg(0, "en"), // unit 0
		seg(1, ""), seg(1, ""), seg(1, ""), seg(1, ""), seg(1, "zh"), // unit 1: zh four away
		seg(2, ""), // unit 2: nothing in the unit, the previous segment has no language either
		seg(3, ""), // unit 3: alone, after a segment with a language? (set below)
	}
	if got := neighbourLang(segs, 1); got != segs[5] {
		t.Errorf("segment 1 took %v, want the zh segment of its own unit", got)
	}
	if got := neighbourLang(segs, 6); got != nil {
		t.Errorf("segment 6 took %v, want nothing", got)
	}
	segs[6].Lang = "en"
	if got := neighbourLang(segs, 7); got != segs[6] {
		t.Errorf("segment 7 took %v, want the segment before it", got)
	}
}
