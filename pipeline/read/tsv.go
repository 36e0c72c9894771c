package read

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
)

// TSV reads tab-separated values: one translation pair a row, quoted as in
// RFC 4180. A field that breaks the quoting rules is read as it stands
// instead (the IANA text/tab-separated-values rule, which has no quoting:
// corpora such as Tatoeba hold sentences like `"Trust me," he said.`). See
// CSV for the columns, the header and ragged rows.
func TSV(path, text string) *document.Document { return delimited(path, text, '\t', "tsv") }

// CSV reads comma-separated values (RFC 4180): one translation pair a row.
// A first row whose cells are language codes or names (en, zh-CN, English)
// or roles (source, target) is a header: it chooses the source and target
// columns, and its languages, when it names two, make the document
// directed. Without a header the first column is the source, the second the
// target, further columns (an attribution, say) are ignored and the
// languages are left to detection.
//
// Each row is a unit of kind "tu" whose segments stand where their fields
// start. A row whose number of fields differs from the first row's is a
// Problem naming its line; it is kept as a unit of kind "row" whose one
// segment, the raw row, is skipped ("ragged row"). A quoting error is
// handled alike (skipped as "bad quoting") and reading goes on at the next
// line.
func CSV(path, text string) *document.Document { return delimited(path, text, ',', "csv") }

type delimitedReader struct {
	path, text string
	format     string
	comma      rune
	lines      lineIndex
	doc        *document.Document
	// base and baseLine place text in its file: the offset of its first
	// byte and the number of lines before it. Both are 0 when text is the
	// whole file; a streaming reader holds a window of the file.
	base, baseLine int

	// literal reads every line as one row of tab-separated fields, with
	// no quoting (LiteralTSVChunks).
	literal bool

	headerDone     bool
	width          int // fields a row must have
	srcCol, tgtCol int
}

func newDelimitedReader(path string, comma rune, format string) *delimitedReader {
	return &delimitedReader{path: path, comma: comma, format: format, tgtCol: 1}
}

// newDocument starts the Document that the next rows go to.
func (d *delimitedReader) newDocument(source, target string) {
	d.doc = &document.Document{Name: d.path, Paths: []string{d.path}, Format: d.format, Paired: true, Source: source, Target: target}
}

func delimited(path, text string, comma rune, format string) *document.Document {
	d := newDelimitedReader(path, comma, format)
	d.newDocument("", "")
	d.text, d.lines = text, newLineIndex(text)
	d.parse(0, true, 0)
	d.doc.Directed = d.doc.Source != "" && d.doc.Target != ""
	return finishPaired(d.doc)
}

// parse reads the rows of d.text from offset off, which starts a line. It
// stops at the end of the text, or before a row once the document holds
// max units (max > 0), or, when the text is not the end of the file
// (final is false), before a row that reaches the end of the text, which
// may go on in the bytes not read yet. It returns the offset where it
// stopped and whether it stopped for want of text.
func (d *delimitedReader) parse(off int, final bool, max int) (int, bool) {
	text := d.text
	if d.literal {
		return d.parseLines(off, final, max)
	}
	// A csv.Reader cannot go on past a quoting error that spans lines, so
	// after an error a new one starts at the next line.
	for off < len(text) {
		cr := csv.NewReader(strings.NewReader(text[off:]))
		cr.Comma = d.comma
		cr.FieldsPerRecord = -1 // ragged rows are reported here, with their line
		base := d.lines.line(off) - 1
		for {
			if max > 0 && len(d.doc.Units) >= max {
				return off + int(cr.InputOffset()), false
			}
			recStart := off + int(cr.InputOffset())
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				off = len(text)
				break
			}
			if !final && off+int(cr.InputOffset()) >= len(text) {
				return recStart, true
			}
			if err != nil {
				line := base + 1
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					line = base + pe.StartLine
				}
				start, end := d.lineSpan(line)
				raw := strings.TrimSuffix(text[start:end], "\r")
				if d.comma == '\t' {
					d.literalRow(raw, start, line)
				} else {
					msg := err.Error()
					if pe != nil {
						msg = pe.Err.Error()
					}
					d.badRow(raw, start, line, "bad quoting",
						fmt.Sprintf("%s (quote a field that holds a comma, a quote or a line break, and double its quotes: \"say \"\"hi\"\"\")", msg))
				}
				off = end + 1
				break
			}
			starts := make([]int, len(rec))
			for i := range rec {
				l, col := cr.FieldPos(i)
				starts[i] = d.lines[base+l-1] + col - 1
			}
			end := off + int(cr.InputOffset())
			end = len(strings.TrimRight(text[:end], "\r\n"))
			if end < starts[len(starts)-1] {
				end = starts[len(starts)-1]
			}
			d.row(rec, starts, end)
		}
	}
	return len(text), false
}

// parseLines is parse for a literal TSV file: a row a line.
func (d *delimitedReader) parseLines(off int, final bool, max int) (int, bool) {
	text := d.text
	for off < len(text) {
		if max > 0 && len(d.doc.Units) >= max {
			return off, false
		}
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			if !final {
				return off, true
			}
			end = len(text)
		} else {
			end += off
		}
		raw := strings.TrimSuffix(text[off:end], "\r")
		if strings.TrimSpace(raw) != "" {
			d.literalRow(raw, off, d.lines.line(off))
		}
		off = end + 1
	}
	return len(text), false
}

// lineSpan returns the offsets of the first byte of a line and of its
// newline (or the end of the text); line and offsets are d.text's.
func (d *delimitedReader) lineSpan(line int) (int, int) {
	if line < 1 || line > len(d.lines) {
		return len(d.text), len(d.text)
	}
	start := d.lines[line-1]
	end := len(d.text)
	if i := strings.IndexByte(d.text[start:], '\n'); i >= 0 {
		end = start + i
	}
	return start, end
}

// position returns the file position of d.text[start:end].
func (d *delimitedReader) position(start, end int) document.Position {
	return document.Position{Path: d.path, Line: d.baseLine + d.lines.line(start), Start: d.base + start, End: d.base + end}
}

// literalRow reads one TSV line as tab-separated fields with no quoting.
func (d *delimitedReader) literalRow(raw string, start, line int) {
	fields := strings.Split(raw, "\t")
	starts := make([]int, len(fields))
	off := start
	for i, f := range fields {
		starts[i] = off
		off += len(f) + 1
	}
	d.row(fields, starts, start+len(raw))
}

// row turns one record into a unit; starts holds the offset of each field
// and end the offset just past the row, in d.text.
func (d *delimitedReader) row(rec []string, starts []int, end int) {
	line := d.lines.line(starts[0])
	if !d.headerDone {
		d.headerDone = true
		d.width = len(rec)
		if d.header(rec) {
			return
		}
	}
	raw := d.text[starts[0]:end]
	if len(rec) != d.width {
		d.badRow(raw, starts[0], line, "ragged row",
			fmt.Sprintf("row has %s, the first row has %d (give every row the same columns; quote fields that hold the separator)", fields(len(rec)), d.width))
		return
	}
	if len(rec) < 2 {
		d.badRow(raw, starts[0], line, "ragged row",
			"row has one field, a translation pair needs two (put the source and the target on one row, separated by the separator)")
		return
	}
	field := func(i int, lang string) tuSide {
		fend := end
		if i+1 < len(starts) {
			fend = starts[i+1] - 1
		}
		return tuSide{text: rec[i], lang: lang, pos: d.position(starts[i], fend)}
	}
	addTU(d.doc, "tu", "", "", d.position(starts[0], end), []tuSide{field(d.srcCol, d.doc.Source)}, []tuSide{field(d.tgtCol, d.doc.Target)})
}

func fields(n int) string {
	if n == 1 {
		return "1 field"
	}
	return fmt.Sprintf("%d fields", n)
}

// badRow keeps a row that is no translation pair as a skipped unit; start
// and line are d.text's.
func (d *delimitedReader) badRow(raw string, start, line int, skip, msg string) {
	pos := document.Position{Path: d.path, Line: d.baseLine + line, Start: d.base + start, End: d.base + start + len(raw)}
	d.doc.Problems = append(d.doc.Problems, document.Problem{Pos: pos, Message: msg})
	d.doc.Units = append(d.doc.Units, &document.Unit{Kind: "row", Pos: pos,
		Segments: []*document.Segment{{Text: raw, Pos: pos, Skip: skip}}})
}

var (
	// headerWord matches a cell that may stand in a header beside the
	// language and role cells: one word (attribution, id, notes).
	headerWord = regexp.MustCompile(`^[\pL_-]*$`)
	langTag    = regexp.MustCompile(`^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$`)
	// iso6391 lists the ISO 639-1 codes, so that a two-letter word that is
	// no language does not make a header.
	iso6391 = strings.Fields(`aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch
		co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he
		hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv
		kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
		oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su
		sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`)
	// headerNames maps language names, ISO 639-2/3 codes and roles (as
	// "source"/"target") to what a header cell means.
	headerNames = map[string]string{
		"source": "source", "src": "source", "original": "source",
		"target": "target", "tgt": "target", "trg": "target", "translation": "target",
		"english": "en", "chinese": "zh", "mandarin": "zh", "french": "fr", "german": "de",
		"spanish": "es", "japanese": "ja", "korean": "ko", "russian": "ru", "portuguese": "pt",
		"italian": "it", "arabic": "ar", "dutch": "nl",
		"eng": "en", "cmn": "zh", "zho": "zh", "chi": "zh", "fra": "fr", "fre": "fr", "deu": "de",
		"ger": "de", "spa": "es", "jpn": "ja", "kor": "ko", "rus": "ru", "por": "pt", "ita": "it",
	}
)

// headerCell says what a header cell names: "source", "target", a
// language code, or "" for a cell that is no header cell.
func headerCell(c string) string {
	c = strings.TrimSpace(c)
	if v, ok := headerNames[strings.ToLower(c)]; ok {
		return v
	}
	if strings.EqualFold(c, "id") { // an identifier column far more often than Indonesian
		return ""
	}
	if m := langTag.FindStringSubmatch(c); m != nil {
		code := detect.Normalize(c)
		if v, ok := headerNames[code]; ok && v != "source" && v != "target" {
			return v
		}
		for _, iso := range iso6391 {
			if code == iso {
				return code
			}
		}
	}
	return ""
}

// header reads the first row as a header if it is one.
func (d *delimitedReader) header(rec []string) bool {
	var known []int
	meaning := make([]string, len(rec))
	for i, c := range rec {
		meaning[i] = headerCell(c)
		switch {
		case meaning[i] != "":
			known = append(known, i)
		case !headerWord.MatchString(strings.TrimSpace(c)):
			return false
		}
	}
	if len(known) < 2 {
		return false
	}
	src, tgt := -1, -1
	for _, i := range known {
		switch {
		case meaning[i] == "source" && src < 0:
			src = i
		case meaning[i] == "target" && tgt < 0:
			tgt = i
		}
	}
	for _, i := range known {
		if i == src || i == tgt || meaning[i] == "source" || meaning[i] == "target" {
			continue
		}
		if src < 0 {
			src = i
		} else if tgt < 0 {
			tgt = i
		}
	}
	if src < 0 || tgt < 0 {
		return false
	}
	d.srcCol, d.tgtCol = src, tgt
	if l := meaning[src]; l != "source" {
		d.doc.Source = l
	}
	if l := meaning[tgt]; l != "target" {
		d.doc.Target = l
	}
	return true
}
