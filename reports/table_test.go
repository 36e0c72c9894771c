package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// chinese is a report whose findings quote long Chinese text, with a
// Chinese message, in two documents.
func chinese() *pipeline.Report {
	zh := "中美两国信息技术企业在为各自国家经济社会发展作出贡献的同时也为对方国家的发展提供了重要支撑网络空间全球治理是中美的共同责任"
	en := "The IT companies of China and the US, while contributing to the economic and social development of their own countries, also support the other country."
	side := func(path string, line int, lang, text string) *metrics.Side {
		return &metrics.Side{Path: path, Line: line, Lang: lang, Text: text}
	}
	rep := tricky()
	rep.Documents[0].Findings = append(rep.Documents[0].Findings,
		metrics.Finding{Check: "partial_omission", Severity: metrics.Warning, Message: "只有14%的原文词语被译出:" + zh,
			Source: side("docs/zh/网络空间/合作.md", 12, "zh", zh), Target: side("docs/en/cyberspace/cooperation.md", 12, "en", en)},
		metrics.Finding{Check: "numbers", Severity: metrics.Error, Message: "numbers differ: missing from the target: 7亿 (number 7e+08), 6万 (number 60000); " + en,
			Source: side("docs/zh/网络空间/合作.md", 14, "zh", zh+zh), Target: side("docs/en/cyberspace/cooperation.md", 14, "en", en)})
	for _, c := range []*pipeline.Counts{&rep.Documents[0].Counts, &rep.Totals} {
		c.Errors++
		c.Warnings++
	}
	rep.Gate.Reasons = []string{"3 findings at error or above"}
	return rep
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// checkLineWidths checks every line of out against width, measured as a
// terminal shows it: CJK characters two columns, East Asian ambiguous
// ones one, as the table measures them.
func checkLineWidths(t *testing.T, out string, width int) {
	t.Helper()
	cond := runewidth.Condition{EastAsianWidth: false}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if w := cond.StringWidth(ansi.ReplaceAllString(line, "")); w > width {
			t.Errorf("line %d is %d columns wide, over %d:\n%s", i+1, w, width, line)
		}
	}
}

// The table fits the terminal, however narrow, and a file or a pipe in
// FileWidth columns.
func TestTableFitsWidth(t *testing.T) {
	for _, width := range []int{0, 24, 40, 60, 80, 100, 120, 160, 300} {
		for _, color := range []bool{false, true} {
			var b strings.Builder
			if err := NewTable(&b, Options{Width: width, Color: color}).Print(chinese()); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			limit := width
			if width == 0 {
				limit = FileWidth
			}
			checkLineWidths(t, out, limit)
			if !color && strings.Contains(out, "\x1b") {
				t.Errorf("width %d: escape codes without colours", width)
			}
			if color && !strings.Contains(out, "\x1b[31merror\x1b[0m") {
				t.Errorf("width %d: no red error with colours", width)
			}
			// Where, Check and Severity are whole when the window is not
			// narrower than they are.
			for _, want := range []string{"只有14%的原文词语被译出", "docs/zh/网络空间/合作.md:12", "docs/a,b:c.md:3", "partial_omission", "warning"} {
				if !strings.Contains(out, want) && limit >= 40 {
					t.Errorf("width %d: %q is not shown whole", width, want)
				}
			}
		}
	}
	// The seed, as the command writes it to a file.
	checkLineWidths(t, render(t, "table", seedReport(t)), FileWidth)
}

// A wide terminal gets every count in its column and the findings in a
// table; a narrow one the counts in words and the findings as a list.
func TestTableLayouts(t *testing.T) {
	header := regexp.MustCompile(`│ +Where +│ +Check +│ +Severity +│ +Message +│ +Text +│`)
	wide := renderTable(t, chinese(), 300)
	if !strings.Contains(wide, "│ Languages │ Segments │") || !header.MatchString(wide) {
		t.Errorf("300 columns: no column for each count, or no table of findings:\n%s", wide)
	}
	if mid := renderTable(t, chinese(), 90); !strings.Contains(mid, "│ zh→en: 10 segments, 4 pairs, 2 unpaired, 0 skipped ") {
		t.Errorf("90 columns: no counts in words under the document's name:\n%s", mid)
	}
	if tiny := renderTable(t, chinese(), 40); !strings.HasPrefix(tiny, "docs/a,b:c.md\n  zh→en: 10 segments, 4 pairs, 2\n  unpaired, 0 skipped; 80.0% complete; 4\n  errors, 2 warnings\ndocs/empty.md\n") {
		t.Errorf("40 columns: no list of documents:\n%s", tiny)
	}
	narrow := renderTable(t, chinese(), 60)
	if want := "\ndocs/a,b:c.md:3  omission  error\n  English <b>paragraph</b> & \"more\"\n  “Fish & <chips>, \"quoted\" second line”\n"; !strings.Contains(narrow, want) || header.MatchString(narrow) {
		t.Errorf("60 columns: the findings are not a list:\n%s", narrow)
	}
}

func renderTable(t *testing.T, rep *pipeline.Report, width int) string {
	t.Helper()
	var b strings.Builder
	if err := NewTable(&b, Options{Width: width}).Print(rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Counts read right in the singular, and the verdict is said once.
func TestTablePluralsAndVerdict(t *testing.T) {
	one := &pipeline.Report{Version: pipeline.SchemaVersion, Gate: pipeline.Gate{Passed: false, Reasons: []string{"1 finding at error or above"}},
		Documents: []pipeline.DocumentReport{{Name: "a.zh-en.txt", Source: "zh", Target: "en",
			Counts: pipeline.Counts{Segments: 1, Unpaired: 1, SourceSegments: 1, Errors: 1},
			Findings: []metrics.Finding{{Check: "omission", Severity: metrics.Error, Message: "Chinese sentence has no English counterpart",
				Source: &metrics.Side{Path: "a.zh-en.txt", Line: 1, Lang: "zh", Text: "一句话。"}}}}},
		Totals:   pipeline.Counts{Segments: 1, Unpaired: 1, SourceSegments: 1, Errors: 1},
		Problems: []string{}, Unread: map[string]int{".png": 1}}
	for _, width := range []int{0, 300} {
		out := renderTable(t, one, width)
		for _, bad := range []string{"1 findings", "1 segments", "1 errors", "1 files"} {
			if strings.Contains(out, bad) {
				t.Errorf("width %d: %q:\n%s", width, bad, out)
			}
		}
		if !strings.Contains(out, "\n1 finding\n") || !strings.Contains(out, "1 file not read") {
			t.Errorf("width %d: no \"1 finding\" or \"1 file not read\":\n%s", width, out)
		}
		if n := strings.Count(out, "gate failed"); n != 1 {
			t.Errorf("width %d: the verdict is printed %d times, want once", width, n)
		}
	}
	if out := renderTable(t, chinese(), 0); !strings.Contains(out, "\n7 findings\n") || !strings.Contains(out, "gate failed: 3 findings at error or above") {
		t.Errorf("no \"7 findings\" or verdict:\n%s", out)
	}
}
