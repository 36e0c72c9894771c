package numeral

import (
	"math"
	"strings"
	"unicode/utf8"
)

type language uint8

const (
	langOther language = iota // digits only
	langEN
	langZH
)

func parseLang(lang string) language {
	switch {
	case strings.HasPrefix(lang, "zh"), strings.HasPrefix(lang, "ZH"):
		return langZH
	case strings.HasPrefix(lang, "en"), strings.HasPrefix(lang, "EN"):
		return langEN
	}
	return langOther
}

// maxDigits bounds the digits of one Arabic number: a longer run is an
// identifier (an ID, a hash, a phone number list), not a quantity, and
// refusing it keeps every Value finite.
const maxDigits = 30

// Extract returns the quantities found in text, in order of appearance.
// lang is an ISO 639-1 code: "zh" reads Chinese numerals and Arabic digits,
// "en" reads English number words, month names and Arabic digits, and any
// other language reads Arabic digits (and %) only, because number words of
// languages the package does not know would be guesses. Extract never
// panics; on malformed input it returns fewer quantities rather than wrong
// ones. It returns nil when the text has no quantity.
func Extract(text, lang string) []Quantity {
	sc := scanner{s: text, lang: parseLang(lang)}
	sc.run()
	return sc.out
}

type scanner struct {
	s        string
	lang     language
	out      []Quantity
	chunkEnd int // end of the current ASCII non-space chunk (URL/e-mail check)
}

func (sc *scanner) emit(start, end int, v float64, k Kind, approx bool) {
	if sc.out == nil {
		sc.out = make([]Quantity, 0, 8)
	}
	for end > start+1 && sc.s[end-1] == ' ' {
		end-- // "8 " of 8 年: the space belongs to no quantity
	}
	sc.out = append(sc.out, Quantity{Value: v, Kind: k, Approx: approx, Text: sc.s[start:end], Start: start, End: end})
}

// emitRange emits a quantity allowed anywhere in [lo, hi] (see
// Quantity.Lo); vague ones name no definite value.
func (sc *scanner) emitRange(start, end int, lo, hi float64, vague bool) {
	sc.emit(start, end, lo, Number, true)
	q := &sc.out[len(sc.out)-1]
	q.Lo, q.Hi, q.Vague = lo, hi, vague
}

func (sc *scanner) run() {
	s := sc.s
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i >= sc.chunkEnd && !isSpace(c) {
				end, marks := i, false
				for end < len(s) && s[end] < utf8.RuneSelf && !isSpace(s[end]) {
					marks = marks || s[end] == ':' || s[end] == '@'
					end++
				}
				sc.chunkEnd = end
				// A URL holds "://" or starts "www.", an address '@'.
				if (marks || end-i > 4 && s[i+3] == '.') && isURLOrEmail(s[i:end]) {
					i = end
					continue
				}
			}
			switch {
			case isDigit(c):
				i = sc.number(i)
			case isLetter(c):
				i = sc.word(i)
			default:
				i++
			}
			continue
		}
		if _, n := digitAt(s, i); n > 0 {
			i = sc.number(i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if sc.lang == langZH && zhTrigger(r) {
			i = sc.zhWord(i, r)
			continue
		}
		i += size
	}
}

// ---------------------------------------------------------------------------
// character classes

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
func isAlnum(c byte) bool { return isDigit(c) || isLetter(c) }

// digitAt decodes an ASCII or full-width digit at s[i]; n is 0 if there is none.
func digitAt(s string, i int) (d int, n int) {
	if i < 0 || i >= len(s) {
		return 0, 0
	}
	if c := s[i]; isDigit(c) {
		return int(c - '0'), 1
	}
	// U+FF10..U+FF19 is EF BC 90..99
	if s[i] == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
		return int(s[i+2] - 0x90), 3
	}
	return 0, 0
}

func isDigitAt(s string, i int) bool { _, n := digitAt(s, i); return n > 0 }

// urlEscape reports a percent-encoded byte of a URL at s[i]: '%', two hex
// digits, and more of the URL right after (5%20minutes, %E5%88), so that
// "5%20" in a link destination is no 5 percent.
func urlEscape(s string, i int) bool {
	if i < 0 || i+3 >= len(s) || s[i] != '%' || !isHex(s[i+1]) || !isHex(s[i+2]) {
		return false
	}
	return isAlnum(s[i+3]) || s[i+3] == '%'
}

func isHex(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }

func isURLOrEmail(chunk string) bool {
	if strings.Contains(chunk, "://") {
		return true
	}
	if len(chunk) > 4 && strings.EqualFold(chunk[:4], "www.") {
		return true
	}
	if at := strings.IndexByte(chunk, '@'); at > 0 && at+1 < len(chunk) && isAlnum(chunk[at-1]) && isAlnum(chunk[at+1]) {
		return true
	}
	return false
}

// letterEnd returns the end of the run of ASCII letters starting at i.
func letterEnd(s string, i int) int {
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i
}

// skipCode consumes an identifier-like token from i: alphanumerics and
// underscores, continued across . - _ / : when an alphanumeric follows, so
// v1.2.3, H1N1-2 and file2.txt are skipped whole.
func skipCode(s string, i int) int {
	for {
		for i < len(s) && (isAlnum(s[i]) || s[i] == '_') {
			i++
		}
		if i+1 < len(s) && (s[i] == '.' || s[i] == '-' || s[i] == '_' || s[i] == '/' || s[i] == ':') && isAlnum(s[i+1]) {
			i++
			continue
		}
		if _, n := digitAt(s, i); n > 0 {
			i += n
			continue
		}
		return i
	}
}

// ---------------------------------------------------------------------------
// Arabic numerals

type arabic struct {
	v       float64
	end     int
	nInt    int // integer digits
	grouped bool
	decimal bool
	ok      bool // false: version string or too long
}

func pow10(n int) float64 {
	if n < len(pow10tab) {
		return pow10tab[n]
	}
	return math.Pow10(n)
}

var pow10tab = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseArabic reads digits, ',' thousands groups (exactly three digits, and
// only if the first group has at most three) and one decimal part.
// "1,23" and "1,2,3" therefore stop at the comma: a comma not followed by a
// full group is a list or clause separator.
func parseArabic(s string, i int) arabic {
	var a arabic
	var mant float64
	j := i
	for {
		d, n := digitAt(s, j)
		if n == 0 {
			break
		}
		mant = mant*10 + float64(d)
		a.nInt++
		j += n
	}
	if a.nInt <= 3 {
		for j < len(s) && s[j] == ',' {
			k, cnt := j+1, 0
			var g float64
			for cnt < 4 {
				d, n := digitAt(s, k)
				if n == 0 {
					break
				}
				g = g*10 + float64(d)
				cnt++
				k += n
			}
			if cnt != 3 {
				break
			}
			mant = mant*1000 + g
			a.nInt += 3
			a.grouped = true
			j = k
		}
	}
	nFrac := 0
	if p := decimalPoint(s, j); p > 0 && isDigitAt(s, j+p) {
		j += p
		for {
			d, n := digitAt(s, j)
			if n == 0 {
				break
			}
			mant = mant*10 + float64(d)
			nFrac++
			j += n
		}
		a.decimal = true
		if p2 := decimalPoint(s, j); p2 > 0 && isDigitAt(s, j+p2) {
			// 1.2.3: a version or an address, not a quantity.
			for {
				if _, n := digitAt(s, j); n > 0 {
					j += n
				} else if p := decimalPoint(s, j); p > 0 && isDigitAt(s, j+p) {
					j += p
				} else {
					break
				}
			}
			a.end = j
			return a
		}
	}
	a.end = j
	if a.nInt+nFrac > maxDigits {
		return a
	}
	a.v = mant / pow10(nFrac)
	a.ok = true
	return a
}

// decimalPoint returns the byte length of a '.' or '．' at s[j], else 0.
func decimalPoint(s string, j int) int {
	if j < len(s) && s[j] == '.' {
		return 1
	}
	if strings.HasPrefix(s[j:], "．") {
		return len("．")
	}
	return 0
}

// number handles a run of Arabic digits at i in any language.
func (sc *scanner) number(i int) int {
	s := sc.s
	start := i
	if start > 0 {
		p := s[start-1]
		switch {
		case isLetter(p) || p == '_':
			return skipCode(s, start)
		case p == '%' && urlEscape(s, start-1):
			return start + 2 // %20: an escaped character of a URL
		case p == '%' || p == '$' && start >= 2 && s[start-2] == '%':
			return skipCode(s, start) // %1$d, %2d
		case p == '-' && start >= 2 && isLetter(s[start-2]) && !hyphenPrefixOK(s, start-1):
			return sc.code(letterStart(s, start-1), start) // COVID-19, Rescue-2021
		case p == '.' && start >= 2 && isAlnum(s[start-2]):
			return skipCode(s, start) // tail of a skipped version or name
		case p == '#':
			return sc.code(start, start) // #58884 (an issue), #333 (a colour): names, not amounts
		}
	}
	if e := aroundTheClock(s, i); e > i {
		return e
	}
	if e := sc.date(i); e > i {
		return e
	}
	a := parseArabic(s, i)
	if !a.ok {
		return skipCode(s, a.end)
	}
	end := a.end
	if e := sc.clock(start, a); e > end {
		return e
	}
	if e := sc.meridiem(start, a); e > end {
		return e
	}
	if e := sc.listMarker(start, a); e > end {
		return e
	}
	if e := sc.dimensions(start, a); e > end {
		return e
	}
	if end < len(s) {
		c := s[end]
		if isLetter(c) || c == '_' {
			we := letterEnd(s, end)
			suf := s[end:we]
			if scale := currencyScale(suf); scale > 0 && currencyBefore(s, start) && !(we < len(s) && isAlnum(s[we])) {
				// £75m, $2bn, €3.5k: an amount of money in millions
				a.v *= scale
				return sc.finishArabic(start, we, a, we)
			}
			if suf == "p" && !a.decimal && !a.grouped && a.nInt <= 2 && !(we < len(s) && isAlnum(s[we])) {
				return sc.finishArabic(start, we, a, we) // 99p: pence (1080p is a resolution)
			}
			if we < len(s) && (isDigit(s[we]) || s[we] == '_' || isDigitAt(s, we)) {
				return skipCode(s, we)
			}
			if !a.grouped && !a.decimal && isOrdinalSuffix(suf) {
				sc.emit(start, we, a.v, Ordinal, false)
				return we
			}
			if suf == "s" && !a.grouped && !a.decimal && math.Mod(a.v, 10) == 0 && (a.nInt == 4 || a.nInt == 2) {
				// the 1980s: a year; her 20s, the 80s: a number, roughly;
				// post-90s: the generation born from 1990 on (90后)
				switch {
				case a.nInt == 4:
					sc.emit(start, end, a.v, Year, false)
				case strings.HasSuffix(strings.ToLower(strings.TrimRight(s[:start], " -'‘’")), "post"):
					y := 1900 + a.v
					if a.v < 30 {
						y = 2000 + a.v
					}
					sc.emit(start, end, y, Year, false)
				default:
					sc.emit(start, end, a.v, Number, true)
				}
				return we
			}
			if isGluedUnit(suf) {
				return sc.finishArabic(start, end, a, we)
			}
			if te := skipCode(s, we); te == we && we-end >= 2 && !a.decimal && !a.grouped && a.nInt <= 6 {
				sc.emit(start, end, a.v, Code, false) // 500ML, 10am
				return te
			}
			return skipCode(s, we)
		}
		if c == '.' && end+1 < len(s) && s[end+1]|0x20 == 'x' && !a.decimal && (end+2 >= len(s) || !isAlnum(s[end+2])) {
			sc.emit(start, end+2, a.v, Code, false) // 4.x: every version 4
			return end + 2
		}
		if c == '.' && end+1 < len(s) && isLetter(s[end+1]) && (end+2 >= len(s) || isLetter(s[end+2])) &&
			!isUpper(s[end+1]) {
			return skipCode(s, end) // 2016.pdf
		}
		if c == '}' && start > 0 && s[start-1] == '{' {
			return end + 1 // {0}
		}
	}
	return sc.finishArabic(start, end, a, end)
}

// finishArabic dispatches on the language once the digits are known; resume
// is where scanning continues if nothing more is consumed.
func (sc *scanner) finishArabic(start, end int, a arabic, resume int) int {
	if sc.lang == langZH {
		// "820 万", "20 %", "2021 年 1 月": text tokenized with spaces
		if end+1 < len(sc.s) && sc.s[end] == ' ' && zhSpacedUnit(sc.s[end+1:]) {
			end++
		}
		v, e := zhScales(sc.s, end, a.v)
		v, e = zhMixed(sc.s, e, v)
		info := zhInfo{arabic: true, nInt: a.nInt, plainInt: !a.grouped && !a.decimal && e == end, integer: !a.decimal || v == math.Trunc(v)}
		r := sc.zhFinish(start, e, v, info)
		if r < resume {
			r = resume
		}
		return r
	}
	r := sc.enFinish(start, end, a.v)
	if r < resume {
		r = resume
	}
	return r
}

// zhSpacedUnit reports a unit character that still belongs to a number
// written before a space.
func zhSpacedUnit(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch r {
	case '万', '亿', '%', '％', '年', '月', '日', '号':
		return true
	}
	return false
}

// zhMixed adds the Arabic digits written after 万 or 亿 to the number before
// it: 2万4801 is 24801.
func zhMixed(s string, p int, v float64) (float64, int) {
	var unit float64
	switch {
	case strings.HasSuffix(s[:p], "万"):
		unit = 1e4
	case strings.HasSuffix(s[:p], "亿"):
		unit = 1e8
	default:
		return v, p
	}
	if _, n := digitAt(s, p); n == 0 || v != math.Trunc(v) {
		return v, p
	}
	a := parseArabic(s, p)
	if !a.ok || a.grouped || a.decimal || a.v >= unit || (a.end < len(s) && isLetter(s[a.end])) {
		return v, p
	}
	if r, _ := utf8.DecodeRuneInString(s[a.end:]); zhUnit(r) > 0 {
		return v, p // 2亿5000万 is read by zhScales' caller in two steps
	}
	return v + a.v, a.end
}

func hyphenPrefixOK(s string, hyphen int) bool {
	ws := hyphen
	for ws > 0 && isLetter(s[ws-1]) {
		ws--
	}
	if ws > 0 && isDigit(s[ws-1]) && isOrdinalSuffix(s[ws:hyphen]) {
		return true // 17th-18th
	}
	switch strings.ToLower(s[ws:hyphen]) {
	case "mid", "pre", "post", "early", "late", "top", "over", "under", "about", "around", "nearly", "some", "and", "to", "from", "or":
		return true
	}
	return false
}

func isOrdinalSuffix(suf string) bool {
	return strings.EqualFold(suf, "st") || strings.EqualFold(suf, "nd") || strings.EqualFold(suf, "rd") || strings.EqualFold(suf, "th")
}

// isGluedUnit lists the lower-case unit symbols that may follow digits
// directly without making the token a code (5km is five kilometres; 5G is
// a network generation).
func isGluedUnit(suf string) bool {
	switch suf {
	case "km", "kg", "cm", "mm", "ml", "mg", "kw", "kwh", "mw", "gw", "x", "m", "s", "h", "g", "t", "min":
		return true
	}
	return false
}

// letterStart returns the start of the run of ASCII letters ending at i.
func letterStart(s string, i int) int {
	for i > 0 && isLetter(s[i-1]) {
		i--
	}
	return i
}

// code handles letters glued to digits from ds (windows11, LP700, v12,
// COVID-19): the digits are a model or version number, not a quantity. A
// name that ends in one digit run gives a Code, so that "Windows 11" on the
// other side has a partner; anything longer (H1N1, v1.2.3) gives nothing.
func (sc *scanner) code(ls, ds int) int {
	s := sc.s
	te := skipCode(s, ds)
	e := ds
	for e < len(s) && isDigit(s[e]) {
		e++
	}
	whole := ls == 0 || !(isAlnum(s[ls-1]) || s[ls-1] == '_' || s[ls-1] == '.' || s[ls-1] == '-')
	if te == e && e > ds && e-ds <= 6 && whole {
		var v float64
		for k := ds; k < e; k++ {
			v = v*10 + float64(s[k]-'0')
		}
		sc.emit(ls, e, v, Code, false)
	}
	return te
}

// clock reads a time of day, HH:MM, after the hour a: "10:00" is the hour
// 10 (10点), and only minutes other than :00 are a second number (10:30 is
// 10点30分). It returns the end of the time, or 0.
func (sc *scanner) clock(start int, a arabic) int {
	s := sc.s
	end := a.end
	if a.grouped || a.decimal || a.nInt > 2 || a.v > 24 || end+2 >= len(s) {
		return 0
	}
	if s[end] != ':' || !isDigit(s[end+1]) || !isDigit(s[end+2]) || (end+3 < len(s) && (isDigit(s[end+3]) || isLetter(s[end+3]))) {
		return 0
	}
	min := float64(s[end+1]-'0')*10 + float64(s[end+2]-'0')
	if min >= 60 {
		return 0
	}
	approx := sc.lang == langEN && sc.enApproxBefore(start) || sc.lang == langZH && (sc.zhApproxBefore(start) || zhApproxAfter(s, end+3))
	sc.emit(start, end+3, a.v, Hour, approx)
	if min != 0 {
		sc.emit(end+1, end+3, min, Number, approx)
	}
	if e := meridiemEnd(s, end+3); e > 0 {
		return e // 5:30pm
	}
	return end + 3
}

// listMarker reads a list enumerator, 1. or 2) at the start of a line or
// after a tag (<div>3.), and returns its end, or 0.
func (sc *scanner) listMarker(start int, a arabic) int {
	s := sc.s
	e := a.end
	if a.grouped || a.decimal || a.nInt > 2 || e >= len(s) || (s[e] != '.' && s[e] != ')') {
		return 0
	}
	if e+1 < len(s) && s[e+1] != ' ' && s[e+1] != '\t' && s[e+1] != '\n' {
		return 0
	}
	before := strings.TrimRight(s[:start], " \t#")
	if before != "" && !strings.HasSuffix(before, "\n") && !strings.HasSuffix(before, ">") {
		return 0
	}
	sc.emit(start, e, a.v, Ordinal, false)
	q := &sc.out[len(sc.out)-1]
	q.List = true
	// Nothing after it: the marker of the next item, cut from it when
	// the text was split (…meanings;</div><div>3.).
	q.Vague = strings.TrimSpace(s[e+1:]) == ""
	return e + 1
}

// meridiem reads an hour before am or pm, with its minutes after a dot
// (5pm, 9 p.m., 5.30pm): the hour, and the minutes unless :00. It returns
// the end of the time, or 0.
func (sc *scanner) meridiem(start int, a arabic) int {
	s := sc.s
	if a.grouped || a.nInt > 2 {
		return 0
	}
	hour, minutes, minEnd := a.v, 0.0, 0
	if a.decimal {
		// 5.30pm: the decimal part is two digits of minutes
		p := start
		for p < a.end && isDigit(s[p]) {
			p++
		}
		if p+3 != a.end || s[p] != '.' {
			return 0
		}
		hour = math.Trunc(a.v)
		minutes = float64(s[p+1]-'0')*10 + float64(s[p+2]-'0')
		minEnd = a.end
		if minutes >= 60 {
			return 0
		}
	}
	if hour < 1 || hour > 12 {
		return 0
	}
	e := meridiemEnd(s, a.end)
	if e == 0 {
		return 0
	}
	hourEnd := a.end
	if minEnd > 0 {
		hourEnd = minEnd - 3
	}
	approx := sc.lang == langEN && sc.enApproxBefore(start)
	sc.emit(start, hourEnd, hour, Hour, approx)
	if minutes != 0 {
		sc.emit(hourEnd+1, minEnd, minutes, Number, approx)
	}
	return e
}

// meridiemEnd returns the end of "am", "pm", "a.m." or "p.m." at p, after
// at most one space, or 0.
func meridiemEnd(s string, p int) int {
	if p < len(s) && s[p] == ' ' {
		p++
	}
	if p+2 > len(s) || (s[p]|0x20 != 'a' && s[p]|0x20 != 'p') {
		return 0
	}
	var e int
	switch {
	case s[p+1]|0x20 == 'm':
		e = p + 2
	case p+4 <= len(s) && s[p+1] == '.' && s[p+2]|0x20 == 'm' && s[p+3] == '.':
		e = p + 4
	default:
		return 0
	}
	if e < len(s) && isAlnum(s[e]) {
		return 0
	}
	return e
}

// dimensions reads sizes written with x between the numbers (5x8,
// 1920x1080x3): each number is a quantity, as in 5×8 where × is no
// letter. A 0 before x is a hexadecimal prefix (0x1F). It returns the end
// of the sizes, or 0.
func (sc *scanner) dimensions(start int, a arabic) int {
	s := sc.s
	e := a.end
	if e+1 >= len(s) || s[e]|0x20 != 'x' || !isDigit(s[e+1]) || (a.v == 0 && a.nInt == 1) {
		return 0
	}
	type dim struct {
		start int
		a     arabic
	}
	dims := []dim{{start, a}}
	for e+1 < len(s) && s[e]|0x20 == 'x' && isDigit(s[e+1]) {
		b := parseArabic(s, e+1)
		if !b.ok {
			return 0
		}
		dims = append(dims, dim{e + 1, b})
		e = b.end
	}
	if e < len(s) && (isLetter(s[e]) && !isGluedUnit(s[e:letterEnd(s, e)]) || s[e] == '_') {
		return 0 // 5x8abc: a name
	}
	for _, d := range dims {
		sc.emit(d.start, d.a.end, d.a.v, Number, false)
	}
	return e
}

// aroundTheClock returns the end of 24/7, 7×24 and their variants at i:
// "all the time" (全天候), not the numbers 24 and 7. It returns 0 when
// there is none.
func aroundTheClock(s string, i int) int {
	if s[i] != '2' && s[i] != '7' {
		return 0
	}
	for _, f := range [...]string{"24/7", "24x7", "24×7", "24*7", "7x24", "7×24", "7*24", "7X24", "24X7"} {
		if strings.HasPrefix(s[i:], f) {
			e := i + len(f)
			if e < len(s) && (isDigit(s[e]) || s[e] == '/' || s[e] == '.' && isDigitAt(s, e+1)) {
				if strings.HasPrefix(s[e:], "/365") {
					return e + len("/365")
				}
				return 0
			}
			return e
		}
	}
	return 0
}

// currencyBefore reports a currency sign right before the digits at i
// ($, £, €, ¥, US$, HK$).
func currencyBefore(s string, i int) bool {
	for _, c := range [...]string{"$", "£", "€", "¥", "￥"} {
		if strings.HasSuffix(s[:i], c) {
			return true
		}
	}
	return false
}

// currencyScale returns the multiplier of a suffix that follows an amount
// of money (m, mn, bn, k), or 0.
func currencyScale(suf string) float64 {
	switch strings.ToLower(suf) {
	case "k":
		return 1e3
	case "m", "mn", "mln":
		return 1e6
	case "b", "bn", "bln":
		return 1e9
	case "tn", "trn":
		return 1e12
	}
	return 0
}

// date reads a numeric date written year first: 2021.6.11, 2022-01-17,
// 2021/6/11. It returns the end of the date, or 0.
func (sc *scanner) date(i int) int {
	s := sc.s
	field := func(p, min, max int) (v, e int) {
		e = p
		for e < len(s) && isDigit(s[e]) && e-p < max {
			v = v*10 + int(s[e]-'0')
			e++
		}
		if e-p < min || (e < len(s) && isDigit(s[e])) {
			return 0, -1
		}
		return v, e
	}
	y, e := field(i, 4, 4)
	if e < 0 || y < 1900 || y > 2100 || e+1 >= len(s) {
		return 0
	}
	sep := s[e]
	if sep != '.' && sep != '-' && sep != '/' {
		return 0
	}
	ms := e + 1
	m, e := field(ms, 1, 2)
	if e < 0 || m < 1 || m > 12 || e+1 >= len(s) || s[e] != sep {
		return 0
	}
	ds := e + 1
	d, e := field(ds, 1, 2)
	if e < 0 || d < 1 || d > 31 || (e < len(s) && (isLetter(s[e]) || s[e] == '_')) || (e+1 < len(s) && (s[e] == sep || s[e] == '.') && isDigit(s[e+1])) {
		return 0
	}
	sc.emit(i, i+4, float64(y), Year, false)
	sc.emit(ms, ms+(ds-1-ms), float64(m), Month, false)
	sc.emit(ds, e, float64(d), Day, false)
	return e
}
