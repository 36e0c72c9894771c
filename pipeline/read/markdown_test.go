package read

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
)

// mdUnit is what a test expects of a unit: its kind and line, its
// heading level, anchor or code language, why it is skipped, the language
// its section declares, and its prose (the text with markup blanked,
// compared word by word).
type mdUnit struct {
	kind     string
	line     int
	level    int
	anchor   string
	info     string
	skip     string
	declared string
	prose    string
}

func (u mdUnit) String() string {
	return fmt.Sprintf("%s@%d level=%d anchor=%q info=%q skip=%q declared=%q prose=%q",
		u.kind, u.line, u.level, u.anchor, u.info, u.skip, u.declared, u.prose)
}

// words joins the words of s with single spaces.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// gotUnits describes the units of doc as the tests state them.
func gotUnits(doc *document.Document) []mdUnit {
	var out []mdUnit
	for _, u := range doc.Units {
		s := u.Segments[0]
		out = append(out, mdUnit{u.Kind, u.Pos.Line, u.Level, u.Anchor, u.Info, s.Skip, s.Declared, words(s.Prose())})
	}
	return out
}

// checkMarkdown checks what holds for every Markdown document: one segment
// per unit, at the unit's position, holding the file's bytes there; markup
// spans in order, inside the text, apart; units in file order, apart; and
// no letter of the file outside every unit (markup may hold letters; a
// letter outside every unit would be text lost).
func checkMarkdown(t *testing.T, doc *document.Document, path, text string) {
	t.Helper()
	checkText(t, doc, path, text)
	covered := 0
	for i, u := range doc.Units {
		if len(u.Segments) != 1 {
			t.Fatalf("unit %d (%s) has %d segments, want 1", i, u.Kind, len(u.Segments))
		}
		s := u.Segments[0]
		if s.Pos != u.Pos {
			t.Fatalf("unit %d (%s): segment at %+v, unit at %+v", i, u.Kind, s.Pos, u.Pos)
		}
		if u.Pos.Start < covered {
			t.Fatalf("unit %d (%s) at %d starts before the end of the unit before it (%d)", i, u.Kind, u.Pos.Start, covered)
		}
		for k := covered; k < u.Pos.Start; {
			r, n := utf8.DecodeRuneInString(text[k:])
			if unicode.IsLetter(r) {
				t.Fatalf("%q at byte %d (line %d) is in no unit", r, k, newLineIndex(text).line(k))
			}
			k += n
		}
		covered = u.Pos.End
		at := 0
		for _, m := range s.Markup {
			if m[0] < at || m[0] >= m[1] || m[1] > len(s.Text) {
				t.Fatalf("unit %d (%s): markup %v out of order or outside the text (%d bytes): %v", i, u.Kind, m, len(s.Text), s.Markup)
			}
			at = m[1]
		}
	}
	for k := covered; k < len(text); {
		r, n := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLetter(r) {
			t.Fatalf("%q at byte %d is in no unit", r, k)
		}
		k += n
	}
}

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []mdUnit
	}{
		{"heading anchor is markup, heading text is prose",
			"## 访问模板引用 {#accessing-the-refs}\n\n# Title\n",
			[]mdUnit{
				{kind: "heading", line: 1, level: 2, anchor: "accessing-the-refs", prose: "访问模板引用"},
				{kind: "heading", line: 3, level: 1, prose: "Title"},
			}},
		{"setext heading",
			"引言\n===\n\nSection\n-------\n",
			[]mdUnit{
				{kind: "heading", line: 1, level: 1, prose: "引言"},
				{kind: "heading", line: 4, level: 2, prose: "Section"},
			}},
		{"setext heading whose text starts with '#'",
			"#1 issue\nfixed\n===\n",
			[]mdUnit{{kind: "heading", line: 1, level: 1, prose: "#1 issue fixed"}}},
		{"relative link: its destination is markup",
			"详见[快速上手](/docs/react/getting-started-cn#安装)。\n",
			[]mdUnit{{kind: "paragraph", line: 1, prose: "详见 快速上手 。"}}},
		{"link title, image alt, emphasis, inline code, autolink",
			"See **the** [guide](/a.md \"Guide title\"), ![示意图](/img/a.png \"图注\") and `go vet` at <https://go.dev>.\nNext line.\n",
			[]mdUnit{{kind: "paragraph", line: 1, prose: "See the guide , 示意图 and at . Next line."}}},
		{"inline HTML: tags are markup, prose attributes and enclosed text are prose",
			"见 <abbr title=\"超文本标记语言\" class=\"x\">HTML</abbr> 与 <br/> 说明。\n",
			[]mdUnit{{kind: "paragraph", line: 1, prose: "见 超文本标记语言 HTML 与 说明。"}}},
		{"escapes: the backslash is markup",
			"1\\. 不是列表 \\*星号\\*\n",
			[]mdUnit{{kind: "paragraph", line: 1, prose: "1 . 不是列表 *星号 *"}}},
		{"lists: one unit per item, nested items apart, ordered and task items",
			"- 第一项\n  - 嵌套项\n- second item\n  continued\n\n  its second paragraph\n\n1. first\n2) second\n\n- [x] done task\n",
			[]mdUnit{
				{kind: "list", line: 1, prose: "第一项"},
				{kind: "list", line: 2, prose: "嵌套项"},
				{kind: "list", line: 3, prose: "second item continued"},
				{kind: "list", line: 6, prose: "its second paragraph"},
				{kind: "list", line: 8, prose: "first"},
				{kind: "list", line: 9, prose: "second"},
				{kind: "list", line: 11, prose: "done task"},
			}},
		{"block quote paragraphs",
			"> 引用的 *第一段*\n> 续行\n>\n> Second paragraph.\n",
			[]mdUnit{
				{kind: "quote", line: 1, prose: "引用的 第一段 续行"},
				{kind: "quote", line: 4, prose: "Second paragraph."},
			}},
		{"GFM table: header and body rows, no delimiter row",
			"| 参数 | 说明 |\n| --- | :-: |\n| size | 大小，见 [尺寸](#size) |\n| `type` | 类型 |\n",
			[]mdUnit{
				{kind: "table", line: 1, prose: "参数 说明"},
				{kind: "table", line: 3, prose: "大小，见 尺寸"},
				{kind: "table", line: 4, prose: "类型"},
			}},
		{"API table: names, types and values are code, descriptions prose",
			"| Property | Description | Type | Default |\n| --- | --- | --- | --- |\n| onEdit | Callback when a tab is added or removed | (targetKey, action) => void | - |\n| 参数 | 新增和删除页签的回调 | Record<string, string> \\| undefined | false |\n",
			[]mdUnit{
				{kind: "table", line: 1, prose: "Property Description Type Default"},
				{kind: "table", line: 3, prose: "Callback when a tab is added or removed"},
				{kind: "table", line: 4, prose: "参数 新增和删除页签的回调"},
			}},
		{"fenced code holding a shorter fence is one block",
			"Before.\n\n````md\n```js\nconsole.log(1)\n```\n````\n\nAfter.\n",
			[]mdUnit{
				{kind: "paragraph", line: 1, prose: "Before."},
				{kind: "code", line: 3, info: "md", skip: "code"},
				{kind: "paragraph", line: 9, prose: "After."},
			}},
		{"a fence left open in a block quote ends with the quote",
			"> ```js\n> x\n```\n",
			[]mdUnit{
				{kind: "code", line: 1, info: "js", skip: "code"},
				{kind: "code", line: 3, skip: "code"},
			}},
		{"blocks in a list indented with tabs",
			"-\tintro\n\t```go\n\tx := 1\n\t```\n\n\t# 标题\n\n*\n\t*\n\t*\n\t#",
			[]mdUnit{
				{kind: "list", line: 1, prose: "intro"},
				{kind: "code", line: 2, info: "go", skip: "code"},
				{kind: "heading", line: 6, level: 1, prose: "标题"},
				{kind: "heading", line: 11, level: 1, skip: "markup"},
			}},
		{"tilde fence with an info string",
			"~~~go title=\"x\"\nfmt.Println(\"你好\")\n~~~\n",
			[]mdUnit{{kind: "code", line: 1, info: "go", skip: "code"}}},
		{"indented code",
			"段落。\n\n    x := 1\n    y := 2\n\n之后。\n",
			[]mdUnit{
				{kind: "paragraph", line: 1, prose: "段落。"},
				{kind: "code", line: 3, skip: "code"},
				{kind: "paragraph", line: 6, prose: "之后。"},
			}},
		{"YAML front matter",
			"---\ntitle: 按钮\norder: 1\n---\n\n正文。\n",
			[]mdUnit{
				{kind: "front-matter", line: 1, skip: "front matter"},
				{kind: "paragraph", line: 6, prose: "正文。"},
			}},
		{"TOML front matter",
			"+++\ntitle = \"按钮\"\n+++\n# 标题\n",
			[]mdUnit{
				{kind: "front-matter", line: 1, skip: "front matter"},
				{kind: "heading", line: 4, level: 1, prose: "标题"},
			}},
		{"a rule at the top is no front matter",
			"---\n\n文字。\n",
			[]mdUnit{{kind: "paragraph", line: 3, prose: "文字。"}}},
		{"link reference definitions",
			"见[指南][guide]。\n\n[guide]: /docs/guide \"指南标题\"\n[other]:\n  https://example.com\n",
			[]mdUnit{
				{kind: "paragraph", line: 1, prose: "见 指南 。"},
				{kind: "linkdef", line: 3, skip: "link definition"},
				{kind: "linkdef", line: 4, skip: "link definition"},
			}},
		{"HTML block: prose attributes and text, other attributes markup",
			"<div class=\"tip\" title=\"提示\">\n<img alt=\"示意图\" src=\"a.png\"> 这是说明。\n<input placeholder=\"请输入\" aria-label=\"搜索框\" value=\"x\">\n</div>\n",
			[]mdUnit{{kind: "html", line: 1, prose: "提示 示意图 这是说明。 请输入 搜索框"}}},
		{"HTML block of tags alone is skipped",
			"<p align=\"center\">\n<img src=\"logo.png\" width=\"200\">\n</p>\n",
			[]mdUnit{{kind: "html", line: 1, skip: "html"}}},
		{"JSX component: caption is prose, the content is Markdown",
			"<Listing caption=\"安装步骤\" number=\"1\">\n\n```sh\nnpm install antd\n```\n\n</Listing>\n",
			[]mdUnit{
				{kind: "html", line: 1, prose: "安装步骤"},
				{kind: "code", line: 3, info: "sh", skip: "code"},
				{kind: "html", line: 7, skip: "html"},
			}},
		{"component holding a code sample, blank lines and all, is one unit",
			"<ExampleBaseOption name=\"bar\" title=\"柱状图\" title-en=\"Bar\">\nconst data = [];\n\nconst option = {\n    series: [{\n        type: 'bar',\n        data: data\n    }]\n};\n</ExampleBaseOption>\n\n柱状图的说明。\n",
			[]mdUnit{
				{kind: "html", line: 1, prose: "柱状图"},
				{kind: "paragraph", line: 12, prose: "柱状图的说明。"},
			}},
		{"HTML comments are skipped",
			"<!-- prettier-ignore -->\n文字。\n\n<!--\n多行注释\n-->\n",
			[]mdUnit{
				{kind: "comment", line: 1, skip: "comment"},
				{kind: "paragraph", line: 2, prose: "文字。"},
				{kind: "comment", line: 4, skip: "comment"},
			}},
		{"etpl templates: lines alone are skipped, variables are markup, prose arguments stay",
			"{{ target: series-bar }}\n\n# series.bar(Object)\n\n柱状图是${name}的一种，见 {{ use: partial-a }}。\n\n{{ use: partial-z-zlevel(\n    prefix = '#',\n    componentName = '柱状图',\n    componentType = 'series-bar'\n) }}\n\n{{/target}}\n",
			[]mdUnit{
				{kind: "template", line: 1, skip: "template"},
				{kind: "heading", line: 3, level: 1, prose: "series.bar(Object)"},
				{kind: "paragraph", line: 5, prose: "柱状图是 的一种，见 。"},
				{kind: "paragraph", line: 7, prose: "柱状图"},
				{kind: "template", line: 13, skip: "template"},
			}},
		{"Hugo shortcodes and Jinja tags are markup",
			"{{< note title=\"x\" >}}\n注意这里。\n{{< /note >}}\n\n{% include \"a.md\" %}\n\n{{% tab %}}English text.{{% /tab %}}\n",
			[]mdUnit{
				{kind: "paragraph", line: 1, prose: "注意这里。"},
				{kind: "template", line: 5, skip: "template"},
				{kind: "paragraph", line: 7, prose: "English text."},
			}},
		{"MDX: import and export lines are code, component tags markup",
			"import Tabs from '@theme/Tabs';\nimport { Item } from './item';\n\nexport const meta = { title: 'x' };\n\n<Tabs>\n\n内容。\n\n</Tabs>\n",
			[]mdUnit{
				{kind: "code", line: 1, skip: "code"},
				{kind: "code", line: 4, skip: "code"},
				{kind: "html", line: 6, skip: "html"},
				{kind: "paragraph", line: 8, prose: "内容。"},
				{kind: "html", line: 10, skip: "html"},
			}},
		{"a sentence that starts with Import is prose",
			"Import the module first.\n",
			[]mdUnit{{kind: "paragraph", line: 1, prose: "Import the module first."}}},
		{"blocks of markup alone are skipped",
			"![](/img/a.png)\n\n`Button`\n",
			[]mdUnit{
				{kind: "paragraph", line: 1, skip: "markup"},
				{kind: "paragraph", line: 3, skip: "markup"},
			}},
		{"thematic breaks and blank lines are no units",
			"一。\n\n***\n\n二。\n",
			[]mdUnit{
				{kind: "paragraph", line: 1, prose: "一。"},
				{kind: "paragraph", line: 5, prose: "二。"},
			}},
		{"CRLF line ends",
			"# 标题\r\n\r\n段落一行，\r\n第二行。\r\n",
			[]mdUnit{
				{kind: "heading", line: 1, level: 1, prose: "标题"},
				{kind: "paragraph", line: 3, prose: "段落一行， 第二行。"},
			}},
		{"ECharts example size is markup",
			"示例：\n~[700x400](${galleryViewPath}line-easing&edit=1)\n",
			[]mdUnit{{kind: "paragraph", line: 1, prose: "示例："}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Markdown("x.md", tt.text)
			checkMarkdown(t, doc, "x.md", tt.text)
			if doc.Format != "markdown" || doc.Name != "x.md" || len(doc.Paths) != 1 || doc.Paths[0] != "x.md" {
				t.Errorf("document %q format %q paths %v, want x.md, markdown, [x.md]", doc.Name, doc.Format, doc.Paths)
			}
			got := gotUnits(doc)
			for i := 0; i < max(len(got), len(tt.want)); i++ {
				switch {
				case i >= len(got):
					t.Errorf("unit %d missing, want %v", i, tt.want[i])
				case i >= len(tt.want):
					t.Errorf("unit %d unexpected: %v (text %q)", i, got[i], doc.Units[i].Segments[0].Text)
				case got[i] != tt.want[i]:
					t.Errorf("unit %d\n got %v\nwant %v\ntext %q", i, got[i], tt.want[i], doc.Units[i].Segments[0].Text)
				}
			}
		})
	}
}

// TestMarkdownUnitText pins the text of units whose extent is easy to get
// wrong: a list item from its marker, a quote from its first '>', code
// from its opening to its closing fence, a row without its indentation.
func TestMarkdownUnitText(t *testing.T) {
	text := "- item\n  - nested item\n> > deep quote\n> more\n\n````md\n```js\nx\n```\n````\n\n  | a | b |\n  |---|---|\n  | c | d |\n\n    indented\n      code\n\n\nend\n"
	want := []string{
		"- item",
		"- nested item",
		"> > deep quote\n> more",
		"````md\n```js\nx\n```\n````",
		"| a | b |",
		"| c | d |",
		"    indented\n      code",
		"end",
	}
	doc := Markdown("x.md", text)
	checkMarkdown(t, doc, "x.md", text)
	var got []string
	for _, u := range doc.Units {
		got = append(got, u.Segments[0].Text)
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("unit texts\n got %q\nwant %q", got, want)
	}
}

// TestMarkdownMarkupSpans pins the exact spans of one line: what a
// carry-over check reads verbatim and detection never sees.
func TestMarkdownMarkupSpans(t *testing.T) {
	text := "详见[快速上手](/docs/start#安装)和 `npm i`。"
	doc := Markdown("x.md", text)
	s := doc.Units[0].Segments[0]
	var got []string
	for _, m := range s.Markup {
		got = append(got, s.Text[m[0]:m[1]])
	}
	want := []string{"[", "](/docs/start#安装)", "`npm i`"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("markup %q, want %q", got, want)
	}
	if p := s.Prose(); len(p) != len(s.Text) || strings.Contains(p, "安装") || strings.Contains(p, "npm") {
		t.Errorf("prose %q: want the text with its markup blanked", p)
	}
}

func TestMarkdownLanguageSections(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []mdUnit
	}{
		{"ant-design demo: zh-CN then en-US, code after",
			"---\ntitle:\n  zh-CN: 基本\n  en-US: Basic\n---\n\n## zh-CN\n\n最简单的用法。\n\n## en-US\n\nThe simplest usage.\n\n```tsx\nrender(<Button />);\n```\n",
			[]mdUnit{
				{kind: "front-matter", line: 1, skip: "front matter"},
				{kind: "heading", line: 7, level: 2, skip: "language heading", declared: "zh", prose: "zh-CN"},
				{kind: "paragraph", line: 9, declared: "zh", prose: "最简单的用法。"},
				{kind: "heading", line: 11, level: 2, skip: "language heading", declared: "en", prose: "en-US"},
				{kind: "paragraph", line: 13, declared: "en", prose: "The simplest usage."},
				{kind: "code", line: 15, info: "tsx", skip: "code", declared: "en"},
			}},
		{"a section ends at a heading of its level; subheadings stay inside",
			"## zh_CN\n\n### 小节\n\n中文。\n\n## en\n\nEnglish.\n\n## API\n\nNeither.\n",
			[]mdUnit{
				{kind: "heading", line: 1, level: 2, skip: "language heading", declared: "zh", prose: "zh_CN"},
				{kind: "heading", line: 3, level: 3, declared: "zh", prose: "小节"},
				{kind: "paragraph", line: 5, declared: "zh", prose: "中文。"},
				{kind: "heading", line: 7, level: 2, skip: "language heading", declared: "en", prose: "en"},
				{kind: "paragraph", line: 9, declared: "en", prose: "English."},
				{kind: "heading", line: 11, level: 2, prose: "API"},
				{kind: "paragraph", line: 13, prose: "Neither."},
			}},
		{"one language heading alone declares nothing",
			"## en-US\n\nText.\n",
			[]mdUnit{
				{kind: "heading", line: 1, level: 2, prose: "en-US"},
				{kind: "paragraph", line: 3, prose: "Text."},
			}},
		{"words that are language codes are no language headings",
			"## It\n\nText.\n\n## Go\n\nMore.\n",
			[]mdUnit{
				{kind: "heading", line: 1, level: 2, prose: "It"},
				{kind: "paragraph", line: 3, prose: "Text."},
				{kind: "heading", line: 5, level: 2, prose: "Go"},
				{kind: "paragraph", line: 7, prose: "More."},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Markdown("demo.md", tt.text)
			checkMarkdown(t, doc, "demo.md", tt.text)
			got := gotUnits(doc)
			for i := 0; i < max(len(got), len(tt.want)); i++ {
				switch {
				case i >= len(got):
					t.Errorf("unit %d missing, want %v", i, tt.want[i])
				case i >= len(tt.want):
					t.Errorf("unit %d unexpected: %v", i, got[i])
				case got[i] != tt.want[i]:
					t.Errorf("unit %d\n got %v\nwant %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestMarkdownFixtures reads the files of testdata/markdown, each beside
// its expected units (NAME.md and NAME.units, one unit a line, as
// mdUnit.String prints it).
func TestMarkdownFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/markdown")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(strings.TrimSuffix(f, ".md") + ".units")
			if err != nil {
				t.Fatal(err)
			}
			doc := Markdown(f, string(data))
			checkMarkdown(t, doc, f, string(data))
			var got strings.Builder
			for _, u := range gotUnits(doc) {
				got.WriteString(u.String() + "\n")
			}
			if got.String() != string(want) {
				t.Errorf("%s: units differ\n got:\n%s\nwant:\n%s", f, got.String(), want)
			}
		})
	}
}

// TestMarkdownRealTrees reads every Markdown file of the documentation
// trees in the shared data: no panic, every unit holds the file's bytes at
// its position, no letter outside every unit.
func TestMarkdownRealTrees(t *testing.T) {
	root := filepath.Join(sharedData, "docs-dev")
	if _, err := os.Stat(root); os.IsNotExist(err) {
		t.Skipf("%s not found (clone the shared data beside the repository to run this test)", rootRel(root))
	} else if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	skips := map[string]int{}
	files, declared := 0, 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text, _, fail := Decode(p, data, "")
		if fail != nil {
			t.Errorf("%s", fail.Error())
			return nil
		}
		doc := Markdown(p, text)
		checkMarkdown(t, doc, p, text)
		files++
		for _, u := range doc.Units {
			kinds[u.Kind]++
			s := u.Segments[0]
			if s.Skip != "" {
				skips[s.Skip]++
			}
			if s.Declared != "" {
				declared++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files; units by kind: %s; skipped: %s; %d units in declared language sections", files, counts(kinds), counts(skips), declared)
}

func counts(m map[string]int) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %d", k, m[k])
	}
	return b.String()
}

// Files are read by several goroutines at once, with one shared goldmark
// parser; -race checks that it keeps no state between calls.
func TestMarkdownConcurrent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	want := map[string]string{}
	texts := map[string]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
		want[f] = fmt.Sprint(gotUnits(Markdown(f, string(data))))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(files))
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, f := range files {
				if got := fmt.Sprint(gotUnits(Markdown(f, texts[f]))); got != want[f] {
					errs <- f
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for f := range errs {
		t.Errorf("%s: read differently when read concurrently", f)
	}
}
