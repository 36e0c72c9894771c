package history

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

func TestFindMarker(t *testing.T) {
	tests := []struct {
		name, file, text string
		hash, lang       string
		line             int // 0: no marker
	}{
		{"YAML front matter", "x.md", "---\ntitle: 安装\nsource_commit: \"ABC1234\"\n---\n# 安装\n", "abc1234", "", 3},
		{"TOML front matter", "x.md", "+++\ntitle = \"安装\"\nsource_commit = 'abc1234def'\n+++\n", "abc1234def", "", 3},
		{"HTML comment with the language", "x.md", "<!-- source: en@abc123 -->\n# 安装\n", "abc123", "en", 1},
		{"HTML comment, source-commit", "x.md", "# 安装\n\n<!--   source-commit: 0f0f0f0f   -->\n", "0f0f0f0f", "", 3},
		{"a locale in the comment", "x.md", "<!-- source: zh-CN@abcd -->\n", "abcd", "zh-CN", 1},
		{"MDX comment", "x.mdx", "{/* source: en@abc1234 */}\n", "abc1234", "en", 1},
		{"AsciiDoc comment", "x.adoc", "// source: en@abc1234\n= 安装\n", "abc1234", "en", 1},
		{"front matter wins over a comment", "x.md", "---\nsource_commit: aaaa111\n---\n<!-- source: en@bbbb222 -->\n", "aaaa111", "", 2},
		{"a byte-order mark", "x.md", "\ufeff<!-- source: en@abc1234 -->\n", "abc1234", "en", 1},
		{"CRLF line endings", "x.md", "---\r\nsource_commit: abc1234\r\n---\r\n", "abc1234", "", 2},
		// Not markers.
		{"inside a code block", "x.md", "```html\n<!-- source: en@abc1234 -->\n```\n", "", "", 0},
		{"inside prose", "x.md", "Write <!-- source: en@abc1234 --> on its own line.\n", "", "", 0},
		{"not a hash", "x.md", "<!-- source: en@main -->\n", "", "", 0},
		{"too short a hash", "x.md", "<!-- source: abc -->\n", "", "", 0},
		{"a // line in Markdown is text", "x.md", "// source: en@abc1234\n", "", "", 0},
		{"source_commit outside front matter", "x.md", "# 安装\nsource_commit: abc1234\n", "", "", 0},
		{"AsciiDoc listing block", "x.adoc", "----\n// source: en@abc1234\n----\n", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := FindMarker(tt.file, []byte(tt.text))
			if ok != (tt.line > 0) || m.Hash != tt.hash || m.Lang != tt.lang || m.Line != tt.line {
				t.Errorf("FindMarker = %+v, %v; want hash %q lang %q line %d", m, ok, tt.hash, tt.lang, tt.line)
			}
		})
	}
}

func TestSetMarker(t *testing.T) {
	const hash = "0123456789ab"
	tests := []struct {
		name, file, lang, text, want string
	}{
		{"no marker, no front matter: a comment on the first line", "x.md", "en",
			"# 安装\n", "<!-- source: en@0123456789ab -->\n# 安装\n"},
		{"unknown language", "x.md", "",
			"# 安装\n", "<!-- source: 0123456789ab -->\n# 安装\n"},
		{"YAML front matter gets the key", "x.md", "en",
			"---\ntitle: 安装\n---\n# 安装\n", "---\ntitle: 安装\nsource_commit: 0123456789ab\n---\n# 安装\n"},
		{"TOML front matter", "x.md", "en",
			"+++\ntitle = \"x\"\n+++\n", "+++\ntitle = \"x\"\nsource_commit = \"0123456789ab\"\n+++\n"},
		{"an existing key is updated", "x.md", "en",
			"---\nsource_commit: abc1234\ntitle: x\n---\n", "---\nsource_commit: 0123456789ab\ntitle: x\n---\n"},
		{"an existing comment is updated where it stands, its language kept", "x.md", "",
			"# 安装\n\n  <!-- source: fr@abc1234 -->\n", "# 安装\n\n  <!-- source: fr@0123456789ab -->\n"},
		{"CRLF and a byte-order mark are kept", "x.md", "en",
			"\ufeff# 安装\r\n正文。\r\n", "\ufeff<!-- source: en@0123456789ab -->\r\n# 安装\r\n正文。\r\n"},
		{"CRLF front matter", "x.md", "en",
			"---\r\ntitle: x\r\n---\r\n", "---\r\ntitle: x\r\nsource_commit: 0123456789ab\r\n---\r\n"},
		{"no final line break", "x.md", "en",
			"# 安装", "<!-- source: en@0123456789ab -->\n# 安装"},
		{"MDX", "x.mdx", "en", "# 安装\n", "{/* source: en@0123456789ab */}\n# 安装\n"},
		{"AsciiDoc", "x.adoc", "en", "= 安装\n", "// source: en@0123456789ab\n= 安装\n"},
		{"empty file", "x.md", "en", "", "<!-- source: en@0123456789ab -->\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetMarker(tt.file, []byte(tt.text), tt.lang, hash)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("SetMarker:\n got %q\nwant %q", got, tt.want)
			}
			m, ok := FindMarker(tt.file, got)
			if !ok || m.Hash != hash {
				t.Errorf("the marker written is not found again: %+v %v", m, ok)
			}
			again, _ := SetMarker(tt.file, got, tt.lang, hash)
			if string(again) != string(got) {
				t.Errorf("stamping twice changed the file:\n%q\n%q", got, again)
			}
		})
	}
	if _, err := SetMarker("x.txt", []byte("正文。\n"), "en", hash); err == nil || !strings.Contains(err.Error(), "Markdown, MDX, AsciiDoc and HTML") {
		t.Errorf("plain text: error %v, want a refusal naming the formats that take a marker", err)
	}
}

func TestChangeKind(t *testing.T) {
	tests := []struct {
		name           string
		removed, added []string
		want           document.ChangeKind
	}{
		{"reflowed", []string{"Download the tool", "and run it."}, []string{"Download the tool and", "  run it."}, document.ChangeSpace},
		{"blank line added", nil, []string{""}, document.ChangeSpace},
		{"trailing spaces", []string{"Run it.  "}, []string{"Run it."}, document.ChangeSpace},
		{"words joined is text", []string{"set up"}, []string{"setup"}, document.ChangeText},
		{"Markdown link", []string{"See [the guide](http://a.example/g)."}, []string{"See [the guide](https://b.example/guide#x \"Guide\")."}, document.ChangeLink},
		{"reference definition", []string{"[g]: http://a.example/g"}, []string{"[g]: https://b.example/g"}, document.ChangeLink},
		{"autolink and bare URL", []string{"Go to <http://a.example> or http://a.example/x."}, []string{"Go to <https://b.example> or https://b.example/y."}, document.ChangeLink},
		{"HTML href", []string{`<a href="/a">Guide</a>`}, []string{`<a href="/b">Guide</a>`}, document.ChangeLink},
		{"AsciiDoc link", []string{"link:http://a.example[the guide]"}, []string{"link:https://b.example/g[the guide]"}, document.ChangeLink},
		{"a link's text is text", []string{"See [the guide](/g)."}, []string{"See [the manual](/g)."}, document.ChangeText},
		{"a link added is text", []string{"See the guide."}, []string{"See [the guide](/g)."}, document.ChangeText},
		{"new lines", nil, []string{"A note."}, document.ChangeText},
	}
	for _, tt := range tests {
		if got := kindOf(tt.removed, tt.added); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestParseDiff(t *testing.T) {
	out := "diff --git a/en/old.md b/en/new.md\nsimilarity index 80%\nrename from en/old.md\nrename to en/new.md\n" +
		"--- a/en/old.md\n+++ b/en/new.md\n@@ -3 +3 @@ intro\n-Run it.\n+Run it twice.\n@@ -7,2 +6,0 @@\n-a\n-b\n@@ -10,0 +9,2 @@\n+c\n+d\n" +
		"diff --git a/en/other.md b/en/other.md\n--- a/en/other.md\n+++ b/en/other.md\n@@ -1 +1 @@\n-x\n+y\n"
	got, err := parseDiff([]byte(out), "en/new.md")
	if err != nil {
		t.Fatal(err)
	}
	want := []document.Change{{From: 3, To: 3}, {From: 6, To: 6, Removed: true}, {From: 9, To: 10}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("hunk %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
