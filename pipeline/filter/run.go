package filter

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/read"
)

// Outputs says where a run writes.
type Outputs struct {
	// Keep returns the writer of the kept units of the input file path
	// (each file of a line-aligned corpus has its own), or nil to write
	// none. The run closes nothing: the caller does, after Run.
	Keep func(path string) (io.Writer, error)
	// Reject receives a Record per rejected or unreadable unit, as JSON
	// Lines; nil writes none.
	Reject io.Writer
}

// Record is a line of the rejected output.
type Record struct {
	Path    string   `json:"path"`
	Line    int      `json:"line"`
	Source  string   `json:"source"`
	Target  string   `json:"target"`
	Reasons []Reason `json:"reasons"`
}

// RecordOf returns the record of a rejected or unreadable verdict.
func RecordOf(v *Verdict) Record {
	return Record{Path: v.Path, Line: v.Line, Source: v.Source, Target: v.Target, Reasons: v.Reasons}
}

// Inputs turns the command line's paths into inputs: a folder is walked
// as check walks it (corpus.zh beside corpus.en is one line-aligned
// input), a file is one input, and two files named NAME.LANG given side by
// side are a line-aligned corpus, the first its source (unless Source
// says otherwise).
func Inputs(paths []string, cfg Config) ([]read.Input, []document.Problem) {
	var out []read.Input
	var probs []document.Problem
	used := map[int]bool{}
	for i, p := range paths {
		if used[i] {
			continue
		}
		d := read.Walk([]string{p}, cfg.Read)
		probs = append(probs, d.Problems...)
		if len(d.Inputs) != 1 || d.Inputs[0].Paired || !read.IsLineAligned(p) {
			out = append(out, d.Inputs...)
			continue
		}
		stem, lang := splitLang(p)
		pair := -1
		for j := i + 1; j < len(paths); j++ {
			if s, l := splitLang(paths[j]); !used[j] && s == stem && l != lang {
				pair = j
				break
			}
		}
		if pair < 0 {
			probs = append(probs, document.Problem{Pos: document.Position{Path: p},
				Message: fmt.Sprintf("one side of a line-aligned corpus: give its translation too (%s.LANG)", stem)})
			continue
		}
		used[pair] = true
		in := read.Input{Source: p, Target: paths[pair], SourceLang: lang, TargetLang: langOf(paths[pair]), Paired: true}
		if cfg.Source != "" && langOf(paths[pair]) == cfg.Source {
			in.Source, in.Target, in.SourceLang, in.TargetLang = in.Target, in.Source, in.TargetLang, in.SourceLang
		}
		out = append(out, in)
	}
	return out, probs
}

func splitLang(p string) (stem, lang string) {
	i := strings.LastIndexByte(p, '.')
	return p[:i], read.LangOfName(p[i+1:])
}

func langOf(p string) string { _, l := splitLang(p); return l }

// PreloadBytes is the size of input from which Run loads lingua's models
// in the background as it starts (see detect.Detector.Preload): in a
// corpus that large some text needs lingua, and loaded on first need the
// models hold up one worker, and soon the ordered output the others wait
// on, for over a second.
const PreloadBytes = 16 << 20

// inputBytes returns the size of the inputs' files on disk, those that
// cannot be read aside.
func inputBytes(inputs []read.Input) int64 {
	var n int64
	for _, in := range inputs {
		for _, path := range []string{in.Source, in.Target} {
			if path == "" {
				continue
			}
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				n += info.Size()
			}
		}
	}
	return n
}

// source is one input being read: its chunks, and where its kept text
// comes from.
type source struct {
	in     read.Input
	chunks *read.Chunks
	// text reopens the text the units' offsets are into, by file.
	text    func(path string) (io.ReadCloser, error)
	closers []io.Closer
	err     string // why it cannot be read at all
}

// open opens an input as a stream of chunks when its format streams, else
// reads it whole and cuts it into chunks.
func (p *Pipeline) open(in read.Input) *source {
	n := p.cfg.ChunkUnits
	s := &source{in: in}
	reopen := func(path string) (io.ReadCloser, error) { return read.OpenText(path, p.cfg.Read) }
	if in.Paired {
		if in.Source == "" || in.Target == "" || !read.IsLineAligned(in.Source) {
			s.err = fmt.Sprintf("%s: not a line-aligned corpus or a file of translation units: the filter reads TSV, CSV, TMX, XLIFF and NAME.LANG pairs", in.Name())
			return s
		}
		c, err := read.LinePairChunks(in, p.cfg.Read, n)
		if err != nil {
			s.err = fmt.Sprintf("%s: cannot read: %v", in.Name(), err)
			return s
		}
		s.chunks, s.text, s.closers = c, reopen, []io.Closer{c}
		return s
	}
	switch read.FormatOf(in.Source) {
	case "tsv", "csv", "tmx":
		f, err := read.OpenText(in.Source, p.cfg.Read)
		if err != nil {
			s.err = fmt.Sprintf("%s: cannot read: %v (check the path and --encoding)", in.Source, err)
			return s
		}
		switch read.FormatOf(in.Source) {
		case "tsv":
			s.chunks = read.LiteralTSVChunks(in.Source, f, n)
		case "csv":
			s.chunks = read.CSVChunks(in.Source, f, n)
		default:
			s.chunks = read.TMXChunks(in.Source, f, n)
		}
		s.text, s.closers = reopen, []io.Closer{f}
		return s
	case "xliff", "po":
		// Read whole (within --max-file-size): offsets are into the
		// decoded text, which the kept output is copied from.
		text, probs, ok := read.LoadText(in.Source, p.cfg.Read)
		if !ok {
			var msgs []string
			for _, pr := range probs {
				msgs = append(msgs, pr.Error())
			}
			s.err = strings.Join(msgs, "; ")
			return s
		}
		doc := read.File(in, p.cfg.Read)
		s.chunks = read.DocumentChunks(doc, n)
		s.text = func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }
		return s
	}
	s.err = fmt.Sprintf("%s: not a file of translation units: the filter reads TSV, CSV, TMX, XLIFF, PO and line-aligned NAME.LANG pairs", in.Source)
	return s
}

func (s *source) close() {
	for _, c := range s.closers {
		c.Close()
	}
}

// task is a chunk for a worker; its verdicts go to out.
type task struct {
	seq   int
	file  int
	chunk *document.Document
	norms Norms
	last  bool // the file's last chunk
}

type result struct {
	task
	verdicts []Verdict
}

// Run filters the inputs: every unit is judged (on Config.Jobs workers),
// and in input order the kept ones are copied to their Keep writer and
// the others written to Reject. It returns the counts; an error is one of
// writing (or ctx's), after which the outputs are incomplete.
func (p *Pipeline) Run(ctx context.Context, inputs []read.Input, out Outputs) (Summary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := p.cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	if inputBytes(inputs) >= PreloadBytes {
		go p.detect.Preload()
	}
	tasks := make(chan task)
	results := make(chan result, jobs)
	// The window bounds the chunks read and not yet written.
	window := make(chan struct{}, 2*jobs+2)
	sources := make([]*source, len(inputs))
	opened := make(chan int, len(inputs)) // files in order, once their first chunk is sent

	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				vs := make([]Verdict, len(t.chunk.Units))
				for i, u := range t.chunk.Units {
					vs[i] = p.Judge(t.chunk, u, t.norms)
				}
				results <- result{t, vs}
			}
		}()
	}
	var fileProblems [][]string // by file, the problems of its chunks and opening
	var probMu sync.Mutex
	addProblems := func(file int, ps ...string) {
		probMu.Lock()
		fileProblems[file] = append(fileProblems[file], ps...)
		probMu.Unlock()
	}
	fileProblems = make([][]string, len(inputs))
	truncated := make([]bool, len(inputs))
	go func() {
		defer close(tasks)
		defer close(opened)
		seq := 0
		for i, in := range inputs {
			s := p.open(in)
			sources[i] = s
			if s.err != "" {
				addProblems(i, s.err)
				opened <- i
				continue
			}
			var norms Norms
			first := true
			var prev *document.Document
			send := func(doc *document.Document, last bool) bool {
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return false
				}
				select {
				case tasks <- task{seq: seq, file: i, chunk: doc, norms: norms, last: last}:
					seq++
					return true
				case <-ctx.Done():
					return false
				}
			}
			ok := true
			for ok && s.chunks.Scan() {
				doc := s.chunks.Document()
				var ps []string
				for _, pr := range doc.Problems {
					ps = append(ps, pr.Error())
					// The XML readers stop at a syntax error: what follows
					// was not read, so it is not copied either.
					if strings.Contains(pr.Message, " syntax error: ") {
						truncated[i] = true
					}
				}
				addProblems(i, ps...)
				if first {
					norms = p.Norms(doc)
					first = false
					opened <- i
				}
				if prev != nil {
					ok = send(prev, false)
				}
				prev = doc
			}
			if first {
				opened <- i
			}
			if ok && prev != nil {
				ok = send(prev, true)
			} else if ok {
				// No chunk at all: an empty task says the file is done.
				ok = send(&document.Document{}, true)
			}
			if !ok {
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var sum Summary
	var werr error
	fail := func(err error) {
		if werr == nil {
			werr = err
			cancel()
		}
	}
	seen := map[string]bool{}
	enc := json.NewEncoder(out.Reject)
	enc.SetEscapeHTML(false)
	copiers := map[string]*Copier{}
	fileDone := map[int]bool{}
	startFile := func(i int) {
		s := sources[i]
		if s == nil || s.text == nil || out.Keep == nil {
			return
		}
		for _, path := range []string{s.in.Source, s.in.Target} {
			if path == "" {
				continue
			}
			w, err := out.Keep(path)
			if err != nil {
				fail(err)
				return
			}
			if w == nil {
				continue
			}
			r, err := s.text(path)
			if err != nil {
				fail(fmt.Errorf("reopening %s: %w", path, err))
				return
			}
			s.closers = append(s.closers, r)
			copiers[path] = NewCopier(r, w)
		}
	}
	finishFile := func(i int) {
		s := sources[i]
		for _, path := range []string{s.in.Source, s.in.Target} {
			if c := copiers[path]; c != nil {
				if err := c.Finish(truncated[i]); err != nil {
					fail(fmt.Errorf("writing the kept units of %s: %w", path, err))
				}
				delete(copiers, path)
			}
		}
		s.close()
		probMu.Lock()
		sum.Problems = append(sum.Problems, fileProblems[i]...)
		probMu.Unlock()
		fileDone[i] = true
	}
	nextFile := 0 // files started, in order
	startUpTo := func(file int) {
		for nextFile <= file {
			i, ok := <-opened
			if !ok {
				return
			}
			startFile(i)
			nextFile++
		}
	}
	waiting := map[int]result{}
	next, flushed := 0, 0
	for r := range results {
		waiting[r.seq] = r
		for {
			r, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-window
			if werr != nil {
				continue
			}
			// Files with no chunk to send (unreadable) before this one.
			for ; flushed < r.file; flushed++ {
				if !fileDone[flushed] && sources[flushed] != nil && sources[flushed].err != "" {
					startUpTo(flushed)
					finishFile(flushed)
				}
			}
			startUpTo(r.file)
			for k := range r.verdicts {
				v := &r.verdicts[k]
				if p.reject[Duplicate] && !v.Unreadable && v.key != "" {
					if seen[v.key] {
						v.Reasons = append(v.Reasons, Reason{Check: Duplicate, Message: "the same pair (white space and case aside) came earlier", Confidence: 1})
					}
					seen[v.key] = true
				}
				sum.Add(v)
				if v.Kept() {
					continue
				}
				if out.Reject != nil {
					if err := enc.Encode(RecordOf(v)); err != nil {
						fail(fmt.Errorf("writing the rejected pairs: %w", err))
						break
					}
				}
				for _, sp := range v.Spans {
					if c := copiers[sp.Path]; c != nil {
						if err := c.Remove(sp.Start, sp.End); err != nil {
							fail(fmt.Errorf("writing the kept units of %s: %w", sp.Path, err))
						}
					}
				}
			}
			if r.last {
				finishFile(r.file)
			}
		}
	}
	if werr == nil {
		for i := range inputs {
			if !fileDone[i] && sources[i] != nil {
				startUpTo(i)
				finishFile(i)
			}
		}
	}
	for _, s := range sources {
		if s != nil {
			s.close()
		}
	}
	if sum.Problems == nil {
		sum.Problems = []string{}
	}
	if sum.ByCheck == nil {
		sum.ByCheck = map[string]int{}
	}
	if werr != nil {
		return sum, werr
	}
	return sum, ctx.Err()
}
