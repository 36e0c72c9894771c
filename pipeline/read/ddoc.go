package read

import (
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Ddoc reads D's documentation markup (files that start with the line
// "Ddoc"), as the Programming in D book is written: blocks separated by
// blank lines are units; code between lines of "---" is a unit kept but
// skipped. Macro names ("$(P", "$(IX") and inline code ("$(C x)") are
// markup, which segmentation treats as neutral, and so are index terms
// ("$(IX name scope)"), which translations keep in English. The macro
// definitions after a "Macros:" line are skipped.
func Ddoc(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "ddoc"}
	lines := splitLines(text)
	if len(lines) == 0 || strings.TrimSpace(lines[0].text) != "Ddoc" {
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: path, Line: 1},
			Message: `not Ddoc: the first line is not "Ddoc" (a D source file?); exclude it or rename it`})
		return doc
	}
	block := func(kind string, from, to int, skip string) {
		first, last := lines[from], lines[to]
		body := text[first.start : last.start+len(last.text)]
		doc.Units = append(doc.Units, unit(path, kind, body, first.start, first.num, skip))
	}
	block("markup", 0, 0, "markup")
	start := -1
	flush := func(end int) {
		if start >= 0 {
			block("paragraph", start, end, "")
			start = -1
		}
	}
	for i := 1; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i].text)
		switch {
		case t == "Macros:":
			// Macro definitions close the file: markup, not text.
			flush(i - 1)
			block("markup", i, len(lines)-1, "markup")
			i = len(lines)
		case t == "":
			flush(i - 1)
		case strings.HasPrefix(t, "---"):
			flush(i - 1)
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j].text), "---") {
				j++
			}
			if j >= len(lines) {
				j = len(lines) - 1
			}
			block("code", i, j, "code")
			i = j
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(lines) - 1)
	return doc
}
