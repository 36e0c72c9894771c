package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/transcheck/transcheck/pipeline/filter"
	"github.com/transcheck/transcheck/pipeline/read"
)

func init() {
	beam.RegisterType(reflectTypeOf[*keptShardFn]())
	beam.RegisterType(reflectTypeOf[*rejectedShardFn]())
	beam.RegisterType(reflectTypeOf[*writeKeptFn]())
	beam.RegisterType(reflectTypeOf[*writeRejectedFn]())
	beam.RegisterType(reflectTypeOf[*writeSummaryFn]())
}

func reflectTypeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

var (
	pipelinesMu sync.Mutex
	pipelines   = map[string]*filter.Pipeline{}
)

// filterPipeline returns the filter of the options, made once a process:
// its language detector takes a while to build and is safe to share.
func filterPipeline(o pairsOptions) (*filter.Pipeline, error) {
	key, err := json.Marshal(o.config())
	if err != nil {
		return nil, err
	}
	pipelinesMu.Lock()
	defer pipelinesMu.Unlock()
	if p := pipelines[string(key)]; p != nil {
		return p, nil
	}
	p, err := filter.New(o.config())
	if err != nil {
		return nil, err
	}
	pipelines[string(key)] = p
	return p, nil
}

// shardName is the name of shard i of n of an output.
func shardName(prefix, what string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%s-%05d-of-%05d%s", prefix, what, i, n, ext)
}

// shardOf spreads a file's units over n shards.
func shardOf(j judged, n int) int { return (j.File*7919 + j.Index) % n }

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

// keptShardFn keys the kept verdicts by file and shard.
type keptShardFn struct{ Shards int }

func (f *keptShardFn) ProcessElement(j judged, emit func(string, judged)) {
	if j.Verdict.Kept() {
		emit(fmt.Sprintf("%d/%d", j.File, shardOf(j, f.Shards)), j)
	}
}

// rejectedShardFn keys the rejected and unreadable verdicts by shard.
type rejectedShardFn struct{ Shards int }

func (f *rejectedShardFn) ProcessElement(j judged, emit func(int, judged)) {
	if !j.Verdict.Kept() {
		emit(shardOf(j, f.Shards), j)
	}
}

// sorted collects the verdicts of a group in input order.
func sorted(values func(*judged) bool) []judged {
	var all []judged
	var j judged
	for values(&j) {
		all = append(all, j)
		j = judged{}
	}
	sort.Slice(all, func(a, b int) bool { return before(all[a], all[b]) })
	return all
}

// writeKeptFn writes a shard of a file's kept pairs: a TSV or CSV input's
// own lines after its head (its header row), so the shard has the input's
// columns; the pairs of other formats as source<TAB>target lines.
type writeKeptFn struct {
	Output string
	Shards int
}

func (f *writeKeptFn) ProcessElement(ctx context.Context, key string, values func(*judged) bool, outs func(*int, *fileOut) bool) error {
	fileStr, shardStr, _ := strings.Cut(key, "/")
	file, err1 := strconv.Atoi(fileStr)
	shard, err2 := strconv.Atoi(shardStr)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("kept shard key %q: want FILE/SHARD", key)
	}
	var out fileOut
	found := false
	var i int
	var o fileOut
	for outs(&i, &o) {
		if i == file {
			out, found = o, true
		}
	}
	if !found {
		return fmt.Errorf("kept shard key %q: no such input", key)
	}
	lines := out.Format == "tsv" || out.Format == "csv"
	ext := ".tsv"
	if out.Format == "csv" {
		ext = ".csv"
	}
	name := shardName(f.Output, "kept-"+out.Name, shard, f.Shards, ext)
	return writeFile(ctx, name, func(w *bufio.Writer) error {
		if lines {
			w.Write(out.Head)
		}
		for _, j := range sorted(values) {
			if lines {
				w.Write(j.Text)
				if len(j.Text) == 0 || j.Text[len(j.Text)-1] != '\n' {
					w.WriteByte('\n')
				}
				continue
			}
			fmt.Fprintf(w, "%s\t%s\n", oneCell(j.Verdict.Source), oneCell(j.Verdict.Target))
		}
		return nil
	})
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

// writeRejectedFn writes a shard of the rejected and unreadable pairs as
// JSON Lines of filter.Record, in input order.
type writeRejectedFn struct {
	Output string
	Shards int
}

func (f *writeRejectedFn) ProcessElement(ctx context.Context, shard int, values func(*judged) bool) error {
	name := shardName(f.Output, "rejected", shard, f.Shards, ".jsonl")
	return writeFile(ctx, name, func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, j := range sorted(values) {
			if err := enc.Encode(filter.RecordOf(&j.Verdict)); err != nil {
				return err
			}
		}
		return nil
	})
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
	fmt.Fprintf(w, "## Outputs\n\n- kept: `%s-kept-NAME-SSSSS-of-NNNNN.tsv` (per input)\n- rejected: `%s-rejected-SSSSS-of-NNNNN.jsonl`\n- summary: `%s-summary.json`\n", prefix, prefix, prefix)
}
