package align

// Model1 is IBM Model 1 (Brown et al. 1993): the probability t(e|f) that
// a word f of the lexicon side is translated by a word e of the other
// side, learnt by expectation–maximisation from sentence pairs with no
// word alignment given. Words are the aligner's normalised forms (a
// Chinese word, an English stem).
type Model1 struct {
	src, tgt wordIDs
	pairs    [][2][]int32
	// After training: slot holds the index in t of each word pair seen
	// together, t the probabilities.
	slot map[uint64]int32
	t    []float64
}

type wordIDs struct {
	ids map[string]int32
}

func (w *wordIDs) id(s string) int32 {
	if id, ok := w.ids[s]; ok {
		return id
	}
	id := int32(len(w.ids))
	w.ids[s] = id
	return id
}

func newModel1() *Model1 {
	return &Model1{src: wordIDs{map[string]int32{}}, tgt: wordIDs{map[string]int32{}}, slot: map[uint64]int32{}}
}

func pairKey(f, e int32) uint64 { return uint64(uint32(f))<<32 | uint64(uint32(e)) }

// nullID stands for the empty word every target word may come from: the
// first source word of every pair.
const nullID = -1

// train runs the EM iterations. Each word pair met together gets a slot
// once; the iterations then work on arrays: t starts uniform, so the
// first expectation counts co-occurrence, and each iteration moves the
// mass of a target word towards the source words that explain it best
// across the pairs.
func (m *Model1) train(iterations int) {
	// cells[p] lists, for pair p, the slot of each (f, e) cell, e major.
	cells := make([][]int32, len(m.pairs))
	var owner []int32 // the source word of each slot
	for p, pr := range m.pairs {
		c := make([]int32, 0, len(pr[0])*len(pr[1]))
		for _, e := range pr[1] {
			for _, f := range pr[0] {
				k := pairKey(f, e)
				s, ok := m.slot[k]
				if !ok {
					s = int32(len(owner))
					m.slot[k] = s
					owner = append(owner, f)
				}
				c = append(c, s)
			}
		}
		cells[p] = c
	}
	m.t = make([]float64, len(owner))
	for i := range m.t {
		m.t[i] = 1
	}
	count := make([]float64, len(owner))
	total := make([]float64, len(m.src.ids)+1) // by source word, the null word first
	for range iterations {
		clear(count)
		for p, pr := range m.pairs {
			nf := len(pr[0])
			c := cells[p]
			for e := range pr[1] {
				row := c[e*nf : (e+1)*nf]
				z := 0.0
				for _, s := range row {
					z += m.t[s]
				}
				if z == 0 {
					continue
				}
				for _, s := range row {
					count[s] += m.t[s] / z
				}
			}
		}
		clear(total)
		for s, c := range count {
			total[owner[s]+1] += c
		}
		for s, c := range count {
			m.t[s] = c / total[owner[s]+1]
		}
	}
	m.pairs = nil // what is learnt is in t
}

// Prob returns t(e|f) for the normalised words f (lexicon side) and e;
// 0 for words the model never saw together.
func (m *Model1) Prob(f, e string) float64 {
	fi, ok := m.src.ids[f]
	if !ok {
		return 0
	}
	ei, ok := m.tgt.ids[e]
	if !ok {
		return 0
	}
	s, ok := m.slot[pairKey(fi, ei)]
	if !ok {
		return 0
	}
	return m.t[s]
}
