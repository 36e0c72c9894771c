package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/history"
	"github.com/transcheck/transcheck/pipeline/read"
)

// stampOptions are stamp's flags.
type stampOptions struct {
	common         commonFlags
	configPath     string
	stdout, stderr io.Writer
	flagSet        func(name string) bool
}

// markerDigits is how much of the source commit's hash a marker keeps:
// short enough to read, long enough to stay unambiguous as a repository
// grows.
const markerDigits = 12

func newStampCmd(stdout, stderr io.Writer) *cobra.Command {
	o := &stampOptions{stdout: stdout, stderr: stderr}
	// stamp reads no file's text: the reading limits keep their defaults.
	o.common.maxFileSize, o.common.maxSegment = read.DefaultMaxFileSize>>20, read.DefaultMaxSegment
	cmd := &cobra.Command{
		Use:   "stamp [flags] TARGETFILE...",
		Short: "Record in each translation the source commit it is up to date with",
		Long: `Once a translation is brought up to date with its source, record the
source's current commit (HEAD of its git work tree) in the translation, so
that the stale check counts only the source's later commits: a
source_commit key at the end of the front matter when the file has one,
else a comment on its first line (<!-- source: en@abc123def456 --> in
Markdown and HTML, {/* source: … */} in MDX, // source: … in AsciiDoc).
An existing marker is updated where it stands.

The source of each file is found by the pairing rules of check, among the
files under the configuration's paths, or else under the git work tree
that holds the file; --pair names it outright.`,
		Example: `  transcheck stamp docs/zh/guide/install.md
  transcheck stamp --pair docs/en/a.md=docs/zh/a.md docs/zh/a.md
  transcheck stamp --source-repo ../website i18n/zh/guide/*.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return commandLineErr("stamp needs at least one TARGETFILE: a translation to mark as up to date")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.flagSet = cmd.Flags().Changed
			return o.run(cmd.Context(), args)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	o.common.registerLanguages(fs)
	o.common.registerDiscovery(fs)
	o.common.registerPairs(fs)
	o.common.registerSourceRepo(fs)
	fs.StringVar(&o.configPath, "config", "", "configuration `FILE` (default: .transcheck.yaml or .transcheck.yml here or in a parent folder)")
	return cmd
}

func (o *stampOptions) run(ctx context.Context, targets []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	configPath := o.configPath
	if configPath == "" {
		if wd, err := os.Getwd(); err == nil {
			if configPath, err = findConfig(wd); err != nil {
				return usageErr("%v", err)
			}
		}
	}
	var roots []string
	if configPath != "" {
		fc, err := loadConfig(configPath)
		if err != nil {
			return usageErr("%v", err)
		}
		o.common.fromFile(fc, o.flagSet)
		for _, p := range fc.Paths {
			roots = append(roots, fc.relative(p))
		}
	}
	cfg, err := o.common.config()
	if err != nil {
		return err
	}
	cfg.Read.Source, cfg.Read.Target = detect.Normalize(cfg.Source), detect.Normalize(cfg.Target)
	f := &sourceFinder{opt: cfg.Read, roots: roots, found: map[string][]read.Input{}}
	failed := 0
	for _, target := range targets {
		if err := o.stamp(ctx, f, target, cfg.History); err != nil {
			fmt.Fprintf(o.stderr, "transcheck: %s: %v\n", target, err)
			failed++
		}
	}
	if failed > 0 {
		return usageErr("%d of %d %s not stamped (see above)", failed, len(targets), plural(len(targets), "file", "files"))
	}
	return nil
}

// stamp writes the marker of one translation.
func (o *stampOptions) stamp(ctx context.Context, f *sourceFinder, target string, opt history.Options) error {
	info, err := os.Stat(target)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("%v (name a translation file)", err)
	}
	if info.IsDir() {
		return fmt.Errorf("is a folder (name the translation files in it)")
	}
	in, err := f.source(target)
	if err != nil {
		return err
	}
	src, err := history.SourceHead(ctx, in.Source, opt)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	lang := in.SourceLang
	if lang == "" {
		lang = f.opt.Source
	}
	hash := src.Head[:min(markerDigits, len(src.Head))]
	out, err := history.SetMarker(target, data, lang, hash)
	if err != nil {
		return fmt.Errorf("%v", strings.TrimPrefix(err.Error(), target+": "))
	}
	if src.Dirty {
		fmt.Fprintf(o.stderr, "transcheck: warning: %s has changes not committed: the marker names %s, which does not hold them (commit the source, then stamp again)\n", in.Source, hash)
	}
	if bytes.Equal(out, data) {
		fmt.Fprintf(o.stdout, "%s: already marked with source commit %s (%s)\n", target, hash, in.Source)
		return nil
	}
	if err := writeFileOutput(target, out); err != nil {
		return err
	}
	fmt.Fprintf(o.stdout, "%s: source commit %s (%s)\n", target, hash, in.Source)
	return nil
}

// sourceFinder finds the source of a translation by the pairing rules of
// check: among the explicit pairs, then the files under the configured
// paths or the work tree that holds the translation, each walked once.
type sourceFinder struct {
	opt   read.Options
	roots []string
	found map[string][]read.Input // by the roots walked, joined
}

func (f *sourceFinder) inputs(roots []string, pairs []read.Pair) []read.Input {
	key := strings.Join(roots, "\x00")
	if len(pairs) > 0 {
		key = "pairs"
	}
	if in, ok := f.found[key]; ok {
		return in
	}
	opt := f.opt
	opt.Pairs = pairs
	in := read.Walk(roots, opt).Inputs
	f.found[key] = in
	return in
}

func (f *sourceFinder) source(target string) (read.Input, error) {
	abs := history.RealPath(target)
	match := func(inputs []read.Input) (read.Input, bool, error) {
		for _, in := range inputs {
			if !in.Paired {
				continue
			}
			if in.Target != "" && history.RealPath(in.Target) == abs {
				if in.Source == "" {
					return in, true, fmt.Errorf("no source pairs with this translation (an orphan: name its source with --pair SOURCE=%s)", target)
				}
				return in, true, nil
			}
			if in.Source != "" && history.RealPath(in.Source) == abs {
				return in, true, fmt.Errorf("is a source file, not a translation (stamp its translation, e.g. %s)", orNone(in.Target))
			}
		}
		return read.Input{}, false, nil
	}
	if len(f.opt.Pairs) > 0 {
		if in, ok, err := match(f.inputs(nil, f.opt.Pairs)); ok {
			return in, err
		}
	}
	roots, where := f.roots, "the configuration's paths"
	if len(roots) == 0 {
		tree := history.WorkTree(target)
		if tree == "" {
			return read.Input{}, fmt.Errorf("not in a git work tree, and no configuration names its source (name it with --pair SOURCE=%s)", target)
		}
		if wd, err := os.Getwd(); err == nil {
			// Paths below the working folder are shown as relative ones.
			if rel, err := filepath.Rel(history.RealPath(wd), tree); err == nil && !strings.HasPrefix(rel, "..") {
				tree = rel
			}
		}
		roots, where = []string{tree}, "the git work tree "+tree
	}
	in, ok, err := match(f.inputs(roots, nil))
	if !ok {
		return read.Input{}, fmt.Errorf("no source pairs with it under %s (name it with --pair SOURCE=%s)", where, target)
	}
	return in, err
}

func orNone(s string) string {
	if s == "" {
		return "none exists yet"
	}
	return s
}
