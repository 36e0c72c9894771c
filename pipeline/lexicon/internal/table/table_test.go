package table

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "t.gz")
	n, err := Write(out, []string{"a table"}, map[string][]string{"went": {"go"}, "lay": {"lie", "lay"}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(b) {
		t.Errorf("size %d, file %d bytes", n, len(b))
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if want := "# a table\nlay\tlie lay\nwent\tgo\n"; string(text) != want {
		t.Errorf("wrote %q, want %q", text, want)
	}
}
