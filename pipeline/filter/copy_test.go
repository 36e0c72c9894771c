package filter

import (
	"bytes"
	"strings"
	"testing"
)

// TestCopier: a removed unit alone on its lines takes its indentation and
// line break; one sharing a line leaves the rest of the line as it was.
func TestCopier(t *testing.T) {
	cases := []struct {
		name, in string
		remove   []string // texts of the input to remove, in order
		want     string
	}{
		{"rows", "h\na\tb\nc\td\ne\tf\n", []string{"c\td"}, "h\na\tb\ne\tf\n"},
		{"crlf rows", "a\r\nb\r\nc\r\n", []string{"b"}, "a\r\nc\r\n"},
		{"last row without line break", "a\nb", []string{"b"}, "a\n"},
		{"indented element", "<b>\n  <u>1</u>\n  <u>2</u>\n</b>\n", []string{"<u>1</u>"}, "<b>\n  <u>2</u>\n</b>\n"},
		{"two on one line", "<b><u>1</u><u>2</u><u>3</u></b>\n", []string{"<u>1</u>", "<u>3</u>"}, "<b><u>2</u></b>\n"},
		{"every unit", "h\na\nb\n", []string{"a", "b"}, "h\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			cp := NewCopier(strings.NewReader(c.in), &out)
			from := 0
			for _, r := range c.remove {
				i := from + strings.Index(c.in[from:], r)
				if err := cp.Remove(i, i+len(r)); err != nil {
					t.Fatal(err)
				}
				from = i + len(r)
			}
			if err := cp.Finish(false); err != nil {
				t.Fatal(err)
			}
			if out.String() != c.want {
				t.Errorf("got %q, want %q", out.String(), c.want)
			}
		})
	}
	var out bytes.Buffer
	cp := NewCopier(strings.NewReader("abc"), &out)
	if err := cp.Remove(1, 2); err != nil {
		t.Fatal(err)
	}
	if err := cp.Remove(0, 1); err == nil {
		t.Error("a span before one removed: no error")
	}
}
