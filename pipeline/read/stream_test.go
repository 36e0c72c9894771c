package read

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/transcheck/transcheck/pipeline/document"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// dump writes what a reader made of a file, unit by unit, so that a whole
// read and a chunked one can be compared: kinds, texts, roles, skips,
// positions, beads (as unit-relative links) and problems.
func dump(docs []*document.Document) string {
	var b, beads strings.Builder
	for _, d := range docs {
		fmt.Fprintf(&b, "doc %s %s→%s directed=%v\n", d.Format, d.Source, d.Target, d.Directed)
		for _, u := range d.Units {
			fmt.Fprintf(&b, "unit %s %q %v\n", u.Kind, u.ID, u.Pos)
			for _, s := range u.Segments {
				fmt.Fprintf(&b, "  %s %q %q %v skip=%q\n", s.Role, s.Declared, s.Text, s.Pos, s.Skip)
			}
		}
		for _, bd := range d.Beads {
			fmt.Fprintf(&beads, "bead %q→%q\n", d.Segment(bd.Source[0]).Text, d.Segment(bd.Target[0]).Text)
		}
	}
	return b.String() + beads.String()
}

func problems(docs []*document.Document) string {
	var b strings.Builder
	for _, d := range docs {
		for _, p := range d.Problems {
			b.WriteString(p.Error() + "\n")
		}
	}
	return b.String()
}

// A file read in chunks gives the units, positions, beads and problems of
// the file read whole, whatever the chunk size and however the bytes are
// windowed (windows of 64 bytes cut rows and quoted fields).
func TestChunksMatchWholeRead(t *testing.T) {
	files, _ := filepath.Glob("testdata/tsv/*")
	tmx, _ := filepath.Glob("testdata/tmx/*.tmx")
	files = append(files, tmx...)
	for _, rel := range []string{"formats/tsv/tatoeba-cmn-eng.head3000.tsv", "formats/tmx/programming-in-d.project_save.tmx"} {
		p := filepath.Join(sharedData, rel)
		if _, err := os.Stat(p); err == nil {
			files = append(files, p)
		} else if os.IsNotExist(err) {
			t.Logf("%s not found: not compared", rootRel(p))
		} else {
			t.Fatal(err)
		}
	}
	defer func(w int) { windowSize = w }(windowSize)
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.TrimPrefix(string(data), "\uFEFF")
		f, _ := formatFor(path)
		whole := f.Read(path, text)
		for _, n := range []int{1, 7, 1000} {
			for _, w := range []int{64, 1 << 20} {
				t.Run(fmt.Sprintf("%s/n=%d/window=%d", filepath.Base(path), n, w), func(t *testing.T) {
					windowSize = w
					var c *Chunks
					switch f.Name {
					case "tmx":
						c = TMXChunks(path, strings.NewReader(text), n)
					case "tsv":
						c = TSVChunks(path, strings.NewReader(text), n)
					default:
						c = CSVChunks(path, strings.NewReader(text), n)
					}
					var docs []*document.Document
					for c.Scan() {
						d := c.Document()
						if len(d.Units) > n {
							t.Fatalf("a chunk holds %d units, over %d", len(d.Units), n)
						}
						docs = append(docs, d)
					}
					if c.Err() != nil {
						t.Fatal(c.Err())
					}
					// Languages found later in the file are not known to
					// earlier chunks: compare units and problems.
					got, want := stripDocLines(dump(docs)), stripDocLines(dump([]*document.Document{whole}))
					if got != want {
						t.Errorf("chunked read differs from the whole read:\n%s", firstDiff(got, want))
					}
					if gp, wp := problems(docs), problems([]*document.Document{whole}); gp != wp {
						t.Errorf("problems differ:\ngot  %s\nwant %s", gp, wp)
					}
				})
			}
		}
	}
}

func stripDocLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "doc ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\ngot  %s\nwant %s", i+1, x, y)
		}
	}
	return ""
}

// OpenChunks decodes as Decode does (byte-order marks, --encoding) and
// leaves to File the files only a whole read can judge.
func TestOpenChunksEncodings(t *testing.T) {
	text := "en\tzh\nHello.\t你好。\nA \"quoted\" word.\t一个词。\nrow\twith\textra\nBye.\t再见。\n"
	whole := TSV("x.tsv", text)
	utf16le := func(s string) []byte {
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		data     []byte
		encoding string
		chunked  bool
		warning  bool // a U+FFFD warning
	}{
		{"utf8", []byte(text), "", true, false},
		{"utf8-bom", append([]byte("\xEF\xBB\xBF"), text...), "", true, false},
		{"utf16le-bom", utf16le(text), "", true, false},
		{"gb18030-named", gb, "gb18030", true, false},
		{"gb18030-unnamed", gb, "", false, false}, // Decode guesses, from the whole file
		{"nul", []byte("a\tb\x00\n"), "", false, false},
		{"big5-bad-bytes", append([]byte("a\tb\n"), 0x81, 0x20, '\n'), "big5", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.tsv")
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			c, ok := OpenChunks(Input{Source: path}, Options{Encoding: tc.encoding}, 0, 2)
			if ok != tc.chunked {
				t.Fatalf("OpenChunks ok = %v, want %v", ok, tc.chunked)
			}
			if !ok {
				return
			}
			defer c.Close()
			var docs []*document.Document
			for c.Scan() {
				docs = append(docs, c.Document())
			}
			if tc.warning {
				if p := problems(docs); !strings.Contains(p, "replaced by U+FFFD") {
					t.Errorf("no U+FFFD warning in %q", p)
				}
				return
			}
			want := strings.ReplaceAll(stripDocLines(dump([]*document.Document{whole})), "x.tsv", path)
			if got := stripDocLines(dump(docs)); got != want {
				t.Errorf("chunked read differs from the whole read:\n%s", firstDiff(got, want))
			}
		})
	}
}

// validUTF8 judges characters split across reads as whole characters.
func TestValidUTF8AcrossReads(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"你好，world。", true},
		{"abc\xff", false},
		{"abc\xe4\xbd", false}, // cut short at the end
		{"a\x00b", false},
	} {
		if got := validUTF8(iotest.OneByteReader(strings.NewReader(tc.in))); got != tc.want {
			t.Errorf("validUTF8(%q) one byte a read = %v, want %v", tc.in, got, tc.want)
		}
		if got := validUTF8(strings.NewReader(tc.in)); got != tc.want {
			t.Errorf("validUTF8(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
