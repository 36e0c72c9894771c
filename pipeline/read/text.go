package read

import (
	"regexp"
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

var (
	mdHeading = regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)
	mdList    = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])\s+`)
	mdFence   = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	mdTable   = regexp.MustCompile(`^\s*\|`)
	mdRule    = regexp.MustCompile(`^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$`)
)

// Markdown reads Markdown: headings, list items, table rows and paragraphs
// are units; front matter, fenced and indented code and HTML comments are
// units too, but skipped (kept and counted, not treated as prose).
func Markdown(path, text string) *document.Document {
	doc := &document.Document{Name: path, Paths: []string{path}, Format: "markdown"}
	lines := splitLines(text)
	var para []line
	flush := func() {
		if len(para) == 0 {
			return
		}
		first, last := para[0], para[len(para)-1]
		body := text[first.start : last.start+len(last.text)]
		doc.Units = append(doc.Units, unit(path, "paragraph", body, first.start, first.num, ""))
		para = nil
	}
	block := func(kind string, from, to int, skip string) {
		first, last := lines[from], lines[to]
		body := text[first.start : last.start+len(last.text)]
		doc.Units = append(doc.Units, unit(path, kind, body, first.start, first.num, skip))
	}
	i := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0].text) == "---" {
		for j := 1; j < len(lines); j++ {
			if t := strings.TrimSpace(lines[j].text); t == "---" || t == "..." {
				block("front-matter", 0, j, "front matter")
				i = j + 1
				break
			}
		}
	}
	for ; i < len(lines); i++ {
		l := lines[i]
		t := l.text
		switch {
		case strings.TrimSpace(t) == "":
			flush()
		case mdFence.MatchString(t):
			flush()
			fence := strings.TrimSpace(mdFence.FindStringSubmatch(t)[1])
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j].text), fence[:3]) {
				j++
			}
			if j >= len(lines) {
				j = len(lines) - 1
			}
			block("code", i, j, "code")
			i = j
		case strings.HasPrefix(strings.TrimSpace(t), "<!--"):
			flush()
			j := i
			for j < len(lines) && !strings.Contains(lines[j].text, "-->") {
				j++
			}
			if j >= len(lines) {
				j = len(lines) - 1
			}
			block("comment", i, j, "comment")
			i = j
		case len(para) == 0 && (strings.HasPrefix(t, "    ") || strings.HasPrefix(t, "\t")):
			j := i
			for j+1 < len(lines) && (strings.HasPrefix(lines[j+1].text, "    ") || strings.HasPrefix(lines[j+1].text, "\t")) {
				j++
			}
			block("code", i, j, "code")
			i = j
		case mdHeading.MatchString(t):
			flush()
			block("heading", i, i, "")
		case mdRule.MatchString(t):
			flush()
		case mdList.MatchString(t):
			flush()
			block("list", i, i, "")
		case mdTable.MatchString(t):
			flush()
			if strings.Trim(t, "|-: \t") == "" {
				continue // the delimiter row
			}
			block("table", i, i, "")
		default:
			para = append(para, l)
		}
	}
	flush()
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
