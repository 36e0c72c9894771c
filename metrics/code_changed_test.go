package metrics_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/document"
)

// block is a Markdown block of a fixture: a fenced code block (fence is
// its info string, "-" for a paragraph, "" for a fence without one) or a
// paragraph.
type block struct {
	fence string
	text  string
}

func code(lang, text string) block { return block{fence: lang, text: text} }
func para(text string) block       { return block{fence: "-", text: text} }

// units lays blocks out as a Markdown file would hold them, one blank
// line apart, and returns their units; the fence line of a code block is
// part of its text, as the Markdown readers give it.
func units(path string, role document.Role, blocks []block) []*document.Unit {
	var out []*document.Unit
	line, off := 1, 0
	for _, b := range blocks {
		text, kind, skip, info := b.text, "paragraph", "", ""
		if b.fence != "-" {
			text = "```" + b.fence + "\n" + strings.TrimSuffix(b.text, "\n") + "\n```"
			kind, skip, info = "code", "code", b.fence
		}
		pos := document.Position{Path: path, Line: line, Start: off, End: off + len(text)}
		out = append(out, &document.Unit{Kind: kind, Info: info, Pos: pos,
			Segments: []*document.Segment{{Text: text, Role: role, Skip: skip, Pos: pos}}})
		line += strings.Count(text, "\n") + 2
		off += len(text) + 2
	}
	return out
}

// filesDoc is the document of a source file and its translation.
func filesDoc(src, tgt []block) *document.Document {
	doc := &document.Document{Name: "guide.md", Paths: []string{"guide.en.md", "guide.zh.md"},
		Format: "markdown", Source: "en", Target: "zh", Directed: true}
	doc.Units = append(units("guide.en.md", document.RoleSource, src), units("guide.zh.md", document.RoleTarget, tgt)...)
	doc.Index()
	return doc
}

func codeFindings(doc *document.Document) []metrics.Finding {
	return metrics.Run(doc, []*metrics.Metric{metrics.CodeChanged}, metrics.DefaultConfig())
}

func describe(fs []metrics.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s:%d|%s:%d %s\n", f.Source.Path, f.Source.Line, f.Target.Path, f.Target.Line, f.Message)
	}
	return b.String()
}

const jsSetup = `import { Button, message } from 'antd';

const App = () => (
  <Button type="primary" onClick={() => message.success('Submitted')}>
    Submit
  </Button>
);`

func TestCodeChanged(t *testing.T) {
	install := code("bash", "npm install antd --save\nnpm run start")
	for _, tc := range []struct {
		name     string
		src, tgt []block
		want     string // the findings, as describe writes them
	}{
		{"a changed flag in a shell block names both lines",
			[]block{para("Install it:"), code("bash", "cd my-app\nnpm install antd --save\nnpm run start")},
			[]block{para("安装："), code("bash", "cd my-app\nnpm install antd\nnpm run start")},
			`guide.en.md:5|guide.zh.md:5 code block differs from the source: line 2 "npm install antd --save" vs "npm install antd"` + "\n"},
		{"translated comments",
			[]block{code("js", "// create an instance\nconst a = new A(); /* the first */\nlet b = 1 // one"),
				code("sh", "# install\nnpm i antd # with npm"),
				code("html", "<!-- the root -->\n<div id=\"root\"></div>"),
				code("sql", "-- all users\nSELECT * FROM users;"),
				code("python", "# a comment\nx = 1  # one\n\"\"\"A docstring\nthat spans lines.\"\"\"")},
			[]block{code("js", "// 创建实例\nconst a = new A(); /* 第一个 */\nlet b = 1 // 一"),
				code("sh", "# 安装\nnpm i antd # 用 npm"),
				code("html", "<!-- 根 -->\n<div id=\"root\"></div>"),
				code("sql", "-- 所有用户\nSELECT * FROM users;"),
				code("python", "# 注释\nx = 1  # 一\n\"\"\"文档字符串，\n跨行。\"\"\"")},
			""},
		{"a comment translated over more lines",
			[]block{code("go", "// Compile parses a regular expression.\nfunc Compile(str string) (*Regexp, error) {")},
			[]block{code("go", "// Compile 解析正则表达式，\n// 并返回 Regexp。\nfunc Compile(str string) (*Regexp, error) {")},
			""},
		{"translated strings and text",
			[]block{code("jsx", jsSetup)},
			[]block{code("jsx", strings.NewReplacer("'Submitted'", "'提交成功'", "Submit\n", "提交\n").Replace(jsSetup))},
			""},
		{"a translated comment in a fence with no language",
			[]block{code("", "// set the size\nchart.resize(100) // in pixels\n# end")},
			[]block{code("", "// 设置大小\nchart.resize(100) // 像素\n# 结束")},
			""},
		{"reindented and rewrapped code, semicolons and trailing commas",
			[]block{code("ts", "const a = {\n  title: 'Natural',\n  content:\n    'The animation should be natural.',\n};\nfoo(a);")},
			[]block{code("ts", "const a = {\n\ttitle: '自然',\n\tcontent: '自然运动规律',\n}\nfoo(a)")},
			""},
		{"white space in a string",
			[]block{code("html", "<div id=\"main\" style=\"width:600px; height:400px;\"></div>")},
			[]block{code("html", "<div id=\"main\" style=\"width: 600px;height:400px;\"></div>")},
			""},
		{"localised links and elided code",
			[]block{code("ts", "{\n    icon: 'https://example.org/en/favicon.png',\n    ...\n}")},
			[]block{code("ts", "{\n    icon: 'https://example.org/zh/favicon.png',\n    // ...\n}")},
			""},
		{"a prose line the translation put in a code block",
			[]block{code("ts", "a(1)\n// Or inverse:\na(-1)")},
			[]block{code("ts", "a(1)\n或者反向：\na(-1)")},
			""},
		{"a block missing on one side",
			[]block{code("bash", "npm install antd"), code("js", "import { Button } from 'antd';\nrender(<Button />);")},
			[]block{code("js", "import { Button } from 'antd';\nrender(<Button />);")},
			""},
		{"a block only the translation has",
			[]block{code("js", "import { Button } from 'antd';")},
			[]block{code("bash", "yarn add antd"), code("js", "import { Button } from 'antd';")},
			""},
		{"an inserted block does not shift the matching",
			[]block{install, code("js", "import { DatePicker } from 'antd';\nrender(<DatePicker />, mountNode);")},
			[]block{code("bash", "cnpm i"), install, code("js", "import { DatePicker } from 'antd';\nrender(<DatePicker />, root);")},
			`guide.en.md:8|guide.zh.md:12 code block differs from the source: line 2 "render(<DatePicker />, mountNode);" vs "render(<DatePicker />, root);"` + "\n"},
		{"blocks in a different order",
			[]block{install, code("js", "import { DatePicker } from 'antd';\nrender(<DatePicker />);")},
			[]block{code("js", "import { DatePicker } from 'antd';\nrender(<DatePicker />);"), install},
			""},
		{"a line the translation left out",
			[]block{code("js", "const a = {\n  uid: 'uid', // id\n  xhr: 'XMLHttpRequest', // header\n};")},
			[]block{code("js", "const a = {\n  uid: 'uid', // 标识\n};")},
			`guide.en.md:4|guide.zh.md:4 code block differs from the source: line 3 "xhr: 'XMLHttpRequest', // header" is not in the translation` + "\n"},
		{"a full stop for a semicolon",
			[]block{code("js", "var chart = echarts.init(dom);\nchart.setOption(option);")},
			[]block{code("js", "var chart = echarts.init(dom)。\nchart.setOption(option);")},
			`guide.en.md:2|guide.zh.md:2 code block differs from the source: line 1 "var chart = echarts.init(dom);" vs "var chart = echarts.init(dom)。"` + "\n"},
		{"a changed string that holds no translation",
			[]block{code("js", "import { Button } from 'antd';\nimport { Input } from 'antd';")},
			[]block{code("js", "import { Button } from 'antd/es';\nimport { Input } from 'antd';")},
			`guide.en.md:2|guide.zh.md:2 code block differs from the source: line 1 "import { Button } from 'antd';" vs "import { Button } from 'antd/es';"` + "\n"},
		{"a command on a line of its own",
			[]block{para("- Remove an address:"), para("`sudo arp -d {{address}}`")},
			[]block{para("- 删除地址："), para("`arp -d {{地址}}`")},
			`guide.en.md:3|guide.zh.md:3 code block differs from the source: line 1 "sudo arp -d {{address}}" vs "arp -d {{地址}}"` + "\n"},
		{"either form of an option in tldr's alternatives",
			[]block{para("`asciinema {{[p|play]}} {{[-i|--idle-time-limit]}} 2 {{cast_id}}`")},
			[]block{para("`asciinema play -i 2 {{文件id}}`")},
			""},
		{"a form that is not one of the alternatives",
			[]block{para("`asciinema {{[r|rec]}} --idle-time-limit 2 --overwrite {{path}}`")},
			[]block{para("`asciinema upload --idle-time-limit 2 --overwrite {{路径}}`")},
			`guide.en.md:1|guide.zh.md:1 code block differs from the source: line 1 "asciinema {{[r|rec]}} --idle-time-limit 2 --overwrite {{path}}" vs "asciinema upload --idle-time-limit 2 --overwrite {{路径}}"` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(codeFindings(filesDoc(tc.src, tc.tgt)))
			if got != tc.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestCodeChangedFinding(t *testing.T) {
	fs := codeFindings(filesDoc(
		[]block{code("bash", "npm install antd --save")},
		[]block{code("bash", "npm install antd")}))
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
	f := fs[0]
	// Judged 26 of 46 real: under the warning band (0.6), info.
	if f.Check != "code_changed" || f.Severity != metrics.Info || f.Confidence != metrics.CodeChanged.Confidence {
		t.Errorf("check %s, severity %s, confidence %v: want code_changed, info, %v", f.Check, f.Severity, f.Confidence, metrics.CodeChanged.Confidence)
	}
	if f.Source.Text != "npm install antd --save" || f.Target.Text != "npm install antd" || f.Source.Lang != "en" || f.Target.Lang != "zh" {
		t.Errorf("sides %+v and %+v: want the two lines, in en and zh", *f.Source, *f.Target)
	}
}

// bilingualDoc is a one-file document: the units alternate between the
// languages; pairs links the indices of paragraphs in English (source) to
// their Chinese ones.
func bilingualDoc(blocks []block, langs string, pairs [][2]int) *document.Document {
	doc := &document.Document{Name: "doc.md", Paths: []string{"doc.md"}, Format: "markdown", Source: "en", Target: "zh"}
	doc.Units = units("doc.md", document.RoleNone, blocks)
	for i, u := range doc.Units {
		if l := langs[i]; l != '-' {
			lang := map[byte]string{'e': "en", 'z': "zh"}[l]
			for _, s := range u.Segments {
				if u.Kind == "code" {
					s.Declared = lang
				} else {
					s.Lang = lang
				}
			}
		}
	}
	doc.Index()
	for _, p := range pairs {
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{p[0]}, Target: []int{p[1]}, Score: 1})
	}
	return doc
}

func TestCodeChangedBilingual(t *testing.T) {
	twinA := []block{code("go", "// Like a C for\nfor init; condition; post { }"), code("go", "// 如同 C 的 for 循环\nfor init; condition; post { }")}
	twinB := []block{code("go", "f, err := os.Open(name)\nif err != nil {\n\treturn err\n}"), code("go", "f, err := os.Open(name)\nif err != nil {\n\treturn nil\n}")}
	for _, tc := range []struct {
		name   string
		blocks []block
		langs  string // per block: e English, z Chinese, - no language (code not in a declared section)
		pairs  [][2]int
		want   string
	}{
		{"code blocks repeated in each language",
			append(append([]block{para("The for loop."), para("for 循环。")}, twinA...), append([]block{para("Open."), para("打开。")}, twinB...)...),
			"ez--ez--", [][2]int{{0, 1}, {4, 5}},
			`doc.md:22|doc.md:29 code block differs from the source: line 3 "return err" vs "return nil"` + "\n"},
		{"the other language first",
			[]block{para("for 循环。"), para("The for loop."), twinA[1], twinA[0], para("打开。"), para("Open."), twinB[1], twinB[0]},
			"ze--ze--", [][2]int{{1, 0}, {5, 4}},
			`doc.md:29|doc.md:22 code block differs from the source: line 3 "return err" vs "return nil"` + "\n"},
		{"a single pair of blocks side by side is not clearly a translation",
			append([]block{para("The for loop."), para("for 循环。")}, twinB...),
			"ez--", [][2]int{{0, 1}},
			""},
		{"blocks side by side that mostly differ are steps of an example",
			append(append([]block{para("The for loop."), para("for 循环。")}, twinB...),
				para("Then."), para("然后。"), code("go", "x := 1\ny := 2"), code("go", "x := 1\ny := 3"),
				para("Last."), para("最后。"), code("go", "z := f(a)"), code("go", "z := g(a)")),
			"ez--ez--ez--", [][2]int{{0, 1}, {4, 5}, {8, 9}},
			""},
		{"declared language sections",
			[]block{para("## zh-CN"), para("按钮。"), code("bash", "npm i antd"), para("## en-US"), para("A button."), code("bash", "npm i antd --save")},
			"-zz-ee", [][2]int{{4, 1}},
			`doc.md:14|doc.md:6 code block differs from the source: line 1 "npm i antd --save" vs "npm i antd"` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(codeFindings(bilingualDoc(tc.blocks, tc.langs, tc.pairs)))
			if got != tc.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A pair of Markdown files checked end to end: the one changed command of
// the translation is the only code_changed finding, at its lines.
func TestCodeChangedRun(t *testing.T) {
	dir := t.TempDir()
	en := "# Guide\n\nInstall antd:\n\n```bash\n# with npm\nnpm install antd --save\n```\n\n" +
		"Then use a button:\n\n```jsx\nimport { Button } from 'antd';\n\n// a primary button\nconst App = () => <Button type=\"primary\">Submit</Button>;\n```\n"
	zh := "# 指南\n\n安装 antd：\n\n```bash\n# 使用 npm\nnpm install antd\n```\n\n" +
		"然后使用按钮：\n\n```jsx\nimport { Button } from 'antd';\n\n// 主按钮\nconst App = () => <Button type=\"primary\">提交</Button>;\n```\n"
	for name, text := range map[string]string{"guide.en.md": en, "guide.zh.md": zh} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := pipeline.NewRunner(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []metrics.Finding
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			if f.Check == metrics.CodeChanged.Name {
				got = append(got, f)
			}
		}
	}
	if len(got) != 1 {
		t.Fatalf("got %d code_changed findings, want 1:\n%s", len(got), describe(got))
	}
	f := got[0]
	if filepath.Base(f.Source.Path) != "guide.en.md" || f.Source.Line != 7 || filepath.Base(f.Target.Path) != "guide.zh.md" || f.Target.Line != 7 {
		t.Errorf("finding at %s:%d and %s:%d, want guide.en.md:7 and guide.zh.md:7", f.Source.Path, f.Source.Line, f.Target.Path, f.Target.Line)
	}
	if want := `code block differs from the source: line 2 "npm install antd --save" vs "npm install antd"`; f.Message != want {
		t.Errorf("message %q, want %q", f.Message, want)
	}
}

// Commands on lines of their own, each after its description as tldr
// pages have them, are one example when their descriptions are paired:
// a command after a description with another counterpart is another
// example, however similar.
func TestCodeChangedCommandContext(t *testing.T) {
	src := []block{para("# cut"), para("- Use space as a delimiter:"), para("`cut -d \" \" -f -3`"),
		para("- Split by a delimiter:"), para("`cut -d \"{{delimiter}}\" -f 2-`")}
	tgt := []block{para("# cut"), para("- 按指定分隔符分割："), para("`cut -d \"{{分隔符}}\" -f {{1|1,10}}`")}
	for _, tc := range []struct {
		name  string
		pairs [][2]int // unit indices: source, target
		want  string
	}{
		{"the description of the second command is paired", [][2]int{{0, 0}, {3, 1}},
			`guide.en.md:9|guide.zh.md:5 code block differs from the source: line 1 "cut -d \"{{delimiter}}\" -f 2-" vs "cut -d \"{{分隔符}}\" -f {{1|1,10}}"` + "\n"},
		{"no description is paired", [][2]int{{0, 0}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := filesDoc(src, tgt)
			for _, p := range tc.pairs {
				doc.Beads = append(doc.Beads, document.Bead{Source: []int{p[0]}, Target: []int{len(src) + p[1]}, Score: 1})
			}
			if got := describe(codeFindings(doc)); got != tc.want {
				t.Errorf("findings:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// The findings judged on the real trees (testdata/precision/code_changed.tsv)
// stay found: a change that loses a finding judged true fails, one that
// drops a false one or finds a new one says so.
func TestCodeChangedRealTrees(t *testing.T) {
	if testing.Short() {
		t.Skip("checks the real trees of ../shared/data: not with -short")
	}
	data, err := os.ReadFile("../testdata/precision/code_changed.tsv")
	if err != nil {
		t.Fatal(err)
	}
	judged := map[string]string{} // path:line, from shared/data/ on, to verdict
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 4 || (f[2] != "TRUE" && f[2] != "FALSE") || f[3] == "" {
			t.Fatalf("code_changed.tsv: %q is not path, line, TRUE or FALSE, reason", l)
		}
		judged[sharedRel(f[0])+":"+f[1]] = f[2]
	}
	for _, rel := range []string{"../shared/data/docs-dev/ant-design", "../shared/data/docs-dev/echarts-doc", "../shared/data/formats/docs-tree/tldr"} {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			dir := filepath.Join("..", rel)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("%s (from the repository root) is absent: skipping", rel)
			}
			r, err := pipeline.NewRunner(pipeline.Config{Metrics: []*metrics.Metric{metrics.CodeChanged}})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := r.Run(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			found := map[string]bool{}
			for _, d := range rep.Documents {
				for _, f := range d.Findings {
					if f.Check != metrics.CodeChanged.Name {
						continue
					}
					at := fmt.Sprintf("%s:%d", sharedRel(f.Target.Path), f.Target.Line)
					found[at] = true
					if judged[at] == "" {
						t.Logf("%s: not judged yet: %s", at, f.Message)
					}
				}
			}
			tp, n := 0, 0
			for at, v := range judged {
				if !strings.HasPrefix(at, sharedRel(rel)+"/") {
					continue
				}
				switch {
				case v == "TRUE" && !found[at]:
					t.Errorf("%s: judged a true code_changed finding, no longer found", at)
				case v == "FALSE" && !found[at]:
					t.Logf("%s: judged false, no longer found", at)
				case found[at]:
					n++
					if v == "TRUE" {
						tp++
					}
				}
			}
			t.Logf("%d of the %d judged findings still found are true", tp, n)
		})
	}
}

// sharedRel returns a path from its shared/data/ on.
func sharedRel(p string) string {
	p = filepath.ToSlash(p)
	if i := strings.Index(p, "shared/data/"); i >= 0 {
		return p[i:]
	}
	return p
}
