package reports

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

func TestGitHubEscaping(t *testing.T) {
	out := render(t, "github", tricky())
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{
		"::error file=docs/a%2Cb%3Ac.md,line=3,title=omission::English <b>paragraph</b> & \"more\"%0AFish & <chips>, \"quoted\" second line",
		"::error file=docs/a%2Cb%3Ac.md,line=7,title=numbers::50%25%0Anext%0Asource docs/a,b:c.md:7: 增长50%25。",
		"::warning file=docs/a%2Cb%3Ac.md,line=9,title=length_ratio::target 4.1× longer%0D%0Athan usual%0Asource docs/a,b:c.md:9: 短。",
		"::notice title=state::unit is fuzzy",
		"::error file=docs/a%2Cb%3Ac.md,line=11,title=omission (baseline)::accepted%0AOld text.",
		"::error title=input problem::docs/missing: cannot read: no such file or directory",
		"::error title=input problem::docs/a,b:c.md:2: invalid UTF-8 byte 0xff <here>",
	}
	if len(lines) != len(want)+1 {
		t.Fatalf("got %d lines, want %d commands and a summary:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], w)
		}
	}
	summary := lines[len(lines)-1]
	if strings.HasPrefix(summary, "::") || !strings.Contains(summary, "failed") || !strings.Contains(summary, ": 2 documents, 80.0% complete, 3 errors, 1 warning, 1 notice, 2 input problems") {
		t.Errorf("summary %q", summary)
	}
}

func TestGitHubSeed(t *testing.T) {
	rep := seedReport(t)
	lines := strings.Split(strings.TrimSuffix(render(t, "github", rep), "\n"), "\n")
	if n := rep.Findings(metrics.Info); len(lines) != n+1 {
		t.Fatalf("%d lines, want %d findings and a summary", len(lines), n)
	}
	errs := 0
	var at []int
	for _, l := range lines[:len(lines)-1] {
		if strings.HasPrefix(l, "::error file=testdata/seed/cyberspace-article.zh-en.txt,line=") {
			errs++
		}
		if m := githubLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			at = append(at, n)
		}
	}
	if errs != rep.Findings(metrics.Error) {
		t.Errorf("%d ::error lines, want %d", errs, rep.Findings(metrics.Error))
	}
	// The checks find them in another order (omissions first, then
	// numbers, then coverage): the report reads from the top down.
	if len(at) != len(lines)-1 || !slices.IsSorted(at) {
		t.Errorf("annotations at lines %v, want every one with a line, from the top of the file down", at)
	}
}

var githubLine = regexp.MustCompile(`^::\w+ [^:]*\bline=(\d+)`)
