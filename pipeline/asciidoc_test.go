package pipeline

import (
	"context"
	"strings"
	"testing"
)

// A Pro Git–style tree (book/en/*.asc beside book/zh/*.asc) is found,
// paired by its language folders, read as AsciiDoc and checked. The first
// chapter is translated whole: no finding. The second lacks one paragraph
// in Chinese: that omission, and nothing else, is reported. Code, comments,
// includes, attribute entries and markup lines are counted as skipped.
func TestAsciiDocTree(t *testing.T) {
	// The fixtures' git history is this project's, which a shallow clone
	// cuts: the stale check is tested on repositories of its own.
	r, err := NewRunner(Config{KeepDocuments: true, MetricConfig: withoutHistory()})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), []string{"read/testdata/asciidoc/book"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents) != 2 || len(rep.Problems) > 0 {
		t.Fatalf("got %d documents and problems %v, want the 2 chapters", len(rep.Documents), rep.Problems)
	}
	for _, d := range rep.Documents {
		if d.Format != "asciidoc" || d.Source != "en" || d.Target != "zh" || len(d.Problems) > 0 {
			t.Errorf("%s: format %q, %s→%s, problems %v; want asciidoc, en→zh, none", d.Name, d.Format, d.Source, d.Target, d.Problems)
		}
		c := d.Counts
		if c.Segments != c.Paired+c.Unpaired+c.Skipped {
			t.Errorf("%s: %d segments != %d paired + %d unpaired + %d skipped", d.Name, c.Segments, c.Paired, c.Unpaired, c.Skipped)
		}
		for _, why := range []string{"code", "comment", "markup", "attribute"} {
			if c.SkippedBy[why] == 0 && (why != "attribute" || strings.Contains(d.Name, "ch02")) {
				t.Errorf("%s: nothing skipped as %s: %v", d.Name, why, c.SkippedBy)
			}
		}
		// Headings keep their level and explicit anchor on both sides.
		anchors := map[string]int{}
		for _, u := range d.Doc.Units {
			if u.Kind == "heading" && u.Anchor != "" {
				anchors[u.Anchor]++
			}
		}
		for a, n := range anchors {
			if n != 2 {
				t.Errorf("%s: anchor %s on %d headings, want one per side", d.Name, a, n)
			}
		}
		if len(anchors) < 2 {
			t.Errorf("%s: heading anchors %v, want at least two", d.Name, anchors)
		}
	}
	if fs := rep.Documents[0].Findings; len(fs) > 0 {
		for _, f := range fs {
			t.Errorf("%s: unexpected %s: %s (%q)", rep.Documents[0].Name, f.Check, f.Message, f.Where().Text)
		}
	}
	fs := rep.Documents[1].Findings
	if len(fs) != 1 || fs[0].Check != "omission" || fs[0].Source == nil ||
		fs[0].Source.Line != 44 || !strings.HasPrefix(fs[0].Source.Text, "Press kbd:[Ctrl+C] to stop") {
		for _, f := range fs {
			t.Logf("%s: %s %s:%d %q", f.Check, f.Message, f.Where().Path, f.Where().Line, f.Where().Text)
		}
		t.Errorf("%s: got %d findings, want the one omission of en line 44", rep.Documents[1].Name, len(fs))
	}
}
