package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func describe(dir string, inputs []Input) string {
	rel := func(p string) string {
		if p == "" {
			return "-"
		}
		r, _ := filepath.Rel(dir, p)
		return filepath.ToSlash(r)
	}
	var out []string
	for _, in := range inputs {
		if !in.Paired {
			out = append(out, rel(in.Source))
			continue
		}
		out = append(out, rel(in.Source)+"("+in.SourceLang+")="+rel(in.Target)+"("+in.TargetLang+")")
	}
	return strings.Join(out, " ")
}

func TestDiscoverConventions(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		opt   Options
		want  string
	}{
		{"bilingual files stand alone", []string{"a.txt", "b.md"}, Options{}, "a.txt b.md"},
		{"name.lang.ext pairs", []string{"guide.en.md", "guide.zh-CN.md", "other.md"}, Options{},
			"guide.en.md(en)=guide.zh-CN.md(zh) other.md"},
		{"zh_CN spelling and chinese source", []string{"x.zh_CN.txt", "x.fr.txt"}, Options{Source: "zh"},
			"x.zh_CN.txt(zh)=x.fr.txt(fr)"},
		{"parallel trees", []string{"docs/en/a.md", "docs/zh/a.md", "docs/en/sub/b.md", "docs/zh/sub/b.md"}, Options{},
			"docs/en/a.md(en)=docs/zh/a.md(zh) docs/en/sub/b.md(en)=docs/zh/sub/b.md(zh)"},
		{"d.en and d.cn folders", []string{"d.en/cast.d", "d.cn/cast.d"}, Options{}, "d.en/cast.d(en)=d.cn/cast.d(zh)"},
		{"missing translation and orphan", []string{"en/a.md", "zh/a.md", "en/only.md", "zh/extra.md"}, Options{},
			"en/a.md(en)=zh/a.md(zh) en/only.md(en)=-(zh) -(en)=zh/extra.md(zh)"},
		{"one language folder is not a tree", []string{"en/a.md", "misc/b.md"}, Options{}, "en/a.md misc/b.md"},
		{"three languages, target chosen", []string{"en/a.md", "zh/a.md", "fr/a.md"}, Options{Target: "zh"},
			"en/a.md(en)=zh/a.md(zh)"},
		{"exclude", []string{"en/a.md", "zh/a.md", "drafts/x.md"}, Options{Exclude: []string{"drafts"}},
			"en/a.md(en)=zh/a.md(zh)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range tt.files {
				files[f] = "x"
			}
			dir := writeTree(t, files)
			inputs, probs := Discover([]string{dir}, tt.opt)
			if len(probs) > 0 {
				t.Fatalf("problems: %v", probs)
			}
			if got := describe(dir, inputs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestExplicitPair(t *testing.T) {
	dir := writeTree(t, map[string]string{"src/a.md": "x", "src/b.md": "x", "tgt/a.md": "y", "tgt/c.md": "y", "one.txt": "a", "two.txt": "b"})
	inputs, probs := Discover(nil, Options{Source: "en", Target: "zh", Pairs: []Pair{
		{filepath.Join(dir, "src"), filepath.Join(dir, "tgt")},
		{filepath.Join(dir, "one.txt"), filepath.Join(dir, "two.txt")},
		{filepath.Join(dir, "one.txt"), filepath.Join(dir, "nope.txt")},
	}})
	want := "src/a.md(en)=tgt/a.md(zh) src/b.md(en)=-(zh) -(en)=tgt/c.md(zh) one.txt(en)=two.txt(zh)"
	if got := describe(dir, inputs); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "nope.txt: cannot read --pair side") {
		t.Errorf("problems = %v, want one naming nope.txt", probs)
	}
}

func TestFilePairRoles(t *testing.T) {
	dir := writeTree(t, map[string]string{"en/a.md": "# Title\n\nHello there.\n", "zh/a.md": "# 标题\n"})
	doc := File(Input{Source: filepath.Join(dir, "en/a.md"), Target: filepath.Join(dir, "zh/a.md"), SourceLang: "en", TargetLang: "zh", Paired: true}, Options{})
	if !doc.Directed || doc.Source != "en" || doc.Target != "zh" || len(doc.Paths) != 2 {
		t.Fatalf("doc = %+v", doc)
	}
	var roles []string
	for _, u := range doc.Units {
		roles = append(roles, u.Segments[0].Role.String()+":"+filepath.Base(filepath.Dir(u.Segments[0].Pos.Path)))
	}
	if got := strings.Join(roles, " "); got != "source:en source:en target:zh" {
		t.Errorf("roles = %s", got)
	}
	missing := File(Input{Source: filepath.Join(dir, "en/a.md"), SourceLang: "en", TargetLang: "zh", Paired: true}, Options{})
	if missing.Missing != document.RoleTarget {
		t.Errorf("Missing = %v, want target", missing.Missing)
	}
}

func TestLangOfName(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "zh-CN": "zh", "zh_cn": "zh", "ZH-Hans": "zh", "cn": "zh",
		"pt-BR": "pt", "docs": "", "source": "", "xx": "", "d": "", "zh-": "",
		"zh_CN": "zh", "zh-hans": "zh", "zh-Hant-TW": "zh", "zh_Hant_HK": "zh", "en-US": "en", "es-419": "es",
		"sr-Latn": "sr", "zh-CHS": "zh", "zh-cn-": "", "cn-ZH": "",
		// Not locales: a word after the code, or too many parts.
		"en-test": "", "it-docs": "", "en-old": "", "de-prod": "", "zh-Hans-CN-x": "", "en-1": ""} {
		if got := LangOfName(in); got != want {
			t.Errorf("LangOfName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Walk counts the files it finds and cannot read, by extension, beside
// what it reads; hidden and excluded files are not counted.
func TestWalkUnread(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"guide.md": "# 指南 Guide\n", "img/logo.PNG": "x", "img/shot.png": "x", "LICENSE": "MIT",
		"data/words.u8": "x", ".git/config": "x", "skip/notes.bin": "x",
	})
	d := Walk([]string{dir}, Options{Exclude: []string{"skip"}})
	if len(d.Inputs) != 1 || filepath.Base(d.Inputs[0].Source) != "guide.md" {
		t.Errorf("inputs %s, want guide.md alone", describe(dir, d.Inputs))
	}
	want := map[string]int{".png": 2, "": 1, ".u8": 1}
	if len(d.Unread) != len(want) {
		t.Errorf("unread %v, want %v", d.Unread, want)
	}
	for ext, n := range want {
		if d.Unread[ext] != n {
			t.Errorf("unread %v, want %v", d.Unread, want)
			break
		}
	}
}

// TMX and XLIFF files saved as .xml are read as what their root element
// says; other XML is not read.
func TestXMLSniffed(t *testing.T) {
	tmx := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- exported > by a tool -->\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\"><header srclang=\"zh\"/><body>\n" +
		"<tu><tuv xml:lang=\"zh\"><seg>网络空间是共同的。</seg></tuv><tuv xml:lang=\"en\"><seg>Cyberspace is common.</seg></tuv></tu>\n</body></tmx>\n"
	xliff := "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"zh\" datatype=\"plaintext\" original=\"x\"><body>\n" +
		"<trans-unit id=\"1\"><source>Open</source><target>打开</target></trans-unit>\n</body></file></xliff>\n"
	android := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<resources><string name=\"app\">App</string></resources>\n"
	dir := writeTree(t, map[string]string{"memory.xml": tmx, "ui.xml": xliff, "strings.xml": android})
	d := Walk([]string{dir}, Options{})
	formats := map[string]string{}
	for _, in := range d.Inputs {
		doc := File(in, Options{})
		formats[filepath.Base(in.Source)] = doc.Format
		if len(doc.Units) != 1 {
			t.Errorf("%s: %d units, want 1 (%v)", in.Source, len(doc.Units), doc.Problems)
		}
	}
	if formats["memory.xml"] != "tmx" || formats["ui.xml"] != "xliff" || len(formats) != 2 {
		t.Errorf("formats %v, want memory.xml tmx and ui.xml xliff alone", formats)
	}
	if d.Unread[".xml"] != 1 {
		t.Errorf("unread %v, want the Android strings.xml", d.Unread)
	}
}

// MDX pages (Docusaurus, Nextra) are found in folders, read as Markdown
// and paired like .md files.
func TestMDXReadAsMarkdown(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"en/intro.mdx": "# Introduction\n\nInstall the tool first.\n",
		"zh/intro.mdx": "# 简介\n\n先安装工具。\n",
	})
	d := Walk([]string{dir}, Options{})
	if got, want := describe(dir, d.Inputs), "en/intro.mdx(en)=zh/intro.mdx(zh)"; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if len(d.Unread) != 0 {
		t.Errorf("unread %v, want none", d.Unread)
	}
	doc := File(d.Inputs[0], Options{})
	if doc.Format != "markdown" {
		t.Errorf("format %q, want markdown", doc.Format)
	}
	var kinds []string
	for _, u := range doc.Units {
		kinds = append(kinds, u.Kind)
	}
	if got := strings.Join(kinds, " "); got != "heading paragraph heading paragraph" {
		t.Errorf("units %s, want a heading and a paragraph on each side", got)
	}
}

// A file named NAME.LANG is a side of a line-aligned corpus only beside
// its translation: TypeScript and C# files are not Tsonga and Czech.
func TestWalkLineAlignedNeedsASibling(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"site/docusaurus.config.ts": "export default {};\n", "site/sidebars.ts": "export default {};\n",
		"ex/hello.cs": "class A {}\n", "ex/hello.ts": "let a = 1;\n",
		"corpus/test.zh": "你好\n", "corpus/test.en": "Hello\n", "lone.zh": "你好\n",
	})
	d := Walk([]string{dir}, Options{})
	if got, want := describe(dir, d.Inputs), "corpus/test.en(en)=corpus/test.zh(zh)"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	want := map[string]int{".ts": 3, ".cs": 1, ".zh": 1}
	if len(d.Unread) != len(want) {
		t.Errorf("unread %v, want %v", d.Unread, want)
	}
	for ext, n := range want {
		if d.Unread[ext] != n {
			t.Errorf("unread %v, want %v", d.Unread, want)
			break
		}
	}
}
