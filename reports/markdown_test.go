package reports

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/transcheck/transcheck/metrics"
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

// Translations behind their source get a table of their own: the page,
// the commits and days behind and where the sections to update start;
// a report with none has no such table.
func TestMarkdownBehind(t *testing.T) {
	stale := func(target string, b metrics.Behind) metrics.Finding {
		return metrics.Finding{Check: "stale", Severity: metrics.Warning, Confidence: 0.85, Message: "changed",
			Source: &metrics.Side{Path: "docs/en/" + target, Line: 8}, Target: &metrics.Side{Path: "docs/zh/" + target, Line: 11}, Behind: &b}
	}
	rep := tricky()
	if out := render(t, "markdown", rep); strings.Contains(out, "Behind the source") {
		t.Errorf("a report with no stale finding has a Behind the source table:\n%s", out)
	}
	rep.Documents = append(rep.Documents,
		pipeline.DocumentReport{Name: "docs/en/guide.md → docs/zh/guide.md", Paths: []string{"docs/en/guide.md", "docs/zh/guide.md"}, Problems: []string{},
			Findings: []metrics.Finding{stale("guide.md", metrics.Behind{Commits: 3, Days: 12, Since: "2026-03-02", Lines: []string{"8", "12-14"}, Sections: []int{11, 15}})}},
		pipeline.DocumentReport{Name: "docs/en/faq.md → docs/zh/faq.md", Paths: []string{"docs/en/faq.md", "docs/zh/faq.md"}, Problems: []string{},
			Findings: []metrics.Finding{stale("faq.md", metrics.Behind{Commits: 1, AtLeast: true, Days: 40, Since: "2026-01-02", Sections: []int{6}})}},
		pipeline.DocumentReport{Name: "docs/en/a|b.md → docs/zh/a|b.md", Paths: []string{"docs/en/a|b.md", "docs/zh/a|b.md"}, Problems: []string{},
			Findings: []metrics.Finding{stale("a|b.md", metrics.Behind{Commits: 2, Days: 1, Since: "2026-03-13", Lines: []string{"3"}})}},
	)
	out := render(t, "markdown", rep)
	want := "\n### Behind the source\n\n3 translations whose source changed after their last update:\n\n" +
		"| Page | Commits behind | Days | Sections to update start at |\n|---|---:|---:|---|\n" +
		"| docs/zh/guide.md | 3 | 12 | lines 11, 15 |\n" +
		"| docs/zh/faq.md | ≥ 1 | 40 | white space or links only (line 6) |\n" +
		"| docs/zh/a\\|b.md | 2 | 1 | not known |\n"
	if !strings.Contains(out, want) {
		t.Errorf("no Behind the source table as\n%s\nin\n%s", want, out)
	}
	if i, j := strings.Index(out, "### Behind the source"), strings.Index(out, "<details>"); i < 0 || j < i {
		t.Error("the Behind the source table must come before the findings of each document")
	}
}
