package numeral

import "strings"

type wordType uint8

const (
	wNone wordType = iota
	wUnit          // zero..nine
	wTeen          // ten..nineteen
	wTen           // twenty..ninety
	wHundred
	wScale // thousand, million, billion, trillion
	wDozen
	wA // a, an
	wHalf
	wOrd      // first..twentieth (third, fifth, tenth are also fraction denominators)
	wFracPl   // thirds, quarters, fifths, tenths, halves
	wQuarter  // quarter: a fraction only after a numerator
	wTwice    // twice
	wMonth    // full month name
	wMonthAbb // abbreviated month name
)

type wordInfo struct {
	t   wordType
	v   float64
	den float64 // denominator when the word can end a fraction
}

var enWords = map[string]wordInfo{
	"zero": {wUnit, 0, 0}, "one": {wUnit, 1, 0}, "two": {wUnit, 2, 0}, "three": {wUnit, 3, 0},
	"four": {wUnit, 4, 0}, "five": {wUnit, 5, 0}, "six": {wUnit, 6, 0}, "seven": {wUnit, 7, 0},
	"eight": {wUnit, 8, 0}, "nine": {wUnit, 9, 0},
	"ten": {wTeen, 10, 0}, "eleven": {wTeen, 11, 0}, "twelve": {wTeen, 12, 0}, "thirteen": {wTeen, 13, 0},
	"fourteen": {wTeen, 14, 0}, "fifteen": {wTeen, 15, 0}, "sixteen": {wTeen, 16, 0},
	"seventeen": {wTeen, 17, 0}, "eighteen": {wTeen, 18, 0}, "nineteen": {wTeen, 19, 0},
	"twenty": {wTen, 20, 0}, "thirty": {wTen, 30, 0}, "forty": {wTen, 40, 0}, "fifty": {wTen, 50, 0},
	"sixty": {wTen, 60, 0}, "seventy": {wTen, 70, 0}, "eighty": {wTen, 80, 0}, "ninety": {wTen, 90, 0},
	"hundred":  {wHundred, 100, 0},
	"thousand": {wScale, 1e3, 0}, "million": {wScale, 1e6, 0}, "billion": {wScale, 1e9, 0}, "trillion": {wScale, 1e12, 0},
	"dozen": {wDozen, 12, 0},
	"a":     {wA, 1, 0}, "an": {wA, 1, 0},
	"half": {wHalf, 0.5, 2}, "halves": {wFracPl, 0, 2},
	"first": {wOrd, 1, 0}, "second": {wOrd, 2, 0}, "third": {wOrd, 3, 3}, "fourth": {wOrd, 4, 4},
	"fifth": {wOrd, 5, 5}, "sixth": {wOrd, 6, 6}, "seventh": {wOrd, 7, 7}, "eighth": {wOrd, 8, 8},
	"ninth": {wOrd, 9, 9}, "tenth": {wOrd, 10, 10}, "eleventh": {wOrd, 11, 0}, "twelfth": {wOrd, 12, 0},
	"thirteenth": {wOrd, 13, 0}, "fourteenth": {wOrd, 14, 0}, "fifteenth": {wOrd, 15, 0},
	"sixteenth": {wOrd, 16, 0}, "seventeenth": {wOrd, 17, 0}, "eighteenth": {wOrd, 18, 0},
	"nineteenth": {wOrd, 19, 0}, "twentieth": {wOrd, 20, 0},
	"thirds": {wFracPl, 0, 3}, "quarters": {wFracPl, 0, 4}, "fifths": {wFracPl, 0, 5}, "tenths": {wFracPl, 0, 10},
	"quarter": {wQuarter, 0, 4},
	"twice":   {wTwice, 2, 0},
	"january": {wMonth, 1, 0}, "february": {wMonth, 2, 0}, "march": {wMonth, 3, 0}, "april": {wMonth, 4, 0},
	"may": {wMonth, 5, 0}, "june": {wMonth, 6, 0}, "july": {wMonth, 7, 0}, "august": {wMonth, 8, 0},
	"september": {wMonth, 9, 0}, "october": {wMonth, 10, 0}, "november": {wMonth, 11, 0}, "december": {wMonth, 12, 0},
	"jan": {wMonthAbb, 1, 0}, "feb": {wMonthAbb, 2, 0}, "mar": {wMonthAbb, 3, 0}, "apr": {wMonthAbb, 4, 0},
	"jun": {wMonthAbb, 6, 0}, "jul": {wMonthAbb, 7, 0}, "aug": {wMonthAbb, 8, 0}, "sep": {wMonthAbb, 9, 0},
	"sept": {wMonthAbb, 9, 0}, "oct": {wMonthAbb, 10, 0}, "nov": {wMonthAbb, 11, 0}, "dec": {wMonthAbb, 12, 0},
}

// enShape has bit n of enShape[c-'a'] set when a word of enWords starts
// with the letter c and has n letters: most words are not number words,
// and this rejects them before a map lookup.
var enShape = func() (m [26]uint16) {
	for w := range enWords {
		m[w[0]-'a'] |= 1 << len(w)
	}
	return m
}()

// wordShape is enShape for every word word() acts on: enWords, the vague
// plurals of enVague and pluralScale, and centenary/centennial.
var wordShape = func() (m [26]uint16) {
	m = enShape
	for _, w := range []string{"dozens", "tens", "decades", "centuries", "hundreds", "thousands", "millions", "billions",
		"centenary", "centennial"} {
		m[w[0]-'a'] |= 1 << len(w)
	}
	return m
}()

// mayBeNumberWord reports whether w has the first letter and length of a
// word word() acts on; most words have not.
func mayBeNumberWord(w string) bool {
	if len(w) == 0 || len(w) > 15 {
		return false
	}
	c := w[0] | 0x20
	return c >= 'a' && c <= 'z' && wordShape[c-'a']&(1<<len(w)) != 0
}

// lookup finds w case-insensitively without allocating.
func lookup(w string) (wordInfo, bool) {
	var buf [12]byte
	if len(w) == 0 || len(w) > len(buf) {
		return wordInfo{}, false
	}
	if c := w[0] | 0x20; c < 'a' || c > 'z' || enShape[c-'a']&(1<<len(w)) == 0 {
		return wordInfo{}, false
	}
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	wi, ok := enWords[string(buf[:len(w)])]
	return wi, ok
}

func is(w string, words ...string) bool {
	for _, x := range words {
		if strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// prevWord returns the ASCII word that ends just before pos, separated from
// it only by spaces or hyphens (at least one); "" if there is none.
func prevWord(s string, pos int) (w string, start int) {
	j := pos
	for j > 0 && (s[j-1] == ' ' || s[j-1] == '-') {
		j--
	}
	if j == pos {
		return "", pos
	}
	k := j
	for k > 0 && isLetter(s[k-1]) {
		k--
	}
	if k > 0 && (isDigit(s[k-1]) || s[k-1] == '_') {
		return "", pos
	}
	return s[k:j], k
}

// nextWord returns the ASCII word that starts after spaces from pos (at
// least one space); "" if there is none.
func nextWord(s string, pos int) (w string, start, end int) {
	j := pos
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j == pos {
		return "", pos, pos
	}
	e := letterEnd(s, j)
	if e < len(s) && (isDigit(s[e]) || s[e] == '_') {
		return "", pos, pos
	}
	return s[j:e], j, e
}

// word handles a run of ASCII letters at i.
func (sc *scanner) word(i int) int {
	s := sc.s
	if urlEscape(s, i-1) {
		return i + 2 // %E5: an escaped byte of a URL
	}
	j := letterEnd(s, i)
	if j < len(s) && isDigitAt(s, j) {
		return sc.code(i, j) // windows11, LP700, MP3, H1N1, IPv6, v1.2
	}
	if j < len(s) && s[j] == '_' {
		return skipCode(s, j) // x_2
	}
	if i > 0 && (s[i-1] == '_') {
		return j
	}

	if sc.lang != langEN || !mayBeNumberWord(s[i:j]) {
		return j
	}
	if identifier(s, i, j) {
		return j // `five`, obj.five, five(): a name in code
	}
	if e := sc.enVague(i, j); e > j {
		return e
	}
	if is(s[i:j], "centenary", "centennial") {
		sc.emit(i, j, 100, Number, false) // 一百周年, 百年奋斗目标
		return j
	}
	wi, ok := lookup(s[i:j])
	if !ok {
		return j
	}
	switch wi.t {
	case wUnit, wTeen, wTen:
		return sc.enPhrase(i, false)
	case wA:
		nw, _, ne := nextWord(s, j)
		if is(nw, "century") {
			sc.emit(i, ne, 100, Number, sc.enApproxBefore(i)) // in a century: 百年
			return ne
		}
		if is(nw, "decade") {
			sc.emit(i, ne, 10, Number, sc.enApproxBefore(i)) // a decade: 十年
			return ne
		}
		ni, ok := lookup(nw)
		if !ok {
			return j
		}
		switch ni.t {
		case wHundred, wScale, wDozen:
			return sc.enPhrase(i, true)
		case wHalf:
			if w2, _, _ := nextWord(s, ne); is(w2, "a", "an") || (ne < len(s) && s[ne] == '-') {
				return j
			}
			sc.emit(i, ne, 0.5, Fraction, sc.enApproxBefore(i))
			return ne
		case wOrd, wQuarter:
			if ni.den > 0 {
				if w2, _, _ := nextWord(s, ne); is(w2, "of") {
					sc.emit(i, ne, 1/ni.den, Fraction, sc.enApproxBefore(i))
					return ne
				}
			}
		}
		return j
	case wHalf:
		return sc.enHalf(i, j)
	case wTwice:
		sc.emit(i, j, 2, Number, sc.enApproxBefore(i))
		return j
	case wOrd:
		if pw, _ := prevWord(s, i); is(pw, "the") && !(j < len(s) && s[j] == '-') {
			sc.emit(i, j, wi.v, Ordinal, false)
		}
		return j
	case wMonth, wMonthAbb:
		return sc.enMonth(i, j, wi)
	}
	return j
}

func (sc *scanner) enHalf(i, j int) int {
	s := sc.s
	if j < len(s) && s[j] == '-' || i > 0 && s[i-1] == '-' {
		return j // half-hearted, half-year
	}
	if pw, _ := prevWord(s, i); is(pw, "first", "second", "latter", "other", "better") {
		return j
	}
	nw, _, ne := nextWord(s, j)
	if is(nw, "a", "an") {
		sw, _, se := nextWord(s, ne)
		if si, ok := lookup(sw); ok && (si.t == wScale || si.t == wDozen) {
			sc.emit(i, se, 0.5*si.v, Number, sc.enApproxBefore(i))
			return se
		}
		if is(sw, "century") {
			sc.emit(i, se, 50, Number, sc.enApproxBefore(i)) // half a century: 半个世纪, 50 年
			return se
		}
		return j // half an hour
	}
	sc.emit(i, j, 0.5, Fraction, sc.enApproxBefore(i))
	return j
}

// hyphenCompounds are the nouns that keep "five-year", "ten-day" a number;
// any other hyphenated tail ("three-dimensional", "one-sided") makes the
// whole word a non-number.
var hyphenCompounds = map[string]bool{
	"year": true, "month": true, "day": true, "week": true, "hour": true, "minute": true, "second": true,
	"member": true, "nation": true, "country": true, "party": true, "point": true, "fold": true,
	"storey": true, "story": true, "mile": true, "kilometer": true, "kilometre": true, "meter": true,
	"metre": true, "person": true, "man": true, "page": true, "stage": true, "step": true, "time": true,
	"seat": true, "round": true, "lane": true, "star": true, "game": true, "term": true, "digit": true,
	"percent": true, "odd": true, "plus": true, "times": true, "level": true, "piece": true, "ton": true,
	"dollar": true, "yuan": true, "strong": true, "wheel": true, "decade": true, "sized": true,
}

// enPhrase parses a run of English number words starting at i ("three
// hundred and five", "twenty-three", "a dozen", "seven hundred million").
// presetA means the phrase starts with "a"/"an" standing for one.
func (sc *scanner) enPhrase(i int, presetA bool) int {
	s := sc.s
	start := i
	var total, cur float64
	const (
		lNone = iota
		lUnit
		lTeen
		lTen
		lHundred
		lScale
		lDozen
	)
	last := lNone
	lastScale := 1e300
	end := i
	nWords := 0
	j := i
	if presetA {
		cur, last = 1, lUnit
		j = letterEnd(s, i)
		end = j
		_, j, _ = nextWord(s, j)
	}
	ordinal := false
	approxAfter := false
	var savedTotal, savedCur float64 // value at the last accepted word
	fracDen, fracEnd := 0.0, 0
	for {
		we := letterEnd(s, j)
		if we == j {
			break
		}
		wi, ok := lookup(s[j:we])
		if !ok {
			break
		}
		okWord := true
		switch wi.t {
		case wUnit:
			okWord = last == lNone || last == lHundred || last == lScale || (last == lTen && wi.v > 0)
			cur += wi.v
		case wTeen:
			okWord = last == lNone || last == lHundred || last == lScale
			cur += wi.v
		case wTen:
			okWord = last == lNone || last == lHundred || last == lScale
			cur += wi.v
		case wHundred:
			okWord = (last == lUnit || last == lTeen || last == lTen) && cur < 100
			cur *= 100
		case wScale:
			okWord = (last == lUnit || last == lTeen || last == lTen || last == lHundred || last == lDozen) && wi.v < lastScale
			if okWord {
				total += cur * wi.v
				cur = 0
				lastScale = wi.v
			}
		case wDozen:
			okWord = (last == lUnit || last == lTeen || last == lTen) && cur < 100
			cur *= 12
		case wOrd:
			// twenty-first
			okWord = last == lTen && j > 0 && s[j-1] == '-' && wi.v < 10
			if okWord {
				cur += wi.v
				ordinal = true
			}
		default:
			okWord = false
		}
		if !okWord {
			// undo the tentative add is unnecessary: we stop and use the
			// values saved at the last accepted word.
			break
		}
		switch wi.t {
		case wUnit:
			last = lUnit
		case wTeen:
			last = lTeen
		case wTen:
			last = lTen
		case wHundred:
			last = lHundred
		case wScale:
			last = lScale
		case wDozen:
			last = lDozen // a dozen thousand
		}
		nWords++
		end = we
		savedTotal, savedCur = total, cur
		if ordinal {
			break
		}
		// separator to the next word
		if we < len(s) && s[we] == '-' && we+1 < len(s) && isLetter(s[we+1]) {
			ne := letterEnd(s, we+1)
			ni, ok := lookup(s[we+1 : ne])
			if ok && ni.den > 0 && (ni.t == wFracPl || ni.t == wQuarter || ni.t == wHalf || (ni.t == wOrd && last == lUnit && cur == 1)) {
				fracDen, fracEnd = ni.den, ne // two-thirds, one-third
				break
			}
			if ok && (ni.t == wUnit || (ni.t == wOrd && last == lTen) || ni.t == wHundred || ni.t == wScale) {
				j = we + 1
				continue
			}
			tail := strings.ToLower(s[we+1 : ne])
			if tail == "odd" || tail == "plus" {
				approxAfter = true
				end = we
				break
			}
			if !hyphenCompounds[strings.TrimSuffix(tail, "s")] {
				return skipCode(s, ne) // three-dimensional, one-sided
			}
			break
		}
		nw, ns, ne := nextWord(s, we)
		if nw == "" {
			break
		}
		if is(nw, "and") && (last == lHundred || last == lScale) {
			nw2, ns2, _ := nextWord(s, ne)
			if ni, ok := lookup(nw2); ok && (ni.t == wUnit || ni.t == wTeen || ni.t == wTen) {
				j = ns2
				continue
			}
			break
		}
		j = ns
	}
	if nWords == 0 {
		return letterEnd(s, i)
	}
	v := savedTotal + savedCur
	if fracDen > 0 {
		sc.emit(start, fracEnd, v/fracDen, Fraction, sc.enApproxBefore(start))
		return fracEnd
	}
	if ordinal {
		sc.emit(start, end, v, Ordinal, false)
		return end
	}
	// "one" alone as a pronoun
	if nWords == 1 && !presetA && strings.EqualFold(s[start:end], "one") {
		if end < len(s) && (s[end] == '\'' || strings.HasPrefix(s[end:], "’")) {
			return end
		}
		pw, ps := prevWord(s, start)
		if is(pw, "the", "no", "any", "every", "each", "this", "that", "which", "a", "little", "loved", "such", "someone", "anyone") {
			return end
		}
		if pw2, _ := prevWord(s, ps); is(pw, "by") && is(pw2, "one") {
			return end // one by one
		}
		nw, _, _ := nextWord(s, end)
		if is(nw, "of", "another", "by", "can", "could", "should", "must", "may", "might", "would", "will", "cannot", "needs", "has", "does") {
			return end
		}
	}
	// fraction: two thirds, one half, three quarters
	if v > 0 && v <= 20 && v == float64(int(v)) {
		nw, _, ne := nextWord(s, end)
		if ni, ok := lookup(nw); ok && ni.den > 0 && (ni.t == wFracPl || ni.t == wQuarter || ni.t == wHalf || (ni.t == wOrd && v == 1)) {
			sc.emit(start, ne, v/ni.den, Fraction, sc.enApproxBefore(start))
			return ne
		}
	}
	// one and a half hours: 一个半小时
	if nw, _, ne := nextWord(s, end); is(nw, "and") {
		if nw2, _, ne2 := nextWord(s, ne); is(nw2, "a") {
			if nw3, _, ne3 := nextWord(s, ne2); is(nw3, "half") {
				sc.emit(start, ne3, v+0.5, Number, sc.enApproxBefore(start))
				return ne3
			}
		}
	}
	return sc.enFinishApprox(start, end, v, approxAfter)
}

// enFinish completes an Arabic number in English or digit-only text: scale
// words (700 million), percent signs and words, and hedges.
func (sc *scanner) enFinish(start, end int, v float64) int {
	s := sc.s
	if sc.lang == langEN {
		prev := 0.0
		for k := 0; k < 2; k++ {
			nw, _, ne := nextWord(s, end)
			wi, ok := lookup(nw)
			if !ok || !(wi.t == wScale || wi.t == wHundred) || (prev != 0 && wi.v <= prev) {
				break
			}
			v *= wi.v
			prev = wi.v
			end = ne
		}
		if prev == 0 {
			// 10 millions: tens of millions, not a definite 10,000,000
			if nw, _, ne := nextWord(s, end); pluralScale(nw) > 0 {
				u := pluralScale(nw)
				sc.emitRange(start, ne, v*u, 10*v*u, true)
				return ne
			}
			// 12 to 14 million, 67 to 75 percent: the unit of the range's
			// second end applies to the first
			switch scale, pct := sc.enRangeUnit(end); {
			case scale > 0:
				v *= scale
			case pct:
				sc.emit(start, end, v, Percent, sc.enApproxBefore(start))
				return end
			}
		}
	}
	return sc.enFinishApprox(start, end, v, false)
}

func (sc *scanner) enFinishApprox(start, end int, v float64, approx bool) int {
	s := sc.s
	kind := Number
	if nw, _, ne := nextWord(s, end); sc.lang == langEN && len(nw) >= 6 {
		if is(nw, "decade", "decades") {
			v, end = 10*v, ne // six decades: 60 年
		} else if u := pluralScale(nw); u > 0 && v < 1000 {
			// ten millions: tens of millions
			sc.emitRange(start, ne, v*u, 10*v*u, true)
			return ne
		}
	}
	textEnd := end
	switch {
	case end < len(s) && s[end] == '%' && !urlEscape(s, end):
		kind, textEnd = Percent, end+1
	case end+1 < len(s) && s[end] == ' ' && s[end+1] == '%':
		kind, textEnd = Percent, end+2
	case strings.HasPrefix(s[end:], "％"):
		kind, textEnd = Percent, end+len("％")
	case sc.lang == langEN:
		nw, _, ne := nextWord(s, end)
		if is(nw, "percent", "pct") {
			kind, textEnd = Percent, ne
		} else if is(nw, "per") {
			if nw2, _, ne2 := nextWord(s, ne); is(nw2, "cent") {
				kind, textEnd = Percent, ne2
			}
		}
	}
	approx = approx || sc.enApproxBefore(start)
	resume := textEnd
	if textEnd < len(s) && s[textEnd] == '+' {
		approx = true
		resume = textEnd + 1
	} else if sc.lang == langEN {
		nw, _, ne := nextWord(s, textEnd)
		if is(nw, "or") {
			if nw2, _, _ := nextWord(s, ne); is(nw2, "more", "so", "above") {
				approx = true
			}
		} else if is(nw, "plus") {
			approx = true
		}
		if textEnd+4 <= len(s) && strings.EqualFold(s[textEnd:textEnd+4], "-odd") {
			approx = true
		}
	}
	sc.emit(start, textEnd, v, kind, approx)
	return resume
}

// enRangeUnit reads the rest of a range after its first number, ending at
// p: "to", "and", "or" or a dash, a second number, and the scale word or
// percent sign or word after it. It returns the scale, or whether the
// range is of percentages.
func (sc *scanner) enRangeUnit(p int) (scale float64, pct bool) {
	s := sc.s
	q := p
	switch {
	case q < len(s) && s[q] == '-':
		q++
	case strings.HasPrefix(s[q:], "–"):
		q += len("–")
	default:
		nw, _, ne := nextWord(s, p)
		if !is(nw, "to", "and", "or") {
			return 0, false
		}
		q = ne
		for q < len(s) && s[q] == ' ' {
			q++
		}
	}
	if q >= len(s) || !isDigit(s[q]) {
		return 0, false
	}
	b := parseArabic(s, q)
	if !b.ok || b.end < len(s) && isLetter(s[b.end]) {
		return 0, false
	}
	if b.end < len(s) && s[b.end] == '%' {
		return 0, true
	}
	nw, _, ne := nextWord(s, b.end)
	if wi, ok := lookup(nw); ok && wi.t == wScale {
		return wi.v, false
	}
	if is(nw, "percent", "pct") {
		return 0, true
	}
	if nw2, _, _ := nextWord(s, ne); is(nw, "per") && is(nw2, "cent") {
		return 0, true
	}
	return 0, false
}

// identifier reports a number word [i,j) that is a name in code: in
// backquotes, after a member dot or a sigil, or before a call's
// parenthesis or an underscore (`five`, obj.five, $five, five()).
func identifier(s string, i, j int) bool {
	if i > 0 {
		switch p := s[i-1]; {
		case p == '`', p == '$', p == '@':
			return true
		case p == '.' && i >= 2 && isAlnum(s[i-2]):
			return true
		}
	}
	if j < len(s) {
		switch s[j] {
		case '`', '(', '_':
			return true
		}
	}
	return false
}

// pluralScale returns the unit of a plural scale word ("hundreds",
// "thousands", "millions", "billions"), or 0.
func pluralScale(w string) float64 {
	if len(w) < 8 || w[len(w)-1]|0x20 != 's' {
		return 0 // most words: no "hundreds" … "billions"
	}
	switch {
	case is(w, "hundreds"):
		return 100
	case is(w, "thousands"):
		return 1e3
	case is(w, "millions"):
		return 1e6
	case is(w, "billions"):
		return 1e9
	}
	return 0
}

// enVague reads a quantity that names no definite value at [i,j) and
// returns its end, or 0: "dozens of", "hundreds of", "tens of thousands",
// "millions", "decades". Each stands for a range (hundreds: 100 to 999),
// so that it matches 数百, 几十年 or 上千 on the other side, and is never
// reported.
func (sc *scanner) enVague(i, j int) int {
	s := sc.s
	w := s[i:j]
	if len(w) < 4 || w[len(w)-1]|0x20 != 's' {
		return 0 // every vague word is a plural
	}
	var lo, hi float64
	switch {
	case is(w, "dozens"):
		lo, hi = 13, 99
	case is(w, "tens"):
		lo, hi = 10, 99
	case is(w, "decades"):
		lo, hi = 20, 99 // 几十年
	case is(w, "centuries"):
		lo, hi = 200, 999
	case pluralScale(w) > 0:
		u := pluralScale(w)
		lo, hi = u, 10*u-1
		if u == 1e3 || u == 1e6 {
			hi = 1000*u - 1 // thousands of people may be 上万; millions of points 上千万
		}
	default:
		return 0
	}
	end := j
	// tens of thousands, hundreds of millions, tens millions
	nw, _, ne := nextWord(s, end)
	if is(nw, "of") {
		if nw2, _, ne2 := nextWord(s, ne); pluralScale(nw2) > 0 && !is(w, "decades", "centuries") {
			u := pluralScale(nw2)
			lo, hi, end = lo*u, (hi+1)*u-1, ne2
		}
	} else if u := pluralScale(nw); u > 0 && is(w, "tens", "hundreds") {
		lo, hi, end = lo*u, (hi+1)*u-1, ne
	}
	if is(w, "tens") && end == j {
		return 0 // "tens" alone is no quantity
	}
	sc.emitRange(i, end, lo, hi, true)
	return end
}

// enApproxBefore reports a hedge word right before the quantity at start.
func (sc *scanner) enApproxBefore(start int) bool {
	s := sc.s
	p := start
	for p > 0 && (s[p-1] == ' ' || s[p-1] == '$') {
		p--
	}
	if p > 0 && s[p-1] == '~' {
		return true
	}
	if strings.HasSuffix(s[:p], "≈") || strings.HasSuffix(s[:p], "約") {
		return true
	}
	if p >= 7 && strings.EqualFold(s[p-7:p], "approx.") {
		return true
	}
	if sc.lang != langEN {
		return false
	}
	q := start
	for q > 0 && s[q-1] == '$' {
		q--
	}
	pw, ps := prevWord(s, q)
	switch {
	case is(pw, "nearly", "almost", "about", "around", "over", "some", "roughly", "approximately", "approx",
		"circa", "estimated", "above", "beyond", "under", "below", "upwards", "least", "than", "most", "nigh"):
		return true
	case is(pw, "to"):
		w2, _ := prevWord(s, ps)
		return is(w2, "close", "up")
	case is(pw, "of"):
		w2, _ := prevWord(s, ps)
		return is(w2, "excess", "upwards")
	}
	return false
}

// monthContext are the words after which a capitalised month name is a
// month even without a day or year next to it (in May, last September).
func monthContext(w string) bool {
	return is(w, "in", "last", "next", "this", "since", "until", "till", "by", "of", "early", "late", "mid",
		"from", "through", "during", "before", "after", "on", "between", "and", "to", "or", "each", "every", "that")
}

// enMonth handles a month name at [i,j): with an adjacent day and/or year,
// or after a context word; otherwise "May" is the modal verb and other
// names are not trusted either.
func (sc *scanner) enMonth(i, j int, wi wordInfo) int {
	s := sc.s
	if !isUpper(s[i]) {
		return j
	}
	nameEnd := j
	if wi.t == wMonthAbb && j < len(s) && s[j] == '.' {
		j++
	}
	ctx := false
	// day before: "11 May", "11th of May"
	if n := len(sc.out); n > 0 {
		q := &sc.out[n-1]
		if (q.Kind == Number || q.Kind == Ordinal) && !q.Approx && q.Value >= 1 && q.Value <= 31 && q.Value == float64(int(q.Value)) {
			gap := s[q.End:i]
			if g := strings.TrimSpace(gap); len(gap) > 0 && (g == "" || strings.EqualFold(g, "of")) && strings.Count(gap, " ") >= 1 {
				q.Kind = Day
				ctx = true
			}
		}
	}
	dayS, dayE, yearS, yearE := -1, -1, -1, -1
	var day, year float64
	k := j
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k > j && k < len(s) && isDigit(s[k]) {
		e := k
		for e < len(s) && isDigit(s[e]) && e-k < 5 {
			e++
		}
		n := e - k
		val := 0
		for x := k; x < e; x++ {
			val = val*10 + int(s[x]-'0')
		}
		if n <= 2 && val >= 1 && val <= 31 && !(e < len(s) && (isDigit(s[e]) || decimalPoint(s, e) > 0 && isDigitAt(s, e+1))) {
			te := e
			if le := letterEnd(s, e); le == e+2 && isOrdinalSuffix(s[e:le]) {
				te = le
			} else if le > e {
				te = -1
			}
			if te > 0 && !isGroupAt(s, te) {
				dayS, dayE, day = k, te, float64(val)
				k = te
				if k < len(s) && s[k] == ',' {
					k++
				}
				k2 := k
				for k2 < len(s) && s[k2] == ' ' {
					k2++
				}
				k = k2
			}
		}
		if dayS < 0 || (k < len(s) && isDigit(s[k])) {
			// year: exactly four digits
			e := k
			for e < len(s) && isDigit(s[e]) && e-k < 5 {
				e++
			}
			if e-k == 4 && !(e < len(s) && (isLetter(s[e]) || s[e] == '_' || isDigitAt(s, e))) {
				val := 0
				for x := k; x < e; x++ {
					val = val*10 + int(s[x]-'0')
				}
				yearS, yearE, year = k, e, float64(val)
			}
		}
	}
	if dayS >= 0 || yearS >= 0 {
		ctx = true
	}
	if !ctx {
		if pw, _ := prevWord(s, i); monthContext(pw) {
			ctx = true
		}
	}
	if !ctx && wi.t == wMonth && (wi.v <= 2 || wi.v >= 9) {
		ctx = true // January, February, September…December are no verb or name
	}
	if !ctx {
		// November to February, March-June: a range of months
		nw, _, ne := nextWord(s, nameEnd)
		if nameEnd < len(s) && s[nameEnd] == '-' {
			nw, ne = s[nameEnd+1:letterEnd(s, nameEnd+1)], nameEnd
		}
		if is(nw, "to", "through", "until", "till", "and", "or") || ne == nameEnd && nw != "" {
			w2 := nw
			if ne != nameEnd {
				w2, _, _ = nextWord(s, ne)
			}
			if mi, ok := lookup(w2); ok && (mi.t == wMonth || mi.t == wMonthAbb) && w2 != "" && isUpper(w2[0]) {
				ctx = true
			}
		}
	}
	if !ctx {
		return j
	}
	sc.emit(i, nameEnd, wi.v, Month, false)
	end := j
	if dayS >= 0 {
		sc.emit(dayS, dayE, day, Day, false)
		end = dayE
	}
	if yearS >= 0 {
		sc.emit(yearS, yearE, year, Year, false)
		end = yearE
	}
	return end
}

// isGroupAt reports a ',' followed by exactly three digits at p (a
// thousands group, so "May 1,000" has no day).
func isGroupAt(s string, p int) bool {
	if p >= len(s) || s[p] != ',' {
		return false
	}
	for k := 1; k <= 3; k++ {
		if p+k >= len(s) || !isDigit(s[p+k]) {
			return false
		}
	}
	return !isDigitAt(s, p+4)
}
