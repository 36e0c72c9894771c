package reports

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// translationPR is the report of a docs tree whose Chinese translation
// changed a number and dropped a paragraph, as a pull request that edits
// only docs/zh would leave it; paths are relative to the test's folder.
func translationPR(t *testing.T) *pipeline.Report {
	t.Helper()
	t.Chdir(t.TempDir())
	files := map[string]string{
		"docs/en/a.md": "# Cyberspace\n\nThe US and China are the two biggest economies in the world.\n\n" +
			"China has nearly 700 million Internet users and more than 60,000 companies.\n\n" +
			"Cyberspace is a common space for human activities.\n\n" +
			"To fling accusations at each other is not a solution.\n\n" +
			"No country can stay out of it alone in cyberspace.\n",
		"docs/zh/a.md": "# 网络空间\n\n中美同为世界上两个最大的经济体。\n\n" +
			"中国有近6亿网民,有6万多家信息技术企业。\n\n" +
			"相互指责,解决不了问题。\n\n" +
			"在网络空间,任何国家都无法独善其身。\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := pipeline.NewRunner(pipeline.Config{Source: "en", Target: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), []string{"docs"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// GitHub annotations and SARIF results of findings about the translation
// stand on the translation, where a pull request that edits only the
// translation shows them; the message says where the source is.
func TestCIAnnotationsOnTheTranslation(t *testing.T) {
	rep := translationPR(t)
	want := []struct{ level, check, at, source string }{
		{"error", "numbers", "docs/zh/a.md:5", "source docs/en/a.md:5: China has nearly 700 million"},
		// The dropped paragraph belongs after the translation's line 5: a
		// block with no counterpart and no other evidence is a warning.
		{"warning", "omission", "docs/zh/a.md:5", "source docs/en/a.md:7: Cyberspace is a common space"},
	}
	var findings []metrics.Finding
	rep.EachDocument(func(d *pipeline.DocumentReport) error {
		findings = append(findings, d.Findings...)
		return nil
	})
	if len(findings) != len(want) {
		t.Fatalf("the pipeline found %d findings, want %d: %+v", len(findings), len(want), findings)
	}

	t.Run("github", func(t *testing.T) {
		lines := strings.Split(strings.TrimSuffix(render(t, "github", rep), "\n"), "\n")
		for i, w := range want {
			file, line, _ := strings.Cut(w.at, ":")
			prefix := "::" + w.level + " file=" + file + ",line=" + line + ",title=" + w.check + "::"
			if !strings.HasPrefix(lines[i], prefix) || !strings.Contains(lines[i], "%0A"+w.source) {
				t.Errorf("annotation %d:\n got %s\nwant %s…%%0A%s…", i+1, lines[i], prefix, w.source)
			}
		}
	})
	t.Run("sarif", func(t *testing.T) {
		s := parseSARIF(t, render(t, "sarif", rep))
		checkSARIF(t, s, len(want))
		for i, w := range want {
			res := s.Runs[0].Results[i]
			if res.RuleID != w.check || res.Locations[0].String() != w.at || !strings.Contains(res.Message.Text, "\n"+w.source) {
				t.Errorf("result %d: %s at %s, %q; want %s at %s, the message naming %q", i, res.RuleID, res.Locations[0], res.Message.Text, w.check, w.at, w.source)
			}
			src := strings.TrimPrefix(strings.SplitN(w.source, ": ", 2)[0], "source ")
			if len(res.RelatedLocations) != 1 || res.RelatedLocations[0].String() != src || res.RelatedLocations[0].Message.Text != "source (en)" {
				t.Errorf("result %d: related locations %+v, want the source at %s", i, res.RelatedLocations, src)
			}
		}
	})
}

// Each kind of finding, where GitHub and SARIF put it.
func TestCILocations(t *testing.T) {
	side := func(path string, line int, lang, text string) *metrics.Side {
		return &metrics.Side{Path: path, Line: line, Lang: lang, Text: text}
	}
	en := func(line int) *metrics.Side { return side("docs/en/a.md", line, "en", "Seven apples.") }
	zh := func(line int) *metrics.Side { return side("docs/zh/a.md", line, "zh", "六个苹果。") }
	tests := []struct {
		name   string
		f      metrics.Finding
		github string // file= and line= of the annotation
		sarif  string // uri:line of the result
		source bool   // the message names the source's position
	}{
		{"numbers", metrics.Finding{Check: "numbers", Source: en(12), Target: zh(14)}, "file=docs/zh/a.md,line=14", "docs/zh/a.md:14", true},
		{"carryover", metrics.Finding{Check: "carryover", Source: en(12), Target: zh(14)}, "file=docs/zh/a.md,line=14", "docs/zh/a.md:14", true},
		{"terms", metrics.Finding{Check: "terms", Source: en(12), Target: zh(14)}, "file=docs/zh/a.md,line=14", "docs/zh/a.md:14", true},
		{"untranslated", metrics.Finding{Check: "untranslated", Source: en(12), Target: zh(14)}, "file=docs/zh/a.md,line=14", "docs/zh/a.md:14", true},
		{"length ratio", metrics.Finding{Check: "length_ratio", Source: en(12), Target: zh(14)}, "file=docs/zh/a.md,line=14", "docs/zh/a.md:14", true},
		{"addition", metrics.Finding{Check: "addition", Target: zh(9)}, "file=docs/zh/a.md,line=9", "docs/zh/a.md:9", false},
		{"omission, belongs after", metrics.Finding{Check: "omission", Source: en(12), After: zh(10)}, "file=docs/zh/a.md,line=10", "docs/zh/a.md:10", true},
		{"omission, belongs at the start", metrics.Finding{Check: "omission", Source: en(1), After: side("docs/zh/a.md", 0, "zh", "")}, "file=docs/zh/a.md", "docs/zh/a.md:1", true},
		{"omission in a bilingual file", metrics.Finding{Check: "omission", Source: side("a.zh-en.txt", 3, "zh", "七个苹果。")}, "file=a.zh-en.txt,line=3", "a.zh-en.txt:3", false},
		{"missing translation", metrics.Finding{Check: "missing_translation", Source: en(1)}, "file=docs/en/a.md,line=1", "docs/en/a.md:1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Severity, tt.f.Message = metrics.Error, "what is wrong"
			rep := &pipeline.Report{Version: pipeline.SchemaVersion, Documents: []pipeline.DocumentReport{
				{Name: "docs/en/a.md → docs/zh/a.md", Findings: []metrics.Finding{tt.f}}}}
			line := strings.SplitN(render(t, "github", rep), "\n", 2)[0]
			if want := "::error " + tt.github + ",title="; !strings.HasPrefix(line, want) {
				t.Errorf("github: %s\nwant %s…", line, want)
			}
			named := regexp.MustCompile(`%0Asource docs/en/a\.md:\d+: Seven apples\.$`).MatchString(line)
			if named != tt.source {
				t.Errorf("github: the message names the source: %v, want %v: %s", named, tt.source, line)
			}
			res := parseSARIF(t, render(t, "sarif", rep)).Runs[0].Results[0]
			if got := res.Locations[0].String(); got != tt.sarif {
				t.Errorf("sarif: at %s, want %s", got, tt.sarif)
			}
			if named := strings.Contains(res.Message.Text, "\nsource docs/en/a.md:"); named != tt.source {
				t.Errorf("sarif: the message names the source: %v, want %v: %q", named, tt.source, res.Message.Text)
			}
		})
	}
}

// SARIF names the tool's version when the command gives it.
func TestSARIFVersion(t *testing.T) {
	for _, version := range []string{"1.4.0", ""} {
		var b strings.Builder
		if err := NewSARIF(&b, Options{Version: version}).Print(tricky()); err != nil {
			t.Fatal(err)
		}
		got := parseSARIF(t, b.String()).Runs[0].Tool.Driver.Version
		switch {
		case version == "" && got != nil:
			t.Errorf("no version given, but the driver has %q", *got)
		case version != "" && (got == nil || *got != version):
			t.Errorf("driver version %v, want %q", got, version)
		}
	}
}
