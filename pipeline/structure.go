package pipeline

import (
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
)

// structured reports whether a document's files were parsed into blocks
// (headings, paragraphs, list items) that pairing can follow.
func structured(doc *document.Document) bool {
	return doc.Format == "markdown" || doc.Format == "asciidoc"
}

// block is a unit of one file with the prose segments pairing sees.
type block struct {
	unit *document.Unit
	segs []*document.Segment
}

func (b block) heading() bool { return b.unit.Kind == "heading" }

// text is the block's prose, joined, for block-level alignment.
func (b block) text() string {
	parts := make([]string, len(b.segs))
	for i, s := range b.segs {
		parts[i] = strings.TrimSpace(s.Prose())
	}
	return strings.Join(parts, " ")
}

// blocksOf returns the units of one role that hold prose, in order.
func blocksOf(doc *document.Document, role document.Role) []block {
	var out []block
	for _, u := range doc.Units {
		var segs []*document.Segment
		for _, s := range u.Segments {
			if s.Skip == "" && s.Role == role {
				segs = append(segs, s)
			}
		}
		if len(segs) > 0 {
			out = append(out, block{unit: u, segs: segs})
		}
	}
	return out
}

// pairStructured pairs a source file with its translation by their
// structure, not as one stream of sentences: headings are aligned first
// (identical explicit anchors tie them for certain) and cut both files
// into sections; within each pair of sections the blocks are aligned,
// a heading only ever with a heading; then the sentences of each pair of
// blocks. A section the translation lacks thus stays unpaired whole, and
// is reported once, instead of being folded into its neighbours one
// sentence at a time.
func pairStructured(r *Runner, doc *document.Document) {
	src, tgt := blocksOf(doc, document.RoleSource), blocksOf(doc, document.RoleTarget)
	if len(src) == 0 || len(tgt) == 0 {
		return
	}
	// Headings: the skeleton.
	var hs, ht []int
	for i, b := range src {
		if b.heading() {
			hs = append(hs, i)
		}
	}
	for i, b := range tgt {
		if b.heading() {
			ht = append(ht, i)
		}
	}
	// The sentences of the whole pair, aligned as one stream: within a
	// pair of blocks, its beads say which sentences go together, with the
	// ratios and penalties it estimated from the whole document.
	pr := &pairing{Runner: r, global: globalBeads(r, doc, src, tgt)}
	anchors := pr.alignHeadings(doc, src, tgt, hs, ht)
	// A section the translation moved elsewhere pairs where it went.
	moved, takenS, takenT := pr.movedSections(doc, src, tgt, hs, ht, anchors)
	keep := func(bs []block, taken map[int]bool, from, to int) []block {
		var out []block
		for i := from; i < to; i++ {
			if !taken[i] {
				out = append(out, bs[i])
			}
		}
		return out
	}
	// Sections between consecutive anchors pair with each other.
	ps, pt := 0, 0
	for _, a := range append(anchors, [2]int{len(src), len(tgt)}) {
		pr.pairBlocks(doc, keep(src, takenS, ps, a[0]), keep(tgt, takenT, pt, a[1]))
		if a[0] < len(src) {
			doc.Beads = append(doc.Beads, pr.pairBlock(doc, src[a[0]], tgt[a[1]])...)
		}
		ps, pt = a[0]+1, a[1]+1
	}
	for _, m := range moved {
		pr.pairBlocks(doc, src[m[0]:m[1]], tgt[m[2]:m[3]])
	}
}

// movedSections finds the sections that the heading alignment, which
// keeps order, left without a counterpart on both sides and that match
// each other by their words: a section the translation put elsewhere. It
// returns their block ranges (source from, to, target from, to) and the
// blocks they take.
func (r *pairing) movedSections(doc *document.Document, src, tgt []block, hs, ht []int, anchors [][2]int) (moved [][4]int, takenS, takenT map[int]bool) {
	takenS, takenT = map[int]bool{}, map[int]bool{}
	paired := map[int]bool{}
	pairedT := map[int]bool{}
	for _, a := range anchors {
		paired[a[0]], pairedT[a[1]] = true, true
	}
	var us, ut []int
	for _, i := range hs {
		if !paired[i] {
			us = append(us, i)
		}
	}
	for _, j := range ht {
		if !pairedT[j] {
			ut = append(ut, j)
		}
	}
	if len(us) == 0 || len(ut) == 0 || len(us)*len(ut) > maxBlockPairs {
		return nil, takenS, takenT
	}
	end := func(bs []block, k int) int {
		e := k + 1
		for e < len(bs) && !bs[e].heading() {
			e++
		}
		return e
	}
	sim := r.similarity(doc)
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	tt := make([]string, len(ut))
	for n, j := range ut {
		tt[n] = sectionText(tgt, j)
	}
	for _, i := range us {
		ts := sectionText(src, i)
		for n, j := range ut {
			if sc := sim(ts, tt[n]); sc >= movedMatch {
				cands = append(cands, cand{i, j, sc})
			}
		}
	}
	sort.Slice(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	for _, c := range cands {
		if takenS[c.i] || takenT[c.j] {
			continue
		}
		es, et := end(src, c.i), end(tgt, c.j)
		moved = append(moved, [4]int{c.i, es, c.j, et})
		for k := c.i; k < es; k++ {
			takenS[k] = true
		}
		for k := c.j; k < et; k++ {
			takenT[k] = true
		}
	}
	return moved, takenS, takenT
}

// movedMatch is the least word match for two sections out of order to be
// taken as one moved: more than in order, where position speaks too.
const movedMatch = 0.3

// alignHeadings pairs the headings of the two files, in order: headings
// with the same explicit anchor first, then the aligner's 1-1 beads of the
// headings between them. It returns the pairs as indices into src and tgt,
// increasing on both sides.
func (r *pairing) alignHeadings(doc *document.Document, src, tgt []block, hs, ht []int) [][2]int {
	var out [][2]int
	// Anchors that both sides hold exactly once tie their headings.
	count := func(bs []block, idx []int) map[string]int {
		m := map[string]int{}
		for _, i := range idx {
			if a := bs[i].unit.Anchor; a != "" {
				m[a]++
			}
		}
		return m
	}
	cs, ct := count(src, hs), count(tgt, ht)
	var tied [][2]int // indices into hs, ht
	next := 0
	for i, si := range hs {
		a := src[si].unit.Anchor
		if a == "" || cs[a] != 1 || ct[a] != 1 {
			continue
		}
		for j := next; j < len(ht); j++ {
			if tgt[ht[j]].unit.Anchor == a {
				tied = append(tied, [2]int{i, j})
				next = j + 1
				break
			}
		}
	}
	// Between ties, the aligner pairs the headings by their words and
	// lengths; only its 1-1 beads count.
	pi, pj := 0, 0
	for _, t := range append(tied, [2]int{len(hs), len(ht)}) {
		out = append(out, r.alignHeadingRun(doc, src, tgt, hs[pi:t[0]], ht[pj:t[1]])...)
		if t[0] < len(hs) {
			out = append(out, [2]int{hs[t[0]], ht[t[1]]})
		}
		pi, pj = t[0]+1, t[1]+1
	}
	return out
}

func (r *pairing) alignHeadingRun(doc *document.Document, src, tgt []block, hs, ht []int) [][2]int {
	if len(hs) == 0 || len(ht) == 0 {
		return nil
	}
	// A heading stands for its section, up to the next heading: the
	// section's words are the evidence a short title lacks.
	a, b := make([]string, len(hs)), make([]string, len(ht))
	for i, k := range hs {
		a[i] = sectionText(src, k)
	}
	for i, k := range ht {
		b[i] = sectionText(tgt, k)
	}
	sim := r.similarity(doc)
	var out [][2]int
	for _, m := range matchInOrder(len(a), len(b), func(i, j int) float64 { return sim(a[i], b[j]) }) {
		out = append(out, [2]int{hs[m[0]], ht[m[1]]})
	}
	return out
}

// sectionText is the text of the section that starts at heading k, up
// to the next heading: what stands for a heading when headings are
// matched, as a short title alone gives little evidence.
func sectionText(bs []block, k int) string {
	parts := []string{bs[k].text()}
	for i := k + 1; i < len(bs) && !bs[i].heading(); i++ {
		parts = append(parts, bs[i].text())
	}
	return strings.Join(parts, " ")
}

// pairBlocks aligns the blocks of a source section with those of its
// translation, then the sentences of each pair of blocks. A heading pairs
// only with a heading; a block with no counterpart leaves its sentences
// unpaired.
func (r *pairing) pairBlocks(doc *document.Document, src, tgt []block) {
	if len(src) == 0 || len(tgt) == 0 || len(src)*len(tgt) > maxBlockPairs {
		r.pairLeftovers(doc, src, tgt)
		return
	}
	// The same blocks in the same order, as most translations of a page
	// keep them, pair one to one.
	if len(src) == len(tgt) {
		same := true
		for i := range src {
			same = same && src[i].heading() == tgt[i].heading() && src[i].unit.Kind == tgt[i].unit.Kind
		}
		if same {
			for i := range src {
				doc.Beads = append(doc.Beads, r.pairBlock(doc, src[i], tgt[i])...)
			}
			return
		}
	}
	sim := r.similarity(doc)
	texts := func(bs []block) []string {
		out := make([]string, len(bs))
		for i, b := range bs {
			out[i] = b.text()
		}
		return out
	}
	a, b := texts(src), texts(tgt)
	score := func(i, j int) float64 {
		if src[i].heading() != tgt[j].heading() {
			return 0 // a heading and a paragraph are not each other's translation
		}
		return sim(a[i], b[j])
	}
	// Blocks whose words match pair in order; the blocks left between two
	// pairs are aligned sentence by sentence when both sides have some
	// (a paragraph split in two, a free translation), and are text with
	// no counterpart when only one side has.
	ps, pt := 0, 0
	for _, m := range append(matchInOrder(len(a), len(b), score), [2]int{len(src), len(tgt)}) {
		r.pairLeftovers(doc, src[ps:m[0]], tgt[pt:m[1]])
		if m[0] < len(src) {
			doc.Beads = append(doc.Beads, r.pairBlock(doc, src[m[0]], tgt[m[1]])...)
		}
		ps, pt = m[0]+1, m[1]+1
	}
}

// pairLeftovers pairs the blocks left between two pairs of blocks: as
// the sentences of one pair of blocks when both sides have some, else
// none.
func (r *pairing) pairLeftovers(doc *document.Document, src, tgt []block) {
	if len(src) == 0 || len(tgt) == 0 {
		for _, b := range src {
			doc.Beads = append(doc.Beads, document.Bead{Source: segIDs(b.segs)})
		}
		for _, b := range tgt {
			doc.Beads = append(doc.Beads, document.Bead{Target: segIDs(b.segs)})
		}
		return
	}
	doc.Beads = append(doc.Beads, r.pairBlock(doc, merge(src), merge(tgt))...)
}

// maxBlockPairs bounds the work of matching blocks (every block of a
// section against every block of its translation): a longer stretch with
// no headings goes to the sentence aligner, whose time is linear.
const maxBlockPairs = 40000

// minMatch is the least word match for two blocks or sections to pair
// by their words alone.
const minMatch = 0.2

// matchInOrder pairs items of two sequences one to one and in order, the
// pairs with the greatest total score (Needleman–Wunsch with free gaps);
// a pair needs a score of at least minMatch.
func matchInOrder(n, m int, score func(i, j int) float64) [][2]int {
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	sc := make([][]float64, n)
	for i := range sc {
		sc[i] = make([]float64, m)
		for j := range sc[i] {
			sc[i][j] = score(i, j)
		}
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(best[i+1][j], best[i][j+1])
			if sc[i][j] >= minMatch {
				v = max(v, best[i+1][j+1]+sc[i][j])
			}
			best[i][j] = v
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case sc[i][j] >= minMatch && best[i][j] == best[i+1][j+1]+sc[i][j]:
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case best[i][j] == best[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}

// similarity returns how well two texts of the document's languages
// match word for word, from 0 to 1: the share of words on each side whose
// dictionary translation, or whose very form (names, numbers, codes), is
// on the other side, averaged over the two sides.
func (r *pairing) similarity(doc *document.Document) func(a, b string) float64 {
	lex := r.lexiconFor(doc.Source, doc.Target)
	zhFirst := doc.Source == "zh"
	v := align.Words()
	// The words of a text are worked out once: matching n blocks against
	// m compares each text with many.
	type zhWords struct {
		n    int
		keys [][]int32
	}
	type enWords struct {
		keys []int32
		set  map[int32]bool
	}
	latin := map[string]map[string]bool{}
	zhOf := map[string]zhWords{}
	enOf := map[string]enWords{}
	tokens := func(s string) map[string]bool {
		t, ok := latin[s]
		if !ok {
			t = latinTokens(s)
			latin[s] = t
		}
		return t
	}
	return func(a, b string) float64 {
		if lex != nil && !zhFirst {
			a, b = b, a // the dictionary goes from Chinese
		}
		covA, covB := overlap(tokens(a), tokens(b))
		if lex == nil {
			return (covA + covB) / 2
		}
		zw, ok := zhOf[a]
		if !ok {
			words, keys := v.SourceWords(lex, a)
			zw = zhWords{n: len(words), keys: keys}
			zhOf[a] = zw
		}
		ew, ok := enOf[b]
		if !ok {
			_, ek := v.TargetWords(b)
			ew = enWords{keys: ek, set: make(map[int32]bool, len(ek))}
			for _, k := range ek {
				ew.set[k] = true
			}
			enOf[b] = ew
		}
		en := ew.set
		if zw.n == 0 || len(ew.keys) == 0 {
			return (covA + covB) / 2
		}
		zh := map[int32]bool{}
		hitZ := 0
		for _, ks := range zw.keys {
			hit := false
			for _, k := range ks {
				zh[k] = true
				hit = hit || en[k]
			}
			if hit {
				hitZ++
			}
		}
		hitE := 0
		for _, k := range ew.keys {
			if zh[k] {
				hitE++
			}
		}
		za := float64(hitZ) / float64(zw.n)
		eb := float64(hitE) / float64(len(ew.keys))
		return (max(za, covA) + max(eb, covB)) / 2
	}
}

// tokenOverlap is the share of the Latin-letter and digit tokens of each
// text that appear in the other: what names, numbers and codes give.
func tokenOverlap(a, b string) (float64, float64) {
	return overlap(latinTokens(a), latinTokens(b))
}

// overlap is tokenOverlap of two token sets.
func overlap(ta, tb map[string]bool) (float64, float64) {
	share := func(x, y map[string]bool) float64 {
		if len(x) == 0 {
			return 0
		}
		n := 0
		for t := range x {
			if y[t] {
				n++
			}
		}
		return float64(n) / float64(len(x))
	}
	return share(ta, tb), share(tb, ta)
}

func latinTokens(s string) map[string]bool {
	out := map[string]bool{}
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(f) >= 2 {
			out[f] = true
		}
	}
	return out
}

// merge joins blocks that translate together into one.
func merge(bs []block) block {
	if len(bs) == 1 {
		return bs[0]
	}
	out := block{unit: bs[0].unit}
	for _, b := range bs {
		out.segs = append(out.segs, b.segs...)
	}
	return out
}

// pairBlock pairs the sentences of a block with those of its translation:
// one to one when each is one sentence, else through the aligner, which
// finds a sentence the translation of the block left out.
func (r *pairing) pairBlock(doc *document.Document, s, t block) []document.Bead {
	if len(s.segs) == 1 && len(t.segs) == 1 {
		return []document.Bead{{Source: segIDs(s.segs), Target: segIDs(t.segs), Score: 1}}
	}
	if r.global == nil {
		return r.align(doc.Source, doc.Target, s.segs, t.segs, align.Options{})
	}
	// The whole document's beads, cut to this pair of blocks, in their
	// order; a sentence they pair with none of the other block's is left
	// over.
	inS, inT := map[int]bool{}, map[int]bool{}
	for _, x := range s.segs {
		inS[x.ID] = true
	}
	for _, x := range t.segs {
		inT[x.ID] = true
	}
	var ks []int
	seen := map[int]bool{}
	for _, id := range append(segIDs(s.segs), segIDs(t.segs)...) {
		if k, ok := r.global.of[id]; ok && !seen[k] {
			seen[k] = true
			ks = append(ks, k)
		}
	}
	sort.Ints(ks)
	var out []document.Bead
	var ls, lt []*document.Segment
	at := -1 // where the leftovers stand among out
	for _, k := range ks {
		bd := r.global.beads[k]
		var bs, bt []int
		for _, x := range bd.Source {
			if inS[x] {
				bs = append(bs, x)
			}
		}
		for _, x := range bd.Target {
			if inT[x] {
				bt = append(bt, x)
			}
		}
		if len(bs) > 0 && len(bt) > 0 {
			out = append(out, document.Bead{Source: bs, Target: bt, Score: bd.Score})
			continue
		}
		if at < 0 {
			at = len(out)
		}
		for _, x := range bs {
			ls = append(ls, doc.Segment(x))
		}
		for _, x := range bt {
			lt = append(lt, doc.Segment(x))
		}
	}
	if at < 0 {
		return out
	}
	var left []document.Bead
	if len(ls) > 0 && len(lt) > 0 {
		// Sentences left on both sides are aligned here.
		left = r.align(doc.Source, doc.Target, ls, lt, align.Options{})
	} else {
		for _, x := range ls {
			left = append(left, document.Bead{Source: []int{x.ID}})
		}
		for _, x := range lt {
			left = append(left, document.Bead{Target: []int{x.ID}})
		}
	}
	return append(out[:at:at], append(left, out[at:]...)...)
}

// pairing is one document's structural pairing: the runner (shared by
// every worker) and what this document's pairing has found.
type pairing struct {
	*Runner
	global *beadIndex // the document's sentences aligned as one stream
}

// beadIndex is a whole document's sentence beads with, for each segment
// ID, the bead that holds it.
type beadIndex struct {
	beads []document.Bead
	of    map[int]int
}

func globalBeads(r *Runner, doc *document.Document, src, tgt []block) *beadIndex {
	var a, b []*document.Segment
	for _, x := range src {
		a = append(a, x.segs...)
	}
	for _, x := range tgt {
		b = append(b, x.segs...)
	}
	g := &beadIndex{beads: r.align(doc.Source, doc.Target, a, b, align.Options{MaxBandCells: pageBandCells}), of: map[int]int{}}
	for k, bd := range g.beads {
		for _, id := range bd.Source {
			g.of[id] = k
		}
		for _, id := range bd.Target {
			g.of[id] = k
		}
	}
	return g
}

func segIDs(segs []*document.Segment) []int {
	out := make([]int, len(segs))
	for i, s := range segs {
		out[i] = s.ID
	}
	return out
}

// pageBandCells bounds the band of the whole-page alignment
// (align.Options.MaxBandCells), cells per sentence of both pages: a page
// whose translation lacks hundreds of sentences (a changelog with empty
// versions) doubled the band to nearly the whole table, seconds for one
// page, where headings and blocks already anchor the sections.
const pageBandCells = 128
