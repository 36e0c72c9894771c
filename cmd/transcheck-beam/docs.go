package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/read"
	"github.com/transcheck/transcheck/reports"
)

func init() {
	beam.RegisterType(reflectTypeOf[*walkFn]())
	beam.RegisterType(reflectTypeOf[*checkFn]())
	beam.RegisterType(reflectTypeOf[*findingShardFn]())
	beam.RegisterType(reflectTypeOf[*writeFindingsFn]())
	beam.RegisterType(reflectTypeOf[*writeReportFn]())
}

// docsOptions are the settings of documents mode.
type docsOptions struct {
	Inputs         []string // folders and files, as check takes them
	Output         string
	Source, Target string
	MinConfidence  float64
	Encoding       string
	Exclude        []string
	Shards         int
}

func (o docsOptions) config() pipeline.Config {
	mc := metrics.DefaultConfig()
	mc.MinConfidence = o.MinConfidence
	return pipeline.Config{Source: o.Source, Target: o.Target, MetricConfig: mc, Jobs: 1,
		Read: read.Options{Encoding: o.Encoding, Exclude: o.Exclude}}
}

// docInput is a document to check and its place in discovery order.
type docInput struct {
	Index int
	Input read.Input
}

// docReport is a document's report and its place in discovery order.
type docReport struct {
	Index  int
	Report pipeline.DocumentReport
}

// unread counts the files found and not read, by extension (Report.Unread).
type unread struct{ Counts map[string]int }

// runners are the document runners of the run's options, made once a
// process.
var runners = onePerProcess[docsOptions, *pipeline.Runner]{make: func(o docsOptions) (*pipeline.Runner, error) {
	return pipeline.NewRunner(o.config())
}}

// buildDocs adds documents mode's steps to s.
func buildDocs(s beam.Scope, o docsOptions) {
	s = s.Scope("docs")
	docs, problems, unreadFiles := beam.ParDo3(s, &walkFn{Opts: o}, beam.Impulse(s))
	docs = beam.Reshuffle(s, docs)
	checked := beam.ParDo(s, &checkFn{Opts: o}, docs)
	shards := beam.ParDo(s, &findingShardFn{Shards: o.Shards}, checked)
	beam.ParDo0(s, &writeFindingsFn{Output: o.Output, Shards: o.Shards}, beam.GroupByKey(s, shards))
	beam.ParDo0(s, &writeReportFn{Output: o.Output}, beam.Impulse(s),
		beam.SideInput{Input: checked}, beam.SideInput{Input: problems}, beam.SideInput{Input: unreadFiles})
}

// walkFn finds the documents under the inputs as check does (read.Walk):
// pairs of files by folder or name, single bilingual files.
type walkFn struct{ Opts docsOptions }

func (f *walkFn) ProcessElement(_ []byte, emit func(docInput), emitProblem func(problem), emitUnread func(unread)) {
	found := read.Walk(f.Opts.Inputs, f.Opts.config().Read)
	for i, in := range found.Inputs {
		emit(docInput{Index: i, Input: in})
	}
	for i, p := range found.Problems {
		emitProblem(problem{File: -1, Seq: i, Text: p.Error()})
	}
	emitUnread(unread{Counts: found.Unread})
}

// checkFn checks a document with the pipeline's runner, as check does.
type checkFn struct {
	Opts docsOptions
	r    *pipeline.Runner
}

func (f *checkFn) Setup() error {
	var err error
	f.r, err = runners.get(f.Opts)
	return err
}

func (f *checkFn) ProcessElement(d docInput, emit func(docReport)) {
	doc := read.File(d.Input, f.Opts.config().Read)
	rep := f.r.Process(doc)
	rep.Doc = nil
	emit(docReport{Index: d.Index, Report: rep})
}

// findingShardFn spreads the documents over the findings' shards.
type findingShardFn struct{ Shards int }

func (f *findingShardFn) ProcessElement(d docReport, emit func(int, docReport)) {
	if len(d.Report.Findings) > 0 {
		emit(d.Index%f.Shards, d)
	}
}

// writeFindingsFn writes a shard of findings as JSON Lines, one
// metrics.Finding a line (as in check's JSON report), in document order.
type writeFindingsFn struct {
	Output string
	Shards int
}

func (f *writeFindingsFn) ProcessElement(ctx context.Context, shard int, values func(*docReport) bool) error {
	var docs []docReport
	var d docReport
	for values(&d) {
		docs = append(docs, d)
		d = docReport{}
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Index < docs[j].Index })
	name := shardName(f.Output, "findings", shard, f.Shards, ".jsonl")
	return writeFile(ctx, name, func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, d := range docs {
			for _, fd := range d.Report.Findings {
				if err := enc.Encode(fd); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// writeReportFn aggregates the documents' reports as check does and
// writes the Markdown and JSON reports of package reports.
type writeReportFn struct{ Output string }

func (f *writeReportFn) ProcessElement(ctx context.Context, _ []byte, docs func(*docReport) bool, problems func(*problem) bool, unreadFiles func(*unread) bool) error {
	rep := &pipeline.Report{Version: pipeline.SchemaVersion, Problems: []string{}, Unread: map[string]int{}}
	var all []docReport
	var d docReport
	for docs(&d) {
		all = append(all, d)
		d = docReport{}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Index < all[j].Index })
	for _, d := range all {
		rep.Totals.Add(d.Report.Counts)
		rep.Documents = append(rep.Documents, d.Report)
	}
	if rep.Documents == nil {
		rep.Documents = []pipeline.DocumentReport{}
	}
	var probs []problem
	var p problem
	for problems(&p) {
		probs = append(probs, p)
	}
	sort.Slice(probs, func(i, j int) bool { return probs[i].Seq < probs[j].Seq })
	for _, p := range probs {
		rep.Problems = append(rep.Problems, p.Text)
	}
	var u unread
	for unreadFiles(&u) {
		for k, n := range u.Counts {
			rep.Unread[k] += n
		}
		u = unread{}
	}
	rep.Gate = gate(rep)
	for _, format := range []string{"markdown", "json"} {
		ext := map[string]string{"markdown": ".md", "json": ".json"}[format]
		err := writeFile(ctx, f.Output+"-report"+ext, func(w *bufio.Writer) error {
			pr, err := reports.New(format, w, reports.Options{Version: "transcheck-beam"})
			if err != nil {
				return err
			}
			return pr.Print(rep)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// gate is check's verdict with its default flags (--fail-on error, no
// completeness floor, no limit on findings): it fails on a finding of
// severity error.
func gate(rep *pipeline.Report) pipeline.Gate {
	if n := rep.Findings(metrics.Error); n > 0 {
		noun := "findings"
		if n == 1 {
			noun = "finding"
		}
		return pipeline.Gate{Passed: false, Reasons: []string{fmt.Sprintf("%d %s at %s or above", n, noun, metrics.Error)}}
	}
	return pipeline.Gate{Passed: true, Reasons: []string{}}
}

func runDocs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o := docsOptions{}
	var inputs, exclude listFlag
	fs := newFlagSet("docs", stderr)
	fs.Var(&inputs, "input", "check the documents under `DIR` (or a file), as transcheck check does; repeat for more")
	fs.StringVar(&o.Output, "output", "", "write the outputs to files whose names start with `PREFIX`")
	fs.StringVar(&o.Source, "source", "", "source language (default: inferred per document)")
	fs.StringVar(&o.Target, "target", "", "target language")
	fs.Float64Var(&o.MinConfidence, "min-confidence", 0, "hide findings below confidence `C` (0 to 1)")
	fs.StringVar(&o.Encoding, "encoding", "", "encoding of files without a byte-order mark (default UTF-8)")
	fs.Var(&exclude, "exclude", "skip files and folders matching `GLOB`; repeat for more")
	fs.IntVar(&o.Shards, "shards", 4, "write the findings to `N` shards")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	o.Inputs = append(inputs, fs.Args()...)
	o.Exclude = exclude
	if len(o.Inputs) == 0 {
		return usageErr("docs needs at least one --input DIR")
	}
	if o.MinConfidence < 0 || o.MinConfidence > 1 {
		return usageErr("--min-confidence %v: use a number from 0 to 1", o.MinConfidence)
	}
	if o.Shards < 1 {
		return usageErr("--shards %d: must be 1 or more", o.Shards)
	}
	if err := checkOutput(o.Output); err != nil {
		return err
	}
	if _, err := pipeline.NewRunner(o.config()); err != nil {
		return usageErr("%v", err)
	}
	p, s := beam.NewPipelineWithRoot()
	buildDocs(s, o)
	if err := execute(ctx, p); err != nil {
		return err
	}
	return printVerdict(ctx, o.Output, o.Inputs, stdout, stderr)
}

// printVerdict says on stderr what the run found, from the JSON report
// it wrote, and gives the gate's exit code.
func printVerdict(ctx context.Context, prefix string, inputs []string, stdout, stderr io.Writer) error {
	name := prefix + "-report.json"
	var rep pipeline.Report
	if err := readJSON(ctx, name, &rep); err != nil {
		return err
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "transcheck-beam: %s\n", p)
	}
	for _, d := range rep.Documents {
		for _, p := range d.Problems {
			fmt.Fprintf(stderr, "transcheck-beam: %s\n", p)
		}
	}
	if len(rep.Documents) == 0 {
		return usageErr("no documents found under %s", strings.Join(inputs, ", "))
	}
	t := rep.Totals
	fmt.Fprintf(stdout, "%d documents: %d errors, %d warnings, %d infos; completeness %.1f%% (%s-report.md)\n",
		len(rep.Documents), t.Errors, t.Warnings, t.Infos, t.Completeness(), prefix)
	if !rep.Gate.Passed {
		return &exitError{code: exitGate, err: errors.New("gate failed: " + strings.Join(rep.Gate.Reasons, "; "))}
	}
	return nil
}
