package read

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Decode turns the bytes of a file into UTF-8 text. A byte-order mark
// decides (UTF-8, UTF-16 LE or BE); otherwise the named encoding, if any;
// otherwise the bytes must be valid UTF-8, or else be GB18030 holding
// Chinese text (see guessGB18030).
//
// fail is non-nil when the file cannot be decoded: text is then empty. note
// is non-nil when the text was decoded but the user should know how: the
// encoding was guessed, or bytes that the named encoding does not define
// were replaced by U+FFFD. Both name the line and say what to do.
func Decode(path string, data []byte, enc string) (text string, note, fail *document.Problem) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeWith(path, data, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "UTF-16")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeWith(path, data, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "UTF-16")
	case enc != "" && !strings.EqualFold(enc, "utf-8") && !strings.EqualFold(enc, "utf8"):
		e, err := htmlindex.Get(enc)
		if err != nil {
			return "", nil, &document.Problem{Pos: document.Position{Path: path},
				Message: fmt.Sprintf("unknown encoding %q (use a WHATWG name such as gb18030, gbk, big5, shift_jis, utf-16le)", enc)}
		}
		return decodeWith(path, data, e, enc)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := lineAt(data, i)
		return "", nil, &document.Problem{Pos: document.Position{Path: path, Line: line, Start: i},
			Message: fmt.Sprintf("NUL byte at byte %d: this looks like a binary file or UTF-16 without a byte-order mark (convert it to UTF-8, or exclude it)", i)}
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	off := firstInvalid(data)
	line := lineAt(data, off)
	if text, ok := guessGB18030(data); ok {
		return text, &document.Problem{Pos: document.Position{Path: path, Line: line, Start: off},
			Message: fmt.Sprintf("warning: not UTF-8 (byte 0x%02x at byte %d); the text was decoded as GB18030, a guess (pass --encoding gb18030 to confirm it and silence this, or save the file as UTF-8)", data[off], off)}, nil
	}
	return "", nil, &document.Problem{Pos: document.Position{Path: path, Line: line, Start: off},
		Message: fmt.Sprintf("invalid UTF-8 byte 0x%02x at byte %d (save the file as UTF-8 or pass --encoding gb18030)", data[off], off)}
}

// guessGB18030 decodes data as GB18030 when it decodes cleanly (no byte
// the encoding does not define) into text that is Chinese: most of its
// non-ASCII letters Han characters. Text in Latin-1 or Windows-1252 fails
// the first test (an accented letter followed by ASCII is not GB18030), and
// Big5 or Shift-JIS files, which can decode cleanly, are caught by --encoding
// only; the guess is reported so that a wrong one is seen.
func guessGB18030(data []byte) (string, bool) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	han, other := 0, 0
	for _, r := range string(out) {
		switch {
		case r < utf8.RuneSelf:
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r):
			other++
		}
	}
	if han == 0 || han < 4*other {
		return "", false
	}
	return string(out), true
}

func decodeWith(path string, data []byte, e encoding.Encoding, name string) (string, *document.Problem, *document.Problem) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, &document.Problem{Pos: document.Position{Path: path}, Message: fmt.Sprintf("cannot decode as %s: %v (check --encoding)", name, err)}
	}
	out = bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF})
	var note *document.Problem
	// Decoders replace the bytes their encoding does not define by U+FFFD:
	// say so rather than check a text that silently differs from the file.
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 && !bytes.Contains(data, []byte("\xEF\xBF\xBD")) {
		n := bytes.Count(out, []byte("\uFFFD"))
		note = &document.Problem{Pos: document.Position{Path: path, Line: lineAt(out, i)},
			Message: fmt.Sprintf("warning: %d %s not valid %s and replaced by U+FFFD (check --encoding, or fix the file)", n, plural(n, "byte was", "bytes were"), name)}
	}
	return string(out), note, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// lineAt returns the 1-based line that holds byte off of data.
func lineAt(data []byte, off int) int {
	return 1 + bytes.Count(data[:off], []byte("\n"))
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
