package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/filter"
)

func main() {
	// The memory settings of transcheck filter: lingua's models stay live
	// in any worker that judges pairs (see filter.MemoryLimit).
	pipeline.TuneMemory()
	pipeline.SetMemoryLimit(filter.MemoryLimit)
	if workerMode(os.Args[1:]) {
		// A distributed runner starts this binary as a worker, with
		// Beam's flags only: beam.Init runs the worker and exits.
		flag.Parse()
		beam.Init()
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func workerMode(args []string) bool {
	for _, a := range args {
		if a == "--worker" || a == "-worker" || strings.HasPrefix(a, "--worker=") || strings.HasPrefix(a, "-worker=") {
			return true
		}
	}
	return false
}

// Exit codes, as transcheck's: 0 done (or passed), 1 the gate failed, 2 a
// usage, configuration or input error, or a failed pipeline.
const (
	exitGate  = 1
	exitUsage = 2
)

// exitError carries a run's exit code.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

const usage = `transcheck-beam runs transcheck's checks as an Apache Beam pipeline.

Usage:
  transcheck-beam pairs --input GLOB [--input GLOB...] --output PREFIX [flags] [Beam flags]
  transcheck-beam docs  --input DIR [--input DIR...] --output PREFIX [flags] [Beam flags]

pairs filters parallel corpora as transcheck filter does; docs checks
documents as transcheck check does. The runner is Prism, in this process,
unless --runner names another (flink, spark, dataflow, with their flags).
Run 'transcheck-beam pairs -h' for the flags of a mode.
`

// run is the command: it parses args, builds the pipeline and runs it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "pairs":
		err = runPairs(ctx, args[1:], stderr)
	case "docs":
		err = runDocs(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "transcheck-beam: unknown mode %q\n\n%s", args[0], usage)
		return exitUsage
	}
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var e *exitError
	if errors.As(err, &e) {
		if e.err.Error() != "" {
			fmt.Fprintf(stderr, "transcheck-beam: %v\n", e.err)
		}
		return e.code
	}
	fmt.Fprintf(stderr, "transcheck-beam: %v\n", err)
	return exitUsage
}

// listFlag is a flag given any number of times.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	*l = append(*l, v)
	return nil
}

// newFlagSet returns a mode's flag set, which takes Beam's flags too
// (--runner, --endpoint, --project, ...): they are Beam's global flags,
// set through the same values.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func addBeamFlags(fs *flag.FlagSet) {
	own := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { own[f.Name] = true })
	flag.CommandLine.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) == nil {
			fs.Var(f.Value, f.Name, f.Usage)
		}
	})
	// The mode's flags first, then Beam's.
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: transcheck-beam %s [flags] [Beam flags]\n\nFlags:\n", fs.Name())
		printFlags(fs, func(name string) bool { return own[name] })
		fmt.Fprintf(w, "\nBeam flags (the runner and its options: --runner=prism, the default, flink, spark, dataflow):\n")
		printFlags(fs, func(name string) bool { return !own[name] })
	}
}

// printFlags prints the flags of fs that keep says, as flag does.
func printFlags(fs *flag.FlagSet, keep func(string) bool) {
	sub := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
	sub.SetOutput(fs.Output())
	fs.VisitAll(func(f *flag.Flag) {
		if keep(f.Name) {
			sub.Var(f.Value, f.Name, f.Usage)
		}
	})
	sub.PrintDefaults()
}

// checkOutput says now, not after the run, that a local output prefix
// cannot be written.
func checkOutput(prefix string) error {
	if prefix == "" {
		return usageErr("--output PREFIX is required: the outputs' names start with it")
	}
	if strings.Contains(prefix, "://") {
		if _, err := filesystem.New(context.Background(), prefix); err != nil {
			return usageErr("--output %s: %v", prefix, err)
		}
		return nil
	}
	if dir := filepath.Dir(prefix); !isDir(dir) {
		return usageErr("--output %s: folder %s does not exist (create it first)", prefix, dir)
	}
	return nil
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// initBeam initialises Beam once a process (tests run several
// pipelines).
var initBeam sync.Once

// execute runs the pipeline on the runner --runner names (Prism, in
// process, by default).
func execute(ctx context.Context, p *beam.Pipeline) error {
	initBeam.Do(func() {
		// Prism and the SDK log every stage at level INFO; a run says
		// what it did itself. Set once: Prism's workers read it.
		beamlog.LogLevel = "warn"
		beam.Init()
	})
	if err := beamx.Run(ctx, p); err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("the pipeline failed: %w", err)}
	}
	return nil
}

func runPairs(ctx context.Context, args []string, stderr io.Writer) error {
	o := pairsOptions{}
	var inputs, rejectOn listFlag
	fs := newFlagSet("pairs", stderr)
	fs.Var(&inputs, "input", "read the pairs of `GLOB` (TSV, CSV, TMX, XLIFF, PO, NAME.LANG pairs; a folder; local or gs://); repeat for more")
	fs.StringVar(&o.Output, "output", "", "write the outputs to files whose names start with `PREFIX` (a path, or gs://...)")
	fs.StringVar(&o.Source, "source", "", "source language of every input (default: each file's own, or inferred)")
	fs.StringVar(&o.Target, "target", "", "target language of every input")
	fs.Var(&rejectOn, "reject-on", "reject pairs on these `CHECK`s (comma-separated, or repeat; default "+strings.Join(filter.DefaultRejectOn, ",")+")")
	fs.Float64Var(&o.MinConfidence, "min-confidence", 0, "a finding below confidence `C` (0 to 1) does not reject")
	fs.Float64Var(&o.MaxZ, "max-z", filter.DefaultLengthZ, "length ratio: reject beyond this Gale–Church `Z` score")
	fs.BoolVar(&o.Dedup, "dedup", false, "reject a pair that came earlier in input order (white space and case aside)")
	fs.IntVar(&o.ChunkUnits, "chunk-units", 0, "the norms come from each file's first `N` units, as transcheck filter's first chunk (default 5000)")
	fs.StringVar(&o.Encoding, "encoding", "", "encoding of files without a byte-order mark (default UTF-8)")
	fs.IntVar(&o.Jobs, "jobs", runtime.NumCPU(), "judge `N` pairs of an input at once (on a runner that runs a bundle per core, 1)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	o.Inputs = append(inputs, fs.Args()...)
	for _, r := range rejectOn {
		for _, c := range strings.Split(r, ",") {
			if c = strings.TrimSpace(c); c != "" {
				o.RejectOn = append(o.RejectOn, c)
			}
		}
	}
	if len(o.Inputs) == 0 {
		return usageErr("pairs needs at least one --input GLOB")
	}
	if o.MaxZ <= 0 {
		return usageErr("--max-z %v: must be above 0", o.MaxZ)
	}
	if o.Jobs < 1 {
		return usageErr("--jobs %d: must be 1 or more", o.Jobs)
	}
	if o.ChunkUnits < 0 {
		return usageErr("--chunk-units %d: must be 1 or more (or 0 for the default)", o.ChunkUnits)
	}
	if err := checkOutput(o.Output); err != nil {
		return err
	}
	// Said now, not by a worker: an unknown check, a confidence out of
	// range. (The filter made is the one this process's steps share.)
	if _, err := filterPipeline(o); err != nil {
		return usageErr("%v", err)
	}
	p, s := beam.NewPipelineWithRoot()
	buildPairs(s, o)
	if err := execute(ctx, p); err != nil {
		return err
	}
	return printSummary(ctx, o.Output, stderr)
}

// printSummary says on stderr what the run did, as transcheck filter
// does, from the summary it wrote.
func printSummary(ctx context.Context, prefix string, stderr io.Writer) error {
	name := prefix + "-summary.json"
	var sum filter.Summary
	if err := readJSON(ctx, name, &sum); err != nil {
		return err
	}
	const shown = 20
	for i, p := range sum.Problems {
		if i == shown {
			fmt.Fprintf(stderr, "transcheck-beam: … and %d more input problems (see %s)\n", len(sum.Problems)-shown, name)
			break
		}
		fmt.Fprintf(stderr, "transcheck-beam: %s\n", p)
	}
	if sum.Read == 0 {
		return usageErr("no pairs read (see above)")
	}
	fmt.Fprintf(stderr, "transcheck-beam: read %d pairs: %d kept, %d rejected, %d unreadable (%s-*)\n",
		sum.Read, sum.Kept, sum.Rejected, sum.Unreadable, prefix)
	for _, c := range sum.Checks() {
		fmt.Fprintf(stderr, "  %-16s %d\n", c, sum.ByCheck[c])
	}
	return nil
}

// readJSON decodes the JSON file name, on any filesystem Beam knows, into
// v.
func readJSON(ctx context.Context, name string, v any) error {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, name)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	defer r.Close()
	if err := json.NewDecoder(r).Decode(v); err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return nil
}

// parseFlags adds Beam's flags to a mode's and parses args: -h is
// flag.ErrHelp, any other error a usage error (the flag package has
// printed it).
func parseFlags(fs *flag.FlagSet, args []string) error {
	addBeamFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &exitError{code: exitUsage, err: errors.New("")}
	}
	return nil
}
