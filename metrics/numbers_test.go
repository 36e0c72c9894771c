package metrics

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics/numeral"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/read"
)

// wmt22Dir holds the WMT22 general test set, zh→en: line N of the .en file
// translates line N of the .zh file (professional translations).
var wmt22Dir = filepath.Join("..", "..", "shared", "data", "formats", "line-aligned", "wmt22-zh-en")

// rootRel names a path relative to this package as the repository root
// sees it, for messages: ../../shared/data is ../shared/data from there.
func rootRel(path string) string { return filepath.ToSlash(filepath.Join("metrics", path)) }

// readWMT22 returns the WMT22 pairs, or skips the test when the shared data
// is not there.
func readWMT22(t *testing.T) [][2]string {
	t.Helper()
	zh := readLines(t, filepath.Join(wmt22Dir, "generaltest2022.zh"))
	en := readLines(t, filepath.Join(wmt22Dir, "generaltest2022.en"))
	if len(zh) != len(en) {
		t.Fatalf("WMT22: %d source lines but %d target lines", len(zh), len(en))
	}
	pairs := make([][2]string, len(zh))
	for i := range zh {
		pairs[i] = [2]string{zh[i], en[i]}
	}
	return pairs
}

// readLines returns the lines of a file, skipping the test when it does
// not exist.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s not found: the WMT22 acceptance tests need ../shared/data", rootRel(path))
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// wmtDoc builds a line-aligned document of pairs, as the line-aligned reader
// does: one unit and one bead per line; first is the line number of pairs[0].
func wmtDoc(pairs [][2]string, first int) *document.Document {
	doc := &document.Document{Name: "wmt22", Format: "lines", Source: "zh", Target: "en", Directed: true, Paired: true}
	for i, p := range pairs {
		pos := document.Position{Path: "generaltest2022", Line: first + i}
		doc.Units = append(doc.Units, &document.Unit{Kind: "line", Pos: pos, Segments: []*document.Segment{
			{Text: p[0], Lang: "zh", Role: document.RoleSource, Pos: pos},
			{Text: p[1], Lang: "en", Role: document.RoleTarget, Pos: pos},
		}})
	}
	doc.Index()
	for _, u := range doc.Units {
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{u.Segments[0].ID}, Target: []int{u.Segments[1].ID}, Score: 1})
	}
	return doc
}

// flaggedLines returns the lines with a numbers finding.
func flaggedLines(doc *document.Document) map[int]string {
	out := map[int]string{}
	for _, f := range Run(doc, []*Metric{Numbers}, DefaultConfig()) {
		if f.Check == Numbers.Name && f.Source != nil {
			out[f.Source.Line] = f.Message
		}
	}
	return out
}

// TestNumbersOnWMT22 holds the false-alarm rate: professional translations
// rarely get a number wrong, so a check that flags many of them is noise.
func TestNumbersOnWMT22(t *testing.T) {
	pairs := readWMT22(t)
	flagged := flaggedLines(wmtDoc(pairs, 1))
	rate := float64(len(flagged)) / float64(len(pairs))
	t.Logf("numbers flags %d of %d WMT22 pairs (%.1f%%)", len(flagged), len(pairs), 100*rate)
	if rate >= 0.03 {
		t.Errorf("numbers flags %d of %d pairs (%.1f%%), want fewer than 3%%", len(flagged), len(pairs), 100*rate)
	}
}

// injection is one change made to a target sentence.
type injection struct {
	kind string
	text string
}

// injections returns the changes that apply to target: every number written
// with digits multiplied by ten (7 → 70) and with its leading digit changed
// (7 → 9), every date dropped (month name with its day and year) and every
// percentage dropped. rng picks one quantity per kind.
func injections(target string, rng *rand.Rand) []injection {
	qs := numeral.Extract(target, "en")
	var nums, dates, pcts []numeral.Quantity
	for i, q := range qs {
		switch q.Kind {
		case numeral.Number, numeral.Percent, numeral.Year:
			if isDigit(q.Text[0]) {
				nums = append(nums, q)
			}
			if q.Kind == numeral.Percent {
				pcts = append(pcts, q)
			}
		case numeral.Month:
			// the date runs from the month name to its day and year
			end := q.End
			for _, r := range qs[i+1:] {
				if (r.Kind == numeral.Day || r.Kind == numeral.Year) && r.Start-end <= 2 {
					end = r.End
					continue
				}
				break
			}
			start := q.Start
			if i > 0 && qs[i-1].Kind == numeral.Day && q.Start-qs[i-1].End <= 4 {
				start = qs[i-1].Start // 11 May
			}
			dates = append(dates, numeral.Quantity{Start: start, End: end})
		}
	}
	pick := func(list []numeral.Quantity) numeral.Quantity { return list[rng.IntN(len(list))] }
	var out []injection
	if len(nums) > 0 {
		q := pick(nums)
		e := q.Start
		for e < len(target) && isDigit(target[e]) {
			e++
		}
		out = append(out, injection{"times ten", target[:e] + "0" + target[e:]})
		q = pick(nums)
		d := target[q.Start]
		nd := d + 2
		if d >= '8' {
			nd = d - 2
		}
		out = append(out, injection{"digit changed", target[:q.Start] + string(nd) + target[q.Start+1:]})
	}
	if len(dates) > 0 {
		q := pick(dates)
		out = append(out, injection{"date dropped", target[:q.Start] + target[q.End:]})
	}
	if len(pcts) > 0 {
		q := pick(pcts)
		out = append(out, injection{"percentage dropped", target[:q.Start] + target[q.End:]})
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// TestNumbersFindInjectedChanges holds the recall: on pairs the check
// passes, a number changed or dropped in the translation must be found.
func TestNumbersFindInjectedChanges(t *testing.T) {
	pairs := readWMT22(t)
	flagged := flaggedLines(wmtDoc(pairs, 1))
	rng := rand.New(rand.NewPCG(2022, 11))
	type tally struct{ tried, found int }
	byKind := map[string]*tally{}
	var total tally
	var missed []string
	for i, p := range pairs {
		if flagged[i+1] != "" || len(nonCode(numeral.Extract(p[0], "zh"))) == 0 {
			continue
		}
		for _, inj := range injections(p[1], rng) {
			// The pair with its neighbours, so the check sees the same
			// context as in a whole document.
			lo, hi := max(0, i-3), min(len(pairs), i+2)
			window := append([][2]string(nil), pairs[lo:hi]...)
			window[i-lo][1] = inj.text
			found := flaggedLines(wmtDoc(window, lo+1))[i+1] != ""
			k := byKind[inj.kind]
			if k == nil {
				k = &tally{}
				byKind[inj.kind] = k
			}
			k.tried++
			total.tried++
			if found {
				k.found++
				total.found++
			} else {
				missed = append(missed, inj.kind+": "+p[0]+"\n    → "+inj.text)
			}
		}
	}
	if total.tried == 0 {
		t.Fatal("no change could be injected")
	}
	for kind, k := range byKind {
		t.Logf("%-18s found %d of %d", kind, k.found, k.tried)
	}
	rate := float64(total.found) / float64(total.tried)
	t.Logf("injected changes found: %d of %d (%.1f%%)", total.found, total.tried, 100*rate)
	if testing.Verbose() {
		t.Logf("missed:\n  %s", strings.Join(missed, "\n  "))
	}
	if rate < 0.95 {
		t.Errorf("found %d of %d injected changes (%.1f%%), want at least 95%%", total.found, total.tried, 100*rate)
	}
}

func nonCode(qs []numeral.Quantity) []numeral.Quantity {
	var out []numeral.Quantity
	for _, q := range qs {
		if q.Kind != numeral.Code {
			out = append(out, q)
		}
	}
	return out
}

// TestNumbersAndCarryoverOnWMT22: together the two token checks flag fewer
// than 3% of professional translations.
func TestNumbersAndCarryoverOnWMT22(t *testing.T) {
	pairs := readWMT22(t)
	cfg := DefaultConfig()
	cfg.Lexicon = zhEnLexicon(t)
	flagged := map[int]bool{}
	counts := map[string]int{}
	for _, f := range Run(wmtDoc(pairs, 1), []*Metric{Numbers, Carryover}, cfg) {
		flagged[f.Source.Line] = true
		counts[f.Check]++
	}
	rate := float64(len(flagged)) / float64(len(pairs))
	t.Logf("numbers and carryover flag %d of %d WMT22 pairs (%.1f%%): %v", len(flagged), len(pairs), 100*rate, counts)
	if rate >= 0.03 {
		t.Errorf("%d of %d pairs flagged (%.1f%%), want fewer than 3%%", len(flagged), len(pairs), 100*rate)
	}
}

// pairDoc builds a document of one bead per pair, source in srcLang and
// target in tgtLang. With md, each side is read as Markdown, so that its
// inline code, link destinations and list markers are markup, as the
// Markdown reader marks them.
func pairDoc(t *testing.T, srcLang, tgtLang string, md bool, pairs ...[2]string) *document.Document {
	t.Helper()
	doc := &document.Document{Name: "pairs", Format: "lines", Source: srcLang, Target: tgtLang, Directed: true, Paired: true}
	seg := func(text, lang string, role document.Role, pos document.Position) *document.Segment {
		s := &document.Segment{Text: text, Lang: lang, Role: role, Pos: pos}
		if md {
			units := read.Markdown("pair.md", text).Units
			if len(units) != 1 || len(units[0].Segments) != 1 {
				t.Fatalf("%q is not one Markdown block", text)
			}
			s.Markup = units[0].Segments[0].Markup
		}
		return s
	}
	for i, p := range pairs {
		pos := document.Position{Path: "pairs", Line: i + 1}
		doc.Units = append(doc.Units, &document.Unit{Kind: "line", Pos: pos, Segments: []*document.Segment{
			seg(p[0], srcLang, document.RoleSource, pos), seg(p[1], tgtLang, document.RoleTarget, pos),
		}})
	}
	doc.Index()
	for _, u := range doc.Units {
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{u.Segments[0].ID}, Target: []int{u.Segments[1].ID}, Score: 1})
	}
	return doc
}

// numbersCase is one pair and what the numbers check must say of it:
// nothing (ok), or one finding of that severity.
type numbersCase struct {
	name     string
	src, tgt string
	want     string // "ok", "warning" or "error"
}

// runNumbersCases checks each pair alone, srcLang → tgtLang.
func runNumbersCases(t *testing.T, srcLang, tgtLang string, md bool, cases []numbersCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []Finding
			for _, f := range Run(pairDoc(t, srcLang, tgtLang, md, [2]string{c.src, c.tgt}), []*Metric{Numbers}, DefaultConfig()) {
				if f.Check == Numbers.Name {
					got = append(got, f)
				}
			}
			switch {
			case c.want == "ok" && len(got) != 0:
				t.Errorf("%q / %q: want no finding, got %s: %s", c.src, c.tgt, got[0].Severity, got[0].Message)
			case c.want != "ok" && len(got) != 1:
				t.Errorf("%q / %q: want one %s, got %d findings", c.src, c.tgt, c.want, len(got))
			case c.want != "ok" && got[0].Severity.String() != c.want:
				t.Errorf("%q / %q: want %s, got %s: %s", c.src, c.tgt, c.want, got[0].Severity, got[0].Message)
			}
		})
	}
}

// TestNumbersMarkup: numbers inside markup (inline code, link
// destinations, list markers, template syntax) match numbers of the other
// side but are never reported; numbers in the prose still are.
func TestNumbersMarkup(t *testing.T) {
	runNumbersCases(t, "zh", "en", true, []numbersCase{
		{"list marker on one side", "2. `yAxis.inverse` 设为 `true`", "Set `yAxis.inverse` to be `true`", "ok"},
		{"code example dropped", "例如 `[20, 10]` 表示宽为`20`", "for example, an array gives the width", "ok"},
		{"template arguments", "柱子的标签配置。\n{{ use: partial-label(\n    defaultDistance=2\n) }}", "Configure the label of the bar.", "ok"},
		{"link destination", "[5分钟上手ECharts](~5%20minutes) 中讲了", "[Getting started](~Get%20Started%20in%205%20minutes) introduced", "ok"},
		{"issue number", "![Issue #58884 created](https://x.com/a.png)", "![创建的 Issue #58884](https://x.com/a.png)", "ok"},
		{"prose number changed", "次刻度线分割数，默认会分割成 5 段", "Number of segments of minor ticks, 3 by default", "error"},
		{"prose lost beside the same code", "如：`[10, [2, 5]]` 表示第二行以图案 2 像素空 5 像素循环", "For example: `[10, [2, 5]]` means that the second line will be 2 pixels by 2 pixels", "info"}, // one digit only missing: judged 8 of 22 real
		{"value in code and prose", "持续时间，默认值 `4.5`", "Time in seconds, 4.5 by default: `4.5`", "ok"},
		{"prose value in code", "设为 0 时不渲染", "set to `0` to render nothing", "ok"},
	})
}

// TestNumbersSeverity pins the policy: an error only for a value that
// appears nowhere on the other side in any accepted form; a warning for
// the probable but uncertain cases.
func TestNumbersSeverity(t *testing.T) {
	long := strings.Repeat("这是一个很长的段落，", 70)
	runNumbersCases(t, "en", "zh", false, []numbersCase{
		// real changes of value
		{"changed digits", "1,875 items were sold", "售出了 1,785 件", "error"},
		{"changed percentage", "a 30% growth", "增长了 13%", "error"},
		{"changed year", "in 2019", "2009年", "error"},
		// A value only missing was real 7 times in 11 in judged
		// translation units: probable, not certain.
		{"dropped amount", "a fine of 500 yuan", "罚款", "warning"},
		{"dropped one digit", "3 universities", "这些大学", "info"},
		{"changed month", "on December 10", "11月10日", "error"},
		{"changed hedged value", "nearly 700 million", "约5亿", "error"}, // beyond any hedge's tolerance
		// uncertain cases: their judged precision (one digit, ordinals,
		// hedged values, list numbers, long pairs, numbers the target
		// adds: 0.3-0.57) puts them under the warning band
		{"ordinal", "the fourth plenary session", "第三次全会", "info"},
		{"hedged value dropped", "nearly 700 million users", "大量用户", "info"},
		{"small count in words", "three trending topics", "六个热搜", "info"},
		{"number the target adds", "the Beijing Winter Olympics", "2022年北京冬奥会", "info"},
		{"renumbered list item", "1. OMEGA watches", "2、欧米茄手表", "info"},
		{"list number dropped", "2. Do not log on to unknown websites", "切勿随便登入来历不明的网站", "info"},
		{"very long pair", "it costs 500 yuan", long, "info"},
		// equivalent forms
		{"money scale", "a £75m deal", "一笔7500万英镑的交易", "ok"},
		{"time of day", "at 5.30pm", "下午5点半", "ok"},
		{"repeated value", "3 or more items", "3 件及 3 件以上", "ok"},
		{"implicit month", "on December 10", "10日", "ok"},
		{"words copied verbatim", `the type of "A dozen" is string`, `"A dozen" 的类型为 string`, "ok"},
		{"name in a mixed segment", "Mountain View, April 2016", "Mountain View，2016 四月", "ok"},
	})
}

// TestNumbersConfidence: per case, the confidence says how sure the case
// is: several digits missing above one digit, a changed value above a
// dropped one, an error above a warning.
func TestNumbersConfidence(t *testing.T) {
	conf := func(src, tgt string) float64 {
		t.Helper()
		fs := Run(pairDoc(t, "en", "zh", false, [2]string{src, tgt}), []*Metric{Numbers}, DefaultConfig())
		if len(fs) != 1 {
			t.Fatalf("%q / %q: %d findings, want 1", src, tgt, len(fs))
		}
		return fs[0].Confidence
	}
	order := []struct{ src, tgt string }{
		{"1,875 items were sold", "售出了 1,785 件"}, // changed, several digits
		{"a fine of 500 yuan", "罚款"},             // dropped, several digits
		{"3 universities", "这些大学"},               // dropped, one digit
		{"the fourth plenary session", "第三次全会"},  // ordinal
	}
	prev := 2.0
	for _, o := range order {
		c := conf(o.src, o.tgt)
		if c >= prev {
			t.Errorf("%q / %q: confidence %.2f, want below %.2f (the case before)", o.src, o.tgt, c, prev)
		}
		prev = c
	}
}

// TestNumbersCutOffPiece: a piece of the translation that the segmenter
// cut off and the aligner left alone beside the bead holds its numbers.
func TestNumbersCutOffPiece(t *testing.T) {
	for _, c := range []struct {
		name, piece string
		want        int
	}{
		{"piece holds the number", "方式二", 0},
		{"piece holds another number", "方式三", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := &document.Document{Name: "cut", Format: "lines", Source: "en", Target: "zh", Directed: true, Paired: true}
			pos := document.Position{Path: "cut", Line: 1}
			doc.Units = []*document.Unit{{Kind: "heading", Pos: pos, Segments: []*document.Segment{
				{Text: "Method 2 (ConfigProvider)", Lang: "en", Role: document.RoleSource, Pos: pos},
				{Text: c.piece, Lang: "zh", Role: document.RoleTarget, Pos: pos},
				{Text: "(ConfigProvider)", Lang: "zh", Role: document.RoleTarget, Pos: pos},
			}}}
			doc.Index()
			doc.Beads = []document.Bead{{Target: []int{1}}, {Source: []int{0}, Target: []int{2}, Score: 0.5}}
			if got := len(Run(doc, []*Metric{Numbers}, DefaultConfig())); got != c.want {
				t.Errorf("%d findings, want %d", got, c.want)
			}
		})
	}
}
