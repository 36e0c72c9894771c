package history

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Marker is a translation's note of the source commit it translates, in
// one of the forms translators already write:
//
//	source_commit: abc123            (YAML front matter; TOML: source_commit = "abc123")
//	<!-- source: en@abc123 -->       (an HTML comment on a line of its own)
//	<!-- source-commit: abc123 -->
//	{/* source: en@abc123 */}        (MDX)
//	// source-commit: abc123         (AsciiDoc)
type Marker struct {
	Hash string // the commit, as written (at least 4 hex digits)
	Lang string // the source language a comment names ("en" of en@abc123), "" when none
	Line int    // 1-based line of the marker
	form markerForm
}

type markerForm int

const (
	formYAML markerForm = iota + 1
	formTOML
	formHTML
	formMDX
	formAsciiDoc
)

var (
	yamlMarker = regexp.MustCompile(`^source_commit:\s*["']?([0-9a-fA-F]{4,40})["']?\s*(#.*)?$`)
	tomlMarker = regexp.MustCompile(`^source_commit\s*=\s*["']([0-9a-fA-F]{4,40})["']\s*(#.*)?$`)
	// The comment forms: source: LANG@HASH, source: HASH or
	// source-commit: HASH.
	commentBody = `source(?:[-_]commit)?\s*:\s*(?:([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)@)?([0-9a-fA-F]{4,40})`
	htmlMarker  = regexp.MustCompile(`^<!--\s*` + commentBody + `\s*-->$`)
	mdxMarker   = regexp.MustCompile(`^\{/\*\s*` + commentBody + `\s*\*/\}$`)
	adocMarker  = regexp.MustCompile(`^//\s*` + commentBody + `\s*$`)
)

// isAsciiDoc reports whether the file name is an AsciiDoc file's, where a
// line comment starts with //.
func isAsciiDoc(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".adoc", ".asc", ".asciidoc":
		return true
	}
	return false
}

// FindMarker returns the marker of a translation's text: a front-matter
// key first, else the first marker comment on a line of its own outside
// code blocks. name is the file's name, which says which comments its
// format has.
func FindMarker(name string, data []byte) (Marker, bool) {
	lines := splitLines(data)
	if m, ok := frontMatterMarker(lines); ok {
		return m, true
	}
	adoc := isAsciiDoc(name)
	fence := ""
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		if f := fenceOf(line, adoc); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(line, fence) && strings.TrimLeft(line, fence[:1]) == "":
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		forms := []struct {
			re   *regexp.Regexp
			form markerForm
		}{{htmlMarker, formHTML}, {mdxMarker, formMDX}}
		if adoc {
			forms = append(forms, struct {
				re   *regexp.Regexp
				form markerForm
			}{adocMarker, formAsciiDoc})
		}
		for _, f := range forms {
			if m := f.re.FindStringSubmatch(line); m != nil {
				return Marker{Hash: strings.ToLower(m[2]), Lang: m[1], Line: i + 1, form: f.form}, true
			}
		}
	}
	return Marker{}, false
}

// fenceOf returns the fence a line opens or closes: ``` or ~~~ in
// Markdown, ---- or .... in AsciiDoc; "" for other lines.
func fenceOf(line string, adoc bool) string {
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, f) {
			return line[:len(line)-len(strings.TrimLeft(line, f[:1]))]
		}
	}
	if adoc && len(line) >= 4 && (strings.Trim(line, "-") == "" || strings.Trim(line, ".") == "") {
		return line
	}
	return ""
}

// frontMatterMarker finds source_commit in a YAML (---) or TOML (+++)
// front matter.
func frontMatterMarker(lines []string) (Marker, bool) {
	open, end := frontMatter(lines)
	if end < 0 {
		return Marker{}, false
	}
	re, form := yamlMarker, formYAML
	if open == "+++" {
		re, form = tomlMarker, formTOML
	}
	for i := 1; i < end; i++ {
		if m := re.FindStringSubmatch(strings.TrimRight(lines[i], " \t\r")); m != nil {
			return Marker{Hash: strings.ToLower(m[1]), Line: i + 1, form: form}, true
		}
	}
	return Marker{}, false
}

// frontMatter returns the line that opens the file's front matter ("---"
// or "+++") and the index of the line that closes it; -1 when there is
// none.
func frontMatter(lines []string) (string, int) {
	if len(lines) == 0 {
		return "", -1
	}
	open := strings.TrimRight(lines[0], " \t\r")
	if open != "---" && open != "+++" {
		return "", -1
	}
	for i := 1; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t\r")
		if l == open || open == "---" && l == "..." {
			return open, i
		}
	}
	return "", -1
}

// splitLines splits text into lines without their "\n" (a "\r" before it
// stays), after a byte-order mark.
func splitLines(data []byte) []string {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(data) == 0 {
		return nil
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.Split(s, "\n")
}

// SetMarker returns the text with its marker naming the source commit
// hash: an existing marker is updated where it stands; otherwise a
// source_commit key goes at the end of the front matter when the file has
// one, else a comment in the file's format on a new first line (lang, the
// source's language, is written as LANG@HASH when known). Line endings
// and a byte-order mark are kept. Formats with no comment that readers
// skip (plain text, Ddoc) are refused.
func SetMarker(name string, data []byte, lang, hash string) ([]byte, error) {
	bom := bytes.HasPrefix(data, []byte("\ufeff"))
	body := bytes.TrimPrefix(data, []byte("\ufeff"))
	eol := "\n"
	if i := bytes.IndexByte(body, '\n'); i > 0 && body[i-1] == '\r' {
		eol = "\r\n"
	}
	lines := splitLines(body)
	final := len(body) == 0 || bytes.HasSuffix(body, []byte("\n"))
	cr := func(i int) string {
		if strings.HasSuffix(lines[i], "\r") {
			return "\r"
		}
		return ""
	}
	comment := func(form markerForm) string {
		ref := hash
		if lang != "" {
			ref = lang + "@" + hash
		}
		switch form {
		case formMDX:
			return "{/* source: " + ref + " */}"
		case formAsciiDoc:
			return "// source: " + ref
		}
		return "<!-- source: " + ref + " -->"
	}
	if m, ok := FindMarker(name, body); ok {
		i := m.Line - 1
		indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " \t"))]
		switch m.form {
		case formYAML:
			lines[i] = "source_commit: " + hash + cr(i)
		case formTOML:
			lines[i] = `source_commit = "` + hash + `"` + cr(i)
		default:
			if lang == "" {
				lang = m.Lang
			}
			lines[i] = indent + comment(m.form) + cr(i)
		}
	} else if open, end := frontMatter(lines); end >= 0 {
		key := "source_commit: " + hash
		if open == "+++" {
			key = `source_commit = "` + hash + `"`
		}
		lines = append(lines[:end], append([]string{key + cr(end)}, lines[end:]...)...)
	} else {
		var form markerForm
		switch ext := strings.ToLower(filepath.Ext(name)); {
		case ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm":
			form = formHTML
		case ext == ".mdx":
			form = formMDX
		case isAsciiDoc(name):
			form = formAsciiDoc
		default:
			return nil, fmt.Errorf("%s: a %s file has no comment that transcheck skips: markers go into Markdown, MDX, AsciiDoc and HTML files (or a front matter)", name, formatName(ext))
		}
		lines = append([]string{comment(form) + strings.TrimSuffix(eol, "\n")}, lines...)
	}
	var b bytes.Buffer
	if bom {
		b.WriteString("\ufeff")
	}
	for i, l := range lines {
		b.WriteString(l)
		if i < len(lines)-1 || final {
			b.WriteString("\n")
		}
	}
	return b.Bytes(), nil
}

func formatName(ext string) string {
	if ext == "" {
		return "plain"
	}
	return ext
}
