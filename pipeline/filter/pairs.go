package filter

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/read"
)

// Pair is one unit of a file of translation units as its reader gave it,
// with what Norms and Judge need to know of the chunk it came in, in a
// form that encodes (as JSON, or as an element of a distributed run):
// a runner that moves units between machines judges them as Run does.
type Pair struct {
	// File is the index of the input the unit was read from among the
	// run's inputs; duplicates are "earlier" in that order.
	File int `json:"file"`
	// Index is the unit's place among its file's units, from 0: the
	// units of Index below Config.ChunkUnits are the file's first chunk,
	// whose norms every unit of the file is judged against.
	Index int `json:"index"`
	// Chunk is the chunk the unit was read in, without its units.
	Chunk ChunkInfo      `json:"chunk"`
	Unit  *document.Unit `json:"unit"`
	// Problem is why the reader could not read the unit (a unit of kind
	// "row"), nil for a unit read.
	Problem *document.Problem `json:"problem,omitempty"`
	// Text is the unit's bytes in its file, line break included, for the
	// formats whose kept output is the input's own lines (TSV, CSV); ""
	// for the others. Bytes, not a string: a line that is not UTF-8 is
	// copied as it is.
	Text []byte `json:"text,omitempty"`
	// Head is, on a file's first unit, the bytes before it (a TSV or CSV
	// header row): what a kept output with the input's columns starts
	// with.
	Head []byte `json:"head,omitempty"`
}

// ChunkInfo is what a chunk says of its file.
type ChunkInfo struct {
	Name   string   `json:"name"`
	Paths  []string `json:"paths"`
	Format string   `json:"format"`
	Source string   `json:"source"`
	Target string   `json:"target"`
}

// ReadPairs reads input number file as Run reads it (the same readers,
// chunks of Config.ChunkUnits units, the same positions) and hands each
// unit to emit as a Pair, in file order. It returns the problems met, as
// Summary.Problems gives them: a file that cannot be read is a problem,
// not an error. The error is emit's, or one of reading the text again for
// Pair.Text and Pair.Head.
func (p *Pipeline) ReadPairs(in read.Input, file int, emit func(Pair) error) ([]string, error) {
	s := p.open(in)
	defer s.close()
	if s.err != "" {
		return []string{s.err}, nil
	}
	var problems []string
	var text *spanReader
	if f := read.FormatOf(in.Source); !in.Paired && (f == "tsv" || f == "csv") {
		r, err := s.text(in.Source)
		if err != nil {
			return problems, fmt.Errorf("reopening %s: %w", in.Source, err)
		}
		defer r.Close()
		text = &spanReader{r: bufio.NewReaderSize(r, 64<<10)}
	}
	index := 0
	for s.chunks.Scan() {
		doc := s.chunks.Document()
		for _, pr := range doc.Problems {
			problems = append(problems, pr.Error())
		}
		info := ChunkInfo{Name: doc.Name, Paths: doc.Paths, Format: doc.Format, Source: doc.Source, Target: doc.Target}
		for _, u := range doc.Units {
			pr := Pair{File: file, Index: index, Chunk: info, Unit: u}
			index++
			if u.Kind == "row" {
				pr.Problem = problemOf(doc, u)
			}
			if text != nil {
				if index == 1 {
					h, err := text.span(0, u.Pos.Start)
					if err != nil {
						return problems, fmt.Errorf("reading %s: %w", in.Source, err)
					}
					pr.Head = h
				}
				t, err := text.span(u.Pos.Start, u.Pos.End)
				if err != nil {
					return problems, fmt.Errorf("reading %s: %w", in.Source, err)
				}
				pr.Text = t
			}
			if err := emit(pr); err != nil {
				return problems, err
			}
		}
	}
	return problems, nil
}

// problemOf returns the chunk's problem on a unit's line: why the reader
// could not read it (see problemAt).
func problemOf(chunk *document.Document, u *document.Unit) *document.Problem {
	for _, pr := range chunk.Problems {
		if pr.Pos.Line == u.Pos.Line && (pr.Pos.Path == u.Pos.Path || pr.Pos.Path == "") {
			return &pr
		}
	}
	return nil
}

// chunkOf rebuilds a chunk holding the pairs' units, which must be of one
// file.
func chunkOf(pairs []Pair) *document.Document {
	info := pairs[0].Chunk
	doc := &document.Document{Name: info.Name, Paths: info.Paths, Format: info.Format,
		Source: info.Source, Target: info.Target, Paired: true}
	for _, pr := range pairs {
		doc.Units = append(doc.Units, pr.Unit)
		if pr.Problem != nil {
			doc.Problems = append(doc.Problems, *pr.Problem)
		}
	}
	return read.FinishPaired(doc)
}

// NormsOf fixes a file's languages and norms as Run does, from the units
// of its first chunk: the pairs of Index below Config.ChunkUnits, which
// it picks from pairs (of one file, in any order, more allowed). The
// pairs' units are changed (detected, indexed): judge copies of them.
func (p *Pipeline) NormsOf(pairs []Pair) Norms {
	first := FirstChunk(pairs, p.cfg.ChunkUnits)
	if len(first) == 0 {
		return Norms{Source: p.cfg.Source, Target: p.cfg.Target}
	}
	return p.Norms(chunkOf(first))
}

// FirstChunk returns the pairs of Index below n, sorted by Index: the
// units of a file's first chunk of n units, among pairs of that file.
func FirstChunk(pairs []Pair, n int) []Pair {
	var out []Pair
	for _, pr := range pairs {
		if pr.Index < n {
			out = append(out, pr)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out
}

// JudgePair judges a pair against its file's norms, as Judge judges the
// unit in its chunk. The pair's unit is changed.
func (p *Pipeline) JudgePair(pr Pair, n Norms) Verdict {
	chunk := &document.Document{Name: pr.Chunk.Name, Paths: pr.Chunk.Paths, Format: pr.Chunk.Format,
		Source: pr.Chunk.Source, Target: pr.Chunk.Target, Paired: true, Units: []*document.Unit{pr.Unit}}
	if pr.Problem != nil {
		chunk.Problems = []document.Problem{*pr.Problem}
	}
	return p.Judge(chunk, pr.Unit, n)
}

// DedupKey is the key under which Config.Dedup finds the repeats of a
// verdict's pair (white space and case folded); "" when the pair takes
// no part (unreadable, or Dedup off). Of the verdicts of one key, Run
// keeps the first in input order and marks the others with MarkDuplicate.
func (v *Verdict) DedupKey() string {
	if v.Unreadable {
		return ""
	}
	return v.key
}

// DedupKey is the key JudgePair's verdict gives the pair under
// Config.Dedup (Verdict.DedupKey), without judging it: a distributed run
// finds the repeats before it judges. "" for a unit that was not read.
func (pr Pair) DedupKey() string {
	if pr.Unit.Kind == "row" {
		return ""
	}
	var src, tgt []string
	for _, s := range pr.Unit.Segments {
		switch s.Role {
		case document.RoleSource:
			src = append(src, s.Text)
		case document.RoleTarget:
			tgt = append(tgt, s.Text)
		}
	}
	return dedupKey(strings.Join(src, " "), strings.Join(tgt, " "))
}

// MarkDuplicate rejects a verdict as a repeat of an earlier pair, with
// the reason Run gives.
func (v *Verdict) MarkDuplicate() {
	v.Reasons = append(v.Reasons, duplicateReason)
}

// duplicateReason is the reason Run gives a repeated pair (a test holds
// the two together).
var duplicateReason = Reason{Check: Duplicate, Message: "the same pair (white space and case aside) came earlier", Confidence: 1}

// spanReader reads spans of a text in order.
type spanReader struct {
	r   *bufio.Reader
	pos int
}

// span returns the bytes start..end and the line break that follows
// them; spans must come in order.
func (s *spanReader) span(start, end int) ([]byte, error) {
	if start < s.pos {
		return nil, fmt.Errorf("bytes %d..%d come before byte %d already read", start, end, s.pos)
	}
	if _, err := s.r.Discard(start - s.pos); err != nil {
		return nil, err
	}
	b := make([]byte, end-start)
	if _, err := io.ReadFull(s.r, b); err != nil {
		return nil, err
	}
	s.pos = end
	// A row's line break is the kept output's too, though not its span's.
	for {
		c, err := s.r.Peek(1)
		if err != nil || (c[0] != '\r' && c[0] != '\n') {
			break
		}
		s.r.ReadByte()
		s.pos++
		b = append(b, c[0])
		if c[0] == '\n' {
			break
		}
	}
	return b, nil
}
