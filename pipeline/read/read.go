// Package read turns files into Documents. A Scanner walks the paths it is
// given, in a stable order, and yields one Document per file (or per pair of
// files); a file that cannot be read yields a Document holding only a
// Problem, so the run goes on and the report says why.
package read

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Options control reading.
type Options struct {
	// Encoding names the encoding of files that have no byte-order mark
	// ("gb18030", "big5", ...); empty means UTF-8.
	Encoding string
	// Exclude holds glob patterns (filepath.Match syntax) matched against
	// the base name and the slash path of each file and folder.
	Exclude []string
	// Source and Target, when set, choose the languages of file pairs
	// (ISO 639-1); otherwise English is the source when present.
	Source, Target string
	// Pairs are explicit SOURCE=TARGET pairs of files or folders.
	Pairs []Pair
	// MaxFileSize is the largest file read, in bytes: a bigger file is a
	// Problem and is not read. 0 means DefaultMaxFileSize; negative, no limit.
	MaxFileSize int64
	// MaxSegment is the longest segment, in characters, that reaches the
	// later stages: a longer one is cut into pieces of at most this size,
	// at a space where it can, and a Problem says so. 0 means
	// DefaultMaxSegment; negative, no limit.
	MaxSegment int
}

// Default limits. A file over DefaultMaxFileSize is rarely a translation
// (a log, a database dump) and reading it would hold it whole in memory; a
// segment over DefaultMaxSegment characters is a file without line breaks
// or sentence ends, which the sentence splitter and the aligner would
// otherwise handle in one piece.
const (
	DefaultMaxFileSize = 64 << 20
	DefaultMaxSegment  = 20000
)

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize == 0 {
		return DefaultMaxFileSize
	}
	return o.MaxFileSize
}

func (o Options) maxSegment() int {
	if o.MaxSegment == 0 {
		return DefaultMaxSegment
	}
	return o.MaxSegment
}

// Format reads one kind of file from its decoded text.
type Format struct {
	Name string
	Ext  []string
	Read func(path, text string) *document.Document
}

// Formats lists the file formats by name; a file's extension chooses one.
var Formats = []Format{
	{Name: "text", Ext: []string{".txt"}, Read: Text},
	{Name: "markdown", Ext: []string{".md", ".mdx", ".markdown"}, Read: Markdown},
	{Name: "tmx", Ext: []string{".tmx"}, Read: TMX},
	{Name: "xliff", Ext: []string{".xlf", ".xliff"}, Read: XLIFF},
	{Name: "po", Ext: []string{".po", ".pot"}, Read: PO},
	{Name: "tsv", Ext: []string{".tsv"}, Read: TSV},
	{Name: "csv", Ext: []string{".csv"}, Read: CSV},
	{Name: "ddoc", Ext: []string{".d", ".dd"}, Read: Ddoc},
	{Name: "asciidoc", Ext: []string{".adoc", ".asc", ".asciidoc"}, Read: AsciiDoc},
}

// formatFor chooses the reader of a file by its extension; a ".xml" file
// is a TMX or XLIFF file when its root element says so (tools export
// both as .xml), else no known format.
func formatFor(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".xml" {
		switch xmlRoot(path) {
		case "tmx":
			ext = ".tmx"
		case "xliff":
			ext = ".xlf"
		default:
			return Format{}, false
		}
	}
	for _, f := range Formats {
		for _, e := range f.Ext {
			if e == ext {
				return f, true
			}
		}
	}
	if len(ext) > 1 && LangOfName(ext[1:]) != "" {
		// corpus.zh beside corpus.en: a line-aligned parallel corpus.
		return linesFormat, true
	}
	return Format{}, false
}

// xmlRoot returns the name of the root element of an XML file, from its
// first 4 KB: what follows the XML declaration, comments and a doctype;
// "" when there is none or the file cannot be read.
func xmlRoot(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(f, buf)
	head := strings.TrimPrefix(string(buf[:n]), "\uFEFF")
	for {
		i := strings.IndexByte(head, '<')
		if i < 0 || i+1 >= len(head) {
			return ""
		}
		head = head[i+1:]
		switch {
		case strings.HasPrefix(head, "!--"):
			if j := strings.Index(head, "-->"); j >= 0 {
				head = head[j+3:]
				continue
			}
			return ""
		case strings.HasPrefix(head, "?"), strings.HasPrefix(head, "!"):
			// declaration, comment or doctype: the root comes after
			if j := strings.IndexByte(head, '>'); j >= 0 {
				head = head[j+1:]
				continue
			}
			return ""
		}
		end := strings.IndexFunc(head, func(r rune) bool { return r == ' ' || r == '>' || r == '/' || r == '\t' || r == '\n' || r == '\r' })
		if end < 0 {
			return ""
		}
		name := head[:end]
		if k := strings.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:] // a prefixed root, <x:xliff>
		}
		return name
	}
}

// linesFormat reads one side of a line-aligned corpus (NAME.LANG files):
// every line is a unit, empty lines included, so that line N of one side
// pairs with line N of the other.
var linesFormat = Format{Name: "lines", Read: Lines}

func excluded(p string, patterns []string) bool {
	slash := filepath.ToSlash(p)
	for _, pat := range patterns {
		if ok, _ := filepath.Match(pat, filepath.Base(p)); ok {
			return true
		}
		if ok, _ := filepath.Match(pat, slash); ok {
			return true
		}
	}
	return false
}

func errText(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

// readFile reads one file into a Document, choosing the format by
// extension (plain text when unknown). Problems are recorded in the
// Document.
func readFile(path string, opt Options) *document.Document {
	f, ok := formatFor(path)
	if !ok {
		f = Formats[0]
	}
	text, probs, ok := load(path, opt)
	if !ok {
		return failed(path, f.Name, probs...)
	}
	doc := f.Read(path, text)
	doc.Problems = append(probs, doc.Problems...)
	cutLong(doc, opt.maxSegment())
	if len(doc.Units) == 0 {
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: path},
			Message: fmt.Sprintf("no text found in this %s file: only white space or markup (add the text, or exclude the file)", f.Name)})
	}
	return doc
}

// load reads and decodes a file, within the size limit. It returns the
// problems met (a guessed encoding is one) and whether there is text.
func load(path string, opt Options) (string, []document.Problem, bool) {
	at := document.Position{Path: path}
	// Stat before opening: opening a named pipe would block the run.
	info, err := os.Stat(path)
	if err != nil {
		return "", []document.Problem{{Pos: at, Message: "cannot read: " + errText(err) + " (check the path and permissions)"}}, false
	}
	if !info.Mode().IsRegular() {
		return "", []document.Problem{{Pos: at, Message: fmt.Sprintf("not a regular file (%s): skipped (exclude it)", fileKind(info.Mode()))}}, false
	}
	limit := opt.maxFileSize()
	if limit > 0 && info.Size() > limit {
		return "", []document.Problem{{Pos: at, Message: tooBig(info.Size(), limit)}}, false
	}
	fh, err := os.Open(path)
	if err != nil {
		return "", []document.Problem{{Pos: at, Message: "cannot read: " + errText(err) + " (check the permissions)"}}, false
	}
	defer fh.Close()
	r := io.Reader(fh)
	if limit > 0 {
		r = io.LimitReader(fh, limit+1) // the file may grow after Stat
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return "", []document.Problem{{Pos: at, Message: "cannot read: " + errText(err) + " (check the file and the disk)"}}, false
	}
	if limit > 0 && int64(len(data)) > limit {
		return "", []document.Problem{{Pos: at, Message: tooBig(int64(len(data)), limit)}}, false
	}
	if len(data) == 0 {
		return "", []document.Problem{{Pos: at, Message: "empty file: nothing to check (add the text, or remove or exclude the file)"}}, false
	}
	text, note, fail := Decode(path, data, opt.Encoding)
	if fail != nil {
		return "", []document.Problem{*fail}, false
	}
	if note != nil {
		return text, []document.Problem{*note}, true
	}
	return text, nil, true
}

func tooBig(size, limit int64) string {
	return fmt.Sprintf("file is %s, over the %s limit: not read (raise it with --max-file-size)", sizeString(size), sizeString(limit))
}

// sizeString gives a size in MB, rounded up so that a file over the limit
// never shows as equal to it; small sizes in bytes.
func sizeString(n int64) string {
	const mb = 1 << 20
	if n < mb {
		return fmt.Sprintf("%d bytes", n)
	}
	if n%mb == 0 {
		return fmt.Sprintf("%d MB", n/mb)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/mb)
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// LinesFile reads a file with every line as a unit of one segment, the
// shape of sentence-per-line corpora; blank lines are kept, skipped.
func LinesFile(path string, opt Options) *document.Document {
	text, probs, ok := load(path, opt)
	if !ok {
		return failed(path, "lines", probs...)
	}
	// A line is one segment here, whatever its length: the caller counts
	// lines (MaxSegment applies to check, through File).
	doc := Lines(path, text)
	doc.Problems = append(probs, doc.Problems...)
	return doc
}

func failed(path, format string, p ...document.Problem) *document.Document {
	return &document.Document{Name: path, Paths: []string{path}, Format: format, Problems: p}
}
