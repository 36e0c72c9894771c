package filter

import (
	"bufio"
	"fmt"
	"io"
)

// Copier writes a file's text to its kept output without the units it is
// told to remove, streaming: the input's bytes before, between and after
// the units are copied as they are (a TSV header, a TMX header and body
// tags), and so are the units kept, so a kept line is byte for byte the
// input's. A removed unit that stands alone on its lines takes its
// indentation and its line break with it.
type Copier struct {
	r       *bufio.Reader
	w       *bufio.Writer
	pos     int    // bytes of the input consumed
	pending []byte // bytes after the last line break, held back
	nlSeen  bool   // a line break was met before pending (or pos is 0)
}

// NewCopier copies r to w; r is the text the units' offsets are into.
func NewCopier(r io.Reader, w io.Writer) *Copier {
	return &Copier{r: bufio.NewReaderSize(r, 64<<10), w: bufio.NewWriterSize(w, 64<<10), nlSeen: true}
}

// Remove drops the bytes start..end from the output; spans must come in
// order and not overlap.
func (c *Copier) Remove(start, end int) error {
	if start < c.pos || end < start {
		return fmt.Errorf("unit at bytes %d..%d comes before byte %d already written", start, end, c.pos)
	}
	if err := c.copyTo(start); err != nil {
		return err
	}
	alone := c.nlSeen && blank(c.pending)
	if alone {
		c.pending = c.pending[:0] // the unit's indentation goes with it
	} else if err := c.flushPending(); err != nil {
		return err
	}
	last, err := c.discard(end - start)
	if err != nil {
		return err
	}
	c.pos = end
	if !alone {
		c.nlSeen = false
		return nil
	}
	// The rest of the unit's last line, if blank, and its line break
	// (a TSV row's span holds its own).
	endsLine := last == '\n'
	for !endsLine {
		b, err := c.r.ReadByte()
		if err != nil {
			break
		}
		switch b {
		case ' ', '\t', '\r':
			c.pending = append(c.pending, b)
			c.pos++
			continue
		case '\n':
			c.pending = c.pending[:0]
			c.pos++
			endsLine = true
		default:
			c.r.UnreadByte()
		}
		break
	}
	if !endsLine {
		// Something follows on the line: keep the white space before it.
		c.nlSeen = false
		return nil
	}
	c.nlSeen = true
	return nil
}

// Finish copies the rest of the input, or, with truncate, stops here
// (the input was not read to its end), and flushes the output.
func (c *Copier) Finish(truncate bool) error {
	if !truncate {
		if err := c.copyTo(-1); err != nil {
			return err
		}
	}
	if !truncate || !blank(c.pending) {
		if err := c.flushPending(); err != nil {
			return err
		}
	}
	return c.w.Flush()
}

// copyTo copies the input up to offset to (-1: its end), holding back
// the bytes after the last line break.
func (c *Copier) copyTo(to int) error {
	for to < 0 || c.pos < to {
		want := 64 << 10
		if to >= 0 {
			want = min(want, to-c.pos)
		}
		buf, err := c.r.Peek(want)
		if len(buf) == 0 {
			if err == io.EOF || err == nil {
				if to >= 0 {
					return fmt.Errorf("input ends at byte %d, before a unit at byte %d", c.pos, to)
				}
				return nil
			}
			return err
		}
		if i := lastNL(buf); i >= 0 {
			if err := c.flushPending(); err != nil {
				return err
			}
			if _, err := c.w.Write(buf[:i+1]); err != nil {
				return err
			}
			c.pending = append(c.pending[:0], buf[i+1:]...)
			c.nlSeen = true
		} else {
			c.pending = append(c.pending, buf...)
		}
		if !blank(c.pending) {
			// Text before the next unit on its line: the unit cannot
			// stand alone, and a long line is not held in memory.
			if err := c.flushPending(); err != nil {
				return err
			}
			c.nlSeen = false
		}
		c.pos += len(buf)
		c.r.Discard(len(buf))
	}
	return nil
}

// discard skips n bytes of the input and returns the last one (0 when
// none).
func (c *Copier) discard(n int) (byte, error) {
	var last byte
	for n > 0 {
		buf, err := c.r.Peek(min(n, 64<<10))
		if len(buf) == 0 {
			if err == nil || err == io.EOF {
				return 0, fmt.Errorf("input ends inside a unit, %d bytes short", n)
			}
			return 0, err
		}
		last = buf[len(buf)-1]
		c.r.Discard(len(buf))
		n -= len(buf)
	}
	return last, nil
}

func (c *Copier) flushPending() error {
	_, err := c.w.Write(c.pending)
	c.pending = c.pending[:0]
	return err
}

func lastNL(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			return i
		}
	}
	return -1
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
