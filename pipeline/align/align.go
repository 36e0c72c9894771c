package align

import (
	"math"

	"github.com/transcheck/transcheck/pipeline/lexicon"
	"math/bits"
	"sort"
)

// Sentence is one segment to align.
type Sentence struct {
	// Text is the sentence as it appears in the document.
	Text string
	// Lang is the ISO 639-1 code of the language of Text ("zh", "en", ...).
	Lang string
}

// Bead pairs source sentences with target sentences. Source and Target hold
// 0-based, consecutive, increasing indices; an empty side makes a null bead:
// a source sentence with no translation (an omission) or a target sentence
// with no source (an addition).
type Bead struct {
	Source []int   `json:"source"`
	Target []int   `json:"target"`
	Score  float64 `json:"score"` // in [0,1], higher = more confident
}

// Options tune Align. The zero value is ready to use.
type Options struct {
	// Lexicon gives dictionary evidence: source sentences are segmented
	// with it and their words matched by their translations with the stems
	// of the target words (lexicon.EnglishTokens). Nil means no dictionary:
	// lengths, numbers, punctuation and tokens copied verbatim (names,
	// acronyms, codes) only.
	Lexicon *lexicon.Lexicon

	// Band is the half-width, in sentences, of the band searched around the
	// path of the previous pass. Zero means 12.
	Band int

	// CoarseBand is the half-width of the band around the diagonal searched
	// by the first pass; wherever the path found runs along the band's edge
	// the band is doubled around it and the pass repeated. Zero means 32.
	CoarseBand int

	// NullPenalty scales the cost of a null bead (1-0 or 0-1). The cost
	// itself is estimated from the document; a value above 1 makes the
	// aligner more reluctant to report omissions, below 1 more eager.
	// Zero means LongNullPenalty for inputs of LongInput sentences or more
	// in all, 1 for shorter ones.
	NullPenalty float64

	// Passes is the number of refinement passes after the coarse pass, each
	// re-estimating the parameters from the path of the pass before.
	// Zero means 2 (1 for inputs of up to 16 sentences in all).
	Passes int

	// MaxBandCells bounds the doubling of the coarse band: the band is
	// doubled only while it keeps at most MaxBandCells cells per sentence
	// (of both sides together). Zero means no bound: where the path keeps
	// running along the band's edge (a target that begins with a thousand
	// sentences the source lacks), the band grows up to the whole table,
	// which finds the path however far it strays, in time and memory that
	// grow as len(src)·len(tgt). A bound makes them linear, at the price of
	// a path that cannot stray further than about half of MaxBandCells
	// sentences from the band it started from.
	MaxBandCells int
}

// LongNullPenalty is the NullPenalty of long inputs, chosen on the dev
// gold data (make accuracy; documents of 350 to 1,900 sentences): against
// the estimated cost alone (1), 1.4 raises strict F1 from 0.761 to 0.820
// on the literary mac-dev and from 0.956 to 0.971 on ctk-dev, and omission
// F1 from 0.101 to 0.320 and from 0.628 to 0.687: over a long free
// translation, merged sentences are more common than dropped ones. Above
// 1.6 mac-dev's omissions are missed. Short inputs (a paragraph's
// sentences, a tldr page) keep 1: there 1.4 misses sentences the seed
// article and the tldr pages really dropped.
const (
	LongNullPenalty = 1.4
	LongInput       = 100
)

func (o Options) withDefaults(n, m int) Options {
	if o.Band <= 0 {
		o.Band = 12
	}
	if o.CoarseBand <= 0 {
		o.CoarseBand = 32
	}
	if o.NullPenalty <= 0 {
		o.NullPenalty = 1
		if n+m >= LongInput {
			o.NullPenalty = LongNullPenalty
		}
	}
	if o.Passes <= 0 {
		o.Passes = 2
		if n+m <= smallInput {
			// A paragraph's few sentences: the band already covers the
			// whole table, and a second re-estimation from a handful of
			// beads changes nothing but the cost.
			o.Passes = 1
		}
	}
	return o
}

// smallInput is the total number of sentences up to which one refinement
// pass is enough.
const smallInput = 16

// beadType is a bead shape: a source sentences with b target sentences.
type beadType struct{ a, b int }

// beadTypes lists the shapes the aligner considers, with the prior
// probabilities the first pass starts from (later passes re-estimate them
// from the document).
var beadTypes = []beadType{
	{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}, {1, 4}, {4, 1}, {2, 3}, {3, 2}, {1, 5}, {5, 1},
}

var beadPrior0 = []float64{
	0.80, 0.01, 0.01, 0.05, 0.05, 0.01, 0.02, 0.02, 0.005, 0.005, 0.005, 0.005, 0.002, 0.002,
}

const maxSpan = 5 // the largest side of a bead type

// coarseTypes are the bead shapes of the coarse pass (indices into
// beadTypes): enough to follow the path, cheap to evaluate.
var coarseTypes = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}

var allTypes = func() []int {
	t := make([]int, len(beadTypes))
	for i := range t {
		t[i] = i
	}
	return t
}()

// touchingRows returns the rows where a path comes within a few sentences
// of the edge of its band, except where that edge is the document's.
func touchingRows(path []step, lo, hi []int, m int) []int {
	const margin = 3
	var rows []int
	for _, st := range path {
		if (st.j-lo[st.i] < margin && lo[st.i] > 0) || (hi[st.i]-st.j < margin && hi[st.i] < m) {
			rows = append(rows, st.i)
		}
	}
	return rows
}

// Align aligns the source sentences src with the target sentences tgt and
// returns the beads in order. Every index of both sides appears in exactly
// one bead, and the beads are monotonic: each starts where the previous one
// ended. The time and memory it takes are linear in len(src)+len(tgt)
// times the width of the band searched, which stays small unless the path
// strays far from the diagonal; Options.MaxBandCells bounds it.
func Align(src, tgt []Sentence, opt Options) []Bead {
	n, m := len(src), len(tgt)
	if n == 0 || m == 0 {
		beads := make([]Bead, 0, n+m)
		for i := range n {
			beads = append(beads, Bead{Source: []int{i}, Target: []int{}, Score: 1})
		}
		for j := range m {
			beads = append(beads, Bead{Source: []int{}, Target: []int{j}, Score: 1})
		}
		return beads
	}
	opt = opt.withDefaults(n, m)
	vocab := Words()
	a := &aligner{
		n: n, m: m,
		src: featurize(src, vocab, opt.dictionary(), true),
		tgt: featurize(tgt, vocab, opt.dictionary(), false),
	}
	a.mark = getMarks(vocab.Size())
	defer func() { putMarks(a.mark) }() // every mark set is cleared after use
	a.opt = opt
	a.initModel()

	path, _, _ := a.coarse()
	for range opt.Passes {
		a.estimate(path)
		lo, hi := pathBand(path, n, m, opt.Band)
		path = a.run(lo, hi, allTypes)
	}
	return a.beads(path)
}

// coarse runs the coarse pass: a band around the length diagonal, doubled
// around the path while the path runs along the band's edge, at most 8
// times and within Options.MaxBandCells. It returns the path and the last
// band.
func (a *aligner) coarse() (path []step, lo, hi []int) {
	n, m := a.n, a.m
	w := a.opt.CoarseBand
	lo, hi = a.lengthDiagonal(w)
	path = a.run(lo, hi, coarseTypes)
	for range 8 {
		if len(touchingRows(path, lo, hi, m)) == 0 {
			break
		}
		w *= 2
		wlo, whi := pathBand(path, n, m, w)
		if max := a.opt.MaxBandCells; max > 0 && bandCells(wlo, whi) > max*(n+m) {
			break
		}
		lo, hi = wlo, whi
		path = a.run(lo, hi, coarseTypes)
	}
	return path, lo, hi
}

// bandCells is the number of cells of a band.
func bandCells(lo, hi []int) int {
	cells := 0
	for i := range lo {
		cells += hi[i] - lo[i] + 1
	}
	return cells
}

// step is one bead of a path: it ends at (i, j) and has shape t.
type step struct {
	i, j int
	t    int
}

type pairMask struct{ s, t uint64 }

type aligner struct {
	n, m     int
	src, tgt []feats
	mark     []uint64
	opt      Options

	// length model
	c, s2 float64
	// bead priors as costs, -ln P(type)
	prior []float64
	// lexical model: log-likelihood ratio of a matched and of an unmatched
	// item of each class, correct bead against a random pairing
	// of the class, indexed by the number of sentences on the other side
	// of the bead, since more partners give more chance matches
	wMatch, wMiss [numClasses][maxSpan + 1]float64
	// sentence endings: log-likelihood ratio of the last sentences of a
	// bead ending alike and ending differently
	wEndSame, wEndDiff float64
	// cost of a null bead
	nullCost float64

	// pair masks of the current band: rows[s][t-plo[s]]
	plo  []int
	rows [][]pairMask
}

// pair computes which items of source s are matched by target t and
// which items of t are matched by s.
func (a *aligner) pair(s, t int) pairMask {
	fs, ft := &a.src[s], &a.tgt[t]
	a.setMarks(fs)
	pm := a.pairWithMarks(ft)
	a.clearMarks(fs)
	return pm
}

func (a *aligner) setMarks(fs *feats) {
	for k, it := range fs.items {
		bit := uint64(1) << uint(k%maxItems)
		for _, key := range it.keys {
			a.mark[key] |= bit
		}
	}
}

func (a *aligner) clearMarks(fs *feats) {
	for _, it := range fs.items {
		for _, key := range it.keys {
			a.mark[key] = 0
		}
	}
}

func (a *aligner) pairWithMarks(ft *feats) pairMask {
	var pm pairMask
	for k, it := range ft.items {
		for _, key := range it.keys {
			if mk := a.mark[key]; mk != 0 {
				pm.t |= 1 << uint(k%maxItems)
				pm.s |= mk
			}
		}
	}
	return pm
}

// fillPairs computes the pair masks that beads inside the band can use.
func (a *aligner) fillPairs(lo, hi []int) {
	a.plo = make([]int, a.n)
	a.rows = make([][]pairMask, a.n)
	for s := 0; s < a.n; s++ {
		l := lo[max(0, s-(maxSpan-1))]
		h := min(hi[min(a.n, s+maxSpan)]-1, a.m-1)
		a.plo[s] = l
		if h < l {
			continue
		}
		row := make([]pairMask, h-l+1)
		fs := &a.src[s]
		if len(fs.items) > 0 {
			a.setMarks(fs)
			for t := l; t <= h; t++ {
				row[t-l] = a.pairWithMarks(&a.tgt[t])
			}
			a.clearMarks(fs)
		}
		a.rows[s] = row
	}
}

func (a *aligner) getPair(s, t int) pairMask {
	k := t - a.plo[s]
	if k < 0 || k >= len(a.rows[s]) {
		return a.pair(s, t)
	}
	return a.rows[s][k]
}

// llr is the lexical log-likelihood ratio of the bead src[i0:i1], tgt[j0:j1].
func (a *aligner) llr(i0, i1, j0, j1 int, get func(s, t int) pairMask) float64 {
	var matchedS, totalS, matchedT, totalT [numClasses]int
	for s := i0; s < i1; s++ {
		fs := &a.src[s]
		if fs.bits == 0 {
			continue
		}
		var cov uint64
		for t := j0; t < j1; t++ {
			cov |= get(s, t).s
		}
		for c := range numClasses {
			matchedS[c] += bits.OnesCount64(cov & fs.clsMask[c])
			totalS[c] += bits.OnesCount64(fs.clsMask[c])
		}
	}
	for t := j0; t < j1; t++ {
		ft := &a.tgt[t]
		if ft.bits == 0 {
			continue
		}
		var cov uint64
		for s := i0; s < i1; s++ {
			cov |= get(s, t).t
		}
		for c := range numClasses {
			matchedT[c] += bits.OnesCount64(cov & ft.clsMask[c])
			totalT[c] += bits.OnesCount64(ft.clsMask[c])
		}
	}
	v := 0.0
	for c := range numClasses {
		v += float64(matchedS[c])*a.wMatch[c][j1-j0] + float64(totalS[c]-matchedS[c])*a.wMiss[c][j1-j0]
		v += float64(matchedT[c])*a.wMatch[c][i1-i0] + float64(totalT[c]-matchedT[c])*a.wMiss[c][i1-i0]
	}
	return v
}

// lengthCost is the Gale–Church cost of aligning l1 source characters with
// l2 target characters: -ln P(|δ| at least this large).
func (a *aligner) lengthCost(l1, l2 float64) float64 {
	if l1+l2 == 0 {
		return 0
	}
	d := (l2 - a.c*l1) / math.Sqrt(a.s2*(l1+l2/a.c)/2)
	return negLogErfc(math.Abs(d) / math.Sqrt2)
}

// erfcTable holds -ln erfc(z) for z = 0, 1/erfcStep, ... erfcMax: the DP
// evaluates millions of length costs, and interpolating is ten times
// cheaper than computing.
const (
	erfcStep = 128
	erfcMax  = 6
)

var erfcTable = func() []float64 {
	t := make([]float64, erfcMax*erfcStep+2)
	for i := range t {
		t[i] = -math.Log(math.Erfc(float64(i) / erfcStep))
	}
	return t
}()

// negLogErfc is -ln erfc(z) for z >= 0.
func negLogErfc(z float64) float64 {
	if z < erfcMax {
		x := z * erfcStep
		i := int(x)
		f := x - float64(i)
		return erfcTable[i]*(1-f) + erfcTable[i+1]*f
	}
	// asymptotic expansion: erfc(z) ≈ exp(-z²)/(z√π) · (1 - 1/(2z²))
	return z*z + math.Log(z*math.Sqrt(math.Pi)) - math.Log1p(-1/(2*z*z))
}

// cost is the cost of the bead of shape t ending at (i, j).
func (a *aligner) cost(i, j, t int, get func(s, t int) pairMask) float64 {
	bt := beadTypes[t]
	if bt.a == 0 || bt.b == 0 {
		return a.nullCost
	}
	i0, j0 := i-bt.a, j-bt.b
	var l1, l2 float64
	for s := i0; s < i; s++ {
		l1 += a.src[s].length
	}
	for u := j0; u < j; u++ {
		l2 += a.tgt[u].length
	}
	c := a.lengthCost(l1, l2) + a.prior[t] - a.llr(i0, i, j0, j, get)
	if a.src[i-1].end == a.tgt[j-1].end {
		return c - a.wEndSame
	}
	return c - a.wEndDiff
}

// setEndWeights sets the weights of sentence endings from the rate p1 at
// which the last sentences of a true bead end alike and the rate p0 of two
// sentences at random.
func (a *aligner) setEndWeights(p1, p0 float64) {
	if p1 <= p0 {
		a.wEndSame, a.wEndDiff = 0, 0
		return
	}
	a.wEndSame = math.Log(p1 / p0)
	a.wEndDiff = math.Log((1 - p1) / (1 - p0))
}

// run is one banded dynamic programme: rows are source positions 0..n,
// row i holds target positions lo[i]..hi[i].
func (a *aligner) run(lo, hi []int, types []int) []step {
	a.fillPairs(lo, hi)
	n := a.n
	inf := math.Inf(1)
	D := make([][]float64, n+1)
	B := make([][]uint8, n+1)
	for i := 0; i <= n; i++ {
		w := hi[i] - lo[i] + 1
		D[i] = make([]float64, w)
		B[i] = make([]uint8, w)
		for k := range D[i] {
			D[i][k] = inf
		}
	}
	D[0][0] = 0
	get := a.getPair
	for i := 0; i <= n; i++ {
		for j := lo[i]; j <= hi[i]; j++ {
			if i == 0 && j == 0 {
				continue
			}
			best, bestT := inf, 0
			for _, t := range types {
				bt := beadTypes[t]
				pi, pj := i-bt.a, j-bt.b
				if pi < 0 || pj < lo[pi] || pj > hi[pi] {
					continue
				}
				prev := D[pi][pj-lo[pi]]
				if prev == inf {
					continue
				}
				if c := prev + a.cost(i, j, t, get); c < best {
					best, bestT = c, t
				}
			}
			D[i][j-lo[i]] = best
			B[i][j-lo[i]] = uint8(bestT)
		}
	}
	var path []step
	i, j := n, a.m
	for i > 0 || j > 0 {
		t := int(B[i][j-lo[i]])
		path = append(path, step{i, j, t})
		i -= beadTypes[t].a
		j -= beadTypes[t].b
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	a.rows = nil
	return path
}

// lengthDiagonal is the band of half-width w around the line that pairs
// the same fractions of the two texts' lengths: it follows the true path
// much closer than the line from (0,0) to (n,m) where one side splits its
// sentences more finely in one part of the document than in another.
func (a *aligner) lengthDiagonal(w int) (lo, hi []int) {
	n, m := a.n, a.m
	var L1, L2 float64
	for _, f := range a.src {
		L1 += f.length + 1
	}
	for _, f := range a.tgt {
		L2 += f.length + 1
	}
	lo = make([]int, n+1)
	hi = make([]int, n+1)
	var c1, c2 float64 // lengths before source i and before target j
	j := 0
	for i := 0; i <= n; i++ {
		for j < m && (c2+(a.tgt[j].length+1)/2)/L2 < c1/L1 {
			c2 += a.tgt[j].length + 1
			j++
		}
		lo[i] = max(0, j-w)
		hi[i] = min(m, j+w)
		if i < n {
			c1 += a.src[i].length + 1
		}
	}
	fixBand(lo, hi, m)
	return lo, hi
}

// pathBand is the band of half-width w around a path, made monotonic.
func pathBand(path []step, n, m, w int) (lo, hi []int) {
	widths := make([]int, n+1)
	for i := range widths {
		widths[i] = w
	}
	return pathBandWidths(path, n, m, widths)
}

// pathBandWidths is the band of half-width widths[i] at row i around a
// path, made monotonic.
func pathBandWidths(path []step, n, m int, widths []int) (lo, hi []int) {
	pmin := make([]int, n+1)
	pmax := make([]int, n+1)
	for i := range pmin {
		pmin[i] = -1
	}
	pi, pj := 0, 0
	pmin[0], pmax[0] = 0, 0
	for _, st := range path {
		for i := pi; i <= st.i; i++ {
			// rows crossed by the bead get the bead's column range
			if pmin[i] < 0 || pj < pmin[i] {
				pmin[i] = pj
			}
			if st.j > pmax[i] {
				pmax[i] = st.j
			}
		}
		pi, pj = st.i, st.j
	}
	lo = make([]int, n+1)
	hi = make([]int, n+1)
	for i := 0; i <= n; i++ {
		lo[i] = max(0, pmin[i]-widths[i])
		hi[i] = min(m, pmax[i]+widths[i])
	}
	fixBand(lo, hi, m)
	return lo, hi
}

// fixBand makes a band usable by the DP: it starts at (0,0), ends at
// (n,m), both its edges are monotonic, and consecutive rows overlap so
// that a path through it exists.
func fixBand(lo, hi []int, m int) {
	n := len(lo) - 1
	lo[0], hi[n] = 0, m
	for i := n - 1; i >= 0; i-- {
		lo[i] = min(lo[i], lo[i+1])
	}
	for i := 1; i <= n; i++ {
		hi[i] = max(hi[i], hi[i-1])
	}
	for i := n - 1; i >= 0; i-- {
		hi[i] = max(hi[i], lo[i+1])
	}
}

// initModel sets the parameters of the first pass from document totals.
func (a *aligner) initModel() {
	var L1, L2 float64
	for _, f := range a.src {
		L1 += f.length
	}
	for _, f := range a.tgt {
		L2 += f.length
	}
	a.c = 1
	if L1 > 0 && L2 > 0 {
		a.c = L2 / L1
	}
	// Gale and Church's variance for equal-length languages, scaled by the
	// square of the ratio: the next pass replaces it with the variance of
	// the document's own beads.
	a.s2 = 6.8 * math.Max(1, a.c)
	a.prior = make([]float64, len(beadTypes))
	for t, p := range beadPrior0 {
		a.prior[t] = -math.Log(p)
	}
	// random pairs: each source sentence against a target half the
	// document away from the diagonal
	var rm, rt [numClasses]float64
	var same float64
	for s := 0; s < a.n; s++ {
		t := (int(float64(s)*float64(a.m)/float64(a.n)) + a.m/2) % a.m
		a.countPair(s, t, a.pair(s, t), &rm, &rt)
		if a.src[s].end == a.tgt[t].end {
			same++
		}
	}
	a.setEndWeights(0.8, (same+0.5)/(float64(a.n)+1))
	init1 := [numClasses]float64{0.4, 0.8, 0.6}
	for c := range numClasses {
		a.setWeights(c, init1[c], (rm[c]+0.5)/(rt[c]+1))
	}
	a.nullCost = a.opt.NullPenalty * -math.Log(beadPrior0[1])
}

// setWeights sets the weights of class c from the probability p1 that an
// item finds its match in its true partner and the probability p0 that it
// finds one in a random sentence. Facing k sentences, an item of a correct
// bead matches with 1-(1-p1)(1-p0)^(k-1) and by chance with 1-(1-p0)^k: so
// that a bead does not gain by swallowing its neighbours.
func (a *aligner) setWeights(c int, p1, p0 float64) {
	for k := 1; k <= maxSpan; k++ {
		if p1 <= p0 {
			a.wMatch[c][k], a.wMiss[c][k] = 0, 0
			continue
		}
		miss0 := math.Pow(1-p0, float64(k))
		q1 := 1 - (1-p1)*miss0/(1-p0)
		q0 := 1 - miss0
		a.wMatch[c][k] = math.Log(q1 / q0)
		a.wMiss[c][k] = math.Log((1 - q1) / (1 - q0))
	}
}

// countPair adds the matched and total items of a 1-1 pairing per class.
func (a *aligner) countPair(s, t int, pm pairMask, matched, total *[numClasses]float64) {
	fs, ft := &a.src[s], &a.tgt[t]
	for c := range numClasses {
		matched[c] += float64(bits.OnesCount64(pm.s&fs.clsMask[c]) + bits.OnesCount64(pm.t&ft.clsMask[c]))
		total[c] += float64(bits.OnesCount64(fs.clsMask[c]) + bits.OnesCount64(ft.clsMask[c]))
	}
}

// estimate re-estimates the model from the beads of a path: the length
// ratio and its variance, the bead priors and the match probabilities.
func (a *aligner) estimate(path []step) {
	var L1, L2 float64
	type one struct{ s, t int }
	var ones []one
	counts := make([]float64, len(beadTypes))
	for _, st := range path {
		bt := beadTypes[st.t]
		counts[st.t]++
		if bt.a == 0 || bt.b == 0 {
			continue
		}
		for s := st.i - bt.a; s < st.i; s++ {
			L1 += a.src[s].length
		}
		for t := st.j - bt.b; t < st.j; t++ {
			L2 += a.tgt[t].length
		}
		if bt.a == 1 && bt.b == 1 {
			ones = append(ones, one{st.i - 1, st.j - 1})
		}
	}
	if L1 > 0 && L2 > 0 {
		a.c = L2 / L1
	}
	if len(ones) >= 8 {
		ds := make([]float64, 0, len(ones))
		for _, o := range ones {
			l1, l2 := a.src[o.s].length, a.tgt[o.t].length
			if l1+l2 == 0 {
				continue
			}
			ds = append(ds, (l2-a.c*l1)/math.Sqrt((l1+l2/a.c)/2))
		}
		med := median(ds)
		for k := range ds {
			ds[k] = math.Abs(ds[k] - med)
		}
		// the floor keeps one odd bead from costing everything when the
		// document's lengths agree almost exactly
		a.s2 = math.Max(math.Pow(1.4826*median(ds), 2), math.Max(1, a.c))
	}
	// priors: the path's counts smoothed towards the initial priors
	const alpha = 20.0
	total := float64(len(path)) + alpha
	for t := range beadTypes {
		a.prior[t] = -math.Log((counts[t] + alpha*beadPrior0[t]) / total)
	}
	// the null cost follows the document's rate of null beads, but slowly:
	// each null bead the path takes makes the next one cheaper
	const nullAlpha = 200.0
	nullRate := (counts[1] + counts[2] + nullAlpha*(beadPrior0[1]+beadPrior0[2])) / (float64(len(path)) + nullAlpha) / 2
	a.nullCost = a.opt.NullPenalty * -math.Log(nullRate)
	if len(ones) >= 4 {
		var pm, pt, rm, rt [numClasses]float64
		var same1, same0 float64
		for k, o := range ones {
			a.countPair(o.s, o.t, a.pair(o.s, o.t), &pm, &pt)
			r := ones[(k+len(ones)/2)%len(ones)]
			a.countPair(o.s, r.t, a.pair(o.s, r.t), &rm, &rt)
			if a.src[o.s].end == a.tgt[o.t].end {
				same1++
			}
			if a.src[o.s].end == a.tgt[r.t].end {
				same0++
			}
		}
		n := float64(len(ones))
		a.setEndWeights((same1+0.5)/(n+1), (same0+0.5)/(n+1))
		for c := range numClasses {
			a.setWeights(c, (pm[c]+0.5)/(pt[c]+1), (rm[c]+0.5)/(rt[c]+1))
		}
	}

}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// beads turns a path into beads with confidence scores.
func (a *aligner) beads(path []step) []Bead {
	out := make([]Bead, 0, len(path))
	get := a.pair
	for _, st := range path {
		bt := beadTypes[st.t]
		b := Bead{Source: make([]int, 0, bt.a), Target: make([]int, 0, bt.b)}
		for s := st.i - bt.a; s < st.i; s++ {
			b.Source = append(b.Source, s)
		}
		for t := st.j - bt.b; t < st.j; t++ {
			b.Target = append(b.Target, t)
		}
		if bt.a == 0 || bt.b == 0 {
			// confidence that the sentence has no partner: how much worse
			// pairing it 1-1 with its best neighbour would be
			best := math.Inf(1)
			for d := -2; d <= 2; d++ {
				var c float64
				if bt.b == 0 {
					t := st.j + d
					if t < 0 || t >= a.m {
						continue
					}
					c = a.cost(st.i, t+1, 0, get)
				} else {
					s := st.i + d
					if s < 0 || s >= a.n {
						continue
					}
					c = a.cost(s+1, st.j, 0, get)
				}
				best = math.Min(best, c)
			}
			b.Score = sigmoid(best - a.nullCost)
		} else {
			c := a.cost(st.i, st.j, st.t, get)
			b.Score = sigmoid(float64(bt.a+bt.b)*a.nullCost - c)
		}
		out = append(out, b)
	}
	return out
}

func sigmoid(x float64) float64 {
	if math.IsInf(x, 1) {
		return 1
	}
	return 1 / (1 + math.Exp(-x))
}
