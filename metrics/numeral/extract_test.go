package numeral

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// w is one expected quantity: Text, Value, Kind and Approx.
type w struct {
	text   string
	v      float64
	k      Kind
	approx bool
}

type tcase struct {
	lang, in string
	want     []w
}

func fmtQs(qs []Quantity) string {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "[%q %g %s approx=%v] ", q.Text, q.Value, q.Kind, q.Approx)
	}
	return b.String()
}

func runCases(t *testing.T, cases []tcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.lang+"/"+c.in, func(t *testing.T) {
			got := Extract(c.in, c.lang)
			checkInvariants(t, c.in, got)
			ok := len(got) == len(c.want)
			for i := 0; ok && i < len(got); i++ {
				g, x := got[i], c.want[i]
				if g.Text != x.text || g.Kind != x.k || g.Approx != x.approx || math.Abs(g.Value-x.v) > 1e-9*math.Max(1, math.Abs(x.v)) {
					ok = false
				}
			}
			if !ok {
				t.Errorf("Extract(%q, %q)\n got: %s\nwant: %v", c.in, c.lang, fmtQs(got), c.want)
			}
		})
	}
}

func checkInvariants(t *testing.T, in string, qs []Quantity) {
	t.Helper()
	prev := 0
	for _, q := range qs {
		if q.Start < 0 || q.Start > q.End || q.End > len(in) {
			t.Fatalf("bad offsets %d..%d in %q (len %d)", q.Start, q.End, in, len(in))
		}
		if in[q.Start:q.End] != q.Text {
			t.Fatalf("Text %q != input[%d:%d] %q", q.Text, q.Start, q.End, in[q.Start:q.End])
		}
		if q.Start < prev {
			t.Fatalf("quantities out of order in %q: %s", in, fmtQs(qs))
		}
		prev = q.Start
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			t.Fatalf("non-finite value in %q: %s", in, fmtQs(qs))
		}
	}
}

func TestExtractArabic(t *testing.T) {
	runCases(t, []tcase{
		{"en", "60,000", []w{{"60,000", 60000, Number, false}}},
		{"en", "4.7", []w{{"4.7", 4.7, Number, false}}},
		{"en", "1,234.5", []w{{"1,234.5", 1234.5, Number, false}}},
		{"en", "1,234,567 people", []w{{"1,234,567", 1234567, Number, false}}},
		{"zh", "２０２４", []w{{"２０２４", 2024, Number, false}}},
		{"zh", "２0２4", []w{{"２0２4", 2024, Number, false}}}, // mixed widths
		{"zh", "增长３．５", []w{{"３．５", 3.5, Number, false}}},
		{"en", "In 2015.", []w{{"2015", 2015, Number, false}}},
		{"en", "costs $5.", []w{{"5", 5, Number, false}}},
		{"fr", "il y a 300 personnes et 4,5", []w{{"300", 300, Number, false}, {"4", 4, Number, false}, {"5", 5, Number, false}}},
		{"de", "zwei und 12%", []w{{"12%", 12, Percent, false}}}, // other languages: digits only, no words
		{"en", "from 2015-2016", []w{{"2015", 2015, Number, false}, {"2016", 2016, Number, false}}},
		{"en", "a 10-day visit", []w{{"10", 10, Number, false}}},
		{"en", "5km away", []w{{"5", 5, Number, false}}},
		{"en", "the 3rd and 21st", []w{{"3rd", 3, Ordinal, false}, {"21st", 21, Ordinal, false}}},
	})
}

func TestExtractChineseNumerals(t *testing.T) {
	runCases(t, []tcase{
		{"zh", "七亿", []w{{"七亿", 7e8, Number, false}}},
		{"zh", "7亿", []w{{"7亿", 7e8, Number, false}}},
		{"zh", "6万多", []w{{"6万", 60000, Number, true}}},
		{"zh", "5000亿", []w{{"5000亿", 5e11, Number, false}}},
		{"zh", "2500多", []w{{"2500", 2500, Number, true}}},
		{"zh", "一九八九年", []w{{"一九八九年", 1989, Year, false}}},
		{"zh", "二〇一六年", []w{{"二〇一六年", 2016, Year, false}}},
		{"zh", "两个", []w{{"两", 2, Number, false}}},
		{"zh", "零下", nil},
		{"zh", "十五", []w{{"十五", 15, Number, false}}},
		{"zh", "二十三", []w{{"二十三", 23, Number, false}}},
		{"zh", "一百零五", []w{{"一百零五", 105, Number, false}}},
		{"zh", "三千五百万", []w{{"三千五百万", 3.5e7, Number, false}}},
		{"zh", "一亿三千万", []w{{"一亿三千万", 1.3e8, Number, false}}},
		{"zh", "一万亿", []w{{"一万亿", 1e12, Number, false}}},
		{"zh", "一百五", []w{{"一百五", 150, Number, false}}},
		{"zh", "两万五", []w{{"两万五", 25000, Number, false}}},
		{"zh", "三点五亿", []w{{"三点五亿", 3.5e8, Number, false}}},
		{"zh", "1.5万", []w{{"1.5万", 15000, Number, false}}},
		{"zh", "3千万", []w{{"3千万", 3e7, Number, false}}},
		{"zh", "60多万", []w{{"60多万", 600000, Number, true}}},
		{"zh", "5倍", []w{{"5", 5, Number, false}}},
		{"zh", "30年", []w{{"30", 30, Number, false}}},
		{"zh", "2016年", []w{{"2016年", 2016, Year, false}}},
		{"zh", "400次", []w{{"400", 400, Number, false}}},
		{"zh", "十年", []w{{"十", 10, Number, false}}},
		{"zh", "十多年", []w{{"十", 10, Number, true}}},
		{"zh", "千万人", []w{{"千万", 1e7, Number, false}}},
		{"zh", "上万家", []w{{"万", 1e4, Number, true}}},
		{"zh", "第三届", []w{{"第三", 3, Ordinal, false}}},
		{"zh", "第15次", []w{{"第15", 15, Ordinal, false}}},
	})
}

func TestExtractChineseWordsAreNotNumbers(t *testing.T) {
	for _, in := range []string{
		"一起", "一样", "统一", "一些", "一旦", "一直", "进一步", "一般", "唯一", "一致", "一切", "万一", "一带一路",
		"十分重要", "万分感谢", "千万不要", "这一年", "之一", "两岸", "三五个", "一一",
		"亿", "十十", "亿万富翁", "统一部署", "一点", "一定", "唯一一个", "我會晚一點回來", "早一点", "三点建议",
		"十六进制数", "千米", "每千克", "7×24小时", "全天候",
	} {
		if got := Extract(in, "zh"); len(got) != 0 {
			t.Errorf("Extract(%q) = %s, want none", in, fmtQs(got))
		}
	}
	// 一 with a measure word is a (weak) 1; 第一 is ordinal 1.
	runCases(t, []tcase{
		{"zh", "一次", []w{{"一", 1, Number, false}}},
		{"zh", "第一", []w{{"第一", 1, Ordinal, false}}},
		{"zh", "一月", []w{{"一月", 1, Month, false}}},
	})
}

func TestExtractEnglishWords(t *testing.T) {
	runCases(t, []tcase{
		{"en", "one", []w{{"one", 1, Number, false}}},
		{"en", "nineteen", []w{{"nineteen", 19, Number, false}}},
		{"en", "ninety", []w{{"ninety", 90, Number, false}}},
		{"en", "twenty-three", []w{{"twenty-three", 23, Number, false}}},
		{"en", "twenty three", []w{{"twenty three", 23, Number, false}}},
		{"en", "a hundred", []w{{"a hundred", 100, Number, false}}},
		{"en", "three hundred and five", []w{{"three hundred and five", 305, Number, false}}},
		{"en", "one hundred and fifty thousand", []w{{"one hundred and fifty thousand", 150000, Number, false}}},
		{"en", "seven hundred million", []w{{"seven hundred million", 7e8, Number, false}}},
		{"en", "700 million", []w{{"700 million", 7e8, Number, false}}},
		{"en", "500 billion", []w{{"500 billion", 5e11, Number, false}}},
		{"en", "1.5 million", []w{{"1.5 million", 1.5e6, Number, false}}},
		{"en", "a dozen", []w{{"a dozen", 12, Number, false}}},
		{"en", "two dozen eggs", []w{{"two dozen", 24, Number, false}}},
		{"en", "five times", []w{{"five", 5, Number, false}}},
		{"en", "twice as fast", []w{{"twice", 2, Number, false}}},
		{"en", "a five-year plan", []w{{"five", 5, Number, false}}},
		{"en", "three-dimensional printing", nil},
		{"en", "one-sided", nil},
		{"en", "one two", []w{{"one", 1, Number, false}, {"two", 2, Number, false}}},
		{"en", "the third plenum and the twenty-first century", []w{{"third", 3, Ordinal, false}, {"twenty-first", 21, Ordinal, false}}},
		{"en", "a hundred and twenty", []w{{"a hundred and twenty", 120, Number, false}}},
		{"en", "hundreds of people", []w{{"hundreds", 100, Number, true}}}, // vague: never reported (TestExtractVague)
		{"en", "a book", nil},
		{"en", "A million reasons", []w{{"A million", 1e6, Number, false}}},
		{"en", "half a million", []w{{"half a million", 5e5, Number, false}}},
		{"en", "half an hour", nil},
	})
}

func TestExtractEnglishPronounOne(t *testing.T) {
	for _, in := range []string{
		"the one I like", "one of the best", "no one came", "someone came", "they love one another",
		"one's duty", "each one", "One of them", "one by one", "one can see", "a third party", "a quarter",
	} {
		if got := Extract(in, "en"); len(got) != 0 {
			t.Errorf("Extract(%q) = %s, want none", in, fmtQs(got))
		}
	}
}

func TestExtractPercentFraction(t *testing.T) {
	runCases(t, []tcase{
		{"zh", "百分之四点七", []w{{"百分之四点七", 4.7, Percent, false}}},
		{"zh", "百分之五十", []w{{"百分之五十", 50, Percent, false}}},
		{"zh", "百分之4.7", []w{{"百分之4.7", 4.7, Percent, false}}},
		{"zh", "4.7%", []w{{"4.7%", 4.7, Percent, false}}},
		{"zh", "50％", []w{{"50％", 50, Percent, false}}},
		{"zh", "一半", []w{{"一半", 0.5, Fraction, false}}},
		{"zh", "三分之一", []w{{"三分之一", 1.0 / 3, Fraction, false}}},
		{"zh", "四分之三", []w{{"四分之三", 0.75, Fraction, false}}},
		{"zh", "过半", []w{{"过半", 0.5, Fraction, true}}},
		{"zh", "百分百", []w{{"百分百", 100, Percent, false}}},
		{"en", "4.7%", []w{{"4.7%", 4.7, Percent, false}}},
		{"en", "4.7 percent", []w{{"4.7 percent", 4.7, Percent, false}}},
		{"en", "fifty per cent", []w{{"fifty per cent", 50, Percent, false}}},
		{"en", "half of them", []w{{"half", 0.5, Fraction, false}}},
		{"en", "one third", []w{{"one third", 1.0 / 3, Fraction, false}}},
		{"en", "a third of", []w{{"a third", 1.0 / 3, Fraction, false}}},
		{"en", "two-thirds", []w{{"two-thirds", 2.0 / 3, Fraction, false}}},
		{"en", "three quarters", []w{{"three quarters", 0.75, Fraction, false}}},
		{"en", "a quarter of them", []w{{"a quarter", 0.25, Fraction, false}}},
		{"en", "in the first half", []w{{"first", 1, Ordinal, false}}}, // "half" is not a fraction here
		{"en", "half-hearted", nil},
	})
}

func TestExtractDates(t *testing.T) {
	runCases(t, []tcase{
		{"zh", "2016年5月11日", []w{{"2016年", 2016, Year, false}, {"5月", 5, Month, false}, {"11日", 11, Day, false}}},
		{"zh", "2016年5月11日,外交部", []w{{"2016年", 2016, Year, false}, {"5月", 5, Month, false}, {"11日", 11, Day, false}}},
		{"zh", "5月11日", []w{{"5月", 5, Month, false}, {"11日", 11, Day, false}}},
		{"zh", "9月", []w{{"9月", 9, Month, false}}},
		{"zh", "十二月三号", []w{{"十二月", 12, Month, false}, {"三号", 3, Day, false}}},
		{"zh", "3个月", []w{{"3", 3, Number, false}}},
		{"zh", "18月", []w{{"18", 18, Number, false}}},
		{"en", "May 11, 2016", []w{{"May", 5, Month, false}, {"11", 11, Day, false}, {"2016", 2016, Year, false}}},
		{"en", "11 May 2016", []w{{"11", 11, Day, false}, {"May", 5, Month, false}, {"2016", 2016, Year, false}}},
		{"en", "on May 11.", []w{{"May", 5, Month, false}, {"11", 11, Day, false}}},
		{"en", "May 11th", []w{{"May", 5, Month, false}, {"11th", 11, Day, false}}},
		{"en", "the 11th of May", []w{{"11th", 11, Day, false}, {"May", 5, Month, false}}},
		{"en", "last September", []w{{"September", 9, Month, false}}},
		{"en", "in May 2016", []w{{"May", 5, Month, false}, {"2016", 2016, Year, false}}},
		{"en", "mid-September", []w{{"September", 9, Month, false}}},
		{"en", "Sept. 5", []w{{"Sept", 9, Month, false}, {"5", 5, Day, false}}},
	})
}

func TestExtractModalMayIsNotAMonth(t *testing.T) {
	runCases(t, []tcase{
		{"en", "May I help you?", nil},
		{"en", "It may rain in may", nil},
		{"en", "you may 5 times", []w{{"5", 5, Number, false}}},
		{"en", "May brings flowers", nil},
		// January, February and September to December are months
		// anywhere: no verb or name is spelled so (February has 28 days:
		// 二月有 28 天); May, March, April, June, July and August need a
		// date context.
		{"en", "September was hot", []w{{"September", 9, Month, false}}},
		{"en", "when February has 28 days", []w{{"February", 2, Month, false}, {"28", 28, Number, false}}},
		{"en", "April was hot", nil},
		{"en", "May 1,000 people come", []w{{"1,000", 1000, Number, false}}},
	})
}

func TestExtractApprox(t *testing.T) {
	runCases(t, []tcase{
		{"zh", "近7亿", []w{{"7亿", 7e8, Number, true}}},
		{"zh", "约5000", []w{{"5000", 5000, Number, true}}},
		{"zh", "大约有300人", []w{{"300", 300, Number, true}}},
		{"zh", "5000余家", []w{{"5000", 5000, Number, true}}},
		{"zh", "100人左右", []w{{"100", 100, Number, true}}},
		{"zh", "50%以上", []w{{"50%", 50, Percent, true}}},
		{"zh", "3个多月", []w{{"3", 3, Number, true}}},
		{"zh", "超过400次", []w{{"400", 400, Number, true}}},
		{"en", "nearly 700 million", []w{{"700 million", 7e8, Number, true}}},
		{"en", "almost 5", []w{{"5", 5, Number, true}}},
		{"en", "about five", []w{{"five", 5, Number, true}}},
		{"en", "around 30", []w{{"30", 30, Number, true}}},
		{"en", "over 60,000", []w{{"60,000", 60000, Number, true}}},
		{"en", "more than 400", []w{{"400", 400, Number, true}}},
		{"en", "some 500 people", []w{{"500", 500, Number, true}}},
		{"en", "roughly 20", []w{{"20", 20, Number, true}}},
		{"en", "approximately 20", []w{{"20", 20, Number, true}}},
		{"en", "nearly $5 billion", []w{{"5 billion", 5e9, Number, true}}},
		{"en", "60,000+ firms", []w{{"60,000", 60000, Number, true}}},
		{"en", "30 or more", []w{{"30", 30, Number, true}}},
		{"en", "forty-odd", []w{{"forty", 40, Number, true}}},
		{"en", "Over the past 30 years", []w{{"30", 30, Number, false}}},
	})
}

func TestExtractCodesAreSkipped(t *testing.T) {
	for _, c := range []struct{ lang, in string }{
		{"en", "P5"}, {"en", "3D printing"}, {"zh", "3D打印"}, {"en", "MP3 player"}, {"en", "COVID-19"},
		{"zh", "新冠COVID-19疫情"}, {"en", "H1N1"}, {"en", "v1.2"}, {"en", "IPv6"}, {"en", "see report2016.pdf"},
		{"en", "open 2016.pdf"}, {"en", "http://example.com/2016/05/11"}, {"zh", "见https://a.cn/p?id=42页面"},
		{"en", "mail john2@example.com"}, {"en", "%1$d files"}, {"en", "%2d"}, {"en", "version 1.2.3"},
		{"en", "192.168.0.1"}, {"en", "{0} items"}, {"en", "5G network"}, {"en", "file_2"}, {"en", "www.gov.cn/2016"},
	} {
		// A Code is allowed: it is never reported (see TestCodes).
		if got := nonCodes(Extract(c.in, c.lang)); len(got) != 0 {
			t.Errorf("Extract(%q, %q) = %s, want none", c.in, c.lang, fmtQs(got))
		}
	}
}

func nonCodes(qs []Quantity) []Quantity {
	var out []Quantity
	for _, q := range qs {
		if q.Kind != Code {
			out = append(out, q)
		}
	}
	return out
}

func TestExtractMalformed(t *testing.T) {
	runCases(t, []tcase{
		// A comma not followed by a full three-digit group is a separator.
		{"en", "1,2,3", []w{{"1", 1, Number, false}, {"2", 2, Number, false}, {"3", 3, Number, false}}},
		{"en", "1,23", []w{{"1", 1, Number, false}, {"23", 23, Number, false}}},
		{"en", "1,2345", []w{{"1", 1, Number, false}, {"2345", 2345, Number, false}}},
		{"en", "1.2.3", nil},
		{"zh", "十十", nil},
		{"zh", "亿", nil},
		{"en", "..5", []w{{"5", 5, Number, false}}},
		{"en", "5..", []w{{"5", 5, Number, false}}},
		{"en", strings.Repeat("9", 400), nil}, // an identifier, not a quantity
		{"en", "x " + strings.Repeat("1", 25) + " y", []w{{strings.Repeat("1", 25), 1111111111111111111111111.0, Number, false}}},
		{"zh", "三百五千", nil},
		{"zh", "零零", nil},
		{"zh", "一亿亿", nil},
		{"zh", "点五", nil},
		{"zh", "2016年,11", []w{{"2016年", 2016, Year, false}, {"11", 11, Number, false}}},
		{"en", "and, 5,", []w{{"5", 5, Number, false}}},
		{"en", "\xff\xfe5\xff", []w{{"5", 5, Number, false}}},
		{"zh", "\xe4\xb8", nil}, // truncated 一
	})
}

func TestExtractSeedSentences(t *testing.T) {
	runCases(t, []tcase{
		{"zh", "中国有近7亿网民,有6万多家信息技术企业", []w{{"7亿", 7e8, Number, true}, {"6万", 6e4, Number, true}}},
		{"en", "China has nearly 700 million netizens and over 60,000 IT companies", []w{{"700 million", 7e8, Number, true}, {"60,000", 6e4, Number, true}}},
		{"zh", "习近平主席去年9月访美期间", []w{{"9月", 9, Month, false}}},
		{"zh", "特别是人工智能、物联网和3D打印等技术", nil},
		{"en", "especially in artificial intelligence, IOT and three-dimensional printing", nil},
	})
}

// TestExtractWMT22Forms pins the forms that made the numbers check raise
// false alarms on the WMT22 zh–en test set.
func TestExtractWMT22Forms(t *testing.T) {
	runCases(t, []tcase{
		// full-width digits work wherever ASCII ones do
		{"zh", "新华社北京５月２０日电", []w{{"５月", 5, Month, false}, {"２０日", 20, Day, false}}},
		{"zh", "增长４００％", []w{{"４００％", 400, Percent, false}}},
		{"zh", "２０１６年", []w{{"２０１６年", 2016, Year, false}}},
		// a space between the number and %, 万, 亿, 年, 月
		{"zh", "增加了400 %", []w{{"400 %", 400, Percent, false}}},
		{"zh", "超过 820 万美元", []w{{"820 万", 8.2e6, Number, true}}},
		{"zh", "2021 年 1 月", []w{{"2021 年", 2021, Year, false}, {"1 月", 1, Month, false}}},
		{"zh", "2万4801张", []w{{"2万4801", 24801, Number, false}}},
		// ranges: the unit of the second end applies to the first
		{"zh", "3至6月", []w{{"3", 3, Month, false}, {"6月", 6, Month, false}}},
		{"zh", "7到10日", []w{{"7", 7, Day, false}, {"10日", 10, Day, false}}},
		{"zh", "11月至次年2月", []w{{"11月", 11, Month, false}, {"2月", 2, Month, false}}},
		// adjacent numerals: "d or d+1"; three or more: a list
		{"zh", "百分之七八十", []w{{"百分之七八十", 70, Percent, true}, {"百分之七八十", 80, Percent, true}}},
		{"zh", "三四个", []w{{"三四", 3, Number, true}, {"三四", 4, Number, true}}},
		{"zh", "十七八岁", []w{{"十七八", 17, Number, true}, {"十七八", 18, Number, true}}},
		{"zh", "三四", nil},
		{"zh", "三四五六年级", []w{{"三", 3, Number, false}, {"四", 4, Number, false}, {"五", 5, Number, false}, {"六", 6, Number, false}}},
		{"zh", "二四五年级", []w{{"二", 2, Number, false}, {"四", 4, Number, false}, {"五", 5, Number, false}}},
		// political ordinals and plans
		{"zh", "十九届六中全会", []w{{"十九", 19, Ordinal, false}, {"六", 6, Ordinal, false}}},
		{"zh", "“十四五”开局", []w{{"十四", 14, Ordinal, false}, {"五", 5, Number, false}}},
		{"zh", "一是后发优势；二是文化优势", []w{{"一", 1, Ordinal, false}, {"二", 2, Ordinal, false}}},
		// list enumerators
		{"zh", "(一)参加", []w{{"一", 1, Ordinal, false}}},
		{"zh", "（二）参加", []w{{"二", 2, Ordinal, false}}},
		{"zh", "二、虽然", []w{{"二", 2, Ordinal, false}}},
		{"zh", "2、瑞士", []w{{"2", 2, Ordinal, false}}},
		{"zh", "统一、规范", nil},
		// words that are not numbers
		{"zh", "四周连司机都找不到", nil},
		{"zh", "成立四周年", []w{{"四", 4, Number, false}}},
		{"zh", "请百度一下", nil},
		{"zh", "两日", []w{{"两", 2, Number, false}}},
		// counts and shares
		{"zh", "等了一个半小时", []w{{"一", 1.5, Number, false}}},
		{"zh", "两年半", []w{{"两", 2.5, Number, false}}},
		{"zh", "两百万", []w{{"两百万", 2e6, Number, false}}},
		{"zh", "十余载", []w{{"十", 10, Number, true}}},
		{"zh", "占四成以上", []w{{"四成", 40, Percent, true}}},
		{"zh", "一成不变", nil},
		{"zh", "尽百分二百的力", []w{{"百分二百", 200, Percent, false}}},
		{"zh", "每万字", []w{{"万", 1e4, Number, false}}},
		{"zh", "整箱四瓶", []w{{"四", 4, Number, false}}},
		// dates and decades
		{"zh", "上世纪80年代", []w{{"80年代", 1980, Year, false}}},
		{"zh", "20世纪六七十年代", []w{{"20世纪六七十年代", 1960, Year, true}, {"20世纪六七十年代", 1970, Year, true}}},
		{"zh", "八十年代", []w{{"八十年代", 1980, Year, false}}},
		{"zh", "95后", []w{{"95后", 1995, Year, false}}},
		{"zh", "六四难属", []w{{"六", 6, Month, false}, {"四", 4, Day, false}}},
		{"zh", "二月二龙抬头", []w{{"二月", 2, Month, false}, {"二", 2, Day, false}}},
		{"zh", "超级玛丽5号", []w{{"5号", 5, Ordinal, false}}},
		{"zh", "已经 3 日没有回复", []w{{"3", 3, Number, false}}},
		{"zh", "2021.6.11部分", []w{{"2021", 2021, Year, false}, {"6", 6, Month, false}, {"11", 11, Day, false}}},
		{"en", "on 2022-01-17", []w{{"2022", 2022, Year, false}, {"01", 1, Month, false}, {"17", 17, Day, false}}},
		{"en", "in the 1980s", []w{{"1980", 1980, Year, false}}},
		{"en", "in early 20s", []w{{"20", 20, Number, true}}},
		{"en", "March to June", []w{{"March", 3, Month, false}, {"June", 6, Month, false}}},
		{"en", "November to February of next year", []w{{"November", 11, Month, false}, {"February", 2, Month, false}}},
		// clock times: the hour, and the minutes only when not :00
		{"en", "at about 10:00 am", []w{{"10:00", 10, Hour, true}}},
		{"en", "at 10:30", []w{{"10:30", 10, Hour, false}, {"30", 30, Number, false}}},
		{"zh", "15:00", []w{{"15:00", 15, Hour, false}}},
		// English
		{"en", "one and a half hours", []w{{"one and a half", 1.5, Number, false}}},
		{"en", "a million-level sports car", []w{{"a million", 1e6, Number, false}}},
		{"en", "one-hundred-year struggle", []w{{"one-hundred", 100, Number, false}}},
		{"en", "rarely seen in a century", []w{{"a century", 100, Number, false}}},
		{"en", "the centenary of", []w{{"centenary", 100, Number, false}}},
		{"en", "17th-18th century", []w{{"17th", 17, Ordinal, false}, {"18th", 18, Ordinal, false}}},
		{"en", "waterproof for 30m, 2.9s", []w{{"30", 30, Number, false}, {"2.9", 2.9, Number, false}}},
	})
}

// TestCodes: digits glued to letters name a model or version; they give a
// Code, which matches a number of the same value on the other side.
func TestCodes(t *testing.T) {
	runCases(t, []tcase{
		{"zh", "安装了windows11和office2019", []w{{"windows11", 11, Code, false}, {"office2019", 2019, Code, false}}},
		{"zh", "为什么叫LP700？", []w{{"LP700", 700, Code, false}}},
		{"zh", "6.5 v12引擎", []w{{"6.5", 6.5, Number, false}, {"v12", 12, Code, false}}},
		{"zh", "42度500ML", []w{{"42", 42, Number, false}, {"500", 500, Code, false}}},
		{"zh", "和平救援-2021", []w{{"2021", 2021, Number, false}}},
		{"en", "Peaceful Rescue-2021", []w{{"Rescue-2021", 2021, Code, false}}},
		{"en", "H1N1 and v1.2.3", nil},
	})
	for _, c := range []struct{ zh, en string }{
		{"安装了windows11和office2019", "windows 11 and office 2019 have been installed"},
		{"6.5 v12引擎", "the 6.5 V12 engine"},
		{"和平救援-2021", "Peaceful Rescue-2021"},
	} {
		m, e := Compare(Extract(c.zh, "zh"), Extract(c.en, "en"))
		if len(m)+len(e) != 0 {
			t.Errorf("%q / %q: missing %s extra %s", c.zh, c.en, fmtQs(m), fmtQs(e))
		}
	}
}

// TestExtractDocForms pins forms of technical documentation that made the
// numbers check raise false alarms on ant-design and echarts-doc.
func TestExtractDocForms(t *testing.T) {
	runCases(t, []tcase{
		// an issue or a colour after '#' names something: a Code
		{"en", "Issue #58884 created", []w{{"58884", 58884, Code, false}}},
		{"en", "mapped onto '#333'", []w{{"333", 333, Code, false}}},
		// a percent-encoded URL is no percentage
		{"en", "~Get%20Started%20in%205%20minutes", []w{{"5", 5, Number, false}}},
		{"en", "%E5%88%86 5% off", []w{{"5%", 5, Percent, false}}},
		{"zh", "增长5%", []w{{"5%", 5, Percent, false}}},
		// versions, sizes, money, times
		{"en", "from 4.x to 5.x", []w{{"4.x", 4, Code, false}, {"5.x", 5, Code, false}}},
		{"en", "a 5x8 grid of 1024x768x3", []w{{"5", 5, Number, false}, {"8", 8, Number, false},
			{"1024", 1024, Number, false}, {"768", 768, Number, false}, {"3", 3, Number, false}}},
		{"en", "0x1F", nil},
		{"en", "3x faster", []w{{"3", 3, Number, false}}},
		{"en", "a £75m deal", []w{{"75m", 75e6, Number, false}}},
		{"en", "$2.5bn", []w{{"2.5bn", 2.5e9, Number, false}}},
		{"en", "75m long", []w{{"75", 75, Number, false}}},
		{"en", "costs 99p, 1080p video", []w{{"99p", 99, Number, false}}},
		{"en", "at 5.30pm", []w{{"5", 5, Hour, false}, {"30", 30, Number, false}}},
		{"en", "at 9 p.m.", []w{{"9", 9, Hour, false}}},
		{"en", "at 5:30 pm", []w{{"5:30", 5, Hour, false}, {"30", 30, Number, false}}},
		{"en", "open 24/7 and 24/7/365", nil},
		{"en", "six decades", []w{{"six decades", 60, Number, false}}},
		{"en", "6 decades", []w{{"6 decades", 60, Number, false}}},
		{"en", "half a century", []w{{"half a century", 50, Number, false}}},
		{"en", "call `five` or obj.five()", nil},
		{"zh", "下午5点半", []w{{"5", 5, Hour, false}, {"半", 30, Number, false}}},
		{"zh", "九点五十分", []w{{"九", 9, Hour, false}, {"五十分", 50, Number, false}}},
		{"zh", "三點鐘", []w{{"三", 3, Hour, false}}},
		{"zh", "早上七点", []w{{"七", 7, Hour, false}}},
		{"zh", "四点七", []w{{"四点七", 4.7, Number, false}}},
		{"zh", "200多万美元", []w{{"200多万", 2e6, Number, true}}},
		{"zh", "5 千米", []w{{"5", 5, Number, false}}},
		{"zh", "在 19 世纪 80 年代", []w{{"19 世纪 80 年代", 1880, Year, false}}},
		{"zh", "半个世纪", []w{{"半个世纪", 50, Number, false}}},
		{"zh", "隔上十天半个月", []w{{"十", 10, Number, false}}},
		// list enumerators
		{"en", "1. OMEGA watches", []w{{"1", 1, Ordinal, false}}},
		{"en", "meanings;</div>\n      <div>3.", []w{{"3", 3, Ordinal, false}}},
		{"en", "It takes 5. Then", []w{{"5", 5, Number, false}}},
		{"zh", "章节二", []w{{"二", 2, Number, false}}},
		{"zh", "占用每页的两行", []w{{"两", 2, Number, false}}},
	})
}

// TestExtractVague: 十几, 几十, "hundreds of" name no definite value; they
// give a Vague quantity with the bounds it allows, which may match a
// number of the other side and is never reported (十几个 is not "none":
// "a dozen" renders it).
func TestExtractVague(t *testing.T) {
	for _, c := range []struct {
		lang, in, text string
		lo, hi         float64
	}{
		{"zh", "十几个", "十几", 11, 19},
		{"zh", "十几千", "十几千", 11000, 19000},
		{"zh", "二十几岁", "二十几", 21, 29},
		{"zh", "几十个", "几十", 10, 90},
		{"zh", "数百万", "数百万", 1e6, 9e6},
		{"zh", "上万人", "万", 1e4, 99999},
		{"zh", "从 0 开始创建", "0", 0, 0},
		{"en", "hundreds of people", "hundreds", 100, 999},
		{"en", "tens of thousands of", "tens of thousands", 1e4, 99999},
		{"en", "millions of data", "millions", 1e6, 1e9 - 1},
		{"en", "tens millions of data", "tens millions", 1e7, 1e8 - 1},
		{"en", "Ten millions of GIS data", "Ten millions", 1e7, 1e8},
		{"en", "dozens of countries", "dozens", 13, 99},
		{"en", "for decades", "decades", 20, 99},
	} {
		got := Extract(c.in, c.lang)
		if len(got) != 1 || !got[0].Vague || got[0].Text != c.text || got[0].Lo != c.lo || got[0].Hi != c.hi {
			t.Errorf("Extract(%q, %q) = %s (bounds %v), want one vague %q from %g to %g", c.in, c.lang, fmtQs(got), bounds2(got), c.text, c.lo, c.hi)
		}
	}
}

func bounds2(qs []Quantity) [][2]float64 {
	var out [][2]float64
	for _, q := range qs {
		out = append(out, [2]float64{q.Lo, q.Hi})
	}
	return out
}
