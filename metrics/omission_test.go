package metrics

import (
	"fmt"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// filePair builds an en→zh document of a source file and its translation,
// one sentence per line, and beads that pair the given lines (source line,
// target line); the lines of neither file not in a bead stay unpaired.
func filePair(srcLines, tgtLines []int, pairs [][2]int) *document.Document {
	const src, tgt = "docs/en/a.md", "docs/zh/a.md"
	doc := &document.Document{Name: "docs/{en,zh}/a.md", Paths: []string{src, tgt}, Source: "en", Target: "zh", Directed: true}
	add := func(path string, role document.Role, lang string, lines []int) {
		for _, l := range lines {
			text := fmt.Sprintf("English sentence on line %d.", l)
			if lang == "zh" {
				text = fmt.Sprintf("第%d行的中文句子。", l)
			}
			doc.Units = append(doc.Units, &document.Unit{Kind: "paragraph", Segments: []*document.Segment{
				{Text: text, Lang: lang, Role: role, Pos: document.Position{Path: path, Line: l}}}})
		}
	}
	add(src, document.RoleSource, "en", srcLines)
	add(tgt, document.RoleTarget, "zh", tgtLines)
	doc.Index()
	id := map[string]int{}
	for _, s := range doc.Segments() {
		id[s.Pos.String()] = s.ID
	}
	// Beads in file order, the unpaired segments each in a bead of its own
	// between them, as the aligner leaves them.
	si, ti := 0, 0
	for _, p := range append(pairs, [2]int{1 << 30, 1 << 30}) {
		for ; si < len(srcLines) && srcLines[si] < p[0]; si++ {
			doc.Beads = append(doc.Beads, document.Bead{Source: []int{id[fmt.Sprintf("%s:%d", src, srcLines[si])]}})
		}
		for ; ti < len(tgtLines) && tgtLines[ti] < p[1]; ti++ {
			doc.Beads = append(doc.Beads, document.Bead{Target: []int{id[fmt.Sprintf("%s:%d", tgt, tgtLines[ti])]}})
		}
		if p[0] == 1<<30 {
			break
		}
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{id[fmt.Sprintf("%s:%d", src, p[0])]},
			Target: []int{id[fmt.Sprintf("%s:%d", tgt, p[1])]}, Score: 1})
		si++
		ti++
	}
	return doc
}

// Source text with no translation in a pair of files says where in the
// translation it belongs, in the message and as the finding's After
// position, which is where FixAt (and so CI annotations) point; target
// text with no source is fixed where it stands.
func TestOmissionBelongsAfter(t *testing.T) {
	doc := filePair([]int{1, 3, 5, 7}, []int{2, 4, 6, 8}, [][2]int{{3, 2}, {7, 4}})
	got := map[string]Finding{}
	for _, f := range Run(doc, []*Metric{Omission}, DefaultConfig()) {
		got[f.Where().String()] = f
	}
	tests := []struct {
		at, check, message, fixAt string
	}{
		{"docs/en/a.md:1", "omission", "English paragraph has no Chinese counterpart (belongs at the start of the other file)", "docs/zh/a.md"},
		{"docs/en/a.md:5", "omission", "English paragraph has no Chinese counterpart (belongs after docs/zh/a.md:2)", "docs/zh/a.md:2"},
		{"docs/zh/a.md:6", "addition", "Chinese paragraph has no English source (belongs after docs/en/a.md:7)", "docs/zh/a.md:6"},
		{"docs/zh/a.md:8", "addition", "Chinese paragraph has no English source (belongs after docs/en/a.md:7)", "docs/zh/a.md:8"},
	}
	if len(got) != len(tests) {
		t.Errorf("got %d findings, want %d: %v", len(got), len(tests), got)
	}
	for _, tt := range tests {
		f, ok := got[tt.at]
		if !ok {
			t.Errorf("no finding at %s", tt.at)
			continue
		}
		if f.Check != tt.check || f.Message != tt.message {
			t.Errorf("%s: %s %q, want %s %q", tt.at, f.Check, f.Message, tt.check, tt.message)
		}
		if fix := f.FixAt(); fix.String() != tt.fixAt {
			t.Errorf("%s: fixed at %s, want %s", tt.at, fix, tt.fixAt)
		}
		if f.Target != nil && f.After != nil {
			t.Errorf("%s: target text has an After position %s: it is fixed where it stands", tt.at, f.After)
		}
	}
	if a := got["docs/en/a.md:5"].After; a == nil || a.Lang != "zh" || a.Text != "第2行的中文句子。" {
		t.Errorf("After %+v, want the Chinese segment it follows", a)
	}
}
