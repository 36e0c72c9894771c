package numeral

import (
	"math"
	"strings"
)

const (
	exactTol    = 1e-9  // relative; absorbs float rounding only
	approxTol   = 0.15  // relative; used when either side is hedged
	fractionTol = 0.005 // relative; 三分之一 vs 33.3%
)

// Compare matches the quantities of a source sentence against those of its
// translation as multisets, so that two 5s in the source need two 5s in the
// target. It returns the source quantities with no partner (missing) and
// the target quantities with no partner (extra) that are worth reporting,
// each in input order. It is Match followed by Reportable.
func Compare(src, tgt []Quantity) (missing, extra []Quantity) {
	m, e := Match(src, tgt)
	return Reportable(src, tgt, m, e)
}

// Match pairs the quantities of src and tgt and returns every quantity left
// without a partner, reportable or not; callers that match in several steps
// (a sentence aligner's neighbouring beads) call Reportable once at the end.
//
// Two quantities are partners when their kinds are compatible (see Kind) and
// their values agree: exactly (up to float rounding) when both are exact,
// within ±15% when either is Approx, within 0.5% when a Fraction is involved
// (1/3 vs 33.3%). Exact partners are taken first so that a hedged quantity
// does not take the partner of an exact one, and a Code takes a partner
// last, so that "windows11" can only absorb an 11 nothing else wanted.
func Match(src, tgt []Quantity) (missing, extra []Quantity) {
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
			if usedT[j] || !pairable(src[i], tgt[j]) || src[i].Kind == Code || tgt[j].Kind == Code {
				continue
			}
			a, b := normValue(src[i]), normValue(tgt[j])
			if clockPair(src[i], tgt[j]) {
				a, b = math.Mod(a, 12), math.Mod(b, 12) // 17:30 = 下午5点半
			}
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
	// Pass 2: hedged agreement, nearest value first; vague with vague
	// first (数十枚 with "dozens of"), so that a vague quantity does not
	// take an exact value that its vague partner leaves unmatched (20枚
	// rendered as 40 next to 数十枚 / "dozens of").
	for _, bothVague := range [...]bool{true, false} {
		for i := range src {
			if usedS[i] || (bothVague && !src[i].Vague) {
				continue
			}
			best, bestDiff := -1, math.Inf(1)
			for j := range tgt {
				if usedT[j] || (bothVague && !tgt[j].Vague) || !(hedged(src[i]) || hedged(tgt[j])) || !pairable(src[i], tgt[j]) {
					continue
				}
				if !scalar(src[i].Kind) || !scalar(tgt[j].Kind) {
					continue
				}
				if d, ok := hedgedDiff(src[i], tgt[j]); ok && d < bestDiff {
					best, bestDiff = j, d
				}
			}
			if best >= 0 {
				usedS[i], usedT[best] = true, true
			}
		}
	}
	// Pass 3: codes take what is left, exactly.
	for i := range src {
		for j := range tgt {
			if usedS[i] || usedT[j] || (src[i].Kind != Code && tgt[j].Kind != Code) || !pairable(src[i], tgt[j]) {
				continue
			}
			if src[i].Value == tgt[j].Value {
				usedS[i], usedT[j] = true, true
			}
		}
	}
	// Pass 4: a dotted pair left over (18.12, 6.1, 2.10) may be a date or
	// a season and episode that the other side writes out.
	pairDotted(src, tgt, usedS, usedT)
	pairDotted(tgt, src, usedT, usedS)
	for i, q := range src {
		if !usedS[i] {
			missing = append(missing, q)
		}
	}
	for j, q := range tgt {
		if !usedT[j] {
			extra = append(extra, q)
		}
	}
	return missing, extra
}

// pairable reports whether a and b may be partners: compatible kinds, and
// a list enumerator only with another, so that the 1 of "1. OMEGA" is not
// taken by the 一 of 一对表 and 2、 against it stays a renumbered item.
func pairable(a, b Quantity) bool {
	return a.List == b.List && compatible(a.Kind, b.Kind)
}

// clockPair reports an hour and a quantity that may be the same hour
// counted to 12 or to 24: another hour, or a number up to 24 ("at 17",
// 三點鐘 for "at 3").
func clockPair(a, b Quantity) bool {
	switch {
	case a.Kind == Hour && b.Kind == Hour:
		return true
	case a.Kind == Hour:
		return b.Kind == Number && b.Value <= 24
	case b.Kind == Hour:
		return a.Kind == Number && a.Value <= 24
	}
	return false
}

// hedged reports a quantity whose value is not exact: hedged (近7亿,
// "nearly") or bounded (200多万, 十几).
func hedged(q Quantity) bool { return q.Approx || q.Hi > 0 }

// hedgedDiff reports whether a and b may be the same value, one of them
// hedged, and how far apart they are. Bounded quantities agree when their
// bounds overlap (a hedged value without bounds spans ±15%); others when
// their values are within 15%.
func hedgedDiff(a, b Quantity) (float64, bool) {
	x, y := normValue(a), normValue(b)
	if a.Hi == 0 && b.Hi == 0 {
		d := relDiff(x, y)
		return d, d <= approxTol
	}
	lo1, hi1 := bounds(a)
	lo2, hi2 := bounds(b)
	if lo1 > hi2*(1+exactTol) || lo2 > hi1*(1+exactTol) {
		return 0, false
	}
	return relDiff((lo1+hi1)/2, (lo2+hi2)/2), true
}

// bounds returns the values q allows, normalised as normValue does.
func bounds(q Quantity) (lo, hi float64) {
	v := normValue(q)
	switch {
	case q.Hi > 0:
		lo, hi = q.Lo, q.Hi
		if q.Kind == Percent {
			lo, hi = lo/100, hi/100
		}
	case q.Approx:
		lo, hi = v/(1+approxTol), v*(1+approxTol)
	default:
		lo, hi = v, v
	}
	return lo, hi
}

// dotted returns the two parts of a number written as two small integers
// joined by a dot (18.12, 6.1, 2.10): a date, day first or month first, or
// a season and an episode, as often as a decimal.
func dotted(q Quantity) (x, y float64, ok bool) {
	if q.Kind != Number || q.Approx || q.Hi > 0 {
		return 0, 0, false
	}
	var parts [2]float64
	n, digits := 0, 0
	for i := 0; i < len(q.Text); {
		if d, size := digitAt(q.Text, i); size > 0 {
			parts[n] = parts[n]*10 + float64(d)
			digits++
			i += size
			continue
		}
		p := decimalPoint(q.Text, i)
		if p == 0 || n == 1 || digits == 0 || digits > 2 {
			return 0, 0, false
		}
		n, digits = 1, 0
		i += p
	}
	if n != 1 || digits == 0 || digits > 2 || parts[1] == 0 {
		return 0, 0, false
	}
	return parts[0], parts[1], true
}

// dottedNear is how far apart, in bytes, the two quantities that spell out
// a dotted pair may start: 12月18日, 第二季第10集.
const dottedNear = 24

// pairDotted pairs each unused dotted number of a (see dotted) with two
// unused quantities of b that write it out: a day and a month in either
// order (18.12 = 12月18日, 6.1 = 六一), or two counts or ranks in order (2.10
// = 第二季第10集).
func pairDotted(a, b []Quantity, usedA, usedB []bool) {
	for i := range a {
		if usedA[i] {
			continue
		}
		x, y, ok := dotted(a[i])
		if !ok {
			continue
		}
		for j := 0; j < len(b) && !usedA[i]; j++ {
			for k := 0; k < len(b); k++ {
				if j == k || usedB[j] || usedB[k] || b[j].Value != x || b[k].Value != y {
					continue
				}
				if d := b[j].Start - b[k].Start; d > dottedNear || d < -dottedNear {
					continue
				}
				date := b[j].Kind == Day && b[k].Kind == Month || b[j].Kind == Month && b[k].Kind == Day
				rank := func(q Quantity) bool { return q.Kind == Number || q.Kind == Ordinal }
				episode := rank(b[j]) && rank(b[k]) && b[j].Start < b[k].Start
				if date || episode {
					usedA[i], usedB[j], usedB[k] = true, true, true
					break
				}
			}
		}
	}
}

// Reportable keeps the unmatched quantities that point at a translation
// error; src and tgt are the whole sides, which tell whether a value
// appears at all on the other side and whether a side leaves a month
// implicit. It drops:
//
//   - codes (windows11, LP700) and vague quantities (几十, "hundreds of"):
//     they may match a number, never report one;
//   - weak quantities (see weak): a 1 ("a", "once", 一个) or a worded 2;
//   - a value the other side states too, only fewer times: a number
//     repeated for clarity (3 件及 3 件以上 for "3 or more", 不是最新的 6.4，6.4
//     包含… for "not the latest 6.4, which contains…") is no other value;
//   - a list enumerator (二、, "1. ") that the target adds: numbering an
//     item is a matter of layout; one the target drops is kept (the
//     numbers check reports it as a warning), and one against another
//     enumerator is a renumbered item;
//   - small quantities (see small) unless the other side has an unmatched
//     quantity of a compatible kind: 六个 rendered "three" is reported,
//     "the three technologies" for 三大技术 is not, because Chinese and
//     English each state small counts the other leaves implicit;
//   - a month on one side when the other side has a day with no month
//     (新华社北京12月11日电 … 11日 → "on December 11"; "on December 10" →
//     10日): Chinese news leaves the current month implicit and English
//     states it, in either direction of translation.
func Reportable(src, tgt, missing, extra []Quantity) ([]Quantity, []Quantity) {
	// candidates: what may be reported or stand for a substitution
	// an item numbered on both sides, differently: 1. against 2、
	renum := renumbered(missing) && renumbered(extra)
	candidates := func(qs, other []Quantity) []Quantity {
		bare := hasBareDay(other)
		var out []Quantity
		for _, q := range qs {
			if q.List && renum {
				out = append(out, q)
				continue
			}
			if q.Kind == Code || q.Vague || weak(q) || (bare && q.Kind == Month) || present(q, other) {
				continue
			}
			out = append(out, q)
		}
		return out
	}
	m, e := candidates(missing, tgt), candidates(extra, src)
	keep := func(qs, other []Quantity, added bool) []Quantity {
		var out []Quantity
		for _, q := range qs {
			if q.List && !renum && added || small(q) && !substituted(q, other) {
				continue
			}
			out = append(out, q)
		}
		return out
	}
	return keep(m, e, false), keep(e, m, true)
}

// present reports whether other states the value of q in an accepted
// form: a quantity that Match would pair with it.
func present(q Quantity, other []Quantity) bool {
	// An enumerator's value stated anywhere counts: （三） for "Part 3".
	// A vague range ("dozens of") states no definite value: the 20 of
	// 20枚 is not present in it. (The 0 of 从 0 开始 is a value.)
	q.List = false
	plain := make([]Quantity, 0, len(other))
	for _, o := range other {
		if o.Vague && o.Hi > 0 && !q.Vague {
			continue
		}
		o.List = false
		plain = append(plain, o)
	}
	left, _ := Match([]Quantity{q}, plain)
	return len(left) == 0
}

// renumbered reports whether other holds a list enumerator: a list item
// numbered differently on the two sides.
func renumbered(other []Quantity) bool {
	for _, o := range other {
		if o.List {
			return true
		}
	}
	return false
}

// substituted reports whether other holds a quantity that q may have been
// turned into.
func substituted(q Quantity, other []Quantity) bool {
	for _, o := range other {
		if compatible(q.Kind, o.Kind) {
			return true
		}
	}
	return false
}

// hasBareDay reports a day of the month with no month next to it.
func hasBareDay(qs []Quantity) bool {
	for i, q := range qs {
		if q.Kind != Day {
			continue
		}
		near := func(j int) bool {
			if j < 0 || j >= len(qs) || qs[j].Kind != Month {
				return false
			}
			gap := qs[j].Start - q.End
			if qs[j].End <= q.Start {
				gap = q.Start - qs[j].End
			}
			return gap >= 0 && gap <= 8
		}
		if !near(i-1) && !near(i+1) {
			return true
		}
	}
	return false
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
	case a == Ordinal && b == Code:
		return true // Sect2 = 第2节, `14px` = 14 号
	case (a == Number || a == Year) && b == Code:
		return true
	case a == Number && b == Hour:
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

// weak reports a quantity of one, or a two written without digits: "one",
// "a", "once", 1个, "two", "both", 两国, 双方. Translators add and drop these
// freely ("the two countries" for 两国, "a year" for 1年), so they may match
// but are never reported missing or extra.
func weak(q Quantity) bool {
	switch {
	case q.List:
		return false // 1. against 2、 is a renumbered item
	case q.Value == 1 && (q.Kind == Number || q.Kind == Ordinal):
		return true
	case q.Value == 1 && (q.Kind == Day || q.Kind == Year):
		return wordOnly(q.Text)
	case q.Value == 2 && q.Kind == Number:
		return wordOnly(q.Text)
	}
	return false
}

// small reports a quantity written without digits that a translation may
// state or leave implicit without changing the meaning: a count or rank up
// to ten (三大技术 / "the three technologies", "Three" Cup Chicken), a
// fraction in words (事半功倍 / "half the work"), a lone 百, 千 or 万 (百年未有,
// 千篇一律, 万家) and a date named by its numerals (六四 / "June 4th").
func small(q Quantity) bool {
	if !wordOnly(q.Text) {
		return false
	}
	switch q.Kind {
	case Number, Ordinal:
		if q.Value <= 10 {
			return true
		}
		switch q.Text {
		case "百", "千", "万", "亿":
			return true
		}
	case Fraction:
		return true
	case Month, Day:
		// 六四, 二月二's second 二: Chinese numerals with no 月 or 日
		return !strings.ContainsAny(q.Text, "月日号") && strings.ContainsAny(q.Text, "一二两三四五六七八九十")
	}
	return false
}

// wordOnly reports text with no ASCII or full-width digit.
func wordOnly(text string) bool {
	for i := 0; i < len(text); i++ {
		if _, n := digitAt(text, i); n > 0 {
			return false
		}
	}
	return true
}
