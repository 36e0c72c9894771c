package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/document"
)

// jsonBead is a bead as the align command prints it: indices of segments
// (0-based line numbers with --lines) on each side.
type jsonBead struct {
	Source []int   `json:"source"`
	Target []int   `json:"target"`
	Score  float64 `json:"score"`
}

func newAlignCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		common commonFlags
		lines  bool
		format string
	)
	cmd := &cobra.Command{
		Use:   "align [flags] SOURCE TARGET",
		Short: "Align the sentences of two files and print the beads",
		Long: `Align the sentences of SOURCE and TARGET with the aligner check uses and
print the beads: --format json ({"beads":[{"source":[0],"target":[0,1],"score":0.93}]}),
tsv (a row per bead with both texts) or text (the two sides side by side).
An empty side is a null bead: a sentence with no counterpart.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return commandLineErr("align needs SOURCE and TARGET files, got %d %s", len(args), plural(len(args), "argument", "arguments"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "tsv" && format != "text" {
				return commandLineErr("--format %q: use json, tsv or text", format)
			}
			return runAlign(&common, args, lines, format, stdout, stderr)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.BoolVar(&lines, "lines", false, "every line is one segment (no re-splitting); indices are 0-based line numbers")
	fs.StringVar(&format, "format", "text", "output `FORMAT`: json, tsv or text")
	common.registerRead(fs)
	common.registerLexicon(fs)
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("json", "tsv", "text"))
	return cmd
}

func runAlign(common *commonFlags, paths []string, lines bool, format string, stdout, stderr io.Writer) error {
	cfg, err := common.config()
	if err != nil {
		return err
	}
	runner, err := pipeline.NewRunner(cfg)
	if err != nil {
		return usageErr("%v", err)
	}
	var sides [2][]*document.Segment
	for i, p := range paths {
		segs, probs := runner.Segments(p, lines)
		for _, pr := range probs {
			fmt.Fprintf(stderr, "transcheck: %s\n", pr.Error())
		}
		if len(probs) > 0 && len(segs) == 0 {
			return usageErr("nothing could be read from %s", p)
		}
		sides[i] = segs
	}
	src, tgt := common.source, common.target
	if src == "" {
		src = majorityLang(sides[0])
	}
	if tgt == "" {
		tgt = majorityLang(sides[1])
	}
	// Segments of the two files are numbered separately; index them by
	// position so beads can be printed per file.
	all := append(append([]*document.Segment{}, sides[0]...), sides[1]...)
	for i, s := range all {
		s.ID = i
	}
	beads := runner.AlignSegments(src, tgt, sides[0], sides[1])
	index := func(id int) int {
		s := all[id]
		if lines {
			return s.Pos.Line - 1
		}
		if id >= len(sides[0]) {
			return id - len(sides[0])
		}
		return id
	}
	out := make([]jsonBead, len(beads))
	for i, b := range beads {
		out[i] = jsonBead{Source: []int{}, Target: []int{}, Score: float64(int(b.Score*1000+0.5)) / 1000}
		for _, id := range b.Source {
			out[i].Source = append(out[i].Source, index(id))
		}
		for _, id := range b.Target {
			out[i].Target = append(out[i].Target, index(id))
		}
	}
	texts := func(ids []int) string {
		var parts []string
		for _, id := range ids {
			parts = append(parts, strings.Join(strings.Fields(all[id].Text), " "))
		}
		return strings.Join(parts, " ")
	}
	switch format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Beads []jsonBead `json:"beads"`
		}{out})
	case "tsv":
		fmt.Fprintln(stdout, "source\ttarget\tscore\tsource_text\ttarget_text")
		for i, b := range out {
			fmt.Fprintf(stdout, "%s\t%s\t%.3f\t%s\t%s\n", joinInts(b.Source), joinInts(b.Target), b.Score,
				texts(beads[i].Source), texts(beads[i].Target))
		}
	default:
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for i, b := range out {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ids(b.Source), shortText(texts(beads[i].Source)), ids(b.Target), shortText(texts(beads[i].Target)))
		}
		tw.Flush()
	}
	return nil
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ",")
}

func ids(xs []int) string {
	if len(xs) == 0 {
		return "—"
	}
	return "[" + joinInts(xs) + "]"
}

func shortText(s string) string {
	r := []rune(s)
	if len(r) > 50 {
		return string(r[:49]) + "…"
	}
	if s == "" {
		return "(nothing)"
	}
	return s
}

func majorityLang(segs []*document.Segment) string {
	n := map[string]int{}
	best := ""
	for _, s := range segs {
		n[s.Lang]++
		if s.Lang != "" && n[s.Lang] > n[best] {
			best = s.Lang
		}
	}
	return best
}
