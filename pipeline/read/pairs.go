package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
	"golang.org/x/text/transform"
)

// This file serves readers of pairs that are not a document to check but
// a stream of translation units to sort (transcheck filter): a
// line-aligned corpus read as a stream, and the decoded text of a file,
// whose byte offsets are the ones the units' positions give.

// IsLineAligned reports whether path is one side of a line-aligned
// corpus by its name (corpus.zh, corpus.en): NAME.LANG with LANG a
// language code.
func IsLineAligned(path string) bool {
	f, ok := formatFor(path)
	return ok && f.Name == linesFormat.Name
}

// FinishPaired indexes a document of translation units that a caller
// assembled and links, in each unit, its source segments to its target
// segments, as the container readers do.
func FinishPaired(doc *document.Document) *document.Document { return finishPaired(doc) }

// FormatOf returns the name of the reader a file takes by its name
// ("tsv", "tmx", "xliff", "lines" for a side of a line-aligned corpus, …),
// "" when none.
func FormatOf(path string) string {
	f, _ := formatFor(path)
	return f.Name
}

// OpenText opens a file as the UTF-8 text the streaming readers read: a
// byte-order mark skipped, UTF-16 or the named encoding decoded, any other
// bytes passed as they are (a line that is not UTF-8 is for the caller to
// report, so one bad line does not stop a corpus). Offsets into it are
// the offsets that units read from it carry; reopened, it gives the same
// bytes.
func OpenText(path string, opt Options) (io.ReadCloser, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 3)
	k, _ := io.ReadFull(fh, head)
	head = head[:k]
	utf16 := bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
	named := opt.Encoding != "" && !strings.EqualFold(opt.Encoding, "utf-8") && !strings.EqualFold(opt.Encoding, "utf8")
	skip := int64(0)
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		skip, utf16, named = 3, false, false
	}
	if _, err := fh.Seek(skip, io.SeekStart); err != nil {
		fh.Close()
		return nil, err
	}
	if !utf16 && !named {
		return fh, nil
	}
	src, enc, _, ok := streamEncoding(fh, opt.Encoding)
	if !ok || enc == nil {
		fh.Close()
		return nil, fmt.Errorf("unknown encoding %q (use a name such as gb18030, big5 or utf-16)", opt.Encoding)
	}
	return struct {
		io.Reader
		io.Closer
	}{skipBOM(transform.NewReader(src, enc.NewDecoder())), fh}, nil
}

// LoadText reads and decodes a whole file as File does, within the size
// limit: the text whose offsets the units of a whole read give. It returns
// the problems met and whether there is text.
func LoadText(path string, opt Options) (string, []document.Problem, bool) {
	return load(path, opt)
}

// LinePairChunks reads a line-aligned corpus (in.Source beside in.Target,
// line N of one translating line N of the other) as a stream of chunks of
// at most n units of kind "line", each holding the source line and the
// target line as segments with their roles, as File reads the pair whole.
// An empty line is a skipped segment; a line that is not valid UTF-8 is a
// unit of kind "row" whose segments are skipped, with a Problem naming
// the file and the line. Lines past the end of the shorter file are units
// with one side.
func LinePairChunks(in Input, opt Options, n int) (*Chunks, error) {
	if in.Source == "" || in.Target == "" {
		return nil, fmt.Errorf("a line-aligned corpus needs both files")
	}
	src, err := OpenText(in.Source, opt)
	if err != nil {
		return nil, err
	}
	tgt, err := OpenText(in.Target, opt)
	if err != nil {
		src.Close()
		return nil, err
	}
	name := in.Name()
	c := &Chunks{path: name, format: "lines", closer: multiCloser{src, tgt}}
	sides := []*lineStream{
		{path: in.Source, r: bufio.NewReaderSize(src, 64<<10), role: document.RoleSource, lang: in.SourceLang},
		{path: in.Target, r: bufio.NewReaderSize(tgt, 64<<10), role: document.RoleTarget, lang: in.TargetLang},
	}
	lineNo := 0
	c.next = func() *document.Document {
		doc := &document.Document{Name: name, Paths: []string{in.Source, in.Target}, Format: "lines",
			Source: in.SourceLang, Target: in.TargetLang, Paired: true}
		doc.Directed = doc.Source != "" && doc.Target != ""
		for n <= 0 || len(doc.Units) < n {
			lineNo++
			u := &document.Unit{Kind: "line"}
			any := false
			for _, s := range sides {
				seg, bad, ok := s.next(lineNo, doc, c)
				if !ok {
					continue
				}
				any = true
				if bad {
					u.Kind = "row"
				}
				if u.Segments == nil {
					u.Pos = seg.Pos
				}
				u.Segments = append(u.Segments, seg)
			}
			if !any {
				if sides[0].eof && sides[1].eof && sides[0].lines != sides[1].lines && !sides[1].told {
					sides[1].told = true
					doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: in.Target},
						Message: fmt.Sprintf("%d lines, but the source %s has %d: line-aligned files must have as many lines (lines past the shorter file stay unpaired)",
							sides[1].lines, in.Source, sides[0].lines)})
				}
				break
			}
			if u.Kind == "row" {
				for _, s := range u.Segments {
					s.Skip = "unreadable line"
				}
			}
			doc.Units = append(doc.Units, u)
		}
		if len(doc.Units) == 0 && len(doc.Problems) == 0 {
			return nil
		}
		return finishPaired(doc)
	}
	return c, nil
}

// lineStream is one side of a line-aligned corpus read line by line.
type lineStream struct {
	path  string
	r     *bufio.Reader
	role  document.Role
	lang  string
	off   int // offset of the next line
	lines int // lines read
	eof   bool
	told  bool
}

// next reads the side's line number lineNo as a segment; bad says it is
// not valid UTF-8 (a Problem of doc says so); ok is false past the end.
func (s *lineStream) next(lineNo int, doc *document.Document, c *Chunks) (seg *document.Segment, bad, ok bool) {
	if s.eof {
		return nil, false, false
	}
	raw, err := s.r.ReadString('\n')
	if err != nil {
		s.eof = true
		if !errors.Is(err, io.EOF) {
			if c.err == nil {
				c.err = fmt.Errorf("reading %s: %w", s.path, err)
			}
			doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: s.path, Line: lineNo},
				Message: "cannot read: " + errText(err) + " (check the file and the disk; the lines before this one were read)"})
		}
		if raw == "" {
			return nil, false, false
		}
	}
	s.lines++
	start := s.off
	s.off += len(raw)
	text := strings.TrimSuffix(strings.TrimSuffix(raw, "\n"), "\r")
	pos := document.Position{Path: s.path, Line: lineNo, Start: start, End: start + len(text)}
	seg = &document.Segment{Text: text, Pos: pos, Role: s.role, Declared: s.lang}
	if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
		i := firstBad(text)
		doc.Problems = append(doc.Problems, document.Problem{Pos: pos,
			Message: fmt.Sprintf("invalid UTF-8 or NUL byte 0x%02x at byte %d of the line (save the file as UTF-8 or pass --encoding)", text[i], i)})
		seg.Text = strings.ToValidUTF8(strings.ReplaceAll(text, "\x00", ""), "\uFFFD")
		return seg, true, true
	}
	if strings.TrimSpace(text) == "" {
		seg.Skip = "empty line"
	}
	return seg, false, true
}

// firstBad returns the offset of the first byte of text that is not
// valid UTF-8 or is NUL.
func firstBad(text string) int {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 || r == 0 {
			return i
		}
		i += size
	}
	return 0
}

// multiCloser closes several files.
type multiCloser []io.Closer

func (m multiCloser) Close() error {
	var errs []error
	for _, c := range m {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// DocumentChunks cuts a document of translation units read whole into
// chunks of at most n units, as the streaming readers give them: each
// chunk a document of its own, the document's problems with the first.
func DocumentChunks(doc *document.Document, n int) *Chunks {
	c := &Chunks{path: doc.Name, format: doc.Format}
	units, first := doc.Units, true
	c.next = func() *document.Document {
		if !first && len(units) == 0 {
			return nil
		}
		k := len(units)
		if n > 0 && k > n {
			k = n
		}
		d := &document.Document{Name: doc.Name, Paths: doc.Paths, Format: doc.Format, Source: doc.Source,
			Target: doc.Target, Directed: doc.Directed, Paired: true, Units: units[:k:k]}
		if first {
			d.Problems, first = doc.Problems, false
		}
		units = units[k:]
		return finishPaired(d)
	}
	return c
}
