package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The checks that say a translation is missing or unfinished, each run over
// a small fixture under testdata/checks. want lists every finding of those
// checks, as check, severity, file:line and message: a line of the fixture
// that is not listed is one where the check must not fire (a translated
// paragraph, a short name left as it is, a unit marked translated or final).
func TestChecksOnFixtures(t *testing.T) {
	tests := []struct {
		dir    string
		checks []string
		want   []string
	}{
		// A parallel tree: docs/en/guide.md has its translation; install.md
		// has none, and notes.md has no source. roadmap.md, untranslated
		// too, is a stub (a title and a line): a warning, not an error.
		{"tree", []string{"missing_translation", "orphan_translation"}, []string{
			"missing_translation error docs/en/install.md:1: no Chinese translation of this file (3 segments untranslated)",
			"missing_translation warning docs/en/roadmap.md:1: no Chinese translation of this file, a short page (2 segments, 18 letters of prose): a stub, or a page to translate",
			"orphan_translation warning docs/zh/notes.md:1: this Chinese file has no English source",
		}},
		// intro.zh.md translates some paragraphs, leaves one in English
		// reworded (line 5) and one copied (line 7), and keeps "OK" and
		// "## FAQ" as they are, rightly; chapter.zh.md is all English.
		{"untranslated", []string{"untranslated"}, []string{
			"untranslated error chapter.zh.md:1: translation is in English, not Chinese: 4 of 4 segments untranslated",
			"untranslated error intro.zh.md:5: target is in English, the source language",
			"untranslated info intro.zh.md:7: target is identical to the source", // kept on purpose as often as not in documentation
		}},
		// A PO catalogue with two fuzzy entries among translated ones, and an
		// XLIFF file whose units are translated, needs-translation, final
		// and needs-review-translation.
		{"state", []string{"state"}, []string{
			"state warning app.zh.xlf:10: unit save is marked needs-translation",
			"state warning app.zh.xlf:18: unit quit is marked needs-review-translation",
			"state warning app.zh_CN.po:10: unit Save file is marked fuzzy",
			"state warning app.zh_CN.po:17: unit Saved %d bytes is marked fuzzy",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "checks", tt.dir)
			rep, err := mustRunner(t, Config{}).Run(context.Background(), []string{dir})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range rep.Documents {
				if len(d.Problems) > 0 {
					t.Errorf("%s: problems %q", d.Name, d.Problems)
				}
				for _, f := range d.Findings {
					if !slices.Contains(tt.checks, f.Check) {
						continue
					}
					w := f.Where()
					if w == nil {
						t.Errorf("%s: %s finding with no place: %s", d.Name, f.Check, f.Message)
						continue
					}
					rel, err := filepath.Rel(dir, w.Path)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, fmt.Sprintf("%s %s %s:%d: %s", f.Check, f.Severity, filepath.ToSlash(rel), w.Line, f.Message))
				}
			}
			slices.Sort(got)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings of %v:\n  %s\nwant:\n  %s", tt.checks, strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
