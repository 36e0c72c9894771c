package read

import (
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// lines splits text into lines, keeping each line's byte offset and
// dropping the line end (LF or CRLF).
type line struct {
	text  string
	start int // byte offset of the line in the text
	num   int // 1-based
}

func splitLines(text string) []line {
	var out []line
	start := 0
	for n := 1; start < len(text) || start == 0 && len(text) > 0; n++ {
		end := strings.IndexByte(text[start:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += start
			next = end + 1
		}
		out = append(out, line{text: strings.TrimSuffix(text[start:end], "\r"), start: start, num: n})
		start = next
		if start >= len(text) {
			break
		}
	}
	return out
}

// unit builds a unit with one segment covering text at the given place.
func unit(path, kind string, text string, start, lineNum int, skip string) *document.Unit {
	pos := document.Position{Path: path, Line: lineNum, Start: start, End: start + len(text)}
	return &document.Unit{Kind: kind, Pos: pos, Segments: []*document.Segment{{Text: text, Pos: pos, Skip: skip}}}
}

// Text reads plain text: every non-empty line is a paragraph unit. This is
// the shape of bilingual articles that hold a paragraph per line and of
// line-aligned corpora.
func Text(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "text"}
	for _, l := range splitLines(text) {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		doc.Units = append(doc.Units, unit(path, "paragraph", l.text, l.start, l.num, ""))
	}
	return doc
}

// Lines reads one side of a line-aligned corpus: every line is a unit,
// an empty line too (as a skipped segment), so line numbers pair.
func Lines(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "lines"}
	for _, l := range splitLines(text) {
		skip := ""
		if strings.TrimSpace(l.text) == "" {
			skip = "empty line"
		}
		doc.Units = append(doc.Units, unit(path, "line", l.text, l.start, l.num, skip))
	}
	return doc
}
