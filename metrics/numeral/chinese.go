package numeral

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// zhInfo describes the numeral core that zhFinish classifies.
type zhInfo struct {
	arabic   bool
	nInt     int  // Arabic: integer digit count
	plainInt bool // Arabic: no group, decimal or scale character
	integer  bool
	digitSeq bool // 一九八九: digit characters only, read digit by digit
	nSeq     int  // length of a digit sequence
	weak     bool // one numeral character or units only: needs a measure word
	lone1    bool // exactly 一
	lead     bool // starts with 百/千/万/亿 (units only)
	hasAlt   bool // 三四, 七八十: the run says "v or alt"
	alt      float64
	list     int  // 一二三, 三四五六: a list of that many single digits
	plan     bool // 十四五: v is the plan's ordinal, then a 五 (five-year)
}

func zhDigit(r rune) int {
	switch r {
	case '零', '〇':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// zhUnit returns the code of a unit character: 10 十, 11 百, 12 千, 13 万, 14 亿.
func zhUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 11
	case '千':
		return 12
	case '万':
		return 13
	case '亿':
		return 14
	}
	return 0
}

var unitValue = [...]float64{10, 100, 1000, 1e4, 1e8}

func zhNumeral(r rune) bool { return zhDigit(r) >= 0 || zhUnit(r) > 0 }

func zhNumeralAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return zhNumeral(r) && r != '百'
}

func zhTrigger(r rune) bool {
	return zhNumeral(r) || r == '第' || r == '半' || r == '过'
}

// zhWord handles a Chinese character that may start a quantity.
func (sc *scanner) zhWord(i int, r rune) int {
	s := sc.s
	size := utf8.RuneLen(r)
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, "一半"):
		e := i + len("一半")
		if prevRuneIs(s, i, '这', '那', '另', '每', '多', '大') {
			return e
		}
		sc.emit(i, e, 0.5, Fraction, sc.zhApproxBefore(i) || zhApproxAfter(s, e))
		return e
	case strings.HasPrefix(rest, "过半"), strings.HasPrefix(rest, "半数"):
		e := i + len("过半")
		sc.emit(i, e, 0.5, Fraction, r == '过' || sc.zhApproxBefore(i) || zhApproxAfter(s, e))
		return e
	case strings.HasPrefix(rest, "半个世纪"):
		e := i + len("半个世纪")
		sc.emit(i, e, 50, Number, sc.zhApproxBefore(i)) // half a century: 50 years
		return e
	case r == '半' || r == '过':
		return i + size
	case strings.HasPrefix(rest, "百分之"):
		ns := i + len("百分之")
		v, e, info, ok := sc.zhCore(ns)
		if !ok || info.digitSeq || info.list > 0 {
			return ns
		}
		approx := sc.zhApproxBefore(i) || zhApproxAfter(s, e)
		sc.emit(i, e, v, Percent, approx || info.hasAlt)
		if info.hasAlt { // 百分之七八十: 70% or 80%
			sc.emit(i, e, info.alt, Percent, true)
		}
		return e
	case strings.HasPrefix(rest, "百分百"):
		e := i + len("百分百")
		sc.emit(i, e, 100, Percent, false)
		return e
	case strings.HasPrefix(rest, "百分") && zhNumeralAt(s, i+len("百分")):
		// 百分二百: colloquial for 百分之二百
		ns := i + len("百分")
		v, e, info, ok := sc.zhCore(ns)
		if !ok || info.digitSeq || info.list > 0 || info.hasAlt || info.weak {
			return ns
		}
		sc.emit(i, e, v, Percent, sc.zhApproxBefore(i) || zhApproxAfter(s, e))
		return e
	case r == '第':
		ns := i + size
		v, e, info, ok := sc.zhCore(ns)
		if !ok || info.digitSeq || !info.integer {
			if e > ns {
				return e
			}
			return ns
		}
		sc.emit(i, e, v, Ordinal, false)
		return e
	}
	v, e, info, ok := sc.zhCore(i)
	if !ok {
		if e <= i {
			e = i + size
		}
		return e
	}
	return sc.zhFinish(i, e, v, info)
}

// zhCore parses the numeral at i: Arabic digits with trailing unit
// characters (7亿, 5000亿, 1.5万) or a run of Chinese numeral characters
// (三千五百万, 四点七, 一九八九). ok is false for malformed runs (十十, 万一);
// end is then past the run so the caller skips it.
func (sc *scanner) zhCore(i int) (v float64, end int, info zhInfo, ok bool) {
	s := sc.s
	if _, n := digitAt(s, i); n > 0 {
		a := parseArabic(s, i)
		if !a.ok {
			return 0, a.end, info, false
		}
		if e := a.end; e < len(s) && (isLetter(s[e]) || s[e] == '_') {
			return 0, skipCode(s, e), info, false
		}
		v, e := zhScales(s, a.end, a.v)
		info = zhInfo{arabic: true, nInt: a.nInt, plainInt: !a.grouped && !a.decimal && e == a.end, integer: v == math.Trunc(v)}
		return v, e, info, true
	}
	return zhRun(s, i)
}

// zhRun parses a run of Chinese numeral characters.
func zhRun(s string, i int) (v float64, end int, info zhInfo, ok bool) {
	var codes [24]int8
	n, nDigits, nUnits := 0, 0, 0
	j := i
	tooLong := false
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		var c int
		if d := zhDigit(r); d >= 0 {
			c = d
			nDigits++
		} else if u := zhUnit(r); u > 0 && !(r == '千' && kiloUnit(s[j+size:])) {
			c = u
			nUnits++
		} else {
			break
		}
		if n < len(codes) {
			codes[n] = int8(c)
		} else {
			tooLong = true
		}
		n++
		j += size
	}
	end = j
	if n == 0 || tooLong {
		return 0, end, info, false
	}
	// decimal part: 四点七, 三点五亿
	nFrac := 0
	var frac float64
	if strings.HasPrefix(s[j:], "点") {
		k := j + len("点")
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			d := zhDigit(r)
			if d < 0 || r == '两' {
				break
			}
			frac = frac*10 + float64(d)
			nFrac++
			k += size
		}
		if r, _ := utf8.DecodeRuneInString(s[k:]); nFrac > 0 && nFrac <= 15 && r != '十' && r != '分' && r != '刻' {
			end = k
		} else {
			nFrac = 0 // 九点五十分, 三点一刻: a time of day
		}
	}
	cs := codes[:n]
	if nFrac == 0 {
		// “十四五”, 十三五规划: the 14th, 13th five-year plan, not "14 or 15"
		if n == 3 && cs[0] == 10 && cs[1] >= 1 && cs[1] < 10 && cs[2] == 5 && zhPlanContext(s, i, end) {
			info.plan, info.integer = true, true
			return 10 + float64(cs[1]), end, info, true
		}
		if k := zhAdjacent(cs); k >= 0 {
			switch {
			case nUnits == 0 && n >= 3 && zhAllAdjacent(cs):
				info.list, info.integer = n, true
				return float64(cs[0]), end, info, true
			case nUnits > 0 || n == 2:
				va, oka := zhIntOrDigit(without(cs, k+1))
				vb, okb := zhIntOrDigit(without(cs, k))
				if oka && okb {
					info.hasAlt, info.alt, info.integer = true, vb, true
					info.weak = nUnits == 0
					return va, end, info, true
				}
			}
		}
	}
	switch {
	case n == 1:
		info.weak = true
		if cs[0] < 10 {
			v = float64(cs[0])
			info.lone1 = strings.HasPrefix(s[i:], "一")
		} else {
			v = unitValue[cs[0]-10]
			info.lead = cs[0] > 10
		}
		info.integer = true
	case nUnits == 0:
		// digit sequence, read digit by digit (years)
		if nFrac > 0 {
			return 0, end, info, false
		}
		for _, c := range cs {
			v = v*10 + float64(c)
		}
		info.digitSeq = true
		info.nSeq = n
		info.integer = true
		return v, end, info, true
	default:
		if cs[0] > 10 && nDigits > 0 {
			return 0, end, info, false // 万一, 百五
		}
		var good bool
		v, good = zhInt(cs)
		if !good {
			return 0, end, info, false
		}
		info.integer = true
		if nDigits == 0 {
			info.lead = cs[0] > 10
			// 千万 (must), 万万, 亿万 need a measure word; 十万, 百万, 万亿 do not.
			info.weak = (cs[0] == 12 && cs[1] == 13) || (n == 2 && cs[0] >= 13)
		}
	}
	if nFrac > 0 {
		if v > 1e15 {
			return 0, end, info, false
		}
		v = (v*pow10(nFrac) + frac) / pow10(nFrac)
		info.integer = false
		info.weak = false
		// trailing units: 三点五亿
		v, end = zhScales(s, end, v)
		info.integer = v == math.Trunc(v)
	}
	return v, end, info, true
}

func zhPlanContext(s string, start, end int) bool {
	if prevRuneIs(s, start, '“', '"', '「', '‘') {
		return true
	}
	for _, w := range [...]string{"规划", "时期", "期间", "计划", "开局", "”", "\"", "」", "’"} {
		if strings.HasPrefix(s[end:], w) {
			return true
		}
	}
	return false
}

// zhAdjacent returns the index of the first of two adjacent digits d, d+1
// (三四, 七八十, 十七八, 两三), or -1.
func zhAdjacent(cs []int8) int {
	for k := 0; k+1 < len(cs); k++ {
		if cs[k] >= 1 && cs[k] < 9 && cs[k+1] == cs[k]+1 {
			return k
		}
	}
	return -1
}

func zhAllAdjacent(cs []int8) bool {
	for k := 0; k+1 < len(cs); k++ {
		if cs[k] < 1 || cs[k] >= 9 || cs[k+1] != cs[k]+1 {
			return false
		}
	}
	return true
}

func without(cs []int8, k int) []int8 {
	out := make([]int8, 0, len(cs)-1)
	out = append(out, cs[:k]...)
	return append(out, cs[k+1:]...)
}

func zhIntOrDigit(cs []int8) (float64, bool) {
	if len(cs) == 1 && cs[0] < 10 {
		return float64(cs[0]), true
	}
	for k := 0; k+1 < len(cs); k++ {
		if cs[k] < 10 && cs[k+1] < 10 {
			return 0, false
		}
	}
	return zhInt(cs)
}

// zhInt evaluates a run of digit and unit codes (no decimal part) and
// rejects malformed ones: repeated or rising small units (十十, 三百五千),
// two digits in a row (handled as a digit sequence by the caller), 万万.
// A final digit right after 百/千/万/亿 is colloquial shorthand:
// 一百五 = 150, 两万五 = 25000.
func zhInt(cs []int8) (float64, bool) {
	var total, section, num float64
	hasNum := false
	lastSmall := 1e18
	lastBig := 0.0
	prevUnit := 0.0 // unit right before the current position
	prevBig := false
	colloq := 0.0
	afterZero := false
	for idx, c := range cs {
		if c < 10 {
			if hasNum {
				return 0, false
			}
			if c == 0 {
				if afterZero {
					return 0, false
				}
				afterZero = true
				prevUnit, prevBig = 0, false
				continue
			}
			num, hasNum = float64(c), true
			colloq = 0
			if prevUnit >= 100 && !afterZero {
				colloq = prevUnit
			}
			prevUnit, prevBig, afterZero = 0, false, false
			continue
		}
		u := unitValue[c-10]
		if u < 1e4 {
			if u >= lastSmall {
				return 0, false
			}
			if !hasNum {
				if idx != 0 && !prevBig {
					return 0, false
				}
				num = 1
			}
			section += num * u
			num, hasNum = 0, false
			lastSmall, prevUnit, prevBig, afterZero = u, u, false, false
			continue
		}
		// 万 or 亿
		if !hasNum && section == 0 {
			switch {
			case idx == 0:
				num, hasNum = 1, true
			case prevBig && u > lastBig:
				total *= u // 万亿
				lastBig, prevUnit = u, u
				continue
			default:
				return 0, false
			}
		}
		if hasNum {
			section += num
		}
		if u == 1e4 {
			if lastBig == 1e4 {
				return 0, false
			}
			total += section * 1e4
		} else {
			if lastBig == 1e8 && section == 0 {
				return 0, false
			}
			total = (total + section) * 1e8
		}
		section, num, hasNum = 0, 0, false
		lastSmall, lastBig, prevUnit, prevBig, afterZero = 1e18, u, u, true, false
	}
	if hasNum {
		if colloq > 0 {
			num *= colloq / 10
		}
		section += num
	}
	return total + section, true
}

// zhScales multiplies v by unit characters after Arabic digits or a
// decimal: 7亿, 5000亿, 3千万, 2万亿, 3.5亿.
func zhScales(s string, p int, v float64) (float64, int) {
	prev := 0
	for k := 0; k < 2 && p < len(s); k++ {
		r, size := utf8.DecodeRuneInString(s[p:])
		u := zhUnit(r)
		if u == 0 || (prev != 0 && (u < 13 || u <= prev)) || (r == '千' && kiloUnit(s[p+size:])) {
			break
		}
		v *= unitValue[u-10]
		prev = u
		p += size
	}
	return v, p
}

// kiloUnit reports a unit of measure that 千 prefixes (千米 is a
// kilometre, 千克 a kilogram), so that the 千 is no thousand.
func kiloUnit(rest string) bool {
	for _, u := range [...]string{"米", "克", "瓦", "帕", "伏", "赫", "卡", "焦", "字节", "比特"} {
		if strings.HasPrefix(rest, u) {
			return true
		}
	}
	return false
}

// measureRunes are the measure words and units after which a lone numeral
// character is a number: 一个, 两年, 十倍, 三月.
func measureRune(r rune) bool {
	switch r {
	case '个', '次', '年', '家', '名', '人', '倍', '天', '月', '日', '号', '岁', '项', '条', '种', '位', '元',
		'块', '件', '只', '张', '本', '部', '台', '辆', '座', '所', '架', '艘', '份', '批', '届', '轮', '场',
		'期', '周', '秒', '米', '吨', '斤', '度', '层', '股', '笔', '套', '对', '双', '片', '棵', '头', '匹',
		'根', '支', '枚', '颗', '粒', '级', '代', '篇', '句', '段', '节', '门', '间', '栋', '户', '亩', '克',
		'升', '里', '遍', '趟', '回', '番', '瓶', '载', '班', '%', '％', '‰', '亿', '万', '千', '百',
		'行', '列', '页', '章', '组', '类', '题', '步', '帧', '圈', '杯', '碗', '维', '格', '处', '轴', '档', '集', '季':
		return true
	}
	return false
}

var measureWords = [...]string{"小时", "分钟", "公里", "美元", "欧元", "英镑", "港元", "英里", "公斤", "公顷", "平方", "世纪", "季度", "星期", "百分点", "星级", "星好评", "星评价"}

// measureLen returns the byte length of a measure word at p, or 0.
func measureLen(s string, p int) int {
	if p >= len(s) {
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[p:])
	if measureRune(r) {
		return size
	}
	for _, w := range measureWords {
		if strings.HasPrefix(s[p:], w) {
			return len(w)
		}
	}
	return 0
}

func prevRuneIs(s string, i int, rs ...rune) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	for _, x := range rs {
		if r == x {
			return true
		}
	}
	return false
}

var zhHedgeBefore = [...]string{"近", "约", "逾", "超过", "超", "不到", "不足", "至少", "几乎", "大概", "差不多", "将近", "接近"}

func (sc *scanner) zhApproxBefore(i int) bool {
	s := strings.TrimRight(sc.s[:i], " ")
	s = strings.TrimSuffix(s, "有")
	for _, h := range zhHedgeBefore {
		if strings.HasSuffix(s, h) {
			return true
		}
	}
	return false
}

var zhHedgeAfter = [...]string{"多", "余", "左右", "以上", "上下", "出头", "开外", "有余"}

func zhApproxAfter(s string, p int) bool {
	rest := s[p:]
	for _, h := range zhHedgeAfter {
		if strings.HasPrefix(rest, h) {
			return true
		}
	}
	return false
}

// zhFinish classifies the numeral core [start,end) by what follows: 年 (a
// year when four digits, else a duration), 月 (a month 1–12), 日/号 (a day
// 1–31), % (a percent), 分之 (a fraction), a hedge (多, 余, 左右…) and a
// measure word, which a lone numeral character needs to count at all.
func (sc *scanner) zhFinish(start, end int, v float64, info zhInfo) int {
	s := sc.s
	// 几 and 数 make the amount vague: 十几个, 几十个, 数百万.
	if strings.HasPrefix(s[end:], "几") {
		// 十几 is 11 to 19, 二十几 21 to 29; 十几万 11 to 19 ten-thousands
		e := end + len("几")
		if !info.integer || v < 10 || math.Mod(v, 10) != 0 {
			return e
		}
		m, se := zhScales(s, e, 1)
		sc.emitRange(start, se, (v+1)*m, (v+9)*m, true)
		return se
	}
	if !info.arabic && prevRuneIs(s, start, '几', '数') {
		// 几十 is 20 to 90, 数百万 2 to 9 millions
		if info.integer && (info.lead || v == 10) {
			sc.emitRange(start-len("几"), end, v, 9*v, true)
		}
		return end
	}
	if info.list > 0 { // 三四五六年级: grades 3, 4, 5 and 6
		for k := 0; k < info.list; k++ {
			ds := start + k*len("一")
			d, _ := utf8.DecodeRuneInString(s[ds:])
			sc.emit(ds, ds+len("一"), float64(zhDigit(d)), Number, false)
		}
		return end
	}
	if info.plan { // 十四五: the 14th five-year plan
		five := end - len("五")
		sc.emit(start, five, v, Ordinal, false)
		sc.emit(five, end, 5, Number, false)
		return end
	}
	// X分之Y
	if strings.HasPrefix(s[end:], "分之") {
		ns := end + len("分之")
		nv, ne, ninfo, ok := sc.zhCore(ns)
		if !ok || ninfo.digitSeq || ninfo.list > 0 || v == 0 {
			if ne > ns {
				return ne
			}
			return ns
		}
		approx := sc.zhApproxBefore(start) || zhApproxAfter(s, ne)
		if v == 100 {
			sc.emit(start, ne, nv, Percent, approx)
		} else {
			sc.emit(start, ne, nv/v, Fraction, approx)
		}
		return ne
	}
	if strings.HasPrefix(s[end:], "进制") {
		return end + len("进制") // 十六进制: hexadecimal
	}
	if e := sc.zhClock(start, end, v, info); e > end {
		return e
	}
	if info.arabic && v == 0 && zhFromScratch(s, start, end) {
		// 从 0 开始: "from scratch", where the English may have no 0
		sc.emit(start, end, 0, Number, false)
		sc.out[len(sc.out)-1].Vague = true
		return end
	}
	approx := sc.zhApproxBefore(start)
	if info.lead && prevRuneIs(s, start, '上') && !info.hasAlt { // 上万, 上百家: from 10,000, from 100
		sc.emitRange(start, end, v, 10*v-1, true)
		return end
	}
	if info.lead && prevRuneIs(s, start, '每') { // 每万字: per ten thousand characters
		info.weak = false
	}
	p := end
	var lo, hi float64 // bounds of 200多万: 2e6 to 3e6
	if strings.HasPrefix(s[p:], "多") || strings.HasPrefix(s[p:], "余") || (strings.HasPrefix(s[p:], "来") && !info.arabic) {
		approx = true
		if r, _ := utf8.DecodeRuneInString(s[p:]); r != '来' && info.integer && v >= 10 && !info.hasAlt {
			// X多 runs up to the next step of its last digit: 130多 is 130
			// to 140, 200多 200 to 300, 6万多 60,000 to 70,000
			unit := 1.0
			for math.Mod(v, unit*10) == 0 {
				unit *= 10
			}
			lo, hi = v, v+unit
		}
		p += len("多")
		// 60多万, 三十多亿
		if v2, e2 := zhScales(s, p, v); e2 > p {
			lo, hi = lo*v2/v, hi*v2/v
			v, end, p = v2, e2, e2
		}
	}
	kind := Number
	textEnd := end
	r, size := utf8.DecodeRuneInString(s[p:])
	integer := info.integer
	liang := strings.HasPrefix(s[start:], "两") // 两日, 两月: two days, two months
	cardinal := false                          // a count that needs no measure word
	list := false                              // a list enumerator
	transform := func(x float64) float64 { return x }
	var prev *Quantity
	if n := len(sc.out); n > 0 {
		prev = &sc.out[n-1]
	}
	switch {
	case p >= len(s):
	case r == '%' && !urlEscape(s, p) || r == '％':
		kind, textEnd = Percent, p+size
	case strings.HasPrefix(s[p:], "年代") && p == end && integer:
		// 80年代, 八十年代, 20世纪六七十年代, 1980年代: decades
		switch {
		case info.plainInt && info.nInt == 4:
			kind, textEnd = Year, p+len("年代")
		case v >= 10 && v <= 90 && math.Mod(v, 10) == 0 && (!info.arabic || info.nInt == 2):
			century := 1900.0
			if prev != nil && prev.Kind == Number && prev.End <= start && strings.TrimSpace(s[prev.End:start]) == "世纪" &&
				prev.Value >= 11 && prev.Value <= 21 {
				// 20世纪80年代 is one year, 1980, not a 20 and an 80
				century = (prev.Value - 1) * 100
				start = prev.Start
				sc.out = sc.out[:len(sc.out)-1]
			}
			kind, textEnd = Year, p+len("年代")
			transform = func(x float64) float64 { return century + x }
		}
	case r == '年':
		if p == end && ((info.plainInt && info.nInt == 4) || (info.digitSeq && info.nSeq == 4)) && !strings.HasPrefix(s[p:], "年级") {
			kind, textEnd = Year, p+size
		}
	case r == '后' && p == end && info.plainInt && info.nInt == 2 && math.Mod(v, 5) == 0:
		// 95后, 00后: the generation born from that year on
		kind, textEnd = Year, p+size
		transform = func(x float64) float64 {
			if x < 30 {
				return 2000 + x
			}
			return 1900 + x
		}
	case r == '月':
		if p == end && integer && v >= 1 && v <= 12 && !liang && !strings.HasPrefix(s[p+size:], "份额") {
			kind, textEnd = Month, p+size
		}
	case r == '日' || r == '号':
		if p == end && integer && v >= 1 && v <= 31 && !liang {
			kind, textEnd = Day, p+size
			if r == '号' && !(prev != nil && prev.Kind == Month && prev.End == start) {
				kind = Ordinal // 5号: the fifth, or number 5 (超级玛丽5号)
			}
			if strings.HasSuffix(strings.TrimRight(s[:start], " "), "已经") {
				kind, textEnd = Number, start+len(strings.TrimRight(s[start:end], " ")) // 已经3日: for three days
			}
		}
	case r == '届', strings.HasPrefix(s[p:], "中全会"):
		// 十九届六中全会: the Sixth Plenary Session of the 19th Central Committee
		if p == end && integer {
			kind, cardinal = Ordinal, true
		}
	case r == '成' && p == end && integer && v >= 1 && v <= 10 && !zhChengWord(s[p:]):
		// 四成: four tenths, 40%
		kind, textEnd, cardinal = Percent, p+size, true
		transform = func(x float64) float64 { return x * 10 }
	case r == '是' && p == end && integer && !info.arabic && zhListStart(s, start):
		kind, cardinal, list = Ordinal, true, true // 一是…二是…: first… second…
	case (r == '、' || r == ')' || r == '）') && p == end && integer && zhListStart(s, start):
		kind, cardinal, list = Ordinal, true, true // (一), 二、, 2、: list enumerators
	}
	if kind == Number && p == end && integer && !liang {
		// 3至6月, 7到10日, 2016-2020年, 4至6万, 50%至52%: the unit of the
		// second end applies to both
		if u, ok := sc.zhRangeUnit(p); ok {
			switch {
			case u == '月' && v >= 1 && v <= 12:
				kind = Month
			case (u == '日' || u == '号') && v >= 1 && v <= 31:
				kind = Day
			case u == '年' && ((info.plainInt && info.nInt == 4) || (info.digitSeq && info.nSeq == 4)):
				kind = Year
			case (u == '万' || u == '亿') && !info.weak && !strings.ContainsAny(s[start:end], "万亿"):
				v *= unitValue[zhUnit(u)-10]
			case (u == '%' || u == '％') && !info.weak:
				kind = Percent
			}
		}
	}
	ml := measureLen(s, p)
	if ml > 0 && zhNotMeasure(s, start, p) {
		return p
	}
	if info.digitSeq && kind != Year && strings.HasPrefix(s[p:], "年级") {
		for k := start; k < end; k += len("一") { // 二四五年级: grades 2, 4 and 5
			d, _ := utf8.DecodeRuneInString(s[k:])
			sc.emit(k, k+len("一"), float64(zhDigit(d)), Number, false)
		}
		return end
	}
	if info.digitSeq && kind != Year {
		// 六四, 五四: a date named by its month and day digits
		if info.nSeq == 2 && ml == 0 {
			m, d := math.Floor(v/10), math.Mod(v, 10)
			if m >= 1 && d >= 1 && m != d {
				sc.emit(start, start+len("一"), m, Month, false)
				sc.emit(start+len("一"), end, d, Day, false)
			}
		}
		return end // 三五个, 一一: not a number
	}
	if info.weak && ml == 0 && !cardinal && !info.lead && zhLabel(s, start, end) {
		cardinal = true // 方法二, 章节三: Method 2, Section 3
	}
	if kind == Number && ml == 0 && integer && v >= 1 && v <= 31 && !info.arabic && prev != nil && prev.Kind == Month && prev.End == start && !liang {
		kind, cardinal = Day, true // 二月二, 农历十一月十一
	}
	if info.weak && ml == 0 && !cardinal {
		return end // 十分, 千万不要, 亿
	}
	if info.lone1 && prevRuneIs(s, start, '统', '唯', '进', '专', '同', '逐', '划', '单', '之', '惟', '归', '合', '不', '另', '这', '那', '每', '任', '某', '其', '又', '再', '均', '整') {
		return end // 统一, 唯一, 进一步, 之一, 这一年
	}
	if !approx {
		approx = zhApproxAfter(s, textEnd) || (ml > 0 && zhApproxAfter(s, p+ml))
	}
	if kind == Number && ml > 0 && strings.HasPrefix(s[p+ml:], "半") && !strings.HasPrefix(s[p+ml:], "半个") && !info.hasAlt {
		v += 0.5 // 一个半小时, 两年半: one and a half hours, two and a half years
	}
	sc.emit(start, textEnd, transform(v), kind, approx || info.hasAlt)
	if hi > 0 && kind == Number {
		q := &sc.out[len(sc.out)-1]
		q.Lo, q.Hi = lo, hi
	}
	sc.out[len(sc.out)-1].List = list
	if info.hasAlt {
		sc.emit(start, textEnd, transform(info.alt), kind, true)
	}
	if textEnd > p {
		return textEnd
	}
	return p
}

// zhLabels are the nouns that a numeral follows as a label: 方法二 is
// "Method 2", 章节三 "Section 3".
var zhLabels = [...]string{"方法", "方式", "步骤", "章节", "示例", "例子", "附录", "阶段", "方案", "选项", "部分", "级别", "等级", "层级", "版本", "场景", "规则", "样式", "类型", "模式", "问题", "案例"}

// zhLabel reports a lone numeral [start,end) after a label noun, ending
// the text or a phrase.
func zhLabel(s string, start, end int) bool {
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && r != '|' {
			return false
		}
	}
	for _, w := range zhLabels {
		if strings.HasSuffix(s[:start], w) {
			return true
		}
	}
	return false
}

// zhFromScratch reports 从 0 开始 around [start,end), quotes and spaces
// allowed: "from scratch".
func zhFromScratch(s string, start, end int) bool {
	before := strings.TrimRight(s[:start], " “\"「‘'")
	after := strings.TrimLeft(s[end:], " ”\"」’'")
	return strings.HasSuffix(before, "从") && strings.HasPrefix(after, "开始")
}

// zhTimeOfDay are the words before an hour that make it a time of day.
var zhTimeOfDay = [...]string{"上午", "下午", "晚上", "早上", "凌晨", "中午", "傍晚", "夜里", "夜间", "早晨", "清晨", "今晚", "明早", "晚", "早"}

// zhClock reads a time of day at [start,end), the hour, followed by 点
// or 點: 3点半, 六點半, 九点一刻, 下午5点30分, 三點鐘. The hour needs a minute
// or 钟 after it, or a time of day before it (早上七点): 三点建议 is three
// points. It emits the hour and the minutes other than :00 and returns
// the end of the time, or 0.
func (sc *scanner) zhClock(start, end int, v float64, info zhInfo) int {
	s := sc.s
	r, size := utf8.DecodeRuneInString(s[end:])
	if (r != '点' && r != '點') || !info.integer || info.hasAlt || info.digitSeq || v > 24 {
		return 0
	}
	e := end + size
	rest := s[e:]
	minutes, me := -1.0, e
	switch {
	case strings.HasPrefix(rest, "半"):
		minutes, me = 30, e+len("半")
	case strings.HasPrefix(rest, "一刻"):
		minutes, me = 15, e+len("一刻")
	case strings.HasPrefix(rest, "三刻"):
		minutes, me = 45, e+len("三刻")
	case strings.HasPrefix(rest, "钟"), strings.HasPrefix(rest, "鐘"), strings.HasPrefix(rest, "整"):
		minutes, me = 0, e+len("钟")
	default:
		if mv, mEnd, minfo, ok := sc.zhCore(e); ok && mEnd > e && minfo.integer && !minfo.digitSeq && mv < 60 {
			if strings.HasPrefix(s[mEnd:], "分") {
				minutes, me = mv, mEnd+len("分")
			} else if minfo.arabic {
				minutes, me = mv, mEnd // 3点30
			}
		}
	}
	if minutes < 0 {
		if info.lone1 {
			return 0 // 晚一点, 早一點: a little later, earlier
		}
		before := strings.TrimRight(s[:start], " ")
		ok := false
		for _, w := range zhTimeOfDay {
			if strings.HasSuffix(before, w) {
				ok = true
				break
			}
		}
		if !ok {
			return 0
		}
		minutes = 0
	}
	approx := sc.zhApproxBefore(start) || zhApproxAfter(s, me)
	sc.emit(start, end, v, Hour, approx)
	if minutes > 0 {
		sc.emit(e, me, minutes, Number, approx)
	}
	return me
}

// zhListStart reports whether the numeral at i opens a list item: it is at
// the start of the text or of a clause, or inside an opening bracket there
// (（二）).
func zhListStart(s string, i int) bool {
	j := i
	if r, n := utf8.DecodeLastRuneInString(s[:j]); r == '(' || r == '（' {
		j -= n
	}
	t := strings.TrimRight(s[:j], " \t　#") // ### 二、: a Markdown heading
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '：', ':', '；', ';', '，', ',', '。', '\n', '”', '】':
		return true
	}
	return false
}

// zhChengWord reports 成 starting a word (成为, 成立, 成功…) rather than
// meaning "tenths".
func zhChengWord(rest string) bool {
	for _, w := range [...]string{"成为", "成员", "成立", "成功", "成本", "成果", "成绩", "成长", "成熟", "成就", "成都", "成交", "成型", "成效", "成品", "成人", "成年", "成了", "成不变"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// zhNotMeasure reports a numeral and measure character that form a word:
// 四周 (all around; 四周年 is a fourth anniversary), 百度 (Baidu).
func zhNotMeasure(s string, start, p int) bool {
	core := s[start:p]
	rest := s[p:]
	switch {
	case core == "四" && strings.HasPrefix(rest, "周") && !strings.HasPrefix(rest, "周年"):
		return true
	case core == "百" && strings.HasPrefix(rest, "度"):
		return true
	}
	return false
}

// zhRangeUnit reads a range connector at p (至, 到, -, ~, ～, —) and the
// numeral after it, and returns the date unit that follows that numeral.
func (sc *scanner) zhRangeUnit(p int) (rune, bool) {
	s := sc.s
	rest := s[p:]
	n := 0
	for _, c := range [...]string{"至", "到", "-", "~", "～", "—", "－"} {
		if strings.HasPrefix(rest, c) {
			n = len(c)
			break
		}
	}
	if n == 0 {
		return 0, false
	}
	q := p + n
	if strings.HasPrefix(s[q:], "次年") || strings.HasPrefix(s[q:], "翌年") {
		return 0, false // 11月至次年2月 names its own months
	}
	_, e, info, ok := sc.zhCore(q)
	if !ok || e <= q || (info.weak && !info.arabic && info.lead) {
		return 0, false
	}
	if last, _ := utf8.DecodeLastRuneInString(s[q:e]); last == '万' || last == '亿' {
		return last, true // 4至6万: the scale of the second end
	}
	u, _ := utf8.DecodeRuneInString(s[e:])
	return u, true
}
