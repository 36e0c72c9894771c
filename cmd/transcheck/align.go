package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/align"
	"github.com/transcheck/transcheck/pipeline/document"
)

// jsonBead is a bead as the align command prints it: indices of segments
// (0-based line numbers with --lines) on each side.
type jsonBead struct {
	Source  []int         `json:"source"`
	Target  []int         `json:"target"`
	Score   float64       `json:"score"`
	Words   []jsonLink    `json:"words,omitempty"`
	Omitted []jsonOmitted `json:"omitted,omitempty"`
}

// jsonLink is a word link of a bead, printed with --words.
type jsonLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	By     string `json:"by"` // same, dict, name or model
}

// jsonOmitted is a stretch of the source no target word renders, printed
// with --words when it scores at least align.OmittedMin.
type jsonOmitted struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

func newAlignCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		common commonFlags
		lines  bool
		words  bool
		format string
	)
	cmd := &cobra.Command{
		Use:   "align [flags] SOURCE TARGET",
		Short: "Align the sentences of two files and print the beads",
		Long: `Align the sentences of SOURCE and TARGET with the aligner check uses and
print the beads: --format json ({"beads":[{"source":[0],"target":[0,1],"score":0.93}]}),
tsv (a row per bead with both texts) or text (the two sides side by side).
An empty side is a null bead: a sentence with no counterpart.

--words also aligns the words of each bead (dictionary, identical tokens
and numbers, transliterated names, and a word translation model learnt
from the file's own confident beads) and prints the links and any stretch
of the source whose words the target does not render (omitted).`,
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
			return runAlign(&common, args, lines, words, format, stdout, stderr)
		},
	}
	fs := cmd.Flags()
	fs.SortFlags = false
	fs.BoolVar(&lines, "lines", false, "every line is one segment (no re-splitting); indices are 0-based line numbers")
	fs.BoolVar(&words, "words", false, "also align the words of each bead and print the links and omitted stretches")
	fs.StringVar(&format, "format", "text", "output `FORMAT`: json, tsv or text")
	common.registerRead(fs)
	common.registerLexicon(fs)
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("json", "tsv", "text"))
	return cmd
}

func runAlign(common *commonFlags, paths []string, lines, words bool, format string, stdout, stderr io.Writer) error {
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
	if words {
		wordAlign(runner, src, tgt, beads, out, texts)
	}
	switch format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(struct {
			Beads []jsonBead `json:"beads"`
		}{out})
	case "tsv":
		head := "source\ttarget\tscore\tsource_text\ttarget_text"
		if words {
			head += "\twords\tomitted"
		}
		fmt.Fprintln(stdout, head)
		for i, b := range out {
			fmt.Fprintf(stdout, "%s\t%s\t%.3f\t%s\t%s", joinInts(b.Source), joinInts(b.Target), b.Score,
				texts(beads[i].Source), texts(beads[i].Target))
			if words {
				fmt.Fprintf(stdout, "\t%s\t%s", linksText(b.Words), omittedText(b.Omitted))
			}
			fmt.Fprintln(stdout)
		}
	default:
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		for i, b := range out {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ids(b.Source), shortText(texts(beads[i].Source)), ids(b.Target), shortText(texts(beads[i].Target)))
			if words {
				// Each bead's links under it: the columns align per bead.
				tw.Flush()
				if len(b.Words) > 0 {
					fmt.Fprintf(stdout, "     words: %s\n", linksText(b.Words))
				}
				if len(b.Omitted) > 0 {
					fmt.Fprintf(stdout, "     omitted: %s\n", omittedText(b.Omitted))
				}
			}
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

// wordAlign aligns the words of every bead with two sides, the word
// translation model trained on the confident one-to-one beads, and sets
// the beads' Words and Omitted.
func wordAlign(runner *pipeline.Runner, src, tgt string, beads []document.Bead, out []jsonBead, texts func([]int) string) {
	var pairs [][2]string
	for _, b := range beads {
		if len(b.Source) == 1 && len(b.Target) == 1 && b.Score >= confidentBead {
			pairs = append(pairs, [2]string{texts(b.Source), texts(b.Target)})
		}
	}
	wa, lexIsSource := runner.WordAligner(src, tgt, pairs)
	for i, b := range beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		s, t := texts(b.Source), texts(b.Target)
		lexText, other := s, t
		if !lexIsSource {
			lexText, other = t, s
		}
		a := wa.Align(lexText, other)
		out[i].Words = []jsonLink{}
		for _, l := range a.Links {
			x, y := a.Lex[l.Lex].Text, a.Other[l.Other].Text
			if !lexIsSource {
				x, y = y, x
			}
			out[i].Words = append(out[i].Words, jsonLink{Source: x, Target: y, By: l.By.String()})
		}
		if !lexIsSource {
			continue // the omitted stretches are of the lexicon side: here the target
		}
		for _, sp := range a.Omitted(lexText) {
			if sp.Score >= align.OmittedMin {
				out[i].Omitted = append(out[i].Omitted, jsonOmitted{Text: lexText[sp.Start:sp.End], Score: sp.Score})
			}
		}
	}
}

// confidentBead is the bead score from which a one-to-one bead trains the
// word translation model.
const confidentBead = 0.5

// linksText lists the links as source=target, each pair once.
func linksText(links []jsonLink) string {
	var parts []string
	seen := map[string]bool{}
	for _, l := range links {
		p := l.Source + "=" + l.Target
		if !seen[p] {
			seen[p] = true
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

func omittedText(om []jsonOmitted) string {
	parts := make([]string, len(om))
	for i, o := range om {
		parts[i] = fmt.Sprintf("“%s” (%.1f)", o.Text, o.Score)
	}
	return strings.Join(parts, " ")
}
