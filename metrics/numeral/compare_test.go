package numeral

import (
	"strconv"
	"testing"
	"unicode/utf8"
)

// TestAcceptanceSeedPairs pins the behaviour the project needs on its seed
// document: these translations carry the same quantities.
func TestAcceptanceSeedPairs(t *testing.T) {
	pairs := []struct{ zh, en string }{
		{"中国有近7亿网民,有6万多家信息技术企业", "China has nearly 700 million netizens and over 60,000 IT companies"},
		{"总市值近5000亿美元", "with a total market value of nearly 500 billion US dollars"},
		{"过去30年,美国数字产业增长速度是传统产业的5倍", "Over the past 30 years, the US digital industry grew five times as fast as traditional industries"},
		{"2015年美国数字经济总产值已占国内生产总值的4.7%", "In 2015, the US digital economy accounted for 4.7% of its GDP"},
		{"中国网站平均每天遭受近400次大规模网络攻击", "Chinese websites suffer nearly 400 large-scale cyber attacks every day"},
		{"2016年5月11日,外交部军控司司长王群", "Wang Qun ... on May 11, 2016."},
		{"习近平主席去年9月访美期间", "President Xi Jinping's state visit to the United States last September"},
		{"其中一半以上", "more than half of them"},
		{"占50%", "half"},
		{"特别是人工智能、物联网和3D打印等技术", "especially in artificial intelligence, IOT and three-dimensional printing"},
		// beyond the seed document
		{"2016年5月11日", "11 May 2016"},
		{"5月11日", "May 11"},
		{"三分之一", "one third"},
		{"三分之一", "33.3%"},
		{"一半", "50%"},
		{"七亿", "700 million"},
		{"两个国家", "two countries"},
		{"一家公司", "a company"}, // 一 ↔ "a": value 1 in words is not reported
		{"第一次会议", "the first meeting"},
		{"6万多家", "60,000 firms"},
		{"三百零五", "three hundred and five"},
		{"二十三", "twenty-three"},
	}
	for _, p := range pairs {
		src, tgt := Extract(p.zh, "zh"), Extract(p.en, "en")
		missing, extra := Compare(src, tgt)
		if len(missing) != 0 || len(extra) != 0 {
			t.Errorf("%q / %q\n src: %s\n tgt: %s\n missing: %s\n extra: %s", p.zh, p.en, fmtQs(src), fmtQs(tgt), fmtQs(missing), fmtQs(extra))
		}
	}
}

func TestAcceptanceDifferences(t *testing.T) {
	// The date is missing from the translation.
	src := Extract("5月11日,中美网络空间国际规则高级别专家组首次会议在华盛顿成功举行", "zh")
	tgt := Extract("Today, the US and China are to launch, in Washington DC, their inaugural meeting", "en")
	missing, extra := Compare(src, tgt)
	if len(extra) != 0 || len(missing) != 2 ||
		missing[0].Kind != Month || missing[0].Value != 5 || missing[1].Kind != Day || missing[1].Value != 11 {
		t.Errorf("date: missing %s extra %s; want month 5 and day 11 missing", fmtQs(missing), fmtQs(extra))
	}

	missing, extra = Compare(Extract("7亿", "zh"), Extract("70 million", "en"))
	if len(missing) != 1 || missing[0].Value != 7e8 || len(extra) != 1 || extra[0].Value != 7e7 {
		t.Errorf("7亿/70 million: missing %s extra %s", fmtQs(missing), fmtQs(extra))
	}

	missing, extra = Compare(Extract("三个", "zh"), Extract("four", "en"))
	if len(missing) != 1 || missing[0].Value != 3 || len(extra) != 1 || extra[0].Value != 4 {
		t.Errorf("三个/four: missing %s extra %s", fmtQs(missing), fmtQs(extra))
	}
}

// q is a quantity written with digits; small counts in words have their own tests.
func q(v float64, k Kind, approx bool) Quantity {
	return Quantity{Value: v, Kind: k, Approx: approx, Text: strconv.FormatFloat(v, 'g', -1, 64)}
}

func TestCompare(t *testing.T) {
	cases := []struct {
		name             string
		src, tgt         []Quantity
		nMissing, nExtra int
	}{
		{"equal", []Quantity{q(5, Number, false)}, []Quantity{q(5, Number, false)}, 0, 0},
		// Match pairs as multisets (TestMatchMultiset); a value stated
		// on both sides, fewer times on one, is a repetition, not a change.
		{"repeated in source", []Quantity{q(5, Number, false), q(5, Number, false)}, []Quantity{q(5, Number, false)}, 0, 0},
		{"repeated in target", []Quantity{q(5, Number, false)}, []Quantity{q(5, Number, false), q(5, Number, false)}, 0, 0},
		{"repeated and changed", []Quantity{q(5, Number, false), q(5, Number, false)}, []Quantity{q(5, Number, false), q(6, Number, false)}, 0, 1},
		{"float rounding", []Quantity{q(0.1+0.2, Number, false)}, []Quantity{q(0.3, Number, false)}, 0, 0},
		{"exact differs", []Quantity{q(60000, Number, false)}, []Quantity{q(61000, Number, false)}, 1, 1},
		{"approx within 15%", []Quantity{q(60000, Number, true)}, []Quantity{q(65000, Number, false)}, 0, 0},
		{"approx beyond 15%", []Quantity{q(60000, Number, true)}, []Quantity{q(70000, Number, false)}, 1, 1},
		{"approx target", []Quantity{q(400, Number, false)}, []Quantity{q(390, Number, true)}, 0, 0},
		{"percent = fraction", []Quantity{q(50, Percent, false)}, []Quantity{q(0.5, Fraction, false)}, 0, 0},
		{"percent != number", []Quantity{q(50, Percent, false)}, []Quantity{q(50, Number, false)}, 1, 1},
		{"year = number", []Quantity{q(2015, Year, false)}, []Quantity{q(2015, Number, false)}, 0, 0},
		{"month != number", []Quantity{q(5, Month, false)}, []Quantity{q(5, Number, false)}, 1, 1},
		{"day = ordinal", []Quantity{q(11, Day, false)}, []Quantity{q(11, Ordinal, false)}, 0, 0},
		{"day != number", []Quantity{q(11, Day, false)}, []Quantity{q(11, Number, false)}, 1, 1},
		{"month exact even if approx", []Quantity{q(5, Month, true)}, []Quantity{q(6, Month, false)}, 1, 1},
		{"exact pairs first", []Quantity{q(100, Number, true), q(110, Number, false)}, []Quantity{q(110, Number, false), q(95, Number, false)}, 0, 0},
		{"empty", nil, nil, 0, 0},
	}
	for _, c := range cases {
		m, e := Compare(c.src, c.tgt)
		if len(m) != c.nMissing || len(e) != c.nExtra {
			t.Errorf("%s: missing %s extra %s; want %d missing, %d extra", c.name, fmtQs(m), fmtQs(e), c.nMissing, c.nExtra)
		}
	}
}

// TestMatchMultiset: two 5s in the source need two 5s in the target.
func TestMatchMultiset(t *testing.T) {
	five := q(5, Number, false)
	if m, e := Match([]Quantity{five, five}, []Quantity{five}); len(m) != 1 || len(e) != 0 {
		t.Errorf("5 5 / 5: missing %s extra %s; want one 5 missing", fmtQs(m), fmtQs(e))
	}
	if m, e := Match([]Quantity{five}, []Quantity{five, five}); len(m) != 0 || len(e) != 1 {
		t.Errorf("5 / 5 5: missing %s extra %s; want one 5 extra", fmtQs(m), fmtQs(e))
	}
}

func TestMatchManyQuantities(t *testing.T) {
	// More than the stack buffers hold.
	var a, b []Quantity
	for i := 0; i < 50; i++ {
		a = append(a, q(float64(i), Number, false))
		b = append(b, q(float64(49-i), Number, false))
	}
	b = append(b, q(7, Number, false))
	m, e := Match(a, b)
	if len(m) != 0 || len(e) != 1 || e[0].Value != 7 {
		t.Errorf("missing %s extra %s", fmtQs(m), fmtQs(e))
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"中国有近7亿网民,有6万多家信息技术企业",
		"2016年5月11日,外交部",
		"May 11, 2016 and 11 May",
		"1,2,3 1.2.3 ..5 1,23",
		"百分之四点七 三分之一 十十 亿 万一",
		"three hundred and five, twenty-three",
		"http://x.com/2016 a@b.com %1$d v1.2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"zh", "en", "fr"} {
			qs := Extract(s, lang)
			checkInvariants(t, s, qs)
			for _, q := range qs {
				if q.Start == q.End && q.Text != "" {
					t.Fatalf("empty span with text %q", q.Text)
				}
				if utf8.ValidString(s) && !utf8.ValidString(q.Text) {
					t.Fatalf("Text %q splits a rune of %q", q.Text, s)
				}
			}
			Compare(qs, qs)
		}
	})
}

func TestExtractNeverPanicsOnPrefixes(t *testing.T) {
	// Every byte prefix of tricky inputs (cuts runes and numbers in half).
	for _, s := range []string{
		"近7亿，6万多家,2016年5月11日,百分之四点七,三分之一,第十五届,一九八九年,２０２４％",
		"nearly 700 million, May 11th, 2016; two-thirds; a hundred and five; 4.7 per cent; COVID-19",
		"1. a £75m deal at 5.30pm, 9 p.m., 24/7/365, 5x8x2, 99p, 12 to 14 million, post-90s, 4.x <div>3.",
		"下午5点半，九点一刻，十几千，200多万，4至6万，19 世纪 80 年代，从 0 开始，章节二，十六进制，5 千米",
	} {
		for i := 0; i <= len(s); i++ {
			for _, lang := range []string{"zh", "en", "xx"} {
				checkInvariants(t, s[:i], Extract(s[:i], lang))
			}
		}
	}
}

var benchSentence = "2016年5月11日,中美网络空间国际规则高级别专家组首次会议在华盛顿举行。中国有近7亿网民,有6万多家信息技术企业, " +
	"总市值近5000亿美元,过去30年增长了5倍; China has nearly 700 million netizens and over 60,000 IT companies, 4.7% of GDP on May 11, 2016, twice the rate of 2015."

func BenchmarkExtract(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchSentence)))
	for i := 0; i < b.N; i++ {
		Extract(benchSentence, "zh")
		Extract(benchSentence, "en")
	}
}

func TestBenchSentenceSize(t *testing.T) {
	if n := utf8.RuneCountInString(benchSentence); n < 180 || n > 260 {
		t.Errorf("benchmark sentence has %d characters, want about 200", n)
	}
}

// TestCompareSmallCountsAndImplicitMonths pins the reporting policy: a
// small count in words on one side only is not reported, a changed one is;
// an English month that makes a Chinese bare day explicit is not reported.
func TestCompareSmallCountsAndImplicitMonths(t *testing.T) {
	cases := []struct {
		zh, en           string
		nMissing, nExtra int
	}{
		{"三大技术", "the three technologies", 0, 0},                  // 三大 is not a count; "three" is small
		{"货比三家", "compare all the companies", 0, 0},               // 三家 dropped: small
		{"六个热搜", "three trending topics", 1, 1},                   // substitution: reported
		{"三个", "30", 1, 1},                                        // digits are never small
		{"这 1 个小时", "during this hour", 0, 0},                     // a 1, even in digits, is weak
		{"各１名", "1 music, 1 art and 1 PE teacher", 0, 0},          // so are added 1s
		{"伊朗总统莱希11日说", "the president said on December 11", 0, 0}, // implicit month made explicit
		{"5月11日", "on June 11", 1, 1},                             // a changed month is still reported
		{"5月11日", "on December 11", 1, 1},                         // the source names its month
		{"事半功倍", "half the work with double results", 0, 0},       // a fraction in words is small
		{"占一半", "40%", 1, 1},                                      // unless it was changed
		{"百年未有之大变局", "changes unseen in a century", 0, 0},
		{"保万家洁净", "keep thousands of houses clean", 0, 0}, // a lone 万 is small
	}
	for _, c := range cases {
		m, e := Compare(Extract(c.zh, "zh"), Extract(c.en, "en"))
		if len(m) != c.nMissing || len(e) != c.nExtra {
			t.Errorf("%q / %q: missing %s extra %s; want %d missing, %d extra", c.zh, c.en, fmtQs(m), fmtQs(e), c.nMissing, c.nExtra)
		}
	}
}

// pairCase is a source sentence, its translation and how many quantities
// Compare must report missing and extra.
type pairCase struct {
	srcLang, src, tgtLang, tgt string
	nMissing, nExtra           int
}

func runPairCases(t *testing.T, cases []pairCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.src+"/"+c.tgt, func(t *testing.T) {
			src, tgt := Extract(c.src, c.srcLang), Extract(c.tgt, c.tgtLang)
			m, e := Compare(src, tgt)
			if len(m) != c.nMissing || len(e) != c.nExtra {
				t.Errorf("%q / %q\n src: %s\n tgt: %s\n missing: %s\n extra: %s\nwant %d missing, %d extra",
					c.src, c.tgt, fmtQs(src), fmtQs(tgt), fmtQs(m), fmtQs(e), c.nMissing, c.nExtra)
			}
		})
	}
}

// TestCompareEquivalentForms: professional translations write the same
// value in another form; none of these is a difference. The last cases of
// each group are real changes that must still be reported.
func TestCompareEquivalentForms(t *testing.T) {
	runPairCases(t, []pairCase{
		// a value repeated on one side
		{"en", "3 or more items", "zh", "3 件及 3 件以上", 0, 0},
		{"en", "not the latest 6.4, which contains loaders", "zh", "不是最新的 6.4，6.4 包含的 loader", 0, 0},
		{"en", "3 apples and 3 pears", "zh", "3 个苹果和 4 个梨", 0, 1},
		// an English month for a Chinese day of the current month, both ways
		{"en", "was delivered on December 6, and handed over on December 8", "zh", "已经于本月6日运抵，过后于8日交给印刷公司", 0, 0},
		{"en", "reported on December 10 for the first time", "zh", "10日首次报告", 0, 0},
		{"zh", "伊朗总统莱希11日说", "en", "the president said on December 11", 0, 0},
		{"en", "held from December 8 to 12", "zh", "12月8日至10日举行", 1, 1},
		{"en", "on December 10", "zh", "11月10日", 1, 1},
		// amounts of money and scales
		{"en", "a £75m deal", "zh", "一笔7500万英镑的交易", 0, 0},
		{"en", "$2 million", "zh", "200多万美元", 0, 0},
		{"en", "$2.5 million", "zh", "200多万美元", 0, 0},
		{"en", "130 groups", "zh", "１３０多个团体", 0, 0},
		{"en", "$3.5 million", "zh", "200多万美元", 1, 1},
		{"en", "a £75m deal", "zh", "一笔750万英镑的交易", 1, 1},
		{"en", "costs 99p", "zh", "售价 99 便士", 0, 0},
		{"en", "costs 99p", "zh", "售价 89 便士", 1, 1},
		// times of day
		{"en", "at 5.30pm", "zh", "下午5点半", 0, 0},
		{"en", "at 5.30pm", "zh", "5:30", 0, 0},
		{"en", "at 17:30", "zh", "下午5点半", 0, 0},
		{"en", "It's 3:30.", "zh", "3点半了。", 0, 0},
		{"en", "It's already 7:00.", "zh", "已经是早上七点了。", 0, 0},
		{"en", "I'll return at 6:30.", "zh", "我六點半回來。", 0, 0},
		{"en", "She got in at 9 p.m.", "zh", "她晚上九點鐘上了車。", 0, 0},
		{"en", "Be sure to come at 3.", "zh", "務必在三點鐘來。", 0, 0},
		{"en", "at 9:15", "zh", "九点一刻", 0, 0},
		{"en", "at 5.30pm", "zh", "下午6点半", 1, 1},
		{"en", "at 3:30", "zh", "3点45分", 1, 1},
		// decades, centuries and durations
		{"en", "in the 1880s", "zh", "在19世纪80年代", 0, 0},
		{"en", "in the 1880s", "zh", "在 19 世纪 80 年代", 0, 0},
		{"en", "for 6 decades", "zh", "60 年来", 0, 0},
		{"en", "for six decades", "zh", "六十年来", 0, 0},
		{"en", "in a decade", "zh", "十年内", 0, 0},
		{"en", "half a century", "zh", "半个世纪", 0, 0},
		{"en", "for decades", "zh", "几十年来", 0, 0},
		{"en", "in the 1890s", "zh", "在19世纪80年代", 1, 1},
		{"en", "for 6 decades", "zh", "50 年来", 1, 1},
		// idioms and sizes
		{"en", "open 24/7", "zh", "全天候开放", 0, 0},
		{"en", "24/7 support", "zh", "7×24小时支持", 0, 0},
		{"en", "a 5x8 grid", "zh", "5×8 网格", 0, 0},
		{"en", "1024x768 pixels", "zh", "1024×768 像素", 0, 0},
		{"en", "a 5x8 grid", "zh", "5×9 网格", 1, 1},
		// dotted dates and episodes
		{"en", "on 18.12", "zh", "12月18日", 0, 0},
		{"en", "6.1 children's day", "zh", "六一儿童节", 0, 0},
		{"en", "episode 2.10", "zh", "第二季第10集", 0, 0},
		{"en", "on 18.12", "zh", "12月19日", 1, 2},
		// vague counts
		{"en", "a dozen people", "zh", "十几个人", 0, 0},
		{"en", "a road tax of around a dozen thousand each year; a four-wheel drive", "zh", "一年的路税马币十几千，四轮驱动", 0, 0},
		{"en", "dozens of countries", "zh", "几十个国家", 0, 0},
		{"en", "rendering millions of data", "zh", "大数据量（百万以上）的渲染", 0, 0},
		{"en", "up to tens millions of data", "zh", "最高达千万级数据量", 0, 0},
		{"en", "Ten millions of GIS data", "zh", "几千万的地理坐标数据", 0, 0},
		{"en", "hundreds MB", "zh", "上百 MB", 0, 0},
		// ranges: the unit of the second end applies to the first
		{"zh", "可达1200万至1400万人次", "en", "12 to 14 million visitors", 0, 0},
		{"zh", "约180亿至210亿新元", "en", "about 18 to 21 billion dollars", 0, 0},
		{"zh", "约50%至52%的水平", "en", "about 50 to 52 per cent", 0, 0},
		{"zh", "约4至6万人", "en", "40,000-60,000 people", 0, 0},
		{"zh", "可达1200万至1400万人次", "en", "13 to 14 million visitors", 1, 1},
		{"zh", "来自广东的“90后”女生", "en", "a post-90s girl from Guangdong", 0, 0},
		{"zh", "载有20枚导弹和数十枚核弹头", "en", "carries 40 missiles and dozens of warheads", 1, 1},
		{"zh", "连续几十年，每个月几天24小时流血", "en", "you bleed 44 hours a few days a month for dozens of years", 1, 1},
		// words that are no numbers
		{"en", "5 km away", "zh", "5 千米外", 0, 0},
		{"en", "every kilometre", "zh", "每千米", 0, 0},
		{"en", "a 10 kg bag", "zh", "10千克的袋子", 0, 0},
		{"en", "hexadecimal numbers", "zh", "十六进制数", 0, 0},
		{"en", "call `five` twice", "zh", "调用两次", 0, 0},
		{"en", "from scratch", "zh", "从 0 开始", 0, 0},
		{"en", "the numbers in arrays start at 0", "zh", "数组是从 0 开始的", 0, 0},
		{"en", "The numbers start with zero: the numbers in arrays start at 0.", "zh", "从零开始编号：数组是从 0 开始的。", 0, 0},
		{"en", "reply after ten days and a half months", "zh", "隔上十天半个月再回复", 0, 0},
		{"en", "Section Level 2", "zh", "章节二", 0, 0},
		{"en", "Method 2", "zh", "方法二", 0, 0},
		{"en", "It takes 2 lines of the page.", "zh", "占用每页的两行。", 0, 0},
		{"en", "from version 4.x to 5.x", "zh", "从 4.x 到 5.x", 0, 0},
		{"en", "in ECharts 2.x", "zh", "在 ECharts 2.x 中", 0, 0},
		{"en", "Section Level 5", "zh", "章节一", 1, 0},
		{"en", "Method 2 (ConfigProvider)", "zh", "方式二 (ConfigProvider)", 0, 0},
		{"en", "Sect2", "zh", "第2节", 0, 0},
		{"en", "`14px` is used for the first level", "zh", "14 号字体用在一级导航中", 0, 0},
		{"en", "assuming February has 28 days", "zh", "假定二月有 28 天", 0, 0},
		{"en", "next to zero-sized panels", "zh", "相邻面板尺寸为 0 时", 0, 0},
		// list enumerators: reported only against another enumerator
		{"en", "Check if users know where they are.", "zh", "2）看用户是否能知道当前位置。", 0, 0},
		{"en", "### Corners", "zh", "### 2、韵律", 0, 0},
		{"zh", "2. 切勿随便登入来历不明的网站", "en", "Do not log on to websites of unknown origin", 1, 0},
		{"en", "Titles accurately convey meanings;</div>\n      <div>3.", "zh", "标题准确传达含义；", 0, 0},
		{"en", "1. OMEGA Switzerland De Ville watches", "zh", "2、瑞士欧米茄(OMEGA)手表", 1, 1},
		{"en", "1. OMEGA couples watches", "zh", "2、瑞士欧米茄情侣一对表", 1, 1},
		{"en", "[ Part 3 ] Full code", "zh", "（三）全部代码", 0, 0},
	})
}
