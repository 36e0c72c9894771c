package metrics

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/transcheck/transcheck/pipeline/document"
)

// staleDoc builds a pair of files: the source's paragraphs at lines 1, 3,
// 5, 7 and 9 (9 has no translation), the translation's at 2, 4, 6 and 8
// (its first line is a marker or a title), each paired with the source's
// in order; h is its history.
func staleDoc(h *document.History) *document.Document {
	doc := &document.Document{Paths: []string{"en/x.md", "zh/x.md"}, Source: "en", Target: "zh", Directed: true, History: h}
	src := []string{"Install it.", "Configure\nthe port.", "Run it.", "Stop it.", "A new note."}
	tgt := []string{"安装。", "配置端口。", "运行。", "停止。"}
	for i, text := range src {
		doc.Units = append(doc.Units, &document.Unit{Kind: "paragraph", Segments: []*document.Segment{{Text: text, Lang: "en", Role: document.RoleSource,
			Pos: document.Position{Path: "en/x.md", Line: 2*i + 1}}}})
	}
	for i, text := range tgt {
		doc.Units = append(doc.Units, &document.Unit{Kind: "paragraph", Segments: []*document.Segment{{Text: text, Lang: "zh", Role: document.RoleTarget,
			Pos: document.Position{Path: "zh/x.md", Line: 2*i + 2}}}})
	}
	doc.Index()
	for i := range tgt {
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{i}, Target: []int{len(src) + i}, Score: 1})
	}
	return doc
}

func TestStale(t *testing.T) {
	base := document.Commit{Hash: "0123456789abcdef", Time: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)}
	behind := []document.Commit{{Hash: "b2"}, {Hash: "b1"}}
	hist := func(changes ...document.Change) *document.History {
		return &document.History{Base: base, Behind: behind, Days: 12, Changes: changes}
	}
	text := func(from, to int) document.Change { return document.Change{From: from, To: to} }
	tests := []struct {
		name    string
		hist    *document.History
		cfg     func(*Config)
		want    string // severity, target line, sections and message; "" for no finding
		wantMsg string
	}{
		{"no history", nil, nil, "", ""},
		{"not behind", &document.History{Base: base}, nil, "", ""},
		{"behind, the text as it was (renamed only)", &document.History{Base: base, Behind: behind}, nil, "", ""},
		{"two sections changed", hist(text(3, 4), text(7, 7)), nil, "warning 0.85 zh/x.md:4 [4 8]",
			"en/x.md:3-4, 7 changed in 2 commits since zh/x.md was last updated on 2026-03-02 (12 days behind); the matching sections start at zh/x.md:4, 8"},
		{"a change inside a paragraph's second line", hist(text(4, 4)), nil, "warning 0.85 zh/x.md:4 [4]",
			"en/x.md:4 changed in 2 commits since zh/x.md was last updated on 2026-03-02 (12 days behind); the matching section starts at zh/x.md:4"},
		{"new text with no translation maps after the paragraph before it", hist(text(9, 9)), nil, "warning 0.85 zh/x.md:8 [8]",
			"; the matching section starts at zh/x.md:8"},
		{"lines removed", hist(document.Change{From: 4, To: 4, Removed: true}), nil, "warning 0.85 zh/x.md:4 [4]",
			"en/x.md:4 changed in 2 commits"},
		{"white space only is info", hist(document.Change{From: 5, To: 5, Kind: document.ChangeSpace}), nil, "info 0.30 zh/x.md:6 [6]",
			"en/x.md:5 changed in 2 commits since zh/x.md was last updated on 2026-03-02 (12 days behind), in white space only: the translation probably needs no change (transcheck stamp zh/x.md records it as current)"},
		{"links only is info, and stays so with --fail-on-stale", hist(document.Change{From: 5, To: 5, Kind: document.ChangeLink}, document.Change{From: 7, To: 7, Kind: document.ChangeSpace}),
			func(c *Config) { c.StaleFail = true }, "info 0.30 zh/x.md:6 [6 8]", "in white space and link destinations only"},
		{"text and white space: the text is listed", hist(text(1, 1), document.Change{From: 7, To: 7, Kind: document.ChangeSpace}), nil, "warning 0.85 zh/x.md:2 [2]",
			"en/x.md:1 changed in 2 commits since zh/x.md was last updated on 2026-03-02 (12 days behind); the matching section starts at zh/x.md:2 (other changes: white space only)"},
		{"a marker names the base", &document.History{Base: base, Marker: 1, Behind: behind[:1], Days: 1, Changes: []document.Change{text(5, 5)}}, nil, "warning 0.85 zh/x.md:6 [6]",
			"en/x.md:5 changed in 1 commit since commit 0123456 of 2026-03-02, the source zh/x.md:1 names as its base (1 day behind)"},
		{"dates across repositories", &document.History{Base: base, Behind: behind, Days: 12, ByDate: true, Changes: []document.Change{text(5, 5)}}, nil, "warning 0.80 zh/x.md:6 [6]",
			"(12 days behind) (dates compared across two repositories)"},
		{"a shallow history", &document.History{Base: base, Behind: behind, Days: 12, AtLeast: true, Changes: []document.Change{text(5, 5)}}, nil, "warning 0.85 zh/x.md:6 [6]",
			"changed in at least 2 commits since"},
		{"within --max-stale-days", hist(text(5, 5)), func(c *Config) { c.StaleDays = 12; c.StaleFail = true }, "info 0.85 zh/x.md:6 [6]",
			"; within the 12 days allowed"},
		{"beyond --max-stale-days", hist(text(5, 5)), func(c *Config) { c.StaleDays = 11 }, "warning 0.85 zh/x.md:6 [6]", "(12 days behind)"},
		{"--fail-on-stale makes it an error", hist(text(5, 5)), func(c *Config) { c.StaleFail = true }, "error 0.85 zh/x.md:6 [6]", "(12 days behind)"},
		{"the diff failed", &document.History{Base: base, Behind: behind, Days: 12, DiffError: "git diff: bad object"}, nil, "warning 0.80 zh/x.md:1 []",
			"en/x.md changed in 2 commits since zh/x.md was last updated on 2026-03-02 (12 days behind); which lines is not known (git diff: bad object)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if tt.cfg != nil {
				tt.cfg(cfg)
			}
			fs := Run(staleDoc(tt.hist), []*Metric{Stale}, cfg)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Errorf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %+v", fs)
			}
			f := fs[0]
			got := fmt.Sprintf("%s %.2f %s %v", f.Severity, f.Confidence, f.Target, f.Behind.Sections)
			if got != tt.want || !strings.Contains(f.Message, tt.wantMsg) {
				t.Errorf("got %s: %s\nwant %s: …%s…", got, f.Message, tt.want, tt.wantMsg)
			}
			if f.Check != "stale" || f.Behind.Commits != len(tt.hist.Behind) || f.Behind.Days != tt.hist.Days || f.Behind.Since != "2026-03-02" {
				t.Errorf("finding %+v, behind %+v", f, f.Behind)
			}
			if f.FixAt() != f.Target {
				t.Error("a stale finding is fixed in the translation: FixAt must be its target side")
			}
		})
	}
}
