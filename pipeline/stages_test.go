package pipeline

import (
	"math/rand"
	"reflect"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// A segment with no letters takes the language of the nearest segment of
// its unit, however far, else the language of the segment before it.
func TestInheritLangs(t *testing.T) {
	seg := func(unit int, lang string) *document.Segment { return &document.Segment{Unit: unit, Lang: lang} }
	segs := []*document.Segment{
		seg(0, ""),                                                   // unit 0: first, alone
		seg(1, ""), seg(1, ""), seg(1, ""), seg(1, ""), seg(1, "zh"), // unit 1: zh four away
		seg(2, ""),                             // unit 2: alone, after the zh segment
		seg(3, "en"), seg(3, ""), seg(3, "zh"), // unit 3: as near on both sides
		seg(4, "zh"), seg(4, ""), seg(4, ""), seg(4, "en"), // unit 4: a segment that took a language passes it on
	}
	inheritLangs(segs)
	want := []string{"", "zh", "zh", "zh", "zh", "zh", "zh", "en", "en", "zh", "zh", "zh", "zh", "en"}
	for i, s := range segs {
		if s.Lang != want[i] {
			t.Errorf("segment %d (unit %d) took %q, want %q", i, s.Unit, s.Lang, want[i])
		}
	}
}

// neighbourLangOneByOne is the search inheritLangs replaces: from each
// segment outwards until both sides have left its unit. Quadratic in the
// size of a unit, obviously right.
func neighbourLangOneByOne(segs []*document.Segment, i int) *document.Segment {
	usable := func(s *document.Segment) bool { return s.Skip == "" && s.Lang != "" }
	for d := 1; ; d++ {
		inUnit := false
		for _, j := range []int{i - d, i + d} {
			if j < 0 || j >= len(segs) || segs[j].Unit != segs[i].Unit {
				continue
			}
			inUnit = true
			if usable(segs[j]) {
				return segs[j]
			}
		}
		if !inUnit {
			break
		}
	}
	if i > 0 && usable(segs[i-1]) {
		return segs[i-1]
	}
	return nil
}

// TestInheritLangsMatchesOneByOne fills random documents both ways.
func TestInheritLangsMatchesOneByOne(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	langs := []string{"", "", "", "zh", "en"}
	for n := 0; n < 2000; n++ {
		var a, b []*document.Segment
		unit := 0
		for k := rng.Intn(30); k >= 0; k-- {
			if rng.Intn(4) == 0 {
				unit++
			}
			s := document.Segment{Unit: unit, Lang: langs[rng.Intn(len(langs))], Confidence: rng.Float64()}
			if rng.Intn(6) == 0 {
				s.Skip = "code"
			}
			s2 := s
			a, b = append(a, &s), append(b, &s2)
		}
		inheritLangs(a)
		for i, s := range b {
			if s.Skip != "" || s.Lang != "" {
				continue
			}
			if from := neighbourLangOneByOne(b, i); from != nil {
				s.Lang, s.Confidence = from.Lang, from.Confidence
			}
		}
		for i := range a {
			if !reflect.DeepEqual(*a[i], *b[i]) {
				t.Fatalf("case %d, segment %d: got %+v, one by one %+v", n, i, *a[i], *b[i])
			}
		}
	}
}
