package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/history"
	"github.com/transcheck/transcheck/pipeline/history/gittest"
)

// A docs tree in a git repository: the English page changed after its
// translation, in two sections; the stale finding names the changed lines
// and, through the alignment, the lines of the translation where the
// matching blocks start (its front matter shifts them by four). The page
// translated after its source changed has none, and neither has a tree
// outside git.
// withoutHistory is the default configuration with the stale check off,
// for tests of other things over fixtures in this project's repository,
// whose history depends on how it was cloned.
func withoutHistory() *metrics.Config {
	mc := metrics.DefaultConfig()
	mc.Disabled = map[string]bool{metrics.Stale.Name: true}
	return mc
}

// copyTree copies the files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStaleInRun(t *testing.T) {
	gittest.Need(t)
	en := gittest.Lines(
		"# Install", // 1
		"",
		"Download the tool from the website of the project.", // 3
		"",
		"## Configure", // 5
		"",
		"Set the path to the folder where the tool is.", // 7
		"Then set the port the server listens on.",      // 8
		"",
		"## Run", // 10
		"",
		"Run the tool with the configuration file.", // 12
	)
	zh := gittest.Lines(
		"---",
		"title: 安装",
		"---",
		"",
		"# 安装", // 5
		"",
		"从项目网站下载工具。", // 7
		"",
		"## 配置", // 9
		"",
		"设置工具所在文件夹的路径。然后设置服务器监听的端口。", // 11
		"",
		"## 运行", // 13
		"",
		"用配置文件运行工具。", // 15
	)
	r := gittest.New(t)
	r.Commit(gittest.Day(1), "add the guide", "docs/en/guide.md", en, "docs/zh/guide.md", zh, "docs/en/faq.md", en, "docs/zh/faq.md", zh)
	en2 := strings.Replace(en, "the port the server listens on.", "the port and the host the server listens on.", 1)
	en2 = strings.Replace(en2, "the configuration file.", "the configuration file and the --verbose flag.", 1)
	r.Commit(gittest.Day(4), "document the host and --verbose", "docs/en/guide.md", en2, "docs/en/faq.md", en2)
	r.Commit(gittest.Day(6), "translate the faq changes", "docs/zh/faq.md", strings.Replace(zh, "用配置文件运行工具。", "用配置文件和 --verbose 参数运行工具。", 1))

	run := func(t *testing.T, dir string, mc *metrics.Config) []string {
		t.Helper()
		rep, err := mustRunner(t, Config{Source: "en", Target: "zh", MetricConfig: mc, History: history.Options{Now: gittest.Day(12)}}).
			Run(context.Background(), []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Problems) > 0 {
			t.Errorf("problems: %q", rep.Problems)
		}
		var got []string
		for _, d := range rep.Documents {
			for _, f := range d.Findings {
				if f.Check == "stale" {
					msg := strings.ReplaceAll(f.Message, dir+string(filepath.Separator), "")
					got = append(got, fmt.Sprintf("%s %s %+v: %s", f.Severity, filepath.ToSlash(strings.TrimPrefix(f.FixAt().String(), dir+string(filepath.Separator))), *f.Behind, filepath.ToSlash(msg)))
				}
			}
		}
		return got
	}
	want := []string{"warning en/guide.md:11 {Commits:1 AtLeast:false Days:8 Since:2026-03-01 Lines:[8 12] Sections:[11 15]}: " +
		"en/guide.md:8, 12 changed in 1 commit since zh/guide.md was last updated on 2026-03-01 (8 days behind); the matching sections start at zh/guide.md:11, 15"}
	// FixAt names the translation's path; the test trims the tree's root.
	want[0] = strings.Replace(want[0], "warning en/guide.md:11", "warning zh/guide.md:11", 1)
	docs := r.Path("docs")
	if got := run(t, docs, nil); !slices.Equal(got, want) {
		t.Errorf("stale findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	t.Run("the check turned off reads no history", func(t *testing.T) {
		mc := metrics.DefaultConfig()
		mc.Disabled = map[string]bool{"stale": true}
		rep, err := mustRunner(t, Config{MetricConfig: mc, KeepDocuments: true}).Run(context.Background(), []string{docs})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range rep.Documents {
			if d.Doc.History != nil {
				t.Errorf("%s has a history with the stale check off", d.Name)
			}
		}
	})
	t.Run("a copy outside git has no history", func(t *testing.T) {
		dir := t.TempDir()
		copyTree(t, docs, dir)
		if got := run(t, dir, nil); len(got) != 0 {
			t.Errorf("stale findings outside git: %q", got)
		}
	})
}
