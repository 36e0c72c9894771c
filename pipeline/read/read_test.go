package read

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func kinds(t *testing.T, text string) []string {
	t.Helper()
	doc := Markdown("x.md", text)
	var out []string
	for _, u := range doc.Units {
		s := u.Segments[0]
		if s.Pos.Start != u.Pos.Start || text[s.Pos.Start:s.Pos.End] != s.Text {
			t.Fatalf("unit %q: position %d-%d does not hold its text", s.Text, s.Pos.Start, s.Pos.End)
		}
		out = append(out, u.Kind+"@"+itoa(u.Pos.Line))
	}
	return out
}

func itoa(i int) string { return fmt.Sprintf("%02d", i) }

func TestMarkdownUnits(t *testing.T) {
	text := "---\ntitle: x\n---\n## Introduction\n## 引言\n\nGo is new.\nIt is fun.\n\nGo 是一门新语言。\n\n```go\nx := 1\n```\n- item one\n- 项目一\n\n| a | b |\n|---|---|\n| c | d |\n<!-- note\nmore -->\n\n    indented code\n"
	got := strings.Join(kinds(t, text), " ")
	want := "front-matter@01 heading@04 heading@05 paragraph@07 paragraph@10 code@12 list@15 list@16 table@18 table@20 comment@21 code@24"
	if got != want {
		t.Errorf("units\n got %s\nwant %s", got, want)
	}
}

func TestTextUnitsCRLF(t *testing.T) {
	doc := Text("a.txt", "第一段 First.\r\n\r\n第二段 Second.\r\n")
	if len(doc.Units) != 2 {
		t.Fatalf("got %d units, want 2", len(doc.Units))
	}
	if s := doc.Units[1].Segments[0]; s.Text != "第二段 Second." || s.Pos.Line != 3 {
		t.Errorf("second unit = %q at line %d, want %q at line 3", s.Text, s.Pos.Line, "第二段 Second.")
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		enc     string
		want    string
		problem string
	}{
		{"utf8 bom", []byte("\xEF\xBB\xBF中文"), "", "中文", ""},
		{"utf16le bom", []byte{0xFF, 0xFE, 0x2D, 0x4E, 0x87, 0x65}, "", "中文", ""},
		{"utf16be bom", []byte{0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87}, "", "中文", ""},
		{"gb18030 named", []byte{0xD6, 0xD0, 0xCE, 0xC4}, "gb18030", "中文", ""},
		{"invalid utf8", []byte("ok\nbad \xff here"), "", "", "f.txt:2: invalid UTF-8 byte 0xff at byte 7 (save the file as UTF-8 or pass --encoding gb18030)"},
		{"binary", []byte("ab\x00cd"), "", "", "f.txt:1: NUL byte"},
		{"unknown encoding", []byte("x"), "klingon", "", `f.txt: unknown encoding "klingon"`},
		{"latin-1 is not guessed as gb18030", []byte("caf\xe9 au lait"), "", "", "f.txt:1: invalid UTF-8 byte 0xe9 at byte 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, note, prob := Decode("f.txt", tt.data, tt.enc)
			if note != nil {
				t.Errorf("unexpected note %v", note)
			}
			if tt.problem != "" {
				if prob == nil || !strings.HasPrefix(prob.Error(), tt.problem) {
					t.Fatalf("problem = %v, want prefix %q", prob, tt.problem)
				}
				return
			}
			if prob != nil || got != tt.want {
				t.Errorf("Decode = %q, %v; want %q", got, prob, tt.want)
			}
		})
	}
}

// GB18030 bytes without --encoding are decoded, and the guess is reported
// with what to pass to confirm it.
func TestDecodeGuessesGB18030(t *testing.T) {
	data := []byte("\xd6\xd0\xce\xc4\xb6\xce\xc2\xe4\xa1\xa3 An English paragraph.\n") // 中文段落。
	text, note, fail := Decode("f.txt", data, "")
	if fail != nil || text != "中文段落。 An English paragraph.\n" {
		t.Fatalf("Decode = %q, %v", text, fail)
	}
	want := "f.txt:1: warning: not UTF-8 (byte 0xd6 at byte 0); the text was decoded as GB18030, a guess (pass --encoding gb18030"
	if note == nil || !strings.HasPrefix(note.Error(), want) {
		t.Errorf("note = %v, want prefix %q", note, want)
	}
	if _, note, _ := Decode("f.txt", data, "gb18030"); note != nil {
		t.Errorf("--encoding gb18030 still notes %v", note)
	}
	// Bytes the named encoding does not define are not replaced silently.
	_, note, fail = Decode("f.txt", []byte("ok\n\xd6\xd0\xff"), "gb18030")
	if fail != nil || note == nil || !strings.Contains(note.Error(), "f.txt:2: warning: 1 byte was not valid gb18030") {
		t.Errorf("undefined byte: note %v, fail %v", note, fail)
	}
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.md", "a.txt", "sub/c.md", ".git/d.md", "skip/e.md", "LICENSE", "x.bin"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	files, probs := Discover([]string{dir, filepath.Join(dir, "missing")}, Options{Exclude: []string{"skip"}})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f.Source)
		rel = append(rel, filepath.ToSlash(r))
	}
	if got := strings.Join(rel, " "); got != "a.txt b.md sub/c.md" {
		t.Errorf("files = %s, want a.txt b.md sub/c.md", got)
	}
	if len(probs) != 1 || !strings.Contains(probs[0].Error(), "missing: cannot read: no such file or directory") {
		t.Errorf("problems = %v, want one naming the missing path", probs)
	}
}
