package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/transcheck/transcheck/pipeline/filter"
	"github.com/transcheck/transcheck/pipeline/read"
)

func init() {
	beam.RegisterType(reflectTypeOf[*writeSummaryFn]())
}

func reflectTypeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

// filters are the filters of the run's options, made once a process: a
// filter's language detector takes a while to build and is safe to share.
var filters = onePerProcess[filter.Config, *filter.Pipeline]{make: filter.New}

// filterPipeline returns the filter of the options.
func filterPipeline(o pairsOptions) (*filter.Pipeline, error) { return filters.get(o.config()) }

// onePerProcess holds what make makes of each distinct options value (by
// its JSON), once a process: the DoFns of a worker share it.
type onePerProcess[O, V any] struct {
	make func(O) (V, error)
	mu   sync.Mutex
	made map[string]V
}

func (c *onePerProcess[O, V]) get(o O) (V, error) {
	var zero V
	key, err := json.Marshal(o)
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.made[string(key)]; ok {
		return v, nil
	}
	v, err := c.make(o)
	if err != nil {
		return zero, err
	}
	if c.made == nil {
		c.made = map[string]V{}
	}
	c.made[string(key)] = v
	return v, nil
}

// shardName is the name of shard i of n of an output.
func shardName(prefix, what string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%s-%05d-of-%05d%s", prefix, what, i, n, ext)
}

// create opens a file for writing on any filesystem Beam has (a local
// path, gs://...).
func create(ctx context.Context, name string) (io.WriteCloser, error) {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, err
	}
	w, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		fsys.Close()
		return nil, fmt.Errorf("creating %s: %w", name, err)
	}
	return closeBoth{w, fsys}, nil
}

type closeBoth struct {
	io.WriteCloser
	fsys io.Closer
}

func (c closeBoth) Close() error {
	err := c.WriteCloser.Close()
	c.fsys.Close()
	return err
}

// writeFile writes a whole file with fill.
func writeFile(ctx context.Context, name string, fill func(w *bufio.Writer) error) error {
	f, err := create(ctx, name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// localCopy returns in with its files on the local disk: as it is, or,
// for files on another filesystem (gs://, s3://), copied into a temporary
// folder under their own base names, which cleanup removes.
func localCopy(ctx context.Context, in read.Input) (read.Input, func(), error) {
	if !strings.Contains(in.Source, "://") && !strings.Contains(in.Target, "://") {
		return in, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "transcheck-beam-")
	if err != nil {
		return in, nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	local := in
	for _, side := range []*string{&local.Source, &local.Target} {
		if !strings.Contains(*side, "://") {
			continue
		}
		to := filepath.Join(dir, path.Base(*side))
		if err := download(ctx, *side, to); err != nil {
			cleanup()
			return in, nil, err
		}
		*side = to
	}
	return local, cleanup, nil
}

func download(ctx context.Context, from, to string) error {
	fsys, err := filesystem.New(ctx, from)
	if err != nil {
		return err
	}
	defer fsys.Close()
	r, err := fsys.OpenRead(ctx, from)
	if err != nil {
		return err
	}
	defer r.Close()
	f, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// restorePaths gives a pair read from a local copy the paths of the
// input it copies.
func restorePaths(pr *filter.Pair, local, orig read.Input) {
	if local == orig {
		return
	}
	fix := func(p string) string {
		switch p {
		case local.Source:
			return orig.Source
		case local.Target:
			return orig.Target
		}
		return p
	}
	pr.Chunk.Name = strings.ReplaceAll(strings.ReplaceAll(pr.Chunk.Name, local.Source, orig.Source), local.Target, orig.Target)
	for i, p := range pr.Chunk.Paths {
		pr.Chunk.Paths[i] = fix(p)
	}
	pr.Unit.Pos.Path = fix(pr.Unit.Pos.Path)
	for _, s := range pr.Unit.Segments {
		s.Pos.Path = fix(s.Pos.Path)
	}
	if pr.Problem != nil {
		pr.Problem.Pos.Path = fix(pr.Problem.Pos.Path)
	}
}

// fileOutputs are the outputs of one input: its kept pairs and its
// rejected records.
type fileOutputs struct {
	lines          bool // the kept output is the input's own lines (TSV, CSV)
	kept, rejected io.WriteCloser
	keptW, rejW    *bufio.Writer
	enc            *json.Encoder
}

// outputNames returns the names of an input's kept and rejected outputs:
// PREFIX-kept-NAME.tsv (or .csv, for a CSV input) and
// PREFIX-rejected-NAME.jsonl.
func outputNames(prefix string, ref inputRef) (kept, rejected string) {
	ext := ".tsv"
	if read.FormatOf(ref.Input.Source) == "csv" && !ref.Input.Paired {
		ext = ".csv"
	}
	return prefix + "-kept-" + ref.Name + ext, prefix + "-rejected-" + ref.Name + ".jsonl"
}

// openOutputs creates an input's outputs.
func (f *filterFn) openOutputs(ctx context.Context, ref inputRef, in read.Input) (*fileOutputs, error) {
	keptName, rejName := outputNames(f.Opts.Output, ref)
	format := read.FormatOf(in.Source)
	out := &fileOutputs{lines: !in.Paired && (format == "tsv" || format == "csv")}
	var err error
	if out.kept, err = create(ctx, keptName); err != nil {
		return nil, err
	}
	if out.rejected, err = create(ctx, rejName); err != nil {
		out.kept.Close()
		return nil, err
	}
	out.keptW, out.rejW = bufio.NewWriterSize(out.kept, 64<<10), bufio.NewWriterSize(out.rejected, 64<<10)
	out.enc = json.NewEncoder(out.rejW)
	out.enc.SetEscapeHTML(false)
	return out, nil
}

// head writes what the kept output starts with: the input's header row.
func (o *fileOutputs) head(b []byte) error {
	if !o.lines {
		return nil
	}
	_, err := o.keptW.Write(b)
	return err
}

// write writes a pair to the kept output (its own line, or
// source<TAB>target) or its record to the rejected one.
func (o *fileOutputs) write(pr filter.Pair, v *filter.Verdict) error {
	if !v.Kept() {
		return o.enc.Encode(filter.RecordOf(v))
	}
	if !o.lines {
		_, err := fmt.Fprintf(o.keptW, "%s\t%s\n", oneCell(v.Source), oneCell(v.Target))
		return err
	}
	o.keptW.Write(pr.Text)
	if len(pr.Text) == 0 || pr.Text[len(pr.Text)-1] != '\n' {
		return o.keptW.WriteByte('\n')
	}
	return nil
}

func (o *fileOutputs) close() error {
	errs := []error{o.keptW.Flush(), o.rejW.Flush(), o.kept.Close(), o.rejected.Close()}
	return errors.Join(errs...)
}

// oneCell folds the tabs and line breaks of a text into spaces.
func oneCell(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// writeSummaryFn writes the summary, as JSON (filter.Summary, as
// transcheck filter --format json gives it) and as Markdown.
type writeSummaryFn struct{ Output string }

func (f *writeSummaryFn) ProcessElement(ctx context.Context, _ []byte, sums func(*filter.Summary) bool, problems func(*problem) bool) error {
	var sum filter.Summary
	var s filter.Summary
	for sums(&s) {
		sum.Merge(s)
		s = filter.Summary{}
	}
	var probs []problem
	var p problem
	for problems(&p) {
		probs = append(probs, p)
	}
	sort.Slice(probs, func(i, j int) bool {
		if probs[i].File != probs[j].File {
			return probs[i].File < probs[j].File
		}
		return probs[i].Seq < probs[j].Seq
	})
	sum.Problems = []string{}
	for _, p := range probs {
		sum.Problems = append(sum.Problems, p.Text)
	}
	if sum.ByCheck == nil {
		sum.ByCheck = map[string]int{}
	}
	err := writeFile(ctx, f.Output+"-summary.json", func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(sum)
	})
	if err != nil {
		return err
	}
	return writeFile(ctx, f.Output+"-summary.md", func(w *bufio.Writer) error {
		writeSummaryMarkdown(w, f.Output, &sum)
		return nil
	})
}

// writeSummaryMarkdown renders a summary for people.
func writeSummaryMarkdown(w io.Writer, prefix string, sum *filter.Summary) {
	pct := func(n int) string {
		if sum.Read == 0 {
			return "–"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(sum.Read))
	}
	fmt.Fprintf(w, "# transcheck-beam pairs\n\n")
	fmt.Fprintf(w, "| Pairs | Count | Share |\n|---|---:|---:|\n")
	fmt.Fprintf(w, "| read | %d | |\n| kept | %d | %s |\n| rejected | %d | %s |\n| unreadable | %d | %s |\n\n",
		sum.Read, sum.Kept, pct(sum.Kept), sum.Rejected, pct(sum.Rejected), sum.Unreadable, pct(sum.Unreadable))
	fmt.Fprintf(w, "Completeness: %s of the pairs read were judged (kept or rejected); the others could not be read.\n\n", pct(sum.Kept+sum.Rejected))
	if len(sum.ByCheck) > 0 {
		fmt.Fprintf(w, "## Rejected by check\n\nA pair rejected by two checks counts under each.\n\n| Check | Pairs |\n|---|---:|\n")
		for _, c := range sum.Checks() {
			fmt.Fprintf(w, "| %s | %d |\n", c, sum.ByCheck[c])
		}
		fmt.Fprintln(w)
	}
	if len(sum.Problems) > 0 {
		fmt.Fprintf(w, "## Input problems (%d)\n\n", len(sum.Problems))
		const shown = 50
		for i, p := range sum.Problems {
			if i == shown {
				fmt.Fprintf(w, "- … and %d more (the unreadable units are in the rejected shards)\n", len(sum.Problems)-shown)
				break
			}
			fmt.Fprintf(w, "- `%s`\n", strings.ReplaceAll(p, "`", "'"))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "## Outputs\n\n- kept pairs: `%s-kept-NAME.tsv` for each input NAME (`.csv` for CSV)\n- rejected pairs: `%s-rejected-NAME.jsonl`\n- this summary as JSON: `%s-summary.json`\n", prefix, prefix, prefix)
}
