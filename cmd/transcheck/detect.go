package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/read"
)

// runDetect prints every segment of the files with its position, language
// and confidence: a view for debugging segmentation and detection.
func runDetect(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("detect", "FILE...", stderr)
	var common commonFlags
	common.register(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return usageErr("detect needs a FILE")
	}
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
