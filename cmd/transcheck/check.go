package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/read"
	"github.com/transcheck/transcheck/reports"
)

// listFlag collects a repeated string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// commonFlags are the flags every command that reads documents takes.
type commonFlags struct {
	source, target, languages, encoding string
	glossary, lexicon                   string
	exclude, pairs                      listFlag
}

func (c *commonFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.source, "source", "", "source language, ISO 639-1 (e.g. en); inferred per document when empty")
	fs.StringVar(&c.target, "target", "", "target language, ISO 639-1 (e.g. zh)")
	fs.StringVar(&c.languages, "languages", "", "comma-separated languages the detector tells apart (default: zh,en plus source and target)")
	fs.StringVar(&c.encoding, "encoding", "", "encoding of files without a byte-order mark (e.g. gb18030); default UTF-8")
	fs.Var(&c.exclude, "exclude", "glob of files or folders to skip (repeatable)")
	fs.StringVar(&c.glossary, "glossary", "", "glossary of terms: CSV or TSV (source, target[|target], flags) or TBX")
	fs.StringVar(&c.lexicon, "lexicon", "", "bilingual word list (TSV: source<TAB>target...) for pairs other than Chinese–English; needs --source and --target")
	fs.Var(&c.pairs, "pair", "SOURCE=TARGET: check TARGET as the translation of SOURCE, files or folders (repeatable)")
}

func (c *commonFlags) config() (pipeline.Config, error) {
	cfg := pipeline.Config{Source: c.source, Target: c.target}
	for _, p := range c.pairs {
		src, tgt, ok := strings.Cut(p, "=")
		if !ok || src == "" || tgt == "" {
			return cfg, usageErr("-pair %q: use SOURCE=TARGET", p)
		}
		cfg.Read.Pairs = append(cfg.Read.Pairs, read.Pair{Source: src, Target: tgt})
	}
	if c.languages != "" {
		for _, l := range strings.Split(c.languages, ",") {
			if l = strings.TrimSpace(l); l != "" {
				cfg.Languages = append(cfg.Languages, l)
			}
		}
	}
	cfg.Read.Encoding = c.encoding
	cfg.Read.Exclude = c.exclude
	if c.glossary != "" {
		f, err := os.Open(c.glossary)
		if err != nil {
			return cfg, usageErr("--glossary: %v", err)
		}
		defer f.Close()
		g, err := metrics.ParseGlossary(f, c.glossary, detect.Normalize(c.source), detect.Normalize(c.target))
		if err != nil {
			return cfg, usageErr("%v", err)
		}
		cfg.MetricConfig = metrics.DefaultConfig()
		cfg.MetricConfig.Glossary = g
	}
	if c.lexicon != "" {
		if c.source == "" || c.target == "" {
			return cfg, usageErr("--lexicon needs --source and --target")
		}
		f, err := os.Open(c.lexicon)
		if err != nil {
			return cfg, usageErr("--lexicon: %v", err)
		}
		defer f.Close()
		lex, err := lexicon.Load(f, c.lexicon, detect.Normalize(c.source), detect.Normalize(c.target))
		if err != nil {
			return cfg, usageErr("%v", err)
		}
		cfg.Lexicon = lex
	}
	return cfg, nil
}

func newFlagSet(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: transcheck %s [flags] %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses flags that may stand before or after the paths.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, &exitError{code: exitOK, err: errors.New("")}
			}
			return nil, &exitError{code: exitUsage, err: errors.New("")}
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "PATH...", stderr)
	var common commonFlags
	common.register(fs)
	format := fs.String("format", "table", "report format: "+strings.Join(reports.Names(), ", "))
	output := fs.String("o", "", "write the report to this file instead of standard output")
	failOn := fs.String("fail-on", "error", "lowest severity that fails the gate: error, warning or never")
	jobs := fs.Int("j", 0, "documents checked at once (default: number of CPUs)")
	noProgress := fs.Bool("no-progress", false, "never show the progress bar")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	cfg, err := common.config()
	if err != nil {
		return err
	}
	if len(paths) == 0 && len(cfg.Read.Pairs) == 0 {
		fs.Usage()
		return usageErr("check needs at least one PATH or --pair")
	}
	var gate metrics.Severity
	gateNever := false
	if *failOn == "never" {
		gateNever = true
	} else if gate, err = metrics.ParseSeverity(*failOn); err != nil || gate == metrics.Info {
		return usageErr("-fail-on %q: use error, warning or never", *failOn)
	}
	if _, ok := reports.Formats[*format]; !ok {
		_, err := reports.New(*format, nil)
		return usageErr("-format: %v", err)
	}

	cfg.Jobs = *jobs
	if f, ok := stderr.(*os.File); ok && !*noProgress && term.IsTerminal(int(f.Fd())) {
		var bar *progressbar.ProgressBar
		cfg.Progress = func(done, total int) {
			if total < 2 {
				return
			}
			if bar == nil {
				// progressbar syncs the file on every write: throttle it.
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(f),
					progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish(),
					progressbar.OptionSetDescription("checking"), progressbar.OptionShowCount())
			}
			bar.Set(done)
			if done == total {
				bar.Finish()
			}
		}
	}
	runner, err := pipeline.NewRunner(cfg)
	if err != nil {
		return usageErr("%v", err)
	}
	rep, err := runner.Run(context.Background(), paths)
	if err != nil {
		return err
	}
	if err := writeReport(*format, *output, stdout, rep); err != nil {
		return err
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "transcheck: %s\n", p)
	}
	for _, d := range rep.Documents {
		for _, p := range d.Problems {
			fmt.Fprintf(stderr, "transcheck: %s\n", p)
		}
	}
	if len(rep.Documents) == 0 {
		return usageErr("no documents found under %s", strings.Join(paths, ", "))
	}
	if !gateNever && rep.Findings(gate) > 0 {
		return &exitError{code: exitGate, err: fmt.Errorf("gate failed: %d findings at %s or above", rep.Findings(gate), gate)}
	}
	return nil
}

// writeReport renders the report to a file (written to a temporary file
// and renamed, so a reader never sees half a report) or to stdout.
func writeReport(format, path string, stdout io.Writer, rep *pipeline.Report) error {
	if path == "" || path == "-" {
		p, err := reports.New(format, stdout)
		if err != nil {
			return err
		}
		return p.Print(rep)
	}
	tmp, err := os.CreateTemp(dirOf(path), ".transcheck-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	p, err := reports.New(format, tmp)
	if err != nil {
		tmp.Close()
		return err
	}
	if err := p.Print(rep); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}
