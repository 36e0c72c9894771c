package align

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ParseAlign reads beads in the format of the gold alignment files: one
// bead a line, "[source indices]:[target indices]", 0-based and
// comma-separated, either side possibly empty. Blank lines are skipped.
func ParseAlign(r io.Reader) ([]Bead, error) {
	var out []Bead
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		left, right, ok := strings.Cut(text, "]:[")
		if !ok || !strings.HasPrefix(left, "[") || !strings.HasSuffix(right, "]") {
			return nil, fmt.Errorf("line %d: %q is not [i,...]:[j,...]", line, text)
		}
		src, err := parseIndices(left[1:])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		tgt, err := parseIndices(right[:len(right)-1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		out = append(out, Bead{Source: src, Target: tgt})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	return out, nil
}

func parseIndices(s string) ([]int, error) {
	out := []int{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || v < 0 {
			return nil, fmt.Errorf("bad index %q", f)
		}
		out = append(out, v)
	}
	return out, nil
}

// FormatAlign writes beads in the format that ParseAlign reads.
func FormatAlign(w io.Writer, beads []Bead) error {
	for _, b := range beads {
		if _, err := fmt.Fprintf(w, "[%s]:[%s]\n", joinInts(b.Source), joinInts(b.Target)); err != nil {
			return err
		}
	}
	return nil
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ",")
}

// Counts holds the counts of the alignment metric for one or more
// documents; add the Counts of several documents to micro-average them.
type Counts struct {
	// Precision counts, over the test beads.
	PStrictTP, PStrictFP, PLaxTP, PLaxFP int
	// Recall counts, over the gold beads, null beads removed from both sides.
	RStrictTP, RStrictFP, RLaxTP, RLaxFP int
	// Omission counts over (side, sentence) pairs left unaligned.
	OmitTP, OmitTest, OmitGold int
	// Documents and sentences scored.
	Docs, SrcSents, TgtSents int
}

// Add returns the sum of c and d.
func (c Counts) Add(d Counts) Counts {
	return Counts{
		c.PStrictTP + d.PStrictTP, c.PStrictFP + d.PStrictFP, c.PLaxTP + d.PLaxTP, c.PLaxFP + d.PLaxFP,
		c.RStrictTP + d.RStrictTP, c.RStrictFP + d.RStrictFP, c.RLaxTP + d.RLaxTP, c.RLaxFP + d.RLaxFP,
		c.OmitTP + d.OmitTP, c.OmitTest + d.OmitTest, c.OmitGold + d.OmitGold,
		c.Docs + d.Docs, c.SrcSents + d.SrcSents, c.TgtSents + d.TgtSents,
	}
}

// PRF is a precision, a recall and their harmonic mean.
type PRF struct{ P, R, F1 float64 }

func prf(tp1, fp1, tp2, fp2 int) PRF {
	p := ratio(tp1, tp1+fp1)
	r := ratio(tp2, tp2+fp2)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Strict is the exact-bead precision, recall and F1.
func (c Counts) Strict() PRF { return prf(c.PStrictTP, c.PStrictFP, c.RStrictTP, c.RStrictFP) }

// Lax is the overlapping-bead precision, recall and F1.
func (c Counts) Lax() PRF { return prf(c.PLaxTP, c.PLaxFP, c.RLaxTP, c.RLaxFP) }

// Omission is the precision, recall and F1 of the sentences left unaligned.
func (c Counts) Omission() PRF {
	p := ratio(c.OmitTP, c.OmitTest)
	r := ratio(c.OmitTP, c.OmitGold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{p, r, f}
}

// Score compares the beads of one document with its gold beads, as
// vecalign's and Bertalign's score.py do: a test bead is a strict true
// positive when it equals a gold bead, otherwise a lax true positive when
// it shares a source and a target sentence with one gold bead; recall is
// the same with the roles swapped after dropping every bead with an empty
// side. Empty []:[] beads are ignored. The omission counts compare the
// (side, index) pairs in null beads.
func Score(gold, test []Bead) Counts {
	var c Counts
	c.PStrictTP, c.PStrictFP, c.PLaxTP, c.PLaxFP = precisionCounts(gold, test)
	c.RStrictTP, c.RStrictFP, c.RLaxTP, c.RLaxFP = precisionCounts(nonNull(test), nonNull(gold))
	g, t := nullSet(gold), nullSet(test)
	for k := range t {
		if g[k] {
			c.OmitTP++
		}
	}
	c.OmitTest, c.OmitGold = len(t), len(g)
	c.Docs = 1
	for _, b := range gold {
		c.SrcSents += len(b.Source)
		c.TgtSents += len(b.Target)
	}
	return c
}

type sideIndex struct {
	target bool
	index  int
}

func nullSet(beads []Bead) map[sideIndex]bool {
	out := map[sideIndex]bool{}
	for _, b := range beads {
		switch {
		case len(b.Target) == 0:
			for _, s := range b.Source {
				out[sideIndex{false, s}] = true
			}
		case len(b.Source) == 0:
			for _, t := range b.Target {
				out[sideIndex{true, t}] = true
			}
		}
	}
	return out
}

func nonNull(beads []Bead) []Bead {
	var out []Bead
	for _, b := range beads {
		if len(b.Source) > 0 && len(b.Target) > 0 {
			out = append(out, b)
		}
	}
	return out
}

func beadKey(b Bead) string { return joinInts(b.Source) + ":" + joinInts(b.Target) }

func precisionCounts(gold, test []Bead) (strictTP, strictFP, laxTP, laxFP int) {
	goldSet := map[string]bool{}
	srcOf := map[int][]int{} // source sentence -> gold beads holding it
	for k, b := range gold {
		goldSet[beadKey(b)] = true
		for _, s := range b.Source {
			srcOf[s] = append(srcOf[s], k)
		}
	}
	for _, b := range test {
		if len(b.Source) == 0 && len(b.Target) == 0 {
			continue
		}
		if goldSet[beadKey(b)] {
			strictTP++
			laxTP++
			continue
		}
		strictFP++
		if laxMatch(b, gold, srcOf) {
			laxTP++
		} else {
			laxFP++
		}
	}
	return
}

func laxMatch(b Bead, gold []Bead, srcOf map[int][]int) bool {
	tgt := map[int]bool{}
	for _, t := range b.Target {
		tgt[t] = true
	}
	for _, s := range b.Source {
		for _, k := range srcOf[s] {
			for _, t := range gold[k].Target {
				if tgt[t] {
					return true
				}
			}
		}
	}
	return false
}
