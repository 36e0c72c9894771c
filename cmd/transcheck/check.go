package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
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
	maxFileSize, maxSegment             int
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
	fs.IntVar(&c.maxFileSize, "max-file-size", read.DefaultMaxFileSize>>20, "largest file read, in MB; a bigger file is reported and not read")
	fs.IntVar(&c.maxSegment, "max-segment", read.DefaultMaxSegment, "longest segment, in characters; a longer one is reported and checked in pieces")
}

// fromFile takes the configuration file's values for the flags that were
// not given.
func (c *commonFlags) fromFile(fc *fileConfig, set map[string]bool) {
	str := func(flag string, dst *string, v string) {
		if !set[flag] && v != "" {
			*dst = v
		}
	}
	str("source", &c.source, fc.Languages.Source)
	str("target", &c.target, fc.Languages.Target)
	str("languages", &c.languages, strings.Join(fc.Languages.Detect, ","))
	str("encoding", &c.encoding, fc.Encoding)
	str("glossary", &c.glossary, fc.relative(fc.Glossary))
	str("lexicon", &c.lexicon, fc.relative(fc.Lexicon))
	c.exclude = append(c.exclude, fc.Exclude...)
	if !set["pair"] {
		for _, p := range fc.Pairs {
			c.pairs = append(c.pairs, fc.relative(p.Source)+"="+fc.relative(p.Target))
		}
	}
}

func (c *commonFlags) config() (pipeline.Config, error) {
	cfg := pipeline.Config{Source: c.source, Target: c.target, MetricConfig: metrics.DefaultConfig()}
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
	if c.maxFileSize <= 0 || c.maxSegment <= 0 {
		return cfg, usageErr("--max-file-size and --max-segment must be positive")
	}
	cfg.Read.MaxFileSize = int64(c.maxFileSize) << 20
	cfg.Read.MaxSegment = c.maxSegment
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
	format := fs.String("format", "table", "report format for standard output and plain -o files: "+strings.Join(reports.Names(), ", "))
	var outputs listFlag
	fs.Var(&outputs, "o", "write a report: FILE (in --format), or FORMAT=FILE; '-' is standard output (repeatable)")
	failOn := fs.String("fail-on", "error", "lowest severity that fails the gate: error, warning or never")
	minComplete := fs.Float64("min-completeness", 0, "fail when less than this percentage of source segments have a counterpart, in any document or overall")
	maxFindings := fs.Int("max-findings", -1, "fail when there are more findings than this, not counting baselined ones (-1: no limit)")
	baseline := fs.String("baseline", "", "baseline file: its findings are reported as baselined and do not fail the gate")
	writeBase := fs.String("write-baseline", "", "record the run's findings in this baseline file")
	configPath := fs.String("config", "", "configuration file (default: .transcheck.yaml here or in a parent folder)")
	jobs := fs.Int("j", 0, "documents checked at once (default: number of CPUs)")
	noProgress := fs.Bool("no-progress", false, "never show the progress bar")
	strict := fs.Bool("strict", false, "exit 2 when any input problem is reported, warnings included")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	// The configuration file gives defaults; flags override it.
	fc := &fileConfig{}
	if *configPath == "" {
		if wd, err := os.Getwd(); err == nil {
			*configPath = findConfig(wd)
		}
	}
	if *configPath != "" {
		if fc, err = loadConfig(*configPath); err != nil {
			return usageErr("%v", err)
		}
		common.fromFile(fc, set)
		if !set["fail-on"] && fc.Gate.FailOn != "" {
			*failOn = fc.Gate.FailOn
		}
		if !set["min-completeness"] && fc.Gate.MinCompleteness != nil {
			*minComplete = *fc.Gate.MinCompleteness
		}
		if !set["max-findings"] && fc.Gate.MaxFindings != nil {
			*maxFindings = *fc.Gate.MaxFindings
		}
		if !set["baseline"] && fc.Baseline != "" {
			*baseline = fc.relative(fc.Baseline)
		}
		if !set["j"] {
			*jobs = fc.Jobs
		}
		if len(paths) == 0 {
			for _, p := range fc.Paths {
				paths = append(paths, fc.relative(p))
			}
		}
		if !set["o"] {
			for _, o := range fc.Outputs {
				outputs = append(outputs, o.Format+"="+fc.relative(o.Path))
			}
		}
	}
	cfg, err := common.config()
	if err != nil {
		return err
	}
	if err := fc.apply(cfg.MetricConfig); err != nil {
		return usageErr("%v", err)
	}
	if len(paths) == 0 && len(cfg.Read.Pairs) == 0 {
		fs.Usage()
		return usageErr("check needs at least one PATH or --pair")
	}
	g := gate{minCompleteness: *minComplete, maxFindings: *maxFindings}
	if *failOn == "never" {
		g.never = true
	} else if g.failOn, err = metrics.ParseSeverity(*failOn); err != nil || g.failOn == metrics.Info {
		return usageErr("-fail-on %q: use error, warning or never", *failOn)
	}
	outs, err := parseOutputs(outputs, *format)
	if err != nil {
		return err
	}
	// Say now, not after the run, that a report cannot be written.
	for _, o := range outs {
		if o.path == "-" {
			continue
		}
		if dir := filepath.Dir(o.path); !isDir(dir) {
			return usageErr("-o %s: folder %s does not exist (create it first)", o.path, dir)
		}
	}

	cfg.Jobs = *jobs
	for _, o := range outs {
		// Only the HTML page shows the text itself; other reports let the
		// run drop each document once it is checked.
		cfg.KeepDocuments = cfg.KeepDocuments || o.format == "html"
	}
	if f, ok := stderr.(*os.File); ok && !*noProgress && term.IsTerminal(int(f.Fd())) {
		cfg.Progress = progressBar(f)
	}
	runner, err := pipeline.NewRunner(cfg)
	if err != nil {
		return usageErr("%v", err)
	}
	var base *baselineSet
	if *baseline != "" {
		if base, err = loadBaseline(*baseline); err != nil {
			return usageErr("%v", err)
		}
	}
	var newBase *baselineFile
	if *writeBase != "" {
		newBase = &baselineFile{Version: 1, Findings: []baselineEntry{}}
	}
	// The documents' reports go to a spool on disk as they are checked;
	// the run holds the aggregates (counts, the gate's tally, problems)
	// and the reports read the documents back one at a time.
	// An interrupt stops the run cleanly: the spool is removed and no
	// report is half written.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Without a writable temporary folder they stay in memory.
	spool, err := pipeline.NewSpool("")
	var kept []pipeline.DocumentReport
	if err != nil {
		fmt.Fprintf(stderr, "transcheck: warning: %v; the reports are kept in memory instead\n", err)
		spool = nil
	} else {
		defer spool.Close()
	}
	var problems []string
	tally := g.tally()
	rep, err := runner.Stream(ctx, paths, func(d *pipeline.DocumentReport) error {
		base.apply(d)
		tally.add(d)
		newBase.add(d)
		problems = append(problems, d.Problems...)
		if spool == nil {
			kept = append(kept, *d)
			return nil
		}
		return spool.Add(d)
	})
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{code: exitInterrupted, err: errors.New("interrupted: no report written")}
		}
		return err
	}
	if spool != nil {
		rep.UseSpool(spool)
	} else {
		rep.Documents = kept
	}
	stop() // an interrupt from here on ends the process, as usual
	problems = append(append([]string(nil), rep.Problems...), problems...)
	printProblems := func() {
		for _, p := range problems {
			fmt.Fprintf(stderr, "transcheck: %s\n", p)
		}
	}
	// Nothing read is an input error, not a verdict: the reports are not
	// written, so an old report is not replaced by an empty one.
	if rep.Totals.Segments == 0 {
		printProblems()
		if rep.DocumentCount() == 0 {
			return usageErr("no documents found under %s", strings.Join(paths, ", "))
		}
		return usageErr("nothing could be read: %d %s (see above)", len(problems), plural(len(problems), "problem", "problems"))
	}
	// The gate is decided once, here, on the aggregated report; the
	// reports only show its verdict.
	rep.Gate = tally.decide(rep.Totals)
	for _, o := range outs {
		if err := writeReport(o.format, o.path, stdout, rep); err != nil {
			return err
		}
	}
	if newBase != nil {
		if err := newBase.write(*writeBase); err != nil {
			return err
		}
	}
	printProblems()
	if *strict && len(problems) > 0 {
		return usageErr("--strict: %d input %s (see above)", len(problems), plural(len(problems), "problem", "problems"))
	}
	if !rep.Gate.Passed {
		return &exitError{code: exitGate, err: fmt.Errorf("gate failed: %s", strings.Join(rep.Gate.Reasons, "; "))}
	}
	return nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// output is one report to write.
type output struct{ format, path string }

// parseOutputs reads -o values: FILE (in the default format) or
// FORMAT=FILE. With none, the default format goes to standard output.
func parseOutputs(values []string, def string) ([]output, error) {
	if _, err := reportFormat(def); err != nil {
		return nil, usageErr("-format: %v", err)
	}
	if len(values) == 0 {
		return []output{{def, "-"}}, nil
	}
	var outs []output
	stdouts := 0
	for _, v := range values {
		o := output{def, v}
		if f, p, ok := strings.Cut(v, "="); ok {
			o = output{f, p}
		}
		if _, err := reportFormat(o.format); err != nil {
			return nil, usageErr("-o %q: %v", v, err)
		}
		if o.path == "" {
			return nil, usageErr("-o %q: no file (use FORMAT=FILE, or FORMAT=- for standard output)", v)
		}
		if o.path == "-" {
			stdouts++
		}
		outs = append(outs, o)
	}
	if stdouts > 1 {
		return nil, usageErr("-o: only one report can go to standard output")
	}
	return outs, nil
}

func reportFormat(name string) (string, error) {
	if _, ok := reports.Formats[name]; !ok {
		_, err := reports.New(name, nil, reports.Options{})
		return "", err
	}
	return name, nil
}

func progressBar(f *os.File) func(done, total int) {
	var bar *progressbar.ProgressBar
	return func(done, total int) {
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

// writeReport renders the report to a file (written to a temporary file
// and renamed, so a reader never sees half a report) or to stdout, as the
// printer writes it, never whole in memory.
func writeReport(format, path string, stdout io.Writer, rep *pipeline.Report) error {
	render := func(w io.Writer) error {
		p, err := reports.New(format, w, reports.Options{})
		if err != nil {
			return err
		}
		return p.Print(rep)
	}
	if path == "" || path == "-" {
		w := bufio.NewWriterSize(stdout, 64<<10)
		if err := render(w); err != nil {
			return err
		}
		return w.Flush()
	}
	return writeOutput(path, render)
}
