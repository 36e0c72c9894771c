package numeral

import "math"

const (
	exactTol    = 1e-9  // relative; absorbs float rounding only
	approxTol   = 0.15  // relative; used when either side is hedged
	fractionTol = 0.005 // relative; 三分之一 vs 33.3%
)

// Compare matches the quantities of a source sentence against those of its
// translation as multisets, so that two 5s in the source need two 5s in the
// target. It returns the source quantities with no partner (missing) and
// the target quantities with no partner (extra), each in input order.
//
// Two quantities are partners when their kinds are compatible (see Kind) and
// their values agree: exactly (up to float rounding) when both are exact,
// within ±15% when either is Approx, within 0.5% when a Fraction is involved
// (1/3 vs 33.3%). Exact partners are taken first so that a hedged quantity
// does not take the partner of an exact one. A value-1 quantity written
// without digits (一个, "one", 第一, "the first") is never reported on its
// own, because translators turn it into "a"/"an" or drop it all the time;
// it still pairs with a 1 on the other side when there is one.
func Compare(src, tgt []Quantity) (missing, extra []Quantity) {
	var sbuf, tbuf [32]bool
	usedS, usedT := sbuf[:0], tbuf[:0]
	if len(src) <= len(sbuf) {
		usedS = sbuf[:len(src)]
	} else {
		usedS = make([]bool, len(src))
	}
	if len(tgt) <= len(tbuf) {
		usedT = tbuf[:len(tgt)]
	} else {
		usedT = make([]bool, len(tgt))
	}

	// Pass 1: exact agreement.
	for i := range src {
		for j := range tgt {
			if usedT[j] || !compatible(src[i].Kind, tgt[j].Kind) {
				continue
			}
			a, b := normValue(src[i]), normValue(tgt[j])
			tol := exactTol
			if src[i].Kind == Fraction || tgt[j].Kind == Fraction {
				tol = fractionTol
			}
			if close(a, b, tol) {
				usedS[i], usedT[j] = true, true
				break
			}
		}
	}
	// Pass 2: hedged agreement, nearest value first.
	for i := range src {
		if usedS[i] {
			continue
		}
		best, bestDiff := -1, math.Inf(1)
		for j := range tgt {
			if usedT[j] || !(src[i].Approx || tgt[j].Approx) || !compatible(src[i].Kind, tgt[j].Kind) {
				continue
			}
			if !scalar(src[i].Kind) || !scalar(tgt[j].Kind) {
				continue
			}
			a, b := normValue(src[i]), normValue(tgt[j])
			if d := relDiff(a, b); d <= approxTol && d < bestDiff {
				best, bestDiff = j, d
			}
		}
		if best >= 0 {
			usedS[i], usedT[best] = true, true
		}
	}
	for i, q := range src {
		if !usedS[i] && !weak(q) {
			missing = append(missing, q)
		}
	}
	for j, q := range tgt {
		if !usedT[j] && !weak(q) {
			extra = append(extra, q)
		}
	}
	return missing, extra
}

// scalar reports whether a tolerance makes sense for the kind: a calendar
// month or day is either right or wrong.
func scalar(k Kind) bool {
	return k == Number || k == Percent || k == Fraction || k == Year
}

func compatible(a, b Kind) bool {
	if a == b {
		return true
	}
	if a > b {
		a, b = b, a
	}
	switch {
	case a == Number && (b == Year || b == Ordinal):
		return true
	case a == Percent && b == Fraction:
		return true
	case a == Day && b == Ordinal:
		return true
	}
	return false
}

func normValue(q Quantity) float64 {
	if q.Kind == Percent {
		return q.Value / 100
	}
	return q.Value
}

func relDiff(a, b float64) float64 {
	if a == b {
		return 0
	}
	// Relative to the smaller magnitude, so the tolerance is symmetric and
	// "over 60,000" does not reach 70,000.
	m := math.Min(math.Abs(a), math.Abs(b))
	if m == 0 {
		return math.Inf(1)
	}
	return math.Abs(a-b) / m
}

func close(a, b, tol float64) bool {
	return a == b || relDiff(a, b) <= tol
}

// weak reports a quantity of one or two written without digits: "one",
// "a", "two", "both", 两国, 双方. Translators add and drop these freely ("the
// two countries" for 两国, "both sides" for 双方), so they may match but are
// never reported missing or extra on their own.
func weak(q Quantity) bool {
	if q.Value != 1 && !(q.Value == 2 && q.Kind == Number) {
		return false
	}
	switch q.Kind {
	case Number, Ordinal, Day, Year:
	default:
		return false
	}
	for i := 0; i < len(q.Text); i++ {
		if q.Text[i] >= '0' && q.Text[i] <= '9' {
			return false
		}
		if d, n := digitAt(q.Text, i); n > 0 && d >= 0 {
			return false
		}
	}
	return true
}
