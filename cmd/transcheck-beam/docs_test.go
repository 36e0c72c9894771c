package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/reports"
)

// checkRun is what a check run (pipeline.Runner.Run) finds: its findings
// as JSON lines, and its JSON report with the gate check decides by
// default.
func checkRun(t *testing.T, o docsOptions) (findings []string, report string) {
	t.Helper()
	cfg := o.config()
	cfg.Jobs = 2
	r, err := pipeline.NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Run(context.Background(), o.Inputs)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			b, err := json.Marshal(f)
			if err != nil {
				t.Fatal(err)
			}
			findings = append(findings, string(b))
		}
	}
	rep.Gate = gate(rep)
	var buf bytes.Buffer
	p, err := reports.New("json", &buf, reports.Options{Version: "transcheck-beam"})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Print(rep); err != nil {
		t.Fatal(err)
	}
	return findings, buf.String()
}

// beamDocs runs transcheck-beam docs and returns its findings, its JSON
// report and its exit code.
func beamDocs(t *testing.T, args ...string) (findings []string, report string, code int) {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	code = run(context.Background(), append(append([]string{"docs"}, args...), "--output", prefix), &stdout, &stderr)
	if code != 0 && code != exitGate {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range glob(t, prefix+"-findings-*.jsonl") {
		for _, l := range lines(readString(t, f)) {
			// Encoded again as check's report encodes it (HTML escaped).
			var v map[string]any
			if err := json.Unmarshal([]byte(l), &v); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			findings = append(findings, l)
		}
	}
	md := readString(t, prefix+"-report.md")
	if !strings.Contains(md, "transcheck") {
		t.Errorf("the Markdown report says nothing:\n%s", md)
	}
	return findings, readString(t, prefix+"-report.json"), code
}

// reencode gives JSON lines as encoding/json.Marshal writes them, so that
// lines written with and without HTML escaping compare.
func reencode(t *testing.T, ls []string) []string {
	var out []string
	for _, l := range ls {
		var f json.RawMessage
		if err := json.Unmarshal([]byte(l), &f); err != nil {
			t.Fatal(err)
		}
		var v any
		json.Unmarshal(f, &v)
		b, _ := json.Marshal(v)
		out = append(out, string(b))
	}
	return sortedCopy(out)
}

func compareDocs(t *testing.T, o docsOptions) {
	t.Helper()
	wantFindings, wantReport := checkRun(t, o)
	if len(wantFindings) == 0 {
		t.Fatal("check found nothing: the input tests too little")
	}
	args := []string{}
	for _, in := range o.Inputs {
		args = append(args, "--input", in)
	}
	gotFindings, gotReport, code := beamDocs(t, args...)
	if got, want := reencode(t, gotFindings), reencode(t, wantFindings); !reflect.DeepEqual(got, want) {
		t.Errorf("findings differ (%d, want %d):\n%s", len(got), len(want), diffLines(got, want))
	}
	if gotReport != wantReport {
		t.Errorf("JSON report differs:\n%s", diffLines(strings.Split(gotReport, "\n"), strings.Split(wantReport, "\n")))
	}
	var rep pipeline.Report
	if err := json.Unmarshal([]byte(wantReport), &rep); err != nil {
		t.Fatal(err)
	}
	if wantCode := map[bool]int{true: 0, false: exitGate}[rep.Gate.Passed]; code != wantCode {
		t.Errorf("exit %d, want %d", code, wantCode)
	}
}

// TestDocsEquivalence: documents mode on Prism finds what check finds in
// a docs tree (pairs of files by language folder, a file with no
// translation, a file that is not UTF-8, a file no reader knows), and
// aggregates them into the same JSON report.
func TestDocsEquivalence(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"en/install.md": "# Install\n\nDownload version 2.4 from the website.\n\nRun the installer and restart the computer.\n\nThe installer needs 300 MB of disk space.\n",
		"zh/install.md": "# 安装\n\n从网站下载 2.5 版。\n\n运行安装程序。\n\n安装程序需要 300 MB 磁盘空间。\n",
		"en/usage.md":   "# Usage\n\nRun `tool --help` to see the options.\n\nThe `--output` flag names the report file.\n",
		"zh/usage.md":   "# 用法\n\n运行 `tool --help` 查看选项。\n\n输出标志指定报告文件。\n",
		"en/faq.md":     "# FAQ\n\nNothing here has a translation yet.\n",
		"zh/broken.md":  "# 坏\xff文件\n\n这一行不是 UTF-8。\n",
		"notes.xyz":     "not read\n",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Dir(path), filepath.Base(path), text)
	}
	compareDocs(t, docsOptions{Inputs: []string{dir}})
}

// TestDocsTree: on a real docs tree (tldr pages, English and Chinese),
// documents mode finds what check finds.
func TestDocsTree(t *testing.T) {
	const rel = "../shared/data/formats/docs-tree/tldr"
	dir := filepath.Join(repoRoot, "..", "shared", "data", "formats", "docs-tree", "tldr")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: skipping the equivalence on real data", rel)
	}
	compareDocs(t, docsOptions{Inputs: []string{dir}})
}
