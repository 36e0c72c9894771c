package main

import (
	"context"
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/transcheck/transcheck/pipeline/filter"
	"github.com/transcheck/transcheck/pipeline/read"
)

func init() {
	beam.RegisterType(reflectTypeOf[*expandFn]())
	beam.RegisterType(reflectTypeOf[*firstChunkFn]())
	beam.RegisterType(reflectTypeOf[*keysFn]())
	beam.RegisterType(reflectTypeOf[*firstOfKeyFn]())
	beam.RegisterType(reflectTypeOf[*filterFn]())
	beam.RegisterFunction(repeatedOnly)
	beam.RegisterFunction(noRepeats)
	beam.RegisterType(reflectTypeOf[*normsFn]())
	beam.RegisterType(reflectTypeOf[*summaryFn]())
}

// pairsOptions are the settings of pairs mode. The steps that need them
// hold them as an exported field, which Beam encodes with the step.
type pairsOptions struct {
	Inputs         []string // globs
	Output         string   // prefix of every output's name
	Source, Target string
	RejectOn       []string
	MinConfidence  float64
	MaxZ           float64
	Dedup          bool
	ChunkUnits     int
	Encoding       string
	Jobs           int // pairs judged at once
}

func (o pairsOptions) config() filter.Config {
	return filter.Config{Source: o.Source, Target: o.Target, RejectOn: o.RejectOn, MinConfidence: o.MinConfidence,
		Dedup: o.Dedup, LengthZ: o.MaxZ, Jobs: 1, ChunkUnits: o.ChunkUnits, Read: read.Options{Encoding: o.Encoding}}
}

// inputRef is one input of the run and its number, the order that says
// which of two equal pairs came first.
type inputRef struct {
	File  int
	Input read.Input
	// Name names its outputs: the input's base name, made unique.
	Name string
}

// problem is an input problem (path:line: message) and where it comes in
// the run's order: by file (-1 before any), then as met.
type problem struct {
	File, Seq int
	Text      string
}

// position is where a pair comes in the run's order: its file, then its
// place in the file.
type position struct {
	File, Index int
}

func (a position) before(b position) bool {
	return a.File < b.File || a.File == b.File && a.Index < b.Index
}

// buildPairs adds pairs mode's steps to s. The inputs are read twice:
// their first chunks for the norms, then whole to be judged and written,
// so that no step holds the pairs of a corpus.
func buildPairs(s beam.Scope, o pairsOptions) {
	s = s.Scope("pairs")
	inputs, expandProblems := beam.ParDo2(s, &expandFn{Opts: o}, beam.Impulse(s))
	// Each input is read by one worker, the inputs spread over them.
	inputs = beam.Reshuffle(s, inputs)
	first := beam.ParDo(s, &firstChunkFn{withFilter{Opts: o}}, inputs)
	norms := beam.CombinePerKey(s, &normsFn{withFilter{Opts: o}}, first)
	var repeats beam.PCollection
	if o.Dedup {
		keys := beam.ParDo(s, &keysFn{withFilter{Opts: o}}, inputs)
		firsts := beam.CombinePerKey(s, &firstOfKeyFn{}, keys)
		repeats = beam.ParDo(s, repeatedOnly, firsts)
	} else {
		repeats = beam.ParDo(s, noRepeats, beam.Impulse(s))
	}
	counts, readProblems := beam.ParDo2(s, &filterFn{withFilter: withFilter{Opts: o}}, inputs,
		beam.SideInput{Input: norms}, beam.SideInput{Input: repeats})
	summary := beam.Combine(s, &summaryFn{}, counts)
	problems := beam.Flatten(s, expandProblems, readProblems)
	beam.ParDo0(s, &writeSummaryFn{Output: o.Output}, beam.Impulse(s),
		beam.SideInput{Input: summary}, beam.SideInput{Input: problems})
}

// expandFn turns the globs into inputs, in the order given: local paths
// as transcheck filter takes them (folders walked, NAME.zh beside NAME.en
// one line-aligned input), files of other filesystems (gs://, s3://) one
// input each.
type expandFn struct{ Opts pairsOptions }

func (f *expandFn) ProcessElement(ctx context.Context, _ []byte, emit func(inputRef), emitProblem func(problem)) error {
	seq := 0
	report := func(text string) {
		emitProblem(problem{File: -1, Seq: seq, Text: text})
		seq++
	}
	var local, remote []string
	seen := map[string]bool{}
	for _, glob := range f.Opts.Inputs {
		fsys, err := filesystem.New(ctx, glob)
		if err != nil {
			return err
		}
		matches, err := fsys.List(ctx, glob)
		fsys.Close()
		if err != nil {
			return fmt.Errorf("listing %s: %w", glob, err)
		}
		if len(matches) == 0 {
			report(fmt.Sprintf("%s: no file matches (check the path or the pattern)", glob))
			continue
		}
		sort.Strings(matches)
		for _, m := range matches {
			if seen[m] {
				continue
			}
			seen[m] = true
			if strings.Contains(m, "://") {
				remote = append(remote, m)
			} else {
				local = append(local, m)
			}
		}
	}
	ins, probs := filter.Inputs(local, f.Opts.config())
	for _, pr := range probs {
		report(pr.Error())
	}
	for _, r := range remote {
		ins = append(ins, read.Input{Source: r})
	}
	names := map[string]bool{}
	for i, in := range ins {
		name := path.Base(in.Source)
		name = strings.TrimSuffix(name, path.Ext(name))
		if names[name] {
			name = fmt.Sprintf("%d-%s", i, name)
		}
		names[name] = true
		emit(inputRef{File: i, Input: in, Name: name})
	}
	return nil
}

// errEnough stops a read that has what it needs.
var errEnough = errors.New("enough read")

// withFilter is what the steps that read or judge pairs hold: the
// options, which Beam encodes with the step, and the filter a worker
// builds from them when it sets the step up.
type withFilter struct {
	Opts pairsOptions
	p    *filter.Pipeline
}

func (f *withFilter) Setup() error {
	var err error
	f.p, err = filterPipeline(f.Opts)
	return err
}

// firstChunkFn reads the pairs of an input's first chunk (the first
// ChunkUnits), the basis of its norms, keyed by file.
type firstChunkFn struct{ withFilter }

func (f *firstChunkFn) ProcessElement(ctx context.Context, ref inputRef, emit func(int, filter.Pair)) error {
	in, cleanup, err := localCopy(ctx, ref.Input)
	if err != nil {
		return nil // filterFn says so
	}
	defer cleanup()
	n := f.p.Config().ChunkUnits
	_, err = f.p.ReadPairs(in, ref.File, func(pr filter.Pair) error {
		if pr.Index >= n {
			return errEnough
		}
		restorePaths(&pr, in, ref.Input)
		emit(pr.File, pr)
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return err
	}
	return nil
}

// keysFn gives the position of each pair of an input under its key, for
// --dedup.
type keysFn struct{ withFilter }

func (f *keysFn) ProcessElement(ctx context.Context, ref inputRef, emit func(string, position)) error {
	in, cleanup, err := localCopy(ctx, ref.Input)
	if err != nil {
		return nil // filterFn says so
	}
	defer cleanup()
	_, err = f.p.ReadPairs(in, ref.File, func(pr filter.Pair) error {
		if k := pr.DedupKey(); k != "" {
			emit(k, position{File: pr.File, Index: pr.Index})
		}
		return nil
	})
	return err
}

// firstOf is a key's first position and how many pairs have it.
type firstOf struct {
	First position
	Count int
}

// firstOfKeyFn combines the positions of a key into its first and its
// count.
type firstOfKeyFn struct{}

func (firstOfKeyFn) CreateAccumulator() firstOf { return firstOf{} }

func (firstOfKeyFn) AddInput(a firstOf, p position) firstOf {
	return firstOfKeyFn{}.MergeAccumulators(a, firstOf{First: p, Count: 1})
}

func (firstOfKeyFn) MergeAccumulators(a, b firstOf) firstOf {
	switch {
	case a.Count == 0:
		return b
	case b.Count == 0:
		return a
	}
	if b.First.before(a.First) {
		a.First = b.First
	}
	a.Count += b.Count
	return a
}

func (firstOfKeyFn) ExtractOutput(a firstOf) firstOf { return a }

// repeatedOnly keeps the keys more than one pair has, with the first
// of them: what the judges look up.
func repeatedOnly(key string, f firstOf, emit func(string, position)) {
	if f.Count > 1 {
		emit(key, f.First)
	}
}

// noRepeats gives no key: the repeats of a run without --dedup.
func noRepeats(_ []byte, _ func(string, position)) {}

// firstUnits is the norms' accumulator: a file's pairs of lowest Index,
// at most ChunkUnits once trimmed.
type firstUnits struct {
	Pairs []filter.Pair
}

// normsFn combines a file's pairs into its norms: it keeps the
// ChunkUnits pairs of lowest Index, the file's first chunk, and fixes the
// norms from them as transcheck filter fixes them from its first chunk.
type normsFn struct{ withFilter }

func (f *normsFn) CreateAccumulator() firstUnits { return firstUnits{} }

func (f *normsFn) AddInput(a firstUnits, pr filter.Pair) firstUnits {
	a.Pairs = append(a.Pairs, pr)
	if len(a.Pairs) >= 2*f.p.Config().ChunkUnits {
		a.Pairs = filter.FirstChunk(a.Pairs, f.p.Config().ChunkUnits)
	}
	return a
}

func (f *normsFn) MergeAccumulators(a, b firstUnits) firstUnits {
	a.Pairs = filter.FirstChunk(append(a.Pairs, b.Pairs...), f.p.Config().ChunkUnits)
	return a
}

func (f *normsFn) ExtractOutput(a firstUnits) filter.Norms { return f.p.NormsOf(a.Pairs) }

// filterFn reads an input again, whole, judges each pair against its
// file's norms (a side input), marks the repeats of an earlier pair (a
// side input), and writes the file's kept pairs and rejected records, in
// input order. The pairs are judged in batches on Jobs goroutines: a
// runner that gives a stage one bundle at a time (Prism does) would
// otherwise judge on one core. It gives the file's counts and problems.
type filterFn struct {
	withFilter
	norms   map[int]filter.Norms
	repeats map[string]position
}

// batchSize is how many pairs are judged at once.
const batchSize = 1000

func (f *filterFn) ProcessElement(ctx context.Context, ref inputRef, norms func(*int, *filter.Norms) bool,
	repeats func(*string, *position) bool, emitCounts func(filter.Summary), emitProblem func(problem)) error {
	if f.norms == nil {
		// Read once: the side inputs are of the global window, the same
		// for every bundle.
		f.norms, f.repeats = map[int]filter.Norms{}, map[string]position{}
		var file int
		var n filter.Norms
		for norms(&file, &n) {
			f.norms[file] = n
		}
		var key string
		var pos position
		for repeats(&key, &pos) {
			f.repeats[key] = pos
		}
	}
	in, cleanup, err := localCopy(ctx, ref.Input)
	if err != nil {
		emitProblem(problem{File: ref.File, Text: fmt.Sprintf("%s: cannot read: %v", ref.Input.Name(), err)})
		return nil
	}
	defer cleanup()
	out, err := f.openOutputs(ctx, ref, in)
	if err != nil {
		return err
	}
	var sum filter.Summary
	var batch []filter.Pair
	flush := func() error {
		vs := f.judge(batch)
		for i := range vs {
			v := &vs[i]
			pos := position{File: batch[i].File, Index: batch[i].Index}
			if k := v.DedupKey(); k != "" {
				if first, ok := f.repeats[k]; ok && first != pos {
					v.MarkDuplicate()
				}
			}
			sum.Add(v)
			if err := out.write(batch[i], v); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	probs, err := f.p.ReadPairs(in, ref.File, func(pr filter.Pair) error {
		restorePaths(&pr, in, ref.Input)
		if _, ok := f.norms[pr.File]; !ok {
			return fmt.Errorf("%s: no norms for the file of this pair", pr.Unit.Pos)
		}
		if pr.Head != nil {
			if err := out.head(pr.Head); err != nil {
				return err
			}
		}
		batch = append(batch, pr)
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := out.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	emitCounts(sum)
	for i, pr := range probs {
		if in != ref.Input {
			pr = strings.ReplaceAll(pr, in.Source, ref.Input.Source)
		}
		emitProblem(problem{File: ref.File, Seq: i, Text: pr})
	}
	return nil
}

// judge judges a batch of pairs on Jobs goroutines; the verdicts are in
// the batch's order.
func (f *filterFn) judge(batch []filter.Pair) []filter.Verdict {
	out := make([]filter.Verdict, len(batch))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(f.Opts.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = f.p.JudgePair(batch[i], f.norms[batch[i].File])
			}
		}()
	}
	for i := range batch {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// summaryFn adds up the files' counts.
type summaryFn struct{}

func (summaryFn) CreateAccumulator() filter.Summary { return filter.Summary{} }

func (summaryFn) AddInput(s filter.Summary, file filter.Summary) filter.Summary {
	s.Merge(file)
	return s
}

func (summaryFn) MergeAccumulators(a, b filter.Summary) filter.Summary {
	a.Merge(b)
	return a
}

func (summaryFn) ExtractOutput(s filter.Summary) filter.Summary { return s }
