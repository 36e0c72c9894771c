package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

// TestSuppress plants findings in documents of each format that has
// comments, with the directives that suppress some of them. Each case
// runs twice: with the directives turned into plain comments (same lines),
// where every finding listed in found is reported, and with the
// directives, where those in suppressed are not reported but counted,
// and the others still are. Findings are "check file:line" of the side
// they are about, for the checks listed in checks.
func TestSuppress(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		checks     []string
		found      []string
		suppressed []string
		problems   []string
	}{
		{
			name: "markdown next line, in the source file: the next block only",
			files: map[string]string{
				"guide.md":    "# Prices\n\n<!-- transcheck-disable-next-line numbers -->\nWe sold 12 apples on Monday.\n\nThe farm has 7 cows.\n",
				"guide.zh.md": "# 价格\n\n我们星期一卖了13个苹果。\n\n农场有8头牛。\n",
			},
			checks:     []string{"numbers"},
			found:      []string{"numbers guide.md:4", "numbers guide.md:6"},
			suppressed: []string{"numbers guide.md:4"},
		},
		{
			name: "markdown range in the translation, closed by enable",
			files: map[string]string{
				"guide.md":    "# Prices\n\nWe sold 12 apples on Monday.\n\nThe shop has 40 workers.\n\nThe farm has 7 cows.\n",
				"guide.zh.md": "# 价格\n\n<!-- transcheck-disable numbers carryover -->\n\n我们星期一卖了13个苹果。\n\n店里有41名工人。\n\n<!-- transcheck-enable -->\n\n农场有8头牛。\n",
			},
			checks:     []string{"numbers"},
			found:      []string{"numbers guide.md:3", "numbers guide.md:5", "numbers guide.md:7"},
			suppressed: []string{"numbers guide.md:3", "numbers guide.md:5"},
		},
		{
			name: "a directive for another check suppresses nothing",
			files: map[string]string{
				"guide.md":    "# Prices\n\n<!-- transcheck-disable-next-line carryover terms -->\nWe sold 12 apples on Monday.\n",
				"guide.zh.md": "# 价格\n\n我们星期一卖了13个苹果。\n",
			},
			checks: []string{"numbers"},
			found:  []string{"numbers guide.md:4"},
		},
		{
			name: "an unknown name is a problem and the rest of the directive applies",
			files: map[string]string{
				"guide.md":    "# Prices\n\n<!-- transcheck-disable-next-line numbrs numbers -->\nWe sold 12 apples on Monday.\n",
				"guide.zh.md": "# 价格\n\n我们星期一卖了13个苹果。\n",
			},
			checks:     []string{"numbers"},
			found:      []string{"numbers guide.md:4"},
			suppressed: []string{"numbers guide.md:4"},
			problems:   []string{`guide.md:3: transcheck-disable-next-line: unknown check "numbrs" (checks are addition, carryover, code_changed, coverage, language, length_ratio, missing_file, missing_section, missing_translation, names, numbers, omission, orphan_translation, partial_omission, stale, state, terms, untranslated)`},
		},
		{
			name: "markdown omission",
			files: map[string]string{
				"guide.md":    "# Guide\n\nInstall the tool first.\n\n<!-- transcheck-disable-next-line omission -->\nThis paragraph was left out of the translation on purpose because it only concerns the English edition.\n\nThen run it on your documents.\n",
				"guide.zh.md": "# 指南\n\n首先安装这个工具。\n\n然后在你的文档上运行它。\n",
			},
			checks:     []string{"omission", "missing_section"},
			found:      []string{"omission guide.md:6"},
			suppressed: []string{"omission guide.md:6"},
		},
		{
			name: "a metric's name covers its sub-checks: omission suppresses an addition",
			files: map[string]string{
				"guide.md":    "# Guide\n\nInstall the tool first.\n\nThen run it on your documents.\n",
				"guide.zh.md": "# 指南\n\n首先安装这个工具。\n\n然后在你的文档上运行它。\n\n<!-- transcheck-disable-next-line omission -->\n译者注：这一段只在中文版里有，英文原文没有这一段内容。\n",
			},
			checks:     []string{"addition"},
			found:      []string{"addition guide.zh.md:8"},
			suppressed: []string{"addition guide.zh.md:8"},
		},
		{
			name: "enable gives back one check of a range of every check",
			files: map[string]string{
				"guide.md":    "# Guide\n\n<!-- transcheck-disable -->\n\nWe sold 12 apples on Monday.\n\n<!-- transcheck-enable numbers -->\n\nThe farm has 7 cows.\n\nThen run it on your documents.\n",
				"guide.zh.md": "# 指南\n\n我们星期一卖了13个苹果。\n\n农场有8头牛。\n",
			},
			checks:     []string{"numbers", "omission"},
			found:      []string{"numbers guide.md:5", "numbers guide.md:9", "omission guide.md:11"},
			suppressed: []string{"numbers guide.md:5", "omission guide.md:11"},
		},
		{
			name: "mdx comment",
			files: map[string]string{
				"guide.mdx":    "# Prices\n\n{/* transcheck-disable-next-line numbers */}\nWe sold 12 apples on Monday.\n\nThe farm has 7 cows.\n",
				"guide.zh.mdx": "# 价格\n\n我们星期一卖了13个苹果。\n\n农场有8头牛。\n",
			},
			checks:     []string{"numbers"},
			found:      []string{"numbers guide.mdx:4", "numbers guide.mdx:6"},
			suppressed: []string{"numbers guide.mdx:4"},
		},
		{
			name: "asciidoc line comment",
			files: map[string]string{
				"en/guide.adoc": "= Prices\n\n// transcheck-disable-next-line numbers\nWe sold 12 apples on Monday.\n\nThe farm has 7 cows.\n",
				"zh/guide.adoc": "= 价格\n\n我们星期一卖了13个苹果。\n\n农场有8头牛。\n",
			},
			checks:     []string{"numbers"},
			found:      []string{"numbers en/guide.adoc:4", "numbers en/guide.adoc:6"},
			suppressed: []string{"numbers en/guide.adoc:4"},
		},
		{
			name: "po translator comment",
			files: map[string]string{
				"app.zh_CN.po": "msgid \"\"\nmsgstr \"Language: zh_CN\\n\"\n\n# transcheck-disable numbers\nmsgid \"12 files were copied.\"\nmsgstr \"复制了13个文件。\"\n\nmsgid \"7 files were removed.\"\nmsgstr \"删除了8个文件。\"\n",
			},
			checks:     []string{"numbers"},
			found:      []string{"numbers app.zh_CN.po:5", "numbers app.zh_CN.po:8"},
			suppressed: []string{"numbers app.zh_CN.po:5"},
		},
		{
			name: "xliff 1.2 note",
			files: map[string]string{
				"app.zh.xlf": `<?xml version="1.0"?>
<xliff version="1.2"><file source-language="en" target-language="zh"><body>
<trans-unit id="1">
  <source>12 files were copied.</source>
  <target>复制了13个文件。</target>
  <note>transcheck-disable numbers</note>
</trans-unit>
<trans-unit id="2">
  <source>7 files were removed.</source>
  <target>删除了8个文件。</target>
</trans-unit>
</body></file></xliff>
`},
			checks:     []string{"numbers"},
			found:      []string{"numbers app.zh.xlf:4", "numbers app.zh.xlf:9"},
			suppressed: []string{"numbers app.zh.xlf:4"},
		},
		{
			name: "xliff 2.0 note",
			files: map[string]string{
				"app.zh.xliff": `<?xml version="1.0"?>
<xliff version="2.0" srcLang="en" trgLang="zh"><file id="f">
<unit id="u1">
  <notes><note>transcheck-disable numbers</note></notes>
  <segment><source>12 files were copied.</source><target>复制了13个文件。</target></segment>
</unit>
<unit id="u2">
  <segment><source>7 files were removed.</source><target>删除了8个文件。</target></segment>
</unit>
</file></xliff>
`},
			checks:     []string{"numbers"},
			found:      []string{"numbers app.zh.xliff:5", "numbers app.zh.xliff:8"},
			suppressed: []string{"numbers app.zh.xliff:5"},
		},
		{
			name: "tmx note, no name: every check",
			files: map[string]string{
				"memory.tmx": `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="en" datatype="plaintext"/><body>
<tu tuid="1">
  <note>transcheck-disable</note>
  <tuv xml:lang="en"><seg>12 files were copied.</seg></tuv>
  <tuv xml:lang="zh"><seg>复制了13个文件。</seg></tuv>
</tu>
<tu tuid="2">
  <tuv xml:lang="en"><seg>7 files were removed.</seg></tuv>
  <tuv xml:lang="zh"><seg>删除了8个文件。</seg></tuv>
</tu>
</body></tmx>
`},
			checks:     []string{"numbers"},
			found:      []string{"numbers memory.tmx:5", "numbers memory.tmx:9"},
			suppressed: []string{"numbers memory.tmx:5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The directives as plain comments: the same lines, nothing
			// suppressed.
			plain := map[string]string{}
			for name, text := range tt.files {
				plain[name] = strings.ReplaceAll(text, "transcheck-", "reviewed-")
			}
			before := runFiles(t, plain)
			if before.Totals.Suppressed != 0 {
				t.Fatalf("%d suppressed with no directive", before.Totals.Suppressed)
			}
			got, _ := findingPlaces(t, before, tt.checks)
			if !sameStrings(got, tt.found) {
				t.Fatalf("without the directives, findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.found, "\n  "))
			}

			after := runFiles(t, tt.files)
			got, probs := findingPlaces(t, after, tt.checks)
			var want []string
			for _, f := range tt.found {
				if !slices.Contains(tt.suppressed, f) {
					want = append(want, f)
				}
			}
			if !sameStrings(got, want) {
				t.Errorf("with the directives, findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			// Every finding that went is counted, whatever its check, and
			// the count adds up in the totals.
			gone := before.Findings(metrics.Info) - after.Findings(metrics.Info)
			if after.Totals.Suppressed != gone || gone < len(tt.suppressed) {
				t.Errorf("%d suppressed, %d findings fewer; want as many, at least %d", after.Totals.Suppressed, gone, len(tt.suppressed))
			}
			if !sameStrings(probs, tt.problems) {
				t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(probs, "\n  "), strings.Join(tt.problems, "\n  "))
			}
		})
	}
}

// runFiles writes files to a folder and checks it, English to Chinese.
func runFiles(t *testing.T, files map[string]string) *Report {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return runDir(t, Config{Source: "en", Target: "zh"}, ".")
}

// findingPlaces returns the findings of checks as "check file:line", and
// the problems of every document.
func findingPlaces(t *testing.T, rep *Report, checks []string) (places, problems []string) {
	t.Helper()
	for _, d := range rep.Documents {
		problems = append(problems, d.Problems...)
		for _, f := range d.Findings {
			if !slices.Contains(checks, f.Check) {
				continue
			}
			w := f.Where()
			places = append(places, fmt.Sprintf("%s %s:%d", f.Check, filepath.ToSlash(w.Path), w.Line))
		}
	}
	slices.Sort(places)
	return places, problems
}

func sameStrings(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

// TestSuppressChunked reads a TMX file whose notes suppress every other
// unit's findings in chunks of three units: the streamed report counts
// and drops the same findings as the whole read.
func TestSuppressChunked(t *testing.T) {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\" datatype=\"plaintext\"/><body>\n")
	for i := 1; i <= 10; i++ {
		note := ""
		if i%2 == 0 {
			note = "<note>transcheck-disable numbers</note>"
		}
		fmt.Fprintf(&b, "<tu tuid=\"%d\">%s<tuv xml:lang=\"en\"><seg>%d files were copied.</seg></tuv><tuv xml:lang=\"zh\"><seg>复制了%d个文件。</seg></tuv></tu>\n", i, note, i, i+100)
	}
	b.WriteString("</body></tmx>\n")
	path := filepath.Join(t.TempDir(), "memory.tmx")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	whole, _ := runJSON(t, Config{Source: "en", Target: "zh"}, path, 1<<30, 3)
	chunked, _ := runJSON(t, Config{Source: "en", Target: "zh"}, path, 0, 3)
	for name, rep := range map[string]*Report{"whole": whole, "chunked": chunked} {
		d := rep.Documents[0]
		if got := findingKeys(d); len(got) != 5 || d.Counts.Suppressed != 5 || rep.Totals.Suppressed != 5 {
			t.Errorf("%s: %d findings, %d suppressed (totals %d); want 5 and 5:\n  %s", name, len(got), d.Counts.Suppressed, rep.Totals.Suppressed, strings.Join(got, "\n  "))
		}
	}
	if a, b := findingKeys(whole.Documents[0]), findingKeys(chunked.Documents[0]); !sameStrings(a, b) {
		t.Errorf("whole read:\n  %s\nin chunks:\n  %s", strings.Join(a, "\n  "), strings.Join(b, "\n  "))
	}
}
