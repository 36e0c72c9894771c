package read

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/transcheck/transcheck/pipeline/document"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// DefaultChunkUnits is how many units a chunk of a streamed file holds:
// enough for the per-document statistics of the checks (the length ratio,
// the mean coverage) to be stable, few enough that a chunk is a few MB.
const DefaultChunkUnits = 5000

// Chunks reads a container file (TMX, TSV, CSV) as a sequence of
// Documents of at most N units each, in file order, without holding the
// file whole. Each chunk carries the file's name, format and languages,
// the beads of its own units and the problems met while reading them;
// positions (byte offsets and lines) are the file's. Use it as a
// bufio.Scanner:
//
//	for c.Scan() {
//		check(c.Document())
//	}
//	err := c.Err()
//
// A file that yields no unit at all yields one chunk that says so.
type Chunks struct {
	path, format string
	next         func() *document.Document // nil at the end
	closer       io.Closer
	maxSegment   int // 0: segments are not cut
	cuts         cutCounter
	doc          *document.Document
	units        int
	done         bool
	err          error
	fffd         *fffdCounter // counts U+FFFD in text a decoder produced; nil for UTF-8
	encName      string
	// literal switches a delimited reader to literal rows (see
	// LiteralTSVChunks); nil for other formats.
	literal func()
}

// Scan reads the next chunk; it returns false at the end of the file.
func (c *Chunks) Scan() bool {
	c.doc = nil
	for !c.done {
		doc := c.next()
		if doc == nil {
			c.done = true
			break
		}
		if c.maxSegment > 0 {
			c.cuts.cut(doc, c.maxSegment)
		}
		c.units += len(doc.Units)
		if len(doc.Units) == 0 && len(doc.Problems) == 0 {
			continue // the end of the file after a full chunk
		}
		c.doc = doc
		return true
	}
	// What is known only at the end goes in one last chunk.
	last := &document.Document{Name: c.path, Paths: []string{c.path}, Format: c.format, Paired: true}
	c.cuts.finish(last, c.maxSegment)
	if c.fffd != nil && c.fffd.n > 0 {
		last.Problems = append(last.Problems, document.Problem{Pos: document.Position{Path: c.path},
			Message: fmt.Sprintf("warning: %d %s not valid %s and replaced by U+FFFD (check --encoding, or fix the file)", c.fffd.n, plural(c.fffd.n, "byte was", "bytes were"), c.encName)})
		c.fffd.n = 0
	}
	if c.units == 0 {
		c.units = -1 // said once
		last.Problems = append(last.Problems, document.Problem{Pos: document.Position{Path: c.path},
			Message: fmt.Sprintf("no text found in this %s file: only white space or markup (add the text, or exclude the file)", c.format)})
	}
	if len(last.Problems) == 0 {
		return false
	}
	c.doc = finishPaired(last)
	return true
}

// Document returns the chunk read by the last call to Scan.
func (c *Chunks) Document() *document.Document { return c.doc }

// Err returns the first error met reading the file, which is also a
// Problem of the chunk where it was met; nil at a clean end.
func (c *Chunks) Err() error { return c.err }

// Close closes the file that OpenChunks opened; it does nothing for
// chunks read from an io.Reader.
func (c *Chunks) Close() error {
	if c.closer == nil {
		return nil
	}
	err := c.closer.Close()
	c.closer = nil
	return err
}

// TMXChunks reads a TMX file from r (UTF-8 text) in chunks of at most n
// units (all of them when n <= 0), as TMX reads it whole.
func TMXChunks(path string, r io.Reader, n int) *Chunks {
	c := &Chunks{path: path, format: "tmx"}
	s := &tmxScanner{r: newXMLStreamReader(nil, path, r, "TMX")}
	var source, target string
	c.next = func() *document.Document {
		if s.done {
			return nil
		}
		if sl, ok := s.r.lines.(*streamLines); ok {
			sl.forget(s.r.offset()) // no position before this one is asked for again
		}
		s.r.doc = &document.Document{Name: path, Paths: []string{path}, Format: "tmx", Paired: true, Source: source, Target: target}
		doc := s.chunk(n)
		source, target = doc.Source, doc.Target
		if err := s.r.readErr(); err != nil && c.err == nil {
			c.err = fmt.Errorf("reading %s: %w", path, err)
		}
		return doc
	}
	return c
}

// TSVChunks reads a TSV file from r (UTF-8 text) in chunks of at most n
// units (all of them when n <= 0), as TSV reads it whole.
func TSVChunks(path string, r io.Reader, n int) *Chunks {
	return delimitedChunks(path, r, '\t', "tsv", n)
}

// LiteralTSVChunks is TSVChunks for a TSV file with no quoting, as
// parallel corpora are written (the IANA text/tab-separated-values rule):
// every line is a row, a quote is text, and a line that opens a quote it
// does not close does not swallow the lines after it.
func LiteralTSVChunks(path string, r io.Reader, n int) *Chunks {
	c := delimitedChunks(path, r, '\t', "tsv", n)
	c.literal()
	return c
}

// CSVChunks reads a CSV file from r (UTF-8 text) in chunks of at most n
// units (all of them when n <= 0), as CSV reads it whole.
func CSVChunks(path string, r io.Reader, n int) *Chunks {
	return delimitedChunks(path, r, ',', "csv", n)
}

// windowSize is how many bytes of a delimited file are parsed at once; a
// row longer than that (a quoted field over many lines) widens the window.
var windowSize = 1 << 20

func delimitedChunks(path string, r io.Reader, comma rune, format string, n int) *Chunks {
	c := &Chunks{path: path, format: format}
	d := newDelimitedReader(path, comma, format)
	c.literal = func() { d.literal = true }
	br := bufio.NewReaderSize(r, 64<<10)
	off, eof, want := 0, false, windowSize
	var source, target string
	refill := func() {
		drop := d.text[:off]
		d.base += len(drop)
		d.baseLine += strings.Count(drop, "\n")
		buf := make([]byte, 0, len(d.text)-off+want+4096)
		buf = append(buf, d.text[off:]...)
		for len(buf) < cap(buf)-4096 && !eof {
			k, err := br.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+k]
			if err != nil {
				eof = true
				if !errors.Is(err, io.EOF) {
					c.err = fmt.Errorf("reading %s: %w", path, err)
					line := d.baseLine + 1 + bytes.Count(buf, []byte("\n"))
					d.doc.Problems = append(d.doc.Problems, document.Problem{Pos: document.Position{Path: path, Line: line},
						Message: "cannot read: " + errText(err) + " (check the file and the disk; the rows before this line were read)"})
				}
			}
		}
		for !eof {
			// End the window at a line end: rows start on a line.
			rest, err := br.ReadSlice('\n')
			buf = append(buf, rest...)
			if err == bufio.ErrBufferFull {
				continue
			}
			if err != nil {
				eof = true
			}
			break
		}
		// The text is buf itself, not a copy: buf is fresh and nothing
		// writes to it after this (as strings.Builder does).
		d.text = unsafe.String(unsafe.SliceData(buf), len(buf))
		d.lines, off = newLineIndex(d.text), 0
	}
	c.next = func() *document.Document {
		if eof && off >= len(d.text) {
			return nil
		}
		d.newDocument(source, target)
		for {
			if off >= len(d.text) {
				if eof {
					break
				}
				refill()
				continue
			}
			next, more := d.parse(off, eof, n)
			off = next
			if n > 0 && len(d.doc.Units) >= n {
				break
			}
			if more {
				if next == 0 {
					want *= 2 // one row fills the window
				}
				refill()
			}
		}
		source, target = d.doc.Source, d.doc.Target
		d.doc.Directed = d.doc.Source != "" && d.doc.Target != ""
		return finishPaired(d.doc)
	}
	return c
}

// OpenChunks opens a file to be read in chunks of at most n units when it
// can be: a single TMX, TSV or CSV file of more than min bytes whose
// encoding is known without reading it whole (a byte-order mark,
// --encoding, or valid UTF-8, which it checks in one pass). The file-size
// limit does not apply: it guards memory against files read whole, and a
// streamed file holds a few chunks at a time. Otherwise it returns false
// and the file is for File, which reads it whole (within the limit) and
// reports what is wrong with it.
func OpenChunks(in Input, opt Options, min int64, n int) (*Chunks, bool) {
	if in.Paired {
		return nil, false
	}
	path := in.Source
	f, ok := formatFor(path)
	if !ok || (f.Name != "tmx" && f.Name != "tsv" && f.Name != "csv") {
		return nil, false
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() || info.Size() <= min {
		return nil, false
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	src, enc, name, ok := streamEncoding(fh, opt.Encoding)
	if !ok {
		fh.Close()
		return nil, false
	}
	var counter *fffdCounter
	if enc != nil {
		counter = &fffdCounter{r: transform.NewReader(src, enc.NewDecoder())}
		src = skipBOM(counter)
	}
	var c *Chunks
	switch f.Name {
	case "tmx":
		c = TMXChunks(path, src, n)
	case "tsv":
		c = TSVChunks(path, src, n)
	default:
		c = CSVChunks(path, src, n)
	}
	c.closer, c.maxSegment, c.fffd, c.encName = fh, opt.maxSegment(), counter, name
	return c, true
}

// streamEncoding chooses how to decode fh as Decode would, without
// reading it whole: it returns the reader positioned after any byte-order
// mark, and the decoder (nil for UTF-8). It returns false when only a
// whole read can tell (bytes that are not UTF-8, which Decode may guess
// to be GB18030, or report) or the encoding is unknown.
func streamEncoding(fh *os.File, named string) (io.Reader, encoding.Encoding, string, bool) {
	head := make([]byte, 3)
	k, _ := io.ReadFull(fh, head)
	head = head[:k]
	seek := func(off int64) bool {
		_, err := fh.Seek(off, io.SeekStart)
		return err == nil
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return fh, nil, "", seek(3) && validUTF8(fh) && seek(3)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return fh, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), "UTF-16", seek(0)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return fh, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), "UTF-16", seek(0)
	case named != "" && !strings.EqualFold(named, "utf-8") && !strings.EqualFold(named, "utf8"):
		e, err := htmlindex.Get(named)
		if err != nil {
			return nil, nil, "", false
		}
		return fh, e, named, seek(0)
	}
	return fh, nil, "", seek(0) && validUTF8(fh) && seek(0)
}

// validUTF8 reads r to its end and reports whether it is UTF-8 with no NUL
// byte (Decode refuses a NUL: a binary file or UTF-16 without a mark).
func validUTF8(r io.Reader) bool {
	buf := make([]byte, 1<<20)
	carry := 0
	for {
		k, err := r.Read(buf[carry:])
		data := buf[:carry+k]
		if bytes.IndexByte(data[carry:], 0) >= 0 {
			return false
		}
		// Keep an incomplete character at the end for the next read.
		cut := len(data)
		if err == nil {
			for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
				if utf8.RuneStart(data[i]) {
					if !utf8.FullRune(data[i:]) {
						cut = i
					}
					break
				}
			}
		}
		if !utf8.Valid(data[:cut]) {
			return false
		}
		carry = copy(buf, data[cut:])
		if err != nil {
			return errors.Is(err, io.EOF) && carry == 0
		}
	}
}

// skipBOM drops a byte-order mark that a decoder left at the start.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	return br
}

// fffdCounter counts the U+FFFD characters a decoder wrote, which stand
// for bytes the encoding does not define.
type fffdCounter struct {
	r    io.Reader
	n    int
	tail []byte // the last bytes read, for a character split across reads
}

func (f *fffdCounter) Read(p []byte) (int, error) {
	k, err := f.r.Read(p)
	if k > 0 {
		joined := append(f.tail, p[:k]...)
		f.n += bytes.Count(joined, []byte("\uFFFD"))
		// A U+FFFD wholly in the tail was counted already.
		f.n -= bytes.Count(f.tail, []byte("\uFFFD"))
		start := max(0, len(joined)-2)
		f.tail = append(f.tail[:0], joined[start:]...)
	}
	return k, err
}

// streamLines passes the bytes of a stream through and remembers where
// its recent lines begin, so that a byte offset gives a line without the
// whole text.
type streamLines struct {
	r       io.Reader
	read    int   // bytes passed through
	nl      []int // offsets of the newlines not forgotten, ascending
	dropped int   // newlines forgotten, all before nl[0]
	err     error // the first read error other than io.EOF
}

func (s *streamLines) Read(p []byte) (int, error) {
	k, err := s.r.Read(p)
	for i := 0; i < k; {
		j := bytes.IndexByte(p[i:k], '\n')
		if j < 0 {
			break
		}
		s.nl = append(s.nl, s.read+i+j)
		i += j + 1
	}
	s.read += k
	if err != nil && !errors.Is(err, io.EOF) && s.err == nil {
		s.err = err
	}
	return k, err
}

// line returns the 1-based line holding byte offset off, which must not
// be before the offset last forgotten.
func (s *streamLines) line(off int) int { return 1 + s.dropped + sort.SearchInts(s.nl, off) }

// forget drops what it knows of the lines before offset off.
func (s *streamLines) forget(off int) {
	k := sort.SearchInts(s.nl, off)
	s.dropped += k
	s.nl = append(s.nl[:0], s.nl[k:]...)
}

// readErr returns the read error under a streamed XML reader, if any.
func (r *xmlReader) readErr() error {
	if sl, ok := r.lines.(*streamLines); ok {
		return sl.err
	}
	return nil
}
