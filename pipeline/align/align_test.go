package align

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// word returns a made-up word that is distinct for every k, so that test
// sentences match only where the test means them to.
func word(k int) string {
	var b strings.Builder
	b.WriteByte('q')
	for range 4 {
		b.WriteByte(byte('a' + k%26))
		k /= 26
	}
	return b.String()
}

// doc builds a test document: a list of sentences, each a list of word
// numbers, in the language lang. Neither "xx" nor "yy" has a dictionary,
// so sentences match by identical words only.
func doc(lang string, sents ...[]int) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		ws := make([]string, len(s))
		for k, w := range s {
			ws[k] = word(w)
		}
		out[i] = Sentence{Text: strings.Join(ws, " ") + ".", Lang: lang}
	}
	return out
}

// span returns the word numbers from..from+n-1.
func span(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}

func cat(xs ...[]int) []int {
	var out []int
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

// parallel returns n sentence pairs that translate each other 1-1, with
// words numbered from base; lengths vary so that the length model has
// something to learn.
func parallel(base, n int) (src, tgt [][]int) {
	for i := range n {
		s := span(base+i*20, 4+(i*7)%9)
		src = append(src, s)
		tgt = append(tgt, s)
	}
	return src, tgt
}

// around puts the special part between 12 parallel pairs before and 12 after.
func around(midSrc, midTgt [][]int) (src, tgt []Sentence, offS, offT int) {
	s1, t1 := parallel(10000, 12)
	s2, t2 := parallel(20000, 12)
	ss := append(append(append([][]int{}, s1...), midSrc...), s2...)
	tt := append(append(append([][]int{}, t1...), midTgt...), t2...)
	return doc("xx", ss...), doc("yy", tt...), len(s1), len(t1)
}

func TestAlignBeadTypes(t *testing.T) {
	A, B, C, D, E := span(1, 6), span(100, 7), span(200, 6), span(300, 8), span(400, 5)
	cases := []struct {
		name   string
		src    [][]int
		tgt    [][]int
		source []int // expected bead, relative to the special part
		target []int
	}{
		{"1-1", [][]int{A}, [][]int{A}, []int{0}, []int{0}},
		{"1-2", [][]int{cat(A, B)}, [][]int{A, B}, []int{0}, []int{0, 1}},
		{"2-1", [][]int{A, B}, [][]int{cat(A, B)}, []int{0, 1}, []int{0}},
		{"1-3", [][]int{cat(A, B, C)}, [][]int{A, B, C}, []int{0}, []int{0, 1, 2}},
		{"3-1", [][]int{A, B, C}, [][]int{cat(A, B, C)}, []int{0, 1, 2}, []int{0}},
		{"1-4", [][]int{cat(A, B, C, D)}, [][]int{A, B, C, D}, []int{0}, []int{0, 1, 2, 3}},
		{"1-5", [][]int{cat(A, B, C, D, E)}, [][]int{A, B, C, D, E}, []int{0}, []int{0, 1, 2, 3, 4}},
		{"5-1", [][]int{A, B, C, D, E}, [][]int{cat(A, B, C, D, E)}, []int{0, 1, 2, 3, 4}, []int{0}},
		{"2-2 crossing", [][]int{cat(A, B), cat(C, D)}, [][]int{cat(A, C), cat(B, D)}, []int{0, 1}, []int{0, 1}},
		{"omission in the middle", [][]int{A}, nil, []int{0}, []int{}},
		{"addition in the middle", nil, [][]int{A}, []int{}, []int{0}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src, tgt, offS, offT := around(tc.src, tc.tgt)
			beads := Align(src, tgt, Options{})
			checkCoverage(t, beads, len(src), len(tgt))
			want := Bead{Source: shift(tc.source, offS), Target: shift(tc.target, offT)}
			if !hasBead(beads, want) {
				t.Errorf("no bead %v:%v in\n%s", want.Source, want.Target, formatBeads(beads))
			}
			// everything else is 1-1
			if got, wantN := len(beads), 24+1; got != wantN {
				t.Errorf("%d beads, want %d:\n%s", got, wantN, formatBeads(beads))
			}
		})
	}
}

func TestAlignOmissionAtEnds(t *testing.T) {
	s, tg := parallel(10000, 15)
	X := span(500, 8)
	cases := []struct {
		name     string
		src, tgt [][]int
		want     Bead
	}{
		{"omission at the start", append([][]int{X}, s...), tg, Bead{Source: []int{0}, Target: []int{}}},
		{"omission at the end", append(append([][]int{}, s...), X), tg, Bead{Source: []int{15}, Target: []int{}}},
		{"addition at the start", s, append([][]int{X}, tg...), Bead{Source: []int{}, Target: []int{0}}},
		{"addition at the end", s, append(append([][]int{}, tg...), X), Bead{Source: []int{}, Target: []int{15}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src, tgt := doc("xx", tc.src...), doc("yy", tc.tgt...)
			beads := Align(src, tgt, Options{})
			checkCoverage(t, beads, len(src), len(tgt))
			if !hasBead(beads, tc.want) {
				t.Errorf("no bead %v:%v in\n%s", tc.want.Source, tc.want.Target, formatBeads(beads))
			}
			if len(beads) != 16 {
				t.Errorf("%d beads, want 16", len(beads))
			}
		})
	}
}

func TestAlignEmptyAndOneSided(t *testing.T) {
	three := doc("xx", span(1, 5), span(10, 5), span(20, 5))
	one := doc("yy", cat(span(1, 5), span(10, 5), span(20, 5)))
	cases := []struct {
		name     string
		src, tgt []Sentence
		want     string
	}{
		{"both empty", nil, nil, ""},
		{"no target", three, nil, "[0]:[]\n[1]:[]\n[2]:[]\n"},
		{"no source", nil, three, "[]:[0]\n[]:[1]\n[]:[2]\n"},
		{"one target sentence", three, one, "[0,1,2]:[0]\n"},
		{"one source sentence", one, three, "[0]:[0,1,2]\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			beads := Align(tc.src, tc.tgt, Options{})
			if beads == nil {
				t.Fatal("Align returned nil, want an empty slice")
			}
			checkCoverage(t, beads, len(tc.src), len(tc.tgt))
			if got := formatBeads(beads); got != tc.want {
				t.Errorf("got\n%swant\n%s", got, tc.want)
			}
		})
	}
}

// TestAlignNumbersFindPartner checks that a number decides between two
// candidate partners of equal length.
func TestAlignNumbers(t *testing.T) {
	src := []Sentence{}
	tgt := []Sentence{}
	for i := range 20 {
		src = append(src, Sentence{Text: fmt.Sprintf("第%d章有%d个人。", i+1, 100+i*37), Lang: "zh"})
		tgt = append(tgt, Sentence{Text: fmt.Sprintf("Chapter %d has %d people in it.", i+1, 100+i*37), Lang: "en"})
	}
	// the 8th Chinese sentence has no translation
	src = append(src[:8], append([]Sentence{{Text: "第99章有5,000个人。", Lang: "zh"}}, src[8:]...)...)
	beads := Align(src, tgt, Options{})
	checkCoverage(t, beads, len(src), len(tgt))
	if !hasBead(beads, Bead{Source: []int{8}, Target: []int{}}) {
		t.Errorf("the untranslated sentence 8 is not a null bead:\n%s", formatBeads(beads))
	}
}

// TestAlignCoverageProperty aligns random documents and checks that every
// index is covered once, in order.
func TestAlignCoverageProperty(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for k := range 200 {
		n, m := r.Intn(30), r.Intn(30)
		var ss, tt [][]int
		for range n {
			ss = append(ss, span(r.Intn(200), 1+r.Intn(8)))
		}
		for range m {
			tt = append(tt, span(r.Intn(200), 1+r.Intn(8)))
		}
		opt := Options{Band: 1 + r.Intn(5), CoarseBand: 1 + r.Intn(10)}
		if k%2 == 0 {
			opt = Options{}
		}
		beads := Align(doc("xx", ss...), doc("yy", tt...), opt)
		checkCoverage(t, beads, n, m)
	}
}

func shift(xs []int, d int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = x + d
	}
	return out
}

func hasBead(beads []Bead, want Bead) bool {
	for _, b := range beads {
		if reflect.DeepEqual(b.Source, want.Source) && reflect.DeepEqual(b.Target, want.Target) {
			return true
		}
	}
	return false
}

func formatBeads(beads []Bead) string {
	var b strings.Builder
	FormatAlign(&b, beads)
	return b.String()
}

func TestNegLogErfc(t *testing.T) {
	for _, z := range []float64{0, 0.3, 1, 2.5, 5.9, 6, 7, 12, 30} {
		want := -math.Log(math.Erfc(z))
		if z >= 25 {
			want = z*z + math.Log(z*math.Sqrt(math.Pi)) - math.Log1p(-1/(2*z*z))
		}
		if got := negLogErfc(z); math.Abs(got-want) > 1e-3*math.Max(1, want) {
			t.Errorf("negLogErfc(%v) = %v, want %v", z, got, want)
		}
	}
}

// TestMaxBandCells aligns a target that begins with as many one-word
// sentences as the source has sentences to spare: the coarse path runs
// along the band's edge, and without a bound the band doubles far past
// what MaxBandCells allows. With it, the band stays within the bound (the
// aligner's time and memory stay linear) and every sentence is still in
// a bead.
func TestMaxBandCells(t *testing.T) {
	const n, bound = 300, 24
	ss, tt := parallel(0, n)
	var added [][]int
	for k := range n / 2 {
		added = append(added, []int{900000 + k})
	}
	src, tgt := doc("xx", ss...), doc("yy", append(added, tt...)...)
	coarseCells := func(opt Options) int {
		vocab := Words()
		a := &aligner{n: len(src), m: len(tgt), opt: opt.withDefaults(len(src), len(tgt)),
			src: featurize(src, vocab, nil, true), tgt: featurize(tgt, vocab, nil, false)}
		a.mark = getMarks(vocab.Size())
		defer putMarks(a.mark)
		a.initModel()
		_, lo, hi := a.coarse()
		return bandCells(lo, hi)
	}
	limit := bound * (len(src) + len(tgt))
	if got := coarseCells(Options{CoarseBand: 4}); got <= limit {
		t.Fatalf("unbounded, the coarse band has %d cells, within %d: the test no longer makes it grow", got, limit)
	}
	opt := Options{CoarseBand: 4, MaxBandCells: bound}
	if got := coarseCells(opt); got > limit {
		t.Errorf("MaxBandCells %d: the coarse band has %d cells, over %d", bound, got, limit)
	}
	checkCoverage(t, Align(src, tgt, opt), len(src), len(tgt))
}
