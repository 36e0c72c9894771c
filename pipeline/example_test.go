package pipeline_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/reports"
)

// Check a folder as the command does: stream the documents into a spool,
// then write a report from it.
func Example() {
	runner, err := pipeline.NewRunner(pipeline.Config{Jobs: 2})
	if err != nil {
		log.Fatal(err)
	}
	spool, err := pipeline.NewSpool("")
	if err != nil {
		log.Fatal(err)
	}
	defer spool.Close()
	rep, err := runner.Stream(context.Background(), []string{"../testdata/seed"}, func(d *pipeline.DocumentReport) error {
		fmt.Printf("%s: %d errors, %d warnings\n", d.Name, d.Counts.Errors, d.Counts.Warnings)
		return spool.Add(d)
	})
	if err != nil {
		log.Fatal(err)
	}
	rep.UseSpool(spool)
	rep.Gate = pipeline.Gate{Passed: rep.Totals.Errors == 0, Reasons: []string{}}
	var out strings.Builder
	if err := reports.NewGitHub(&out, reports.Options{}).Print(rep); err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	fmt.Println(lines[0])
	fmt.Println(lines[len(lines)-1])
	// Output:
	// ../testdata/seed/cyberspace-article.zh-en.txt: 4 errors, 4 warnings
	// ::error file=../testdata/seed/cyberspace-article.zh-en.txt,line=1,title=omission::English paragraph has no Chinese counterpart%0AShared Interests and Responsibility: The US and China Must Join to Promote a Rules-based Cyberspace
	// transcheck failed: 1 document, 93.2% complete, 4 errors, 4 warnings, 1 notice, 0 input problems
}
