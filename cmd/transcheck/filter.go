package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/filter"
	"github.com/transcheck/transcheck/pipeline/read"
)

// filterOptions are filter's flags.
type filterOptions struct {
	common         commonFlags
	keep, reject   string
	rejectOn       []string
	minConfidence  float64
	maxZ           float64
	dedup          bool
	jobs           int
	format         string
	configPath     string
	stdout, stderr io.Writer
	flagSet        func(string) bool
}

func newFilterCmd(stdout, stderr io.Writer) *cobra.Command {
	o := &filterOptions{stdout: stdout, stderr: stderr}
	cmd := &cobra.Command{
		Use:   "filter [flags] INPUT... --keep PATH --reject PATH",
		Short: "Sort the pairs of parallel corpora into kept and rejected, for MT training data",
		Long: `Read the pairs of each INPUT (TSV, CSV, TMX, XLIFF, PO, or a line-aligned
corpus: corpus.zh and corpus.en given side by side, or a folder that holds
them) and judge each pair with transcheck's checks. Pairs that pass go to
--keep in the input's own format, byte for byte; the others go to
--reject as JSON Lines, each with the reasons. A summary goes to standard
error (or, with --format json, to standard output as JSON).

--keep names a file for one input (for a line-aligned corpus PATH.LANG, one
file per side, LANG the input's), a folder for several (each input's kept
pairs under its own name).`,
		Example: `  transcheck filter corpus.tsv --keep clean.tsv --reject rejected.jsonl
  transcheck filter train.zh train.en --keep clean --reject rejected.jsonl   # writes clean.zh and clean.en
  transcheck filter --reject-on language,untranslated --min-confidence 0.5 --dedup memory.tmx --keep kept.tmx --reject r.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.flagSet = cmd.Flags().Changed
			pipeline.SetMemoryLimit(filter.MemoryLimit)
			return o.run(args)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	o.common.registerRead(fs)
	fs.StringVar(&o.keep, "keep", "", "write the kept pairs to `PATH` in the input's format (a folder for several inputs)")
	fs.StringVar(&o.reject, "reject", "", "write the rejected pairs to `FILE` as JSON Lines")
	fs.StringSliceVar(&o.rejectOn, "reject-on", nil, "reject pairs on these `CHECK`s (comma-separated; default "+strings.Join(filter.DefaultRejectOn, ",")+")")
	fs.Float64Var(&o.minConfidence, "min-confidence", 0, "a finding below confidence `C` (0 to 1) does not reject")
	fs.Float64Var(&o.maxZ, "max-z", filter.DefaultLengthZ, "length ratio: reject beyond this Gale–Church `Z` score")
	fs.BoolVar(&o.dedup, "dedup", false, "reject a pair that came earlier (white space and case aside)")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "judge on `N` workers (default: number of CPUs); the output does not depend on it")
	fs.StringVar(&o.format, "format", "text", "summary `FORMAT`: text (on standard error) or json (on standard output)")
	fs.StringVar(&o.configPath, "config", "", "configuration `FILE` (default: .transcheck.yaml or .transcheck.yml here or in a parent folder)")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	cmd.RegisterFlagCompletionFunc("reject-on", fixedCompletion(filter.Names()...))
	return cmd
}

func (o *filterOptions) run(args []string) error {
	set := o.flagSet
	fc, found, err := configFile(o.configPath)
	if err != nil {
		return err
	}
	if found {
		o.common.fromFile(fc, set)
		f := fc.Filter
		if !set("reject-on") && f.RejectOn != nil {
			o.rejectOn = f.RejectOn
		}
		if !set("min-confidence") && f.MinConfidence != nil {
			o.minConfidence = *f.MinConfidence
		}
		if !set("max-z") && f.MaxZ != nil {
			o.maxZ = *f.MaxZ
		}
		if !set("dedup") && f.Dedup != nil {
			o.dedup = *f.Dedup
		}
		if !set("jobs") && fc.Jobs != 0 {
			o.jobs = fc.Jobs
		}
	}
	if len(args) == 0 {
		return commandLineErr("filter needs at least one INPUT")
	}
	if o.keep == "" || o.reject == "" {
		return commandLineErr("filter needs --keep PATH and --reject FILE")
	}
	if o.format != "text" && o.format != "json" {
		return commandLineErr("--format %q: use text or json", o.format)
	}
	if o.minConfidence < 0 || o.minConfidence > 1 {
		return commandLineErr("--min-confidence %v: use a number from 0 to 1", o.minConfidence)
	}
	if o.maxZ <= 0 {
		return commandLineErr("--max-z %v: must be above 0", o.maxZ)
	}
	pc, err := o.common.config()
	if err != nil {
		return err
	}
	cfg := filter.Config{Source: o.common.source, Target: o.common.target, RejectOn: o.rejectOn,
		MinConfidence: o.minConfidence, Dedup: o.dedup, LengthZ: o.maxZ, Jobs: o.jobs, Read: pc.Read}
	if pc.Languages != nil {
		cfg.Languages = pc.Languages
	}
	fp, err := filter.New(cfg)
	if err != nil {
		return commandLineErr("%v", err)
	}
	inputs, probs := filter.Inputs(args, cfg)
	for _, p := range probs {
		fmt.Fprintf(o.stderr, "transcheck: %s\n", p.Error())
	}
	if len(inputs) == 0 {
		return usageErr("no input to filter under %s", strings.Join(args, ", "))
	}
	outs, err := keepPaths(o.keep, inputs)
	if err != nil {
		return err
	}
	for _, in := range inputs {
		for _, p := range []string{in.Source, in.Target} {
			for _, k := range append(outs.all(), o.reject) {
				if p != "" && sameFile(p, k) {
					return usageErr("%s is an input: write the output elsewhere", k)
				}
			}
		}
	}
	files := &outputFiles{}
	defer files.abort()
	rej, err := files.create(o.reject)
	if err != nil {
		return usageErr("--reject %s: %v", o.reject, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	sum, err := fp.Run(ctx, inputs, filter.Outputs{
		Reject: rej,
		Keep: func(path string) (io.Writer, error) {
			w, err := files.create(outs[path])
			if err != nil {
				return nil, fmt.Errorf("--keep %s: %w", outs[path], err)
			}
			return w, nil
		},
	})
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{code: exitInterrupted, err: errors.New("interrupted: no output written")}
		}
		return err
	}
	if err := files.commit(); err != nil {
		return err
	}
	const shown = 20
	for i, p := range sum.Problems {
		if i == shown {
			fmt.Fprintf(o.stderr, "transcheck: … and %d more input problems (the unreadable units are in %s)\n", len(sum.Problems)-shown, o.reject)
			break
		}
		fmt.Fprintf(o.stderr, "transcheck: %s\n", p)
	}
	if o.format == "json" {
		enc := json.NewEncoder(o.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(o.stderr, "transcheck: read %d %s: %d kept, %d rejected, %d unreadable\n",
			sum.Read, plural(sum.Read, "pair", "pairs"), sum.Kept, sum.Rejected, sum.Unreadable)
		for _, c := range sum.Checks() {
			fmt.Fprintf(o.stderr, "  %-16s %d\n", c, sum.ByCheck[c])
		}
	}
	if sum.Read == 0 {
		return usageErr("nothing could be read")
	}
	return nil
}

// keepTargets maps each input file to the file its kept units go to.
type keepTargets map[string]string

func (k keepTargets) all() []string {
	var out []string
	for _, v := range k {
		out = append(out, v)
	}
	return out
}

// keepPaths names the kept output of each input file: for one input,
// keep itself (keep.LANG for each side of a line-aligned corpus); for
// several, keep is a folder and each input keeps its base name.
func keepPaths(keep string, inputs []read.Input) (keepTargets, error) {
	out := keepTargets{}
	sides := func(in read.Input, base string) {
		if in.Paired {
			out[in.Source] = base + filepath.Ext(in.Source)
			out[in.Target] = base + filepath.Ext(in.Target)
			return
		}
		out[in.Source] = base
	}
	if len(inputs) == 1 {
		if isDir(keep) {
			return nil, usageErr("--keep %s is a folder: name a file for one input", keep)
		}
		if dir := filepath.Dir(keep); !isDir(dir) {
			return nil, usageErr("--keep %s: folder %s does not exist (create it first)", keep, dir)
		}
		sides(inputs[0], keep)
		return out, nil
	}
	if !isDir(keep) {
		return nil, usageErr("--keep %s: %d inputs need a folder to keep their pairs in (create it first)", keep, len(inputs))
	}
	taken := map[string]string{}
	for _, in := range inputs {
		name := filepath.Base(in.Source)
		if in.Paired {
			name = strings.TrimSuffix(name, filepath.Ext(name))
		}
		if prev, ok := taken[name]; ok {
			return nil, usageErr("--keep %s: %s and %s would both be kept as %s (filter them apart)", keep, prev, in.Name(), name)
		}
		taken[name] = in.Name()
		sides(in, filepath.Join(keep, name))
	}
	return out, nil
}

func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// outputFiles are the files a filter run writes: each into a temporary
// file beside it, renamed into place once the run is done, so a failed or
// interrupted run leaves the old outputs or none, never half of one. An
// existing special file (a FIFO) is written in place.
type outputFiles struct {
	files []*outputFile
}

type outputFile struct {
	path string
	f    *os.File
	w    *bufio.Writer
	tmp  bool
}

func (o *outputFiles) create(path string) (io.Writer, error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return nil, errors.New("is a folder (name a file in it)")
	case err == nil && !info.Mode().IsRegular():
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		of := &outputFile{path: path, f: f, w: bufio.NewWriterSize(f, 256<<10)}
		o.files = append(o.files, of)
		return of.w, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".transcheck-*")
	if err != nil {
		return nil, err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	of := &outputFile{path: path, f: f, w: bufio.NewWriterSize(f, 256<<10), tmp: true}
	o.files = append(o.files, of)
	return of.w, nil
}

// commit flushes every file and renames each into place.
func (o *outputFiles) commit() error {
	for _, of := range o.files {
		err := of.w.Flush()
		if cerr := of.f.Close(); err == nil {
			err = cerr
		}
		if err == nil && of.tmp {
			err = os.Rename(of.f.Name(), of.path)
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", of.path, err)
		}
		of.f = nil
	}
	o.files = nil
	return nil
}

// abort removes the temporary files of a run that did not commit.
func (o *outputFiles) abort() {
	for _, of := range o.files {
		if of.f != nil {
			of.f.Close()
			if of.tmp {
				os.Remove(of.f.Name())
			}
		}
	}
}
