package read

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
)

// checkText checks the invariants of the readers whose segments are the
// file's own bytes (text, Markdown, Ddoc): every segment lies inside the
// text, on the line its offset is on, and text[Start:End] is its Text.
func checkText(t *testing.T, doc *document.Document, path, text string) {
	t.Helper()
	lines := newLineIndex(text)
	for i, u := range doc.Units {
		if len(u.Segments) == 0 {
			t.Fatalf("unit %d has no segment", i)
		}
		for j, s := range u.Segments {
			p := s.Pos
			if p.Path != path || p.Start < 0 || p.Start > p.End || p.End > len(text) {
				t.Fatalf("unit %d segment %d: position %+v outside the file (%d bytes)", i, j, p, len(text))
			}
			if text[p.Start:p.End] != s.Text {
				t.Fatalf("unit %d segment %d: text[%d:%d] = %q, but the segment holds %q", i, j, p.Start, p.End, text[p.Start:p.End], s.Text)
			}
			if p.Line != lines.line(p.Start) {
				t.Fatalf("unit %d segment %d: line %d, but byte %d is on line %d", i, j, p.Line, p.Start, lines.line(p.Start))
			}
		}
	}
	for _, p := range doc.Problems {
		if p.Pos.Path != path || p.Message == "" {
			t.Fatalf("problem %+v: want the path and a message", p)
		}
	}
	for _, s := range doc.Suppressions {
		if s.Path != path || s.From < 1 || s.From > s.To || s.To > len(lines) || s.Line < 1 || s.Line > len(lines) {
			t.Fatalf("suppression %+v: outside the file's %d lines", s, len(lines))
		}
	}
}

// FuzzText also cuts long segments (cutLong with a small limit): the
// pieces must hold all the text, in order, each within the limit.
func FuzzText(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string, max uint8) {
		doc := Text("f.txt", text)
		checkText(t, doc, "f.txt", text)
		var before []string
		for _, u := range doc.Units {
			before = append(before, u.Segments[0].Text)
		}
		limit := int(max%64) + 1
		cutLong(doc, limit)
		checkText(t, doc, "f.txt", text)
		var after strings.Builder
		for _, u := range doc.Units {
			for _, s := range u.Segments {
				if n := utf8.RuneCountInString(s.Text); n > limit || n == 0 {
					t.Fatalf("piece %q has %d characters, limit %d", s.Text, n, limit)
				}
				after.WriteString(s.Text)
			}
		}
		if after.String() != strings.Join(before, "") {
			t.Fatalf("cutting changed the text:\n%q\n%q", strings.Join(before, ""), after.String())
		}
	})
}

// FuzzMarkdown also checks the markup spans and that no letter of the
// file is outside every unit (see checkMarkdown).
func FuzzMarkdown(f *testing.F) {
	for _, seed := range []string{
		"# 标题 {#id}\n\n- a\n  - b\n\n> q\n\n| a |\n|---|\n| b |\n",
		"---\nx: 1\n---\n````md\n```\n````\n\n    code\n\n<div title=\"t\">x</div>\n\n<!-- c -->\n[a]: /b\n",
		"{{ use: x(a = '文字') }}\n${v} {{< s >}} {% t %}\n\n## zh-CN\n\n中文\n\n## en-US\n\nEnglish\n",
		"<X title=\"t\">\nconst a = {\n\n  b: [1,\n  2],\n};\n</X>\n",
		"-\tintro\n\t```go\n\tx\n\t```\n\n\t# 标题\n\t<div>\n\n\t[a]: /b\n\t> q\n",
		"<!-- transcheck-disable numbers -->\nA 1.\n<!-- transcheck-enable numbers -->\n{/* transcheck-disable-next-line */}\nB {/* x */} 2.\n> <!-- transcheck-disable-next-line -->\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMarkdown(t, Markdown("f.md", text), "f.md", text)
	})
}

func FuzzDdoc(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		doc := Ddoc("f.d", text)
		checkText(t, doc, "f.d", text)
		checkDisjoint(t, doc)
		checkMarkupSpans(t, doc)
	})
}

// FuzzDecode: any bytes under any encoding name give text or a problem
// that names the file, never both empty-handed nor a panic; the text is
// valid UTF-8.
func FuzzDecode(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		text, note, fail := Decode("f.txt", data, enc)
		if fail != nil {
			if text != "" || note != nil {
				t.Fatalf("failure %v with text %q and note %v", fail, text, note)
			}
			if fail.Pos.Path != "f.txt" || fail.Message == "" {
				t.Fatalf("failure %+v: want the path and a message", fail)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decoded text is not UTF-8: %q", text)
		}
		if note != nil && (note.Pos.Path != "f.txt" || note.Message == "") {
			t.Fatalf("note %+v: want the path and a message", note)
		}
	})
}
