package metrics

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range All {
		if m.Name == "" || m.Doc == "" || m.Run == nil {
			t.Errorf("metric %q lacks a name, a Doc or a Run", m.Name)
		}
		if seen[m.Name] {
			t.Errorf("metric name %q is used twice", m.Name)
		}
		seen[m.Name] = true
		if ByName(m.Name) != m {
			t.Errorf("ByName(%q) does not find it", m.Name)
		}
	}
	if DefaultConfig().LengthZ <= 0 {
		t.Error("default length threshold cannot be reached by any pair")
	}
}

// pairedDoc builds a document of one-unit pairs with the given texts.
func pairedDoc(pairs [][2]string) *document.Document {
	doc := &document.Document{Source: "zh", Target: "en", Directed: true}
	for i, p := range pairs {
		u := &document.Unit{Kind: "paragraph"}
		for j, text := range p {
			if text == "" {
				continue
			}
			lang := []string{"zh", "en"}[j]
			u.Segments = append(u.Segments, &document.Segment{Text: text, Lang: lang,
				Pos: document.Position{Path: "d.txt", Line: i + 1}})
		}
		doc.Units = append(doc.Units, u)
	}
	doc.Index()
	for _, u := range doc.Units {
		if len(u.Segments) == 2 {
			doc.Beads = append(doc.Beads, document.Bead{Source: []int{u.Segments[0].ID}, Target: []int{u.Segments[1].ID}, Score: 1})
		}
	}
	return doc
}

var normalPairs = [][2]string{
	{"中美同为世界上两个最大的经济体。", "The US and China are the two biggest economies in the world."},
	{"网络空间是人类共同的活动空间。", "Cyberspace is a common space for human activities."},
	{"相互指责,解决不了问题。", "To fling accusations at each other is not a solution."},
	{"在网络空间,任何国家都无法独善其身。", "No country can stay out of it alone in cyberspace."},
	{"网络恐怖主义成为全球公害。", "Cyber terrorism has become a global public menace."},
	{"中美在网络空间面临共同挑战。", "The US and China face common challenges in cyberspace."},
}

func TestLengthRatio(t *testing.T) {
	t.Run("normal pairs pass", func(t *testing.T) {
		if fs := Run(pairedDoc(normalPairs), []*Metric{LengthRatio}, DefaultConfig()); len(fs) != 0 {
			t.Errorf("got %d findings on ordinary pairs: %v", len(fs), fs)
		}
	})
	t.Run("a truncated translation is flagged as shorter", func(t *testing.T) {
		pairs := append(append([][2]string{}, normalPairs...),
			[2]string{"当今世界,网络和现实紧密联结,以互联网为代表的信息技术带来生产力又一次质的飞跃,引领社会生产新变革,驱动了全球经济增长。", "The world today."})
		fs := Run(pairedDoc(pairs), []*Metric{LengthRatio}, DefaultConfig())
		if len(fs) != 1 || fs[0].Source.Line != 7 || !strings.Contains(fs[0].Message, "shorter") {
			t.Fatalf("want one 'shorter' finding at line 7, got %+v", fs)
		}
	})
	t.Run("the estimate follows the document", func(t *testing.T) {
		m := EstimateLengthModel(pairedDoc(normalPairs))
		if m.C < 2 || m.C > 5 {
			t.Errorf("zh→en ratio %.2f outside 2..5", m.C)
		}
	})
}

func TestOmission(t *testing.T) {
	doc := pairedDoc(append(append([][2]string{}, normalPairs[:2]...), [2]string{"", "An English paragraph nobody translated."}, [2]string{"只有中文的段落。", ""}))
	fs := Run(doc, []*Metric{Omission}, DefaultConfig())
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2: %+v", len(fs), fs)
	}
	if fs[0].Check != "addition" || fs[0].Target == nil || fs[0].Target.Line != 3 {
		t.Errorf("English-only line 3 with direction zh→en: got %+v, want an addition", fs[0])
	}
	if fs[1].Check != "omission" || fs[1].Source == nil || fs[1].Source.Line != 4 {
		t.Errorf("Chinese-only line 4: got %+v, want an omission", fs[1])
	}
	doc.Directed = false
	for _, f := range Run(doc, []*Metric{Omission}, DefaultConfig()) {
		if f.Check != "omission" {
			t.Errorf("without a given direction every unpaired text is an omission, got %q", f.Check)
		}
	}
}

func TestSeverityOverride(t *testing.T) {
	doc := pairedDoc([][2]string{{"", "Only English."}})
	cfg := DefaultConfig()
	cfg.Severity = map[string]Severity{"addition": Warning}
	fs := Run(doc, []*Metric{Omission}, cfg)
	if len(fs) != 1 || fs[0].Severity != Warning {
		t.Fatalf("severity override not applied: %+v", fs)
	}
}

// The norms a document is judged against come from its first Basis.Units
// units, or are given: a chunk of a large file is judged against its
// file's first chunk.
func TestNormsBasis(t *testing.T) {
	truncated := [2]string{"当今世界,网络和现实紧密联结,以互联网为代表的信息技术带来生产力又一次质的飞跃,引领社会生产新变革,驱动了全球经济增长。", "The world today."}
	t.Run("the estimate takes the first units only", func(t *testing.T) {
		// Ten English-heavy pairs after the six ordinary ones would pull the
		// ratio up; with Units: 6 they do not count.
		pairs := append([][2]string{}, normalPairs...)
		for i := 0; i < 10; i++ {
			pairs = append(pairs, [2]string{"网络。", "The network, which is a very long English rendering of a two-character word."})
		}
		_, _, all := RunMeasures(pairedDoc(pairs), []*Metric{LengthRatio}, DefaultConfig(), Basis{})
		_, _, first := RunMeasures(pairedDoc(pairs), []*Metric{LengthRatio}, DefaultConfig(), Basis{Units: len(normalPairs)})
		want := EstimateLengthModel(pairedDoc(normalPairs))
		if first.Length == nil || *first.Length != want {
			t.Errorf("norms from the first %d units %+v, want those of those units alone %+v", len(normalPairs), first.Length, want)
		}
		if all.Length == nil || all.Length.C <= first.Length.C {
			t.Errorf("norms from every unit %+v should have a higher ratio than %+v", all.Length, first.Length)
		}
	})
	t.Run("given norms are used as they are", func(t *testing.T) {
		// The truncated pair of the other test, judged against the norms
		// of the ordinary pairs, is flagged in a document of its own.
		_, _, norms := RunMeasures(pairedDoc(normalPairs), []*Metric{LengthRatio}, DefaultConfig(), Basis{})
		alone := pairedDoc([][2]string{truncated})
		if fs := Run(alone, []*Metric{LengthRatio}, DefaultConfig()); len(fs) != 0 {
			t.Fatalf("alone, against the prior, want no finding: %+v", fs)
		}
		fs, measures, _ := RunMeasures(alone, []*Metric{LengthRatio}, DefaultConfig(), Basis{Norms: norms})
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "shorter") {
			t.Fatalf("against the given norms, want one 'shorter' finding, got %+v", fs)
		}
		if got, want := measures["length_ratio"].Value(), (Measure{Sum: norms.Length.C, Weight: 1}).Value(); got != want {
			t.Errorf("measured ratio %v, want the given model's %v", got, want)
		}
	})
}

// Copies do not teach the length norm and are not length outliers: a page
// whose pairs are mostly copied lines (links, names) still judges its
// translated pairs by a translation's ratio.
func TestLengthRatioIgnoresCopies(t *testing.T) {
	doc := &document.Document{Name: "log", Source: "en", Target: "zh", Directed: true}
	add := func(en, zh string) {
		u := &document.Unit{Kind: "paragraph", Segments: []*document.Segment{
			{Text: en, Lang: "en", Role: document.RoleSource}, {Text: zh, Lang: "zh", Role: document.RoleTarget}}}
		doc.Units = append(doc.Units, u)
	}
	for i := 0; i < 60; i++ {
		add("[@zombieJ](https://github.com/zombieJ) #54145 FloatButton ConfigProvider", "[@zombieJ](https://github.com/zombieJ) #54145 FloatButton ConfigProvider")
	}
	translated := [][2]string{
		{"Fix Tooltip and Popover arrow shadow being darker than the container.", "修复 Tooltip 和 Popover 箭头阴影比容器深的问题。"},
		{"Fix notification default background color not white when cssVar is disabled.", "修复 notification 在 cssVar 未启用时默认背景色不为白色的问题。"},
		{"Streamline styles and classNames type definitions for better standardization.", "精简 styles 和 classNames 类型定义，使其更规范。"},
	}
	for _, p := range translated {
		add(p[0], p[1])
	}
	doc.Index()
	for _, u := range doc.Units {
		doc.Beads = append(doc.Beads, document.Bead{Source: []int{u.Segments[0].ID}, Target: []int{u.Segments[1].ID}, Score: 1})
	}
	for _, f := range Run(doc, []*Metric{LengthRatio}, DefaultConfig()) {
		if f.Check == "length_ratio" {
			t.Errorf("length_ratio on %q: %s", f.Source.Text, f.Message)
		}
	}
}
