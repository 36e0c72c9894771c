package reports

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline"
)

// A large run must still fit in a pull-request comment, and say what it
// left out.
func TestMarkdownLimit(t *testing.T) {
	r, err := pipeline.NewRunner(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	seed, err := r.Run(context.Background(), []string{"../testdata/seed"})
	if err != nil {
		t.Fatal(err)
	}
	rep := &pipeline.Report{Version: seed.Version, Gate: seed.Gate, Problems: []string{}}
	total := 0
	for i := 0; i < 400; i++ {
		rep.Documents = append(rep.Documents, seed.Documents[0])
		total += len(seed.Documents[0].Findings)
	}
	var b strings.Builder
	if err := NewMarkdown(&b, Options{}).Print(rep); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if n := utf8.RuneCountInString(out); n > 65536 || len(out) > MarkdownLimit {
		t.Errorf("report is %d characters (%d bytes), over GitHub's comment limit", n, len(out))
	}
	shown := len(regexp.MustCompile(`(?m)^\| \d+ \| `).FindAllString(out, -1))
	m := regexp.MustCompile(`\*\*(\d+) findings in \d+ documents are not shown\*\*`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the report does not say what it left out:\n%s", out[len(out)-400:])
	}
	if left, _ := strconv.Atoi(m[1]); left != total-shown {
		t.Errorf("it says %d findings are left out, but it shows %d of %d", left, shown, total)
	}
	if strings.Count(out, "<details>") != strings.Count(out, "</details>") {
		t.Error("a <details> section is left open")
	}
}

// Counts read right in the singular.
func TestMarkdownPlurals(t *testing.T) {
	rep := tricky()
	rep.Documents = rep.Documents[:1]
	out := render(t, "markdown", rep)
	for _, want := range []string{"\n1 document, 80.0% complete, 3 errors, 1 warning\n", "</b>: 3 errors, 1 warning</summary>"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}
