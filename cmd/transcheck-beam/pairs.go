package main

import (
	"context"
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
	beam.RegisterType(reflectTypeOf[*readFn]())
	beam.RegisterType(reflectTypeOf[*normsFn]())
	beam.RegisterType(reflectTypeOf[*judgeFn]())
	beam.RegisterType(reflectTypeOf[*summaryFn]())
	beam.RegisterFunction(keyByPair)
	beam.RegisterFunction(markDuplicates)
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
	Shards         int
	Jobs           int // pairs judged at once by a bundle
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
	// Name names its kept shards: the input's base name, made unique.
	Name string
}

// problem is an input problem (path:line: message) and where it comes in
// the run's order: by file (-1 before any), then as met.
type problem struct {
	File, Seq int
	Text      string
}

// fileOut is what the kept shards of a file start with and are named by.
type fileOut struct {
	Name   string
	Format string // of the input: "tsv" and "csv" shards are the input's lines
	Head   []byte // the bytes before the first unit (a header row)
}

// judged is a unit's verdict with what the writers need.
type judged struct {
	File, Index int
	Format      string
	Key         string // filter.Verdict.DedupKey
	Verdict     filter.Verdict
	Text        []byte // the unit's line, for TSV and CSV
}

// buildPairs adds pairs mode's steps to s.
func buildPairs(s beam.Scope, o pairsOptions) {
	s = s.Scope("pairs")
	inputs, expandProblems := beam.ParDo2(s, &expandFn{Opts: o}, beam.Impulse(s))
	// Each input is read whole by one worker; its pairs are then spread.
	inputs = beam.Reshuffle(s, inputs)
	pairs, first, outs, readProblems := beam.ParDo4(s, &readFn{Opts: o}, inputs)
	norms := beam.CombinePerKey(s, &normsFn{Opts: o}, first)
	// No reshuffle before judging: the side input already makes the pairs
	// wait, materialised, for the norms.
	verdicts := beam.ParDo(s, &judgeFn{Opts: o, Jobs: o.Jobs}, pairs, beam.SideInput{Input: norms})
	if o.Dedup {
		keyed, alone := beam.ParDo2(s, keyByPair, verdicts)
		marked := beam.ParDo(s, markDuplicates, beam.GroupByKey(s, keyed))
		verdicts = beam.Flatten(s, alone, marked)
	}
	kept := beam.ParDo(s, &keptShardFn{Shards: o.Shards}, verdicts)
	beam.ParDo0(s, &writeKeptFn{Output: o.Output, Shards: o.Shards}, beam.GroupByKey(s, kept), beam.SideInput{Input: outs})
	rejected := beam.ParDo(s, &rejectedShardFn{Shards: o.Shards}, verdicts)
	beam.ParDo0(s, &writeRejectedFn{Output: o.Output, Shards: o.Shards}, beam.GroupByKey(s, rejected))
	summary := beam.Combine(s, &summaryFn{}, verdicts)
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

// readFn reads an input into its pairs, as transcheck filter reads it.
// Besides the pairs it gives the pairs of the first chunk by file (the
// norms' basis), what its kept shards start with, and its problems.
type readFn struct {
	Opts pairsOptions
	p    *filter.Pipeline
}

func (f *readFn) Setup() error {
	var err error
	f.p, err = filterPipeline(f.Opts)
	return err
}

func (f *readFn) ProcessElement(ctx context.Context, ref inputRef, emitPair func(filter.Pair), emitFirst func(int, filter.Pair),
	emitOut func(int, fileOut), emitProblem func(problem)) error {
	in, cleanup, err := localCopy(ctx, ref.Input)
	if err != nil {
		emitProblem(problem{File: ref.File, Text: fmt.Sprintf("%s: cannot read: %v", ref.Input.Name(), err)})
		return nil
	}
	defer cleanup()
	n := f.p.Config().ChunkUnits
	head, probs, err := f.p.ReadPairs(in, ref.File, func(pr filter.Pair) error {
		restorePaths(&pr, in, ref.Input)
		emitPair(pr)
		if pr.Index < n {
			emitFirst(pr.File, pr)
		}
		return nil
	})
	if err != nil {
		return err
	}
	emitOut(ref.File, fileOut{Name: ref.Name, Format: read.FormatOf(in.Source), Head: head.Text})
	for i, pr := range probs {
		if in != ref.Input {
			pr = strings.ReplaceAll(pr, in.Source, ref.Input.Source)
		}
		emitProblem(problem{File: ref.File, Seq: i, Text: pr})
	}
	return nil
}

// firstUnits is the norms' accumulator: a file's pairs of lowest Index,
// at most ChunkUnits once trimmed.
type firstUnits struct {
	Pairs []filter.Pair
}

// normsFn combines a file's pairs into its norms: it keeps the
// ChunkUnits pairs of lowest Index, the file's first chunk, and fixes the
// norms from them as transcheck filter fixes them from its first chunk.
type normsFn struct {
	Opts pairsOptions
	p    *filter.Pipeline
}

func (f *normsFn) Setup() error {
	var err error
	f.p, err = filterPipeline(f.Opts)
	return err
}

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

// judgeFn judges each pair against its file's norms, a side input, on
// Jobs goroutines: a runner that gives a stage one bundle at a time (Prism
// does) would otherwise judge on one core. The verdicts come out in any
// order; the writers sort them.
type judgeFn struct {
	Opts  pairsOptions
	Jobs  int
	p     *filter.Pipeline
	norms map[int]filter.Norms
	work  chan filter.Pair
	done  chan judged
}

func (f *judgeFn) Setup() error {
	var err error
	f.p, err = filterPipeline(f.Opts)
	return err
}

func (f *judgeFn) ProcessElement(pr filter.Pair, norms func(*int, *filter.Norms) bool, emit func(judged)) error {
	if f.norms == nil {
		// Read once: a handful of files, not one per pair. The side
		// input is of the global window, the same for every bundle.
		f.norms = map[int]filter.Norms{}
		var file int
		var n filter.Norms
		for norms(&file, &n) {
			f.norms[file] = n
		}
	}
	if _, ok := f.norms[pr.File]; !ok {
		return fmt.Errorf("%s: no norms for the file of this pair", pr.Unit.Pos)
	}
	if f.work == nil {
		f.start()
	}
	for {
		select {
		case f.work <- pr:
			// Emit what is done, without waiting.
			for {
				select {
				case j := <-f.done:
					emit(j)
				default:
					return nil
				}
			}
		case j := <-f.done:
			emit(j)
		}
	}
}

// start starts the bundle's judges.
func (f *judgeFn) start() {
	jobs := max(f.Jobs, 1)
	f.work = make(chan filter.Pair, 4*jobs)
	f.done = make(chan judged, 4*jobs)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for pr := range f.work {
				v := f.p.JudgePair(pr, f.norms[pr.File])
				f.done <- judged{File: pr.File, Index: pr.Index, Format: pr.Chunk.Format, Key: v.DedupKey(), Verdict: v, Text: pr.Text}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(f.done)
	}()
}

// FinishBundle emits the verdicts still being judged. (Beam wants the
// side input of ProcessElement here too.)
func (f *judgeFn) FinishBundle(_ func(*int, *filter.Norms) bool, emit func(judged)) {
	if f.work == nil {
		return
	}
	close(f.work)
	for j := range f.done {
		emit(j)
	}
	f.work, f.done = nil, nil
}

// keyByPair keys the verdicts that take part in deduplication by their
// pair.
func keyByPair(j judged, keyed func(string, judged), alone func(judged)) {
	if j.Key == "" {
		alone(j)
		return
	}
	keyed(j.Key, j)
}

// markDuplicates marks every verdict of a pair but the first in input
// order as a duplicate, as transcheck filter does.
func markDuplicates(_ string, values func(*judged) bool, emit func(judged)) {
	var all []judged
	var j judged
	for values(&j) {
		all = append(all, j)
	}
	sort.Slice(all, func(a, b int) bool { return before(all[a], all[b]) })
	for i := range all {
		if i > 0 {
			all[i].Verdict.MarkDuplicate()
		}
		emit(all[i])
	}
}

// before orders verdicts as the run's inputs and their units come.
func before(a, b judged) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Index < b.Index
}

// summaryFn counts the verdicts into a filter.Summary.
type summaryFn struct{}

func (summaryFn) CreateAccumulator() filter.Summary { return filter.Summary{} }

func (summaryFn) AddInput(s filter.Summary, j judged) filter.Summary {
	s.Add(&j.Verdict)
	return s
}

func (summaryFn) MergeAccumulators(a, b filter.Summary) filter.Summary {
	a.Merge(b)
	return a
}

func (summaryFn) ExtractOutput(s filter.Summary) filter.Summary { return s }
