package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Decode turns the bytes of a file into UTF-8 text. A byte-order mark
// decides (UTF-8, UTF-16 LE or BE); otherwise the named encoding, if any;
// otherwise the bytes must be valid UTF-8. On failure it returns a Problem
// that names the line and byte and says what to do.
func Decode(path string, data []byte, enc string) (string, *document.Problem) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(path, data, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM))
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(path, data, unicode.UTF16(unicode.BigEndian, unicode.UseBOM))
	case enc != "" && !strings.EqualFold(enc, "utf-8") && !strings.EqualFold(enc, "utf8"):
		e, err := htmlindex.Get(enc)
		if err != nil {
			return "", &document.Problem{Pos: document.Position{Path: path},
				Message: fmt.Sprintf("unknown encoding %q (use a WHATWG name such as gb18030, gbk, big5, shift_jis, utf-16le)", enc)}
		}
		return decodeWith(path, data, e)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		line := 1 + bytes.Count(data[:bytes.IndexByte(data, 0)], []byte("\n"))
		return "", &document.Problem{Pos: document.Position{Path: path, Line: line},
			Message: "NUL byte: this looks like a binary file or UTF-16 without a byte-order mark (convert it to UTF-8, or exclude it)"}
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		line := 1 + bytes.Count(data[:off], []byte("\n"))
		return "", &document.Problem{Pos: document.Position{Path: path, Line: line, Start: off},
			Message: fmt.Sprintf("invalid UTF-8 byte 0x%02x at byte %d (save the file as UTF-8 or pass --encoding gb18030)", data[off], off)}
	}
	return string(data), nil
}

func decodeWith(path string, data []byte, e encoding.Encoding) (string, *document.Problem) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", &document.Problem{Pos: document.Position{Path: path}, Message: fmt.Sprintf("cannot decode: %v", err)}
	}
	out = bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF})
	return string(out), nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}
