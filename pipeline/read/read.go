// Package read turns files into Documents. A Scanner walks the paths it is
// given, in a stable order, and yields one Document per file (or per pair of
// files); a file that cannot be read yields a Document holding only a
// Problem, so the run goes on and the report says why.
package read

import (
	"fmt"
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
	{Name: "markdown", Ext: []string{".md", ".markdown"}, Read: Markdown},
	{Name: "tmx", Ext: []string{".tmx"}, Read: TMX},
	{Name: "xliff", Ext: []string{".xlf", ".xliff"}, Read: XLIFF},
	{Name: "po", Ext: []string{".po", ".pot"}, Read: PO},
	{Name: "tsv", Ext: []string{".tsv"}, Read: TSV},
	{Name: "csv", Ext: []string{".csv"}, Read: CSV},
	{Name: "ddoc", Ext: []string{".d", ".dd"}, Read: Ddoc},
}

func formatFor(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
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
	data, err := os.ReadFile(path)
	if err != nil {
		return failed(path, f.Name, document.Problem{Pos: document.Position{Path: path},
			Message: "cannot read: " + errText(err) + " (check the permissions)"})
	}
	text, prob := Decode(path, data, opt.Encoding)
	if prob != nil {
		return failed(path, f.Name, *prob)
	}
	doc := f.Read(path, text)
	if len(doc.Units) == 0 {
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: path},
			Message: fmt.Sprintf("no text found in this %s file", f.Name)})
	}
	return doc
}

// LinesFile reads a file with every line as a unit of one segment, the
// shape of sentence-per-line corpora; blank lines are kept, skipped.
func LinesFile(path string, opt Options) *document.Document {
	data, err := os.ReadFile(path)
	if err != nil {
		return failed(path, "lines", document.Problem{Pos: document.Position{Path: path},
			Message: "cannot read: " + errText(err) + " (check the path and permissions)"})
	}
	text, prob := Decode(path, data, opt.Encoding)
	if prob != nil {
		return failed(path, "lines", *prob)
	}
	return Lines(path, text)
}

func failed(path, format string, p document.Problem) *document.Document {
	return &document.Document{Name: path, Paths: []string{path}, Format: format, Problems: []document.Problem{p}}
}
