package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/read"
)

func newDetectCmd(stdout, stderr io.Writer) *cobra.Command {
	var common commonFlags
	cmd := &cobra.Command{
		Use:   "detect [flags] FILE...",
		Short: "Print each segment with its position, language and confidence",
		Long: `Print every segment of the files (or of the files under folders) as
path:line<TAB>language<TAB>confidence<TAB>text: a view for debugging
segmentation and language detection.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDetect(&common, args, stdout, stderr)
		},
	}
	cmd.Flags().SortFlags = false
	common.registerRead(cmd.Flags())
	common.registerDiscovery(cmd.Flags())
	return cmd
}

// runDetect prints every segment of the files with its position, language
// and confidence: a view for debugging segmentation and detection.
func runDetect(common *commonFlags, paths []string, stdout, stderr io.Writer) error {
	cfg, err := common.config()
	if err != nil {
		return err
	}
	runner, err := pipeline.NewRunner(cfg)
	if err != nil {
		return usageErr("%v", err)
	}
	files, problems := read.Discover(paths, cfg.Read)
	for _, p := range problems {
		fmt.Fprintf(stderr, "transcheck: %s\n", p.Error())
	}
	for _, f := range files {
		rep := runner.Process(read.File(f, cfg.Read))
		for _, p := range rep.Problems {
			fmt.Fprintf(stderr, "transcheck: %s\n", p)
		}
		for _, s := range rep.Doc.Segments() {
			lang := s.Lang
			if lang == "" {
				lang = "-"
			}
			if s.Skip != "" {
				lang = "skip:" + s.Skip
			}
			fmt.Fprintf(stdout, "%s:%d\t%s\t%.2f\t%s\n", s.Pos.Path, s.Pos.Line, lang, s.Confidence, strings.Join(strings.Fields(s.Text), " "))
		}
	}
	if len(problems) > 0 && len(files) == 0 {
		return &exitError{code: exitUsage, err: fmt.Errorf("nothing could be read")}
	}
	return nil
}
