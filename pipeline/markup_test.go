package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/read"
)

// Markup inside a segment (a link destination with Chinese in it) belongs
// to no language run, and each sentence cut from the segment carries its
// own markup, relative to its own text.
func TestSplitSegmentKeepsMarkup(t *testing.T) {
	text := "See the [install guide](/zh/安装指南说明文档页面#开发环境) first. 然后开始使用。"
	doc := read.Markdown("a.md", text)
	if len(doc.Units) != 1 {
		t.Fatalf("got %d units, want 1", len(doc.Units))
	}
	parent := doc.Units[0].Segments[0]
	pieces := splitSegment(parent)
	var got []string
	for _, p := range pieces {
		got = append(got, p.Text)
		off := p.Pos.Start - parent.Pos.Start
		if want := parent.Prose()[off : off+len(p.Text)]; p.Prose() != want {
			t.Errorf("piece %q: prose %q, want the parent's prose there, %q", p.Text, p.Prose(), want)
		}
	}
	want := []string{"See the [install guide](/zh/安装指南说明文档页面#开发环境) first.", "然后开始使用。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pieces %q, want %q", got, want)
	}
	if strings.Contains(pieces[0].Prose(), "安装") {
		t.Errorf("the link destination is prose in %q", pieces[0].Prose())
	}
}

// A full stop inside inline code ends no sentence: the code span stays
// whole in one piece (cut, its halves were no code span, and the carryover
// check reported the placeholder inside as missing).
func TestSplitSegmentKeepsCodeWhole(t *testing.T) {
	text := "也就是说，如果 `withTitle` 被设置为 `'图表的标题是：{title}。'`，则描述为 `'价格分布图。'`。See `a. B` here. 然后开始使用。"
	doc := read.Markdown("a.md", text)
	var got []string
	for _, p := range splitSegment(doc.Units[0].Segments[0]) {
		got = append(got, p.Text)
	}
	want := []string{"也就是说，如果 `withTitle` 被设置为 `'图表的标题是：{title}。'`，则描述为 `'价格分布图。'`。", "See `a. B` here.", "然后开始使用。"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pieces %q, want %q", got, want)
	}
}

// A one-file bilingual demo (ant-design): the language headings are
// skipped, the Chinese paragraph pairs with the English one, and the
// declared language decides a word the detector alone would call French.
func TestLanguageSectionsPairAndSteerDetection(t *testing.T) {
	dir := t.TempDir()
	demo := "## zh-CN\n\n详见[快速上手](/docs/react/getting-started-cn#安装)。\n\n选项\n\n## en-US\n\nSee [Getting Started](/docs/react/getting-started#installation).\n\nOptions\n\n```tsx\nrender(<App />);\n```\n"
	if err := os.WriteFile(filepath.Join(dir, "demo.md"), []byte(demo), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := runDir(t, Config{KeepDocuments: true, Languages: []string{"zh", "en", "fr"}}, dir)
	if len(rep.Documents) != 1 {
		t.Fatalf("got %d documents, want 1", len(rep.Documents))
	}
	d := rep.Documents[0]
	var langs, skips []string
	for _, s := range d.Doc.Segments() {
		if s.Skip != "" {
			skips = append(skips, s.Skip)
			continue
		}
		langs = append(langs, s.Lang+":"+strings.Join(strings.Fields(s.Prose()), " "))
	}
	if got, want := strings.Join(skips, ","), "language heading,language heading,code"; got != want {
		t.Errorf("skipped %s, want %s", got, want)
	}
	if got, want := strings.Join(langs, " | "), "zh:详见 快速上手 。 | zh:选项 | en:See Getting Started . | en:Options"; got != want {
		t.Errorf("languages\n got %s\nwant %s", got, want)
	}
	paired := map[string]string{}
	for _, b := range d.Doc.Beads {
		if len(b.Source) == 1 && len(b.Target) == 1 {
			s, t := d.Doc.Segment(b.Source[0]), d.Doc.Segment(b.Target[0])
			paired[strings.Fields(s.Prose())[0]] = strings.Fields(t.Prose())[0]
		}
	}
	if paired["详见"] != "See" && paired["See"] != "详见" || paired["选项"] != "Options" && paired["Options"] != "选项" {
		t.Errorf("beads %v: want each Chinese paragraph paired with its English one", paired)
	}
	for _, f := range d.Findings {
		if f.Check == "omission" || f.Check == "language" {
			t.Errorf("finding %s: %s", f.Check, f.Message)
		}
	}
}

// A cut piece of a long segment keeps its own markup (read.cutLong shares
// the helper).
func TestMarkupIn(t *testing.T) {
	s := &document.Segment{Text: "ab[cd](ef)gh", Markup: [][2]int{{2, 3}, {5, 10}}}
	for _, tt := range []struct {
		start, end int
		want       string
	}{
		{0, 12, "[[2 3] [5 10]]"},
		{0, 4, "[[2 3]]"},
		{4, 8, "[[1 4]]"},
		{10, 12, "[]"},
	} {
		if got := fmt.Sprint(s.MarkupIn(tt.start, tt.end)); got != tt.want {
			t.Errorf("MarkupIn(%d, %d) = %s, want %s", tt.start, tt.end, got, tt.want)
		}
	}
}
