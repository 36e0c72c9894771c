package read

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// suppressionStrings gives a document's suppressions as
// "from-to checks [except x] (line n)", in the order read.
func suppressionStrings(doc *document.Document) []string {
	var out []string
	for _, s := range doc.Suppressions {
		checks := "all"
		if s.Checks != nil {
			checks = strings.Join(s.Checks, ",")
		}
		line := fmt.Sprintf("%d-%d %s", s.From, s.To, checks)
		if len(s.Except) > 0 {
			line += " except " + strings.Join(s.Except, ",")
		}
		out = append(out, fmt.Sprintf("%s (line %d)", line, s.Line))
	}
	return out
}

func problemStrings(doc *document.Document) []string {
	var out []string
	for _, p := range doc.Problems {
		out = append(out, p.Error())
	}
	return out
}

// TestSuppressionDirectives reads a file of each format that has comments
// and checks the lines each directive suppresses, for which checks, and
// the problems a wrong directive gives.
func TestSuppressionDirectives(t *testing.T) {
	tests := []struct {
		name     string
		read     func(path, text string) *document.Document
		path     string
		text     string
		want     []string
		problems []string
	}{
		{"markdown next line covers the next block only", Markdown, "a.md",
			"# T\n\n<!-- transcheck-disable-next-line numbers -- the price changed -->\n\nWe sold 12 apples.\nThe block goes on.\n\nNot this one: 13.\n",
			[]string{"5-6 numbers (line 3)"}, nil},
		{"markdown range closed by enable", Markdown, "a.md",
			"<!-- transcheck-disable numbers carryover -->\n\nA 1.\n\nB 2.\n\n<!-- transcheck-enable -->\n\nC 3.\n",
			[]string{"1-7 numbers,carryover (line 1)"}, nil},
		{"markdown enable names one check: the others go on", Markdown, "a.md",
			"<!-- transcheck-disable numbers carryover -->\nA 1.\n\n<!-- transcheck-enable numbers -->\nB 2.\n",
			[]string{"1-4 numbers,carryover (line 1)", "5-5 carryover except numbers (line 1)"}, nil},
		{"markdown disable with no name is every check, to the end of the file", Markdown, "a.md",
			"Intro.\n\n<!-- transcheck-disable -->\n\nA 1.\n\n<!-- transcheck-enable omission -->\nB 2.\n",
			[]string{"3-7 all (line 3)", "8-8 all except omission (line 3)"}, nil},
		{"markdown comment in a block quote, commas between names", Markdown, "a.md",
			"> <!-- transcheck-disable-next-line numbers, terms -->\n> Quoted 12.\n>\n> Next.\n",
			[]string{"2-2 numbers,terms (line 1)"}, nil},
		{"markdown comment in code is code", Markdown, "a.md",
			"```html\n<!-- transcheck-disable -->\n```\n\nText 1.\n",
			nil, nil},
		{"markdown comment inside a line does nothing, and says so", Markdown, "a.md",
			"Text 12 <!-- transcheck-disable-next-line --> more.\n",
			nil, []string{"a.md:1: a transcheck directive inside a line of text does nothing (put the comment on a line of its own)"}},
		{"mdx comment before its paragraph", Markdown, "a.mdx",
			"{/* transcheck-disable-next-line numbers */}\nMDX text 9.\n\nNext 10.\n",
			[]string{"2-2 numbers (line 1)"}, nil},
		{"mdx comment inside a paragraph does nothing, and says so", Markdown, "a.mdx",
			"Text 12.\n{/* transcheck-disable-next-line */}\nMore 13, and `{/* transcheck-disable */}` in code.\n",
			nil, []string{"a.mdx:2: a transcheck directive inside a line of text does nothing (put the comment on a line of its own)"}},
		{"unknown directive and an enable with nothing to enable", Markdown, "a.md",
			"<!-- transcheck-disable-line numbers -->\n\n<!-- transcheck-enable -->\n\nText.\n\n<!-- transcheck-disable-next-line -->\n",
			nil, []string{
				`a.md:1: unknown directive "transcheck-disable-line" (write transcheck-disable, transcheck-enable or transcheck-disable-next-line, then the checks)`,
				"a.md:3: transcheck-enable: no transcheck-disable before it, nothing to enable (remove it, or add the disable)",
				"a.md:7: transcheck-disable-next-line: no text follows it (put it on the line above the text to suppress)",
			}},
		{"other comments are not directives", Markdown, "a.md",
			"<!-- TODO: check with transcheck -->\n\nText.\n",
			nil, nil},
		{"asciidoc line comments", AsciiDoc, "a.adoc",
			"= T\n\n// transcheck-disable-next-line numbers\nWe sold 12 apples.\nSecond line.\n\nPara one.\n// transcheck-disable carryover\nPara goes on.\n\n----\n// transcheck-disable\n----\n\n////\n// transcheck-enable numbers\n////\n\n// transcheck-enable\nTail.\n",
			[]string{"4-5 numbers (line 3)", "8-19 carryover (line 8)"}, nil},
		{"po translator comment suppresses its entry", PO, "a.po",
			"msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n# transcheck-disable numbers\n#: src/a.c:1\nmsgid \"12 files\"\nmsgstr \"\"\n\"13 个文件\"\n\nmsgid \"Next\"\nmsgstr \"下一个\"\n",
			[]string{"4-8 numbers (line 4)"}, nil},
		{"po header comment suppresses the whole file; enable is a problem", PO, "a.po",
			"# transcheck-disable untranslated\nmsgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n# transcheck-enable\nmsgid \"A\"\nmsgstr \"甲\"\n",
			[]string{"1-7 untranslated (line 1)"},
			[]string{"a.po:5: transcheck-enable in a PO comment has nothing to end: a transcheck-disable there applies to its own unit only (remove it)"}},
		{"po extracted and flag comments are not directives", PO, "a.po",
			"#. transcheck-disable numbers\n#, c-format\nmsgid \"A %d\"\nmsgstr \"甲 %d\"\n",
			nil, nil},
		{"xliff 1.2 note", XLIFF, "a.xlf",
			`<?xml version="1.0"?>
<xliff version="1.2"><file source-language="en" target-language="zh"><body>
<trans-unit id="1">
  <source>12 files</source>
  <target>13 个文件</target>
  <note>transcheck-disable numbers</note>
</trans-unit>
<trans-unit id="2"><source>Next</source><target>下一个</target><note>Reviewed by Li.</note></trans-unit>
</body></file></xliff>
`, []string{"3-7 numbers (line 6)"}, nil},
		{"xliff 2.0 notes", XLIFF, "a.xliff",
			`<?xml version="1.0"?>
<xliff version="2.0" srcLang="en" trgLang="zh"><file id="f">
<unit id="u1">
  <notes><note>transcheck-disable numbers carryover</note></notes>
  <segment><source>12 files</source><target>13 个文件</target></segment>
  <segment><source>Two.</source><target>二。</target></segment>
</unit>
</file></xliff>
`, []string{"3-7 numbers,carryover (line 4)"}, nil},
		{"tmx note", TMX, "a.tmx",
			`<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext"/><body>
<tu tuid="1">
  <note>transcheck-disable-next-line</note>
  <tuv xml:lang="en"><seg>12 files</seg></tuv>
  <tuv xml:lang="zh"><seg>13 个文件</seg></tuv>
</tu>
</body></tmx>
`, []string{"3-7 all (line 4)"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.read(tt.path, tt.text)
			if got := suppressionStrings(doc); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("suppressions:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if got := problemStrings(doc); strings.Join(got, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.problems, "\n  "))
			}
		})
	}
}

// TestDirectivesAreMarkup checks that the comments that carry directives
// are never prose: each is a skipped comment unit, and the text under it
// is a paragraph of its own.
func TestDirectivesAreMarkup(t *testing.T) {
	tests := []struct {
		name string
		read func(path, text string) *document.Document
		text string
		want []string // kind, skip and text of each unit
	}{
		{"html comment", Markdown,
			"<!-- transcheck-disable-next-line numbers -->\nWe sold 12 apples.\n",
			[]string{`comment comment "<!-- transcheck-disable-next-line numbers -->"`, `paragraph  "We sold 12 apples."`}},
		{"mdx comment", Markdown,
			"{/* transcheck-disable-next-line numbers */}\nWe sold 12 apples.\n",
			[]string{`comment comment "{/* transcheck-disable-next-line numbers */}"`, `paragraph  "We sold 12 apples."`}},
		{"mdx comment alone", Markdown,
			"{/* transcheck-disable */}\n\nWe sold 12 apples.\n",
			[]string{`comment comment "{/* transcheck-disable */}"`, `paragraph  "We sold 12 apples."`}},
		{"asciidoc comment", AsciiDoc,
			"// transcheck-disable-next-line numbers\nWe sold 12 apples.\n",
			[]string{`comment comment "// transcheck-disable-next-line numbers"`, `paragraph  "We sold 12 apples."`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.read("a", tt.text)
			var got []string
			for _, u := range doc.Units {
				s := u.Segments[0]
				got = append(got, fmt.Sprintf("%s %s %q", u.Kind, s.Skip, s.Text))
				if strings.Contains(s.Prose(), "transcheck") {
					t.Errorf("directive read as prose: %q", s.Prose())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("units:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if len(doc.Suppressions) != 1 {
				t.Errorf("%d suppressions, want 1", len(doc.Suppressions))
			}
		})
	}
}

// TestMDXCommentInTextIsMarkup reads MDX comments inside a paragraph:
// they are markup, not prose, as MDX never shows them.
func TestMDXCommentInTextIsMarkup(t *testing.T) {
	doc := Markdown("a.mdx", "Sold 12 {/* check the price */} apples.\n{/* transcheck-disable */}\nThe end.\n")
	if len(doc.Units) != 1 {
		t.Fatalf("%d units, want the paragraph", len(doc.Units))
	}
	if got, want := strings.Join(strings.Fields(doc.Units[0].Segments[0].Prose()), " "), "Sold 12 apples. The end."; got != want {
		t.Errorf("prose %q, want %q", got, want)
	}
}

// TestPairKeepsBothFilesSuppressions reads a pair of files: each file's
// directives reach the pair's document, with their own paths.
func TestPairKeepsBothFilesSuppressions(t *testing.T) {
	dir := t.TempDir()
	src, tgt := writeFile(t, dir, "a.md", "<!-- transcheck-disable-next-line numbers -->\nSold 12.\n"),
		writeFile(t, dir, "a.zh.md", "卖了13个。\n\n<!-- transcheck-disable terms -->\n")
	doc := File(Input{Source: src, Target: tgt, Paired: true, SourceLang: "en", TargetLang: "zh"}, Options{})
	var got []string
	for _, s := range doc.Suppressions {
		got = append(got, fmt.Sprintf("%s:%d-%d", s.Path[len(dir)+1:], s.From, s.To))
	}
	if want := "a.md:2-2 a.zh.md:3-3"; strings.Join(got, " ") != want {
		t.Errorf("suppressions %q, want %q", strings.Join(got, " "), want)
	}
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
