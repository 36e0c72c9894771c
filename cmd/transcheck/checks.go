package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/transcheck/transcheck/metrics"
)

func newChecksCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "checks",
		Short: "List the checks: on by default or opt-in, severity, confidence",
		Long: `List every check with whether it runs by default or only when enabled
(--enable NAME, or checks: NAME: {enabled: true} in .transcheck.yaml), the
severity of its findings, their default confidence (the precision judged on
the dev corpora, see testdata/precision) and what it finds.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return printChecks(stdout)
		},
	}
}

func printChecks(w io.Writer) error {
	subs := map[string][]string{}
	for _, s := range metrics.SubChecks {
		if m := metrics.MetricOf(s); m != nil {
			subs[m.Name] = append(subs[m.Name], s)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CHECK\tRUNS\tSEVERITY\tCONFIDENCE\tWHAT IT FINDS")
	for _, m := range metrics.All {
		runs := "default"
		if m.OptIn {
			runs = "opt-in"
		}
		doc := m.Doc
		if s := subs[m.Name]; len(s) > 0 {
			sort.Strings(s)
			doc += " (also reports " + strings.Join(s, ", ") + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%s\n", m.Name, runs, m.Severity, m.Confidence, doc)
	}
	return tw.Flush()
}
