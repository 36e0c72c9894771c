package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/reports"
)

// checkOptions are check's flags.
type checkOptions struct {
	common              commonFlags
	format              string
	outputs             []string
	failOn              string
	minComplete         float64
	minConfidence       float64
	maxStaleDays        int
	failOnStale         bool
	enable              []string
	maxFindings         int
	baseline, writeBase string
	configPath          string
	jobs                int
	noProgress, strict  bool
	color               string
	stdout, stderr      io.Writer
	flagSet             func(name string) bool
}

func newCheckCmd(stdout, stderr io.Writer) *cobra.Command {
	o := &checkOptions{stdout: stdout, stderr: stderr}
	cmd := &cobra.Command{
		Use:   "check [flags] [PATH...]",
		Short: "Check the documents under each PATH and report what the translations miss",
		Long: `Check every document under the paths (or the configuration's paths) and
report omissions, additions, untranslated text, and numbers, names and
terms that changed. The exit code is the gate: 0 passed, 1 failed, 2 a
usage, configuration or input error.

Reports go to standard output (--format, default table) or to files with
-o: -o FORMAT=FILE, or -o FILE with the format taken from its extension
(.json, .sarif, .xml for JUnit, .md, .html, .csv, .txt for the table).`,
		Example: `  transcheck check docs/
  transcheck check --source en --target zh docs/
  transcheck check -o report.sarif -o markdown=summary.md --fail-on warning docs/
  transcheck check --write-baseline .transcheck-baseline.json docs/   # adopt: record today's findings
  transcheck check --baseline .transcheck-baseline.json docs/         # then only new findings fail`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.flagSet = cmd.Flags().Changed
			return o.run(args)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	o.common.registerRead(fs)
	o.common.registerDiscovery(fs)
	o.common.registerPairs(fs)
	o.common.registerGlossary(fs)
	o.common.registerLexicon(fs)
	o.common.registerSourceRepo(fs)
	fs.StringVar(&o.format, "format", "table", "report `FORMAT` for standard output: "+strings.Join(reports.Names(), ", "))
	fs.StringArrayVarP(&o.outputs, "output", "o", nil, "write a report to `FILE` (format from its extension) or FORMAT=FILE; '-' is standard output (repeatable)")
	fs.StringVar(&o.failOn, "fail-on", "error", "lowest severity `LEVEL` that fails the gate: error, warning or never")
	fs.Float64Var(&o.minConfidence, "min-confidence", 0, "hide findings whose confidence is below `C` (0 to 1); the report counts them as hidden")
	fs.StringSliceVar(&o.enable, "enable", nil, "run the opt-in `CHECK`s too (comma-separated or repeated; see transcheck checks)")
	fs.Float64Var(&o.minComplete, "min-completeness", 0, "fail when less than `PCT` percent of source segments have a counterpart, in any document or overall")
	fs.IntVar(&o.maxFindings, "max-findings", -1, "fail when there are more than `N` findings, not counting baselined ones (-1: no limit)")
	fs.IntVar(&o.maxStaleDays, "max-stale-days", 0, "report a translation behind its source at warning only when it is more than `N` days behind (info until then; 0: at once)")
	fs.BoolVar(&o.failOnStale, "fail-on-stale", false, "make stale translations errors, so the gate fails on them")
	fs.StringVar(&o.baseline, "baseline", "", "baseline `FILE`: its findings are reported as baselined and do not fail the gate")
	fs.StringVar(&o.writeBase, "write-baseline", "", "record the run's findings in the baseline `FILE`")
	fs.StringVar(&o.configPath, "config", "", "configuration `FILE` (default: .transcheck.yaml or .transcheck.yml here or in a parent folder)")
	fs.IntVarP(&o.jobs, "jobs", "j", 0, "check `N` documents at once (default: number of CPUs)")
	fs.StringVar(&o.color, "color", "auto", "colour severities in the table `WHEN`: auto (on a terminal, unless NO_COLOR is set), always or never")
	fs.BoolVar(&o.noProgress, "no-progress", false, "never show the progress bar")
	fs.BoolVar(&o.strict, "strict", false, "exit 2 when any input problem is reported, warnings included")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion(reports.Names()...))
	cmd.RegisterFlagCompletionFunc("fail-on", fixedCompletion("error", "warning", "never"))
	cmd.RegisterFlagCompletionFunc("color", fixedCompletion("auto", "always", "never"))
	return cmd
}

// fixedCompletion completes a flag from a fixed list of values.
func fixedCompletion(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func (o *checkOptions) run(paths []string) error {
	stdout, stderr := o.stdout, o.stderr
	set := o.flagSet
	common := &o.common
	failOn, minComplete, maxFindings := &o.failOn, &o.minComplete, &o.maxFindings
	baseline, writeBase, jobs := &o.baseline, &o.writeBase, &o.jobs
	outputs := o.outputs

	// The configuration file gives defaults; flags override it.
	fc, found, err := configFile(o.configPath)
	if err != nil {
		return err
	}
	if found {
		common.fromFile(fc, set)
		if !set("fail-on") && fc.Gate.FailOn != "" {
			*failOn = fc.Gate.FailOn
		}
		if !set("min-completeness") && fc.Gate.MinCompleteness != nil {
			*minComplete = *fc.Gate.MinCompleteness
		}
		if !set("max-findings") && fc.Gate.MaxFindings != nil {
			*maxFindings = *fc.Gate.MaxFindings
		}
		if !set("baseline") && fc.Baseline != "" {
			*baseline = fc.relative(fc.Baseline)
		}
		if !set("jobs") {
			*jobs = fc.Jobs
		}
		if len(paths) == 0 {
			for _, p := range fc.Paths {
				paths = append(paths, fc.relative(p))
			}
		}
		if !set("output") {
			for _, out := range fc.Outputs {
				outputs = append(outputs, out.Format+"="+fc.relative(out.Path))
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
	if set("min-confidence") || fc.MinConfidence == nil {
		cfg.MetricConfig.MinConfidence = o.minConfidence
	} else {
		cfg.MetricConfig.MinConfidence = *fc.MinConfidence
	}
	if c := cfg.MetricConfig.MinConfidence; c < 0 || c > 1 {
		return commandLineErr("--min-confidence %v: use a number from 0 to 1", c)
	}
	if set("max-stale-days") {
		if o.maxStaleDays < 0 {
			return commandLineErr("--max-stale-days %d: use 0 (report at once) or more days", o.maxStaleDays)
		}
		cfg.MetricConfig.StaleDays = o.maxStaleDays
	}
	if set("fail-on-stale") {
		cfg.MetricConfig.StaleFail = o.failOnStale
	}
	for _, name := range o.enable {
		if err := enableCheck(cfg.MetricConfig, name); err != nil {
			return commandLineErr("--enable: %v", err)
		}
	}
	if len(paths) == 0 && len(cfg.Read.Pairs) == 0 {
		return commandLineErr("check needs at least one PATH or --pair (or paths: in .transcheck.yaml)")
	}
	g := gate{minCompleteness: *minComplete, maxFindings: *maxFindings}
	if *failOn == "never" {
		g.never = true
	} else if g.failOn, err = metrics.ParseSeverity(*failOn); err != nil || g.failOn == metrics.Info {
		return commandLineErr("--fail-on %q: use error, warning or never", *failOn)
	}
	if o.color != "auto" && o.color != "always" && o.color != "never" {
		return commandLineErr("--color %q: use auto, always or never", o.color)
	}
	outs, err := parseOutputs(outputs, o.format, set("format"))
	if err != nil {
		return err
	}
	// Say now, not after the run, that a report cannot be written.
	for _, out := range outs {
		if out.path == "-" {
			continue
		}
		if out.site {
			if err := siteDir(out.path); err != nil {
				return usageErr("-o html=%s: %v", out.path, err)
			}
			continue
		}
		if dir := filepath.Dir(out.path); !isDir(dir) {
			return usageErr("-o %s: folder %s does not exist (create it first)", out.path, dir)
		}
		if isDir(out.path) {
			return usageErr("-o %s: is a folder (name a file in it, or write html=%s/ for an HTML site)", out.path, out.path)
		}
	}

	cfg.Jobs = *jobs
	for _, out := range outs {
		// Only the HTML page shows the text itself; other reports let the
		// run drop each document once it is checked.
		cfg.KeepDocuments = cfg.KeepDocuments || out.format == "html"
	}
	if f, ok := stderr.(*os.File); ok && !o.noProgress && term.IsTerminal(int(f.Fd())) {
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
	verdictShown := false
	for _, out := range outs {
		opts := reports.Options{Version: version()}
		if out.path == "-" {
			opts.Width, opts.Color = terminal(stdout, o.color)
			// The table on standard output ends with the verdict.
			verdictShown = verdictShown || out.format == "table"
		} else if o.color == "always" {
			opts.Color = true
		}
		if out.site {
			err = writeSite(out.path, func(create func(string, func(io.Writer) error) error) error {
				return reports.WriteHTMLSite(rep, opts, create)
			})
		} else {
			err = writeReport(out.format, out.path, stdout, rep, opts)
		}
		if err != nil {
			return err
		}
	}
	if newBase != nil {
		if err := newBase.write(*writeBase); err != nil {
			return err
		}
	}
	printProblems()
	if o.strict && len(problems) > 0 {
		return usageErr("--strict: %d input %s (see above)", len(problems), plural(len(problems), "problem", "problems"))
	}
	if !rep.Gate.Passed {
		msg := "gate failed: " + strings.Join(rep.Gate.Reasons, "; ")
		if verdictShown {
			// Said once: the table just printed the reasons.
			msg = ""
		}
		return &exitError{code: exitGate, err: errors.New(msg)}
	}
	return nil
}

// terminal returns the width of w and whether to colour it, when w is a
// terminal; colour follows --color and NO_COLOR (https://no-color.org).
func terminal(w io.Writer, color string) (width int, colored bool) {
	f, ok := w.(*os.File)
	isTerm := ok && term.IsTerminal(int(f.Fd()))
	if isTerm {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			width = cols
		}
	}
	switch color {
	case "always":
		colored = true
	case "auto":
		colored = isTerm && os.Getenv("NO_COLOR") == ""
	}
	return width, colored
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
type output struct {
	format, path string
	// site writes the HTML report as a folder of pages (-o html=DIR/).
	site bool
}

// extFormats maps a file extension to the report format it names.
var extFormats = map[string]string{
	".json":     "json",
	".sarif":    "sarif",
	".xml":      "junit",
	".md":       "markdown",
	".markdown": "markdown",
	".html":     "html",
	".htm":      "html",
	".csv":      "csv",
	".txt":      "table",
}

// parseOutputs reads -o values: FORMAT=FILE, or FILE in the format its
// extension names. With none, the --format report goes to standard
// output.
func parseOutputs(values []string, def string, defGiven bool) ([]output, error) {
	if !reports.Known(def) {
		_, err := reports.New(def, nil, reports.Options{})
		return nil, commandLineErr("--format: %v", err)
	}
	if len(values) == 0 {
		return []output{{format: def, path: "-"}}, nil
	}
	var outs []output
	stdouts := 0
	for _, v := range values {
		o, err := parseOutput(v, def, defGiven)
		if err != nil {
			return nil, err
		}
		if o.path != "-" && (strings.HasSuffix(o.path, "/") || strings.HasSuffix(o.path, string(filepath.Separator)) || isDir(o.path)) {
			if o.format != "html" {
				return nil, commandLineErr("-o %s: a folder takes only the HTML report (-o html=%s)", v, o.path)
			}
			o.site = true
		}
		if o.path == "-" {
			stdouts++
		}
		outs = append(outs, o)
	}
	if stdouts > 1 {
		return nil, commandLineErr("-o: only one report can go to standard output")
	}
	return outs, nil
}

func parseOutput(v, def string, defGiven bool) (output, error) {
	if f, p, ok := strings.Cut(v, "="); ok && !strings.ContainsAny(f, `/\.`) {
		if !reports.Known(f) {
			_, err := reports.New(f, nil, reports.Options{})
			return output{}, commandLineErr("-o %q: %v", v, err)
		}
		if p == "" {
			return output{}, commandLineErr("-o %q: no file (use FORMAT=FILE, or FORMAT=- for standard output)", v)
		}
		return output{format: f, path: p}, nil
	}
	if v == "" {
		return output{}, commandLineErr("-o: no file given")
	}
	if v == "-" {
		return output{format: def, path: v}, nil
	}
	byExt, known := extFormats[strings.ToLower(filepath.Ext(v))]
	switch {
	case known && defGiven && byExt != def:
		return output{}, commandLineErr("-o %s: the extension says %s but --format says %s (write -o %s=%s to mean it)", v, byExt, def, def, v)
	case known:
		return output{format: byExt, path: v}, nil
	case defGiven:
		return output{format: def, path: v}, nil
	}
	return output{}, commandLineErr("-o %s: cannot tell the format from the file name (write -o FORMAT=%s with FORMAT one of %s, or use an extension: .json .sarif .xml .md .html .csv .txt)",
		v, v, strings.Join(reports.Names(), ", "))
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

// writeReport renders the report to a file (see writeOutput: never half a
// report, never a special file replaced) or to stdout, as the printer
// writes it, never whole in memory.
func writeReport(format, path string, stdout io.Writer, rep *pipeline.Report, opts reports.Options) error {
	render := func(w io.Writer) error {
		p, err := reports.New(format, w, opts)
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
