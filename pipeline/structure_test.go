package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

// runDir checks the documents under dir with a runner of cfg.
func runDir(t *testing.T, cfg Config, dir string) *Report {
	t.Helper()
	r, err := NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// checkPair writes an English page and its Chinese translation and checks
// them as a pair of files.
func checkPair(t *testing.T, en, zh string) []metrics.Finding {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"guide.en.md": en, "guide.zh.md": zh} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rep := runDir(t, Config{}, dir)
	if len(rep.Documents) != 1 {
		t.Fatalf("%d documents, want the pair", len(rep.Documents))
	}
	return rep.Documents[0].Findings
}

const guideEN = `# Getting started

Install the package with npm before you write any code.

## Configure the server

Open the configuration file in your editor. Set the port to the value your firewall allows.

Restart the server after every change to the file.

## Deploy to production

Build the bundle with the production flag. Copy the folder to the server.

## Troubleshooting

Read the log file when the server does not start.
`

const guideZH = `# 入门

在编写任何代码之前，先用 npm 安装这个包。

## 部署到生产环境

使用生产环境标志构建打包文件。将文件夹复制到服务器。

## 故障排除

服务器无法启动时，请阅读日志文件。
`

// A page whose translation lacks a whole section gets one missing_section
// finding at the section's lines, not a finding per sentence.
func TestMissingSection(t *testing.T) {
	fs := checkPair(t, guideEN, guideZH)
	var sections []metrics.Finding
	for _, f := range fs {
		switch f.Check {
		case "missing_section":
			sections = append(sections, f)
		case "omission", "partial_omission", "addition":
			t.Errorf("unexpected %s finding: %s (%v)", f.Check, f.Message, f.Where())
		}
	}
	if len(sections) != 1 {
		t.Fatalf("%d missing_section findings, want 1: %+v", len(sections), fs)
	}
	f := sections[0]
	if f.Source == nil || f.Source.Line != 5 || !strings.Contains(f.Message, "lines 5–9") || !strings.Contains(f.Message, "Configure the server") {
		t.Errorf("finding %q at %+v: want the section at lines 5–9 of the English page", f.Message, f.Source)
	}
	if f.Severity != metrics.Error {
		t.Errorf("severity %v, want error", f.Severity)
	}
	if f.After == nil || !strings.HasSuffix(f.After.Path, "guide.zh.md") {
		t.Errorf("after %+v: want the place in the Chinese page", f.After)
	}

	// The full translation gives no omission of any kind.
	full := strings.Replace(guideZH, "## 部署到生产环境", "## 配置服务器\n\n在编辑器中打开配置文件。将端口设置为防火墙允许的值。\n\n每次修改文件后都要重新启动服务器。\n\n## 部署到生产环境", 1)
	for _, f := range checkPair(t, guideEN, full) {
		switch f.Check {
		case "missing_section", "omission", "partial_omission", "addition":
			t.Errorf("complete translation: unexpected %s: %s", f.Check, f.Message)
		}
	}
}

// Markup inside translated text is not a finding: a heading with an
// explicit anchor, a sentence with a relative link, and an attribute
// caption. (A Chinese sentence that starts with a product name of several
// words is still cut at its English edge: not yet handled.)
func TestMarkupIsNotProse(t *testing.T) {
	en := `## Accessing the template refs {#accessing-the-refs}

See the [getting started guide](/docs/react/getting-started#install) before you install the package.

<Listing caption="Install the package with npm" number="1">

Run the installer and wait until it finishes.

Material Design empty states show an illustration and a short message when a list has no data.
`
	zh := `## 访问模板引用 {#accessing-the-refs}

安装这个包之前，请先阅读[快速上手指南](/docs/react/getting-started-cn#install)。

<Listing caption="使用 npm 安装这个包" number="1">

运行安装程序并等待它完成。

Material Design 空状态在列表没有数据时显示一幅插图和一条简短的消息。
`
	for _, f := range checkPair(t, en, zh) {
		switch f.Check {
		case "omission", "addition", "missing_section", "partial_omission", "untranslated", "language":
			t.Errorf("unexpected %s: %s at %v", f.Check, f.Message, f.Where())
		}
	}
}
