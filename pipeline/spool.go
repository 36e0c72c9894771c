package pipeline

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/transcheck/transcheck/metrics"
)

// Spool keeps a run's document reports in a temporary file, in the order
// they are added, and replays them as often as the reports need: a run
// over a corpus holds one document's findings at a time, not the corpus'.
// With the document text kept (DocumentReport.Doc, for the HTML page) the
// text goes to the file too.
type Spool struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int
	err error
}

// NewSpool creates a spool in dir (os.TempDir when empty). Close removes
// its file.
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "transcheck-spool-*")
	if err != nil {
		return nil, fmt.Errorf("spooling the reports: %w (set TMPDIR to a writable folder)", err)
	}
	w := bufio.NewWriterSize(f, 256<<10)
	return &Spool{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

// Add appends a document report.
func (s *Spool) Add(d *DocumentReport) error {
	if s.err != nil {
		return s.err
	}
	if err := s.enc.Encode(d); err != nil {
		s.err = fmt.Errorf("spooling the report of %s: %w", d.Name, err)
		return s.err
	}
	s.n++
	return nil
}

// Len returns the number of document reports added.
func (s *Spool) Len() int { return s.n }

// Each calls fn with every document report, in the order they were added;
// it stops at the first error fn returns. The report passed to fn is valid
// during the call only.
func (s *Spool) Each(fn func(*DocumentReport) error) error {
	if s.err != nil {
		return s.err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spooling the reports: %w", err)
	}
	size, err := s.f.Seek(0, io.SeekEnd)
	if err != nil {
		return fmt.Errorf("spooling the reports: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(s.f, 0, size), 256<<10))
	for i := 0; i < s.n; i++ {
		var d DocumentReport
		if err := dec.Decode(&d); err != nil {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return fmt.Errorf("reading back the spooled reports (%s): %w", s.f.Name(), err)
		}
		d.normalize()
		if err := fn(&d); err != nil {
			return err
		}
	}
	return nil
}

// Close removes the spool's file.
func (s *Spool) Close() error {
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); err == nil {
		err = rerr
	}
	return err
}

// normalize restores what gob does not carry: empty lists (gob gives nil,
// which JSON would write as null) and the document's segment index.
func (d *DocumentReport) normalize() {
	if d.Paths == nil {
		d.Paths = []string{}
	}
	if d.Problems == nil {
		d.Problems = []string{}
	}
	if d.Findings == nil {
		d.Findings = []metrics.Finding{}
	}
	if d.Doc != nil {
		d.Doc.Index()
	}
}
