package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/transcheck/transcheck/pipeline/history/gittest"
)

// A page and its translation, aligned block for block; staleEN2 changes
// the source's line 8.
var (
	staleEN = gittest.Lines(
		"# Install",
		"",
		"Download the tool from the website of the project.",
		"",
		"## Configure",
		"",
		"Set the path to the folder where the tool is.",
		"Then set the port the server listens on.", // 8
		"",
		"## Run",
		"",
		"Run the tool with the configuration file.",
	)
	staleZH = gittest.Lines(
		"# 安装",
		"",
		"从项目网站下载工具。",
		"",
		"## 配置",
		"",
		"设置工具所在文件夹的路径。然后设置服务器监听的端口。", // 7
		"",
		"## 运行",
		"",
		"用配置文件运行工具。",
	)
	staleEN2 = strings.Replace(staleEN, "the port the server listens on.", "the port and the host the server listens on.", 1)
)

// runAt runs the command in dir.
func runAt(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// staleFindings returns the stale findings of a JSON report as
// "severity target-line: message".
func staleFindings(t *testing.T, stdout string) []string {
	t.Helper()
	var rep struct {
		Documents []struct {
			Findings []struct {
				Check, Severity, Message string
				Target                   struct {
					Path string
					Line int
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v in %.300s", err, stdout)
	}
	var out []string
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			if f.Check == "stale" {
				out = append(out, f.Severity+" "+filepath.ToSlash(f.Target.Path)+": "+f.Message)
			}
		}
	}
	return out
}

// The gate flags and their configuration keys: a page 20 days behind is a
// warning; --fail-on-stale makes it an error that fails the gate, unless
// --max-stale-days allows more days, when it is info.
func TestStaleGate(t *testing.T) {
	gittest.Need(t)
	r := gittest.New(t)
	now := time.Now().UTC()
	ago := func(days int) time.Time { return now.Add(-time.Duration(days) * 24 * time.Hour) }
	r.Commit(ago(40), "add the guide", "docs/en/guide.md", staleEN, "docs/zh/guide.md", staleZH)
	r.Commit(ago(20), "document the host", "docs/en/guide.md", staleEN2)
	msg := "docs/en/guide.md:8 changed in 1 commit since docs/zh/guide.md was last updated on " + ago(40).Format(time.DateOnly) +
		" (20 days behind); the matching section starts at docs/zh/guide.md:7"
	tests := []struct {
		name   string
		config string // .transcheck.yaml; "" for none
		args   []string
		code   int
		want   string // severity of the stale finding, "" for none
		suffix string // what the message adds
	}{
		{"default: a warning", "", nil, exitOK, "warning", ""},
		{"--fail-on-stale", "", []string{"--fail-on-stale"}, exitGate, "error", ""},
		{"--max-stale-days above the days behind", "", []string{"--fail-on-stale", "--max-stale-days", "30"}, exitOK, "info", "; within the 30 days allowed"},
		{"--max-stale-days below them", "", []string{"--fail-on-stale", "--max-stale-days", "19"}, exitGate, "error", ""},
		{"gate.fail_on_stale", "gate:\n  fail_on_stale: true\n", nil, exitGate, "error", ""},
		{"checks.stale.max_days", "gate: {fail_on_stale: true}\nchecks:\n  stale: {max_days: 21}\n", nil, exitOK, "info", "; within the 21 days allowed"},
		{"the flag overrides the file", "gate: {fail_on_stale: true}\nchecks:\n  stale: {max_days: 21}\n", []string{"--fail-on-stale=false", "--max-stale-days", "0"}, exitOK, "warning", ""},
		{"the check turned off", "checks:\n  stale: {enabled: false}\n", []string{"--fail-on-stale"}, exitOK, "", ""},
		{"--fail-on warning fails on the warning", "", []string{"--fail-on", "warning"}, exitGate, "warning", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := filepath.Join(r.Dir, ".transcheck.yaml")
			os.Remove(cfg)
			if tt.config != "" {
				if err := os.WriteFile(cfg, []byte(tt.config), 0o644); err != nil {
					t.Fatal(err)
				}
				defer os.Remove(cfg)
			}
			stdout, stderr, code := runAt(t, r.Dir, append([]string{"check", "--format", "json", "docs"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tt.code, stderr)
			}
			got := staleFindings(t, stdout)
			var want []string
			if tt.want != "" {
				want = []string{tt.want + " docs/zh/guide.md: " + msg + tt.suffix}
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("stale findings\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
	for _, tt := range []struct{ args, want string }{
		{"--max-stale-days -1", "--max-stale-days -1: use 0 (report at once) or more days"},
		{"--source-repo no/such/folder", "--source-repo no/such/folder: no such folder"},
	} {
		_, stderr, code := runAt(t, r.Dir, append([]string{"check"}, append(strings.Fields(tt.args), "docs")...)...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%s: exit %d, %q; want exit 2 saying %q", tt.args, code, stderr, tt.want)
		}
	}
	p := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(p, []byte("checks:\n  omission: {max_days: 3}\n"), 0o644)
	if _, err := loadConfig(p); err == nil || !strings.Contains(err.Error(), ":2: checks.omission.max_days: max_days belongs to stale") {
		t.Errorf("max_days on another check: %v", err)
	}
}

// stamp writes the marker (a comment on the first line, or a key in the
// front matter), updates it where it stands, and the stale check then
// counts only the source's later commits.
func TestStamp(t *testing.T) {
	gittest.Need(t)
	r := gittest.New(t)
	front := "---\ntitle: 安装\n---\n"
	r.Commit(gittest.Day(1), "add the guides", "docs/en/a.md", staleEN, "docs/zh/a.md", staleZH,
		"docs/en/b.md", staleEN, "docs/zh/b.md", front+staleZH)
	head := r.Commit(gittest.Day(3), "document the host", "docs/en/a.md", staleEN2, "docs/en/b.md", staleEN2)[:12]
	check := func() []string {
		t.Helper()
		stdout, stderr, _ := runAt(t, r.Dir, "check", "--format", "json", "docs")
		if strings.Contains(stderr, "transcheck: ") && !strings.Contains(stderr, "gate") {
			t.Errorf("check: %s", stderr)
		}
		return staleFindings(t, stdout)
	}
	if got := check(); len(got) != 2 {
		t.Fatalf("before stamping: %d stale findings, want 2: %q", len(got), got)
	}

	stdout, stderr, code := runAt(t, r.Dir, "stamp", "docs/zh/a.md", "docs/zh/b.md")
	if code != exitOK || stderr != "" {
		t.Fatalf("stamp: exit %d, %s", code, stderr)
	}
	wantOut := "docs/zh/a.md: source commit " + head + " (docs/en/a.md)\ndocs/zh/b.md: source commit " + head + " (docs/en/b.md)\n"
	if stdout != wantOut {
		t.Errorf("stamp said\n%s\nwant\n%s", stdout, wantOut)
	}
	read := func(rel string) string {
		data, err := os.ReadFile(r.Path(rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if got, want := read("docs/zh/a.md"), "<!-- source: en@"+head+" -->\n"+staleZH; got != want {
		t.Errorf("docs/zh/a.md:\n%s\nwant\n%s", got, want)
	}
	if got, want := read("docs/zh/b.md"), "---\ntitle: 安装\nsource_commit: "+head+"\n---\n"+staleZH; got != want {
		t.Errorf("docs/zh/b.md:\n%s\nwant\n%s", got, want)
	}
	if got := check(); len(got) != 0 {
		t.Errorf("after stamping, stale findings: %q", got)
	}

	// The source moves on: the marker, not the translation's date, is the
	// base.
	staleEN3 := strings.Replace(staleEN2, "the configuration file.", "the configuration file and --verbose.", 1)
	r.Commit(gittest.Day(5), "document --verbose", "docs/en/a.md", staleEN3)
	got := check()
	if len(got) != 1 || !strings.Contains(got[0], "docs/en/a.md:12 changed in 1 commit since commit "+head[:7]+" of 2026-03-03, the source docs/zh/a.md:1 names as its base") ||
		!strings.Contains(got[0], "the matching section starts at docs/zh/a.md:12") {
		t.Errorf("after a later source change: %q", got)
	}
	stdout, _, code = runAt(t, r.Dir, "stamp", "docs/zh/a.md")
	head2 := r.Git(gittest.Day(5), "rev-parse", "HEAD")[:12]
	if code != exitOK || !strings.HasPrefix(read("docs/zh/a.md"), "<!-- source: en@"+head2+" -->\n# 安装\n") || strings.Count(read("docs/zh/a.md"), "source:") != 1 {
		t.Errorf("stamping again (exit %d, %q) must update the marker in place:\n%s", code, stdout, read("docs/zh/a.md"))
	}
	if stdout, _, _ = runAt(t, r.Dir, "stamp", "docs/zh/a.md"); !strings.Contains(stdout, "already marked with source commit "+head2) {
		t.Errorf("stamping a current marker: %q", stdout)
	}

	// An explicit pair, outside the layouts discovery knows.
	head3 := r.Commit(gittest.Day(6), "a loose pair", "notes.md", "# Notes\n", "notizen.md", "# 笔记\n")[:12]
	if stdout, stderr, code := runAt(t, r.Dir, "stamp", "--pair", "notes.md=notizen.md", "notizen.md"); code != exitOK || read("notizen.md") != "<!-- source: "+head3+" -->\n# 笔记\n" {
		t.Errorf("stamp --pair: exit %d %q %q:\n%s", code, stdout, stderr, read("notizen.md"))
	}

	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("# 笔记\n"), 0o644)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"stamp", "docs/en/a.md"}, "docs/en/a.md: is a source file, not a translation"},
		{[]string{"stamp", "docs/zh/missing.md"}, "docs/zh/missing.md: no such file or directory"},
		{[]string{"stamp", filepath.Join(outside, "x.md")}, "not in a git work tree, and no configuration names its source (name it with --pair SOURCE="},
		{[]string{"stamp", "notes.md"}, "notes.md: no source pairs with it under the git work tree"},
		{[]string{"stamp"}, "stamp needs at least one TARGETFILE"},
	} {
		_, stderr, code := runAt(t, r.Dir, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, %q; want exit 2 saying %q", tt.args, code, stderr, tt.want)
		}
	}
}

// --source-repo: the translation repository keeps a copy of the English
// pages; their history is in the source's own repository.
func TestSourceRepo(t *testing.T) {
	gittest.Need(t)
	src := gittest.New(t)
	src.Commit(gittest.Day(1), "add the guide", "content/guide.md", staleEN)
	src.Commit(gittest.Day(4), "document the host", "content/guide.md", staleEN2)
	tgt := gittest.New(t)
	tgt.Commit(gittest.Day(2), "copy and translate", "docs/en/guide.md", staleEN2, "docs/zh/guide.md", staleZH)

	stdout, stderr, code := runAt(t, tgt.Dir, "check", "--format", "json", "docs")
	if got := staleFindings(t, stdout); code != exitOK || len(got) != 0 {
		t.Errorf("without --source-repo the copy's history says the translation is current: exit %d %s %q", code, stderr, got)
	}
	stdout, stderr, code = runAt(t, tgt.Dir, "check", "--format", "json", "--source-repo", src.Dir, "docs")
	got := staleFindings(t, stdout)
	if code != exitOK || len(got) != 1 || !strings.Contains(got[0], "docs/en/guide.md:8 changed in 1 commit since docs/zh/guide.md was last updated on 2026-03-02") ||
		!strings.Contains(got[0], "(dates compared across two repositories)") {
		t.Errorf("--source-repo: exit %d %s %q", code, stderr, got)
	}
	// The same from the configuration, and in the Markdown report.
	os.WriteFile(filepath.Join(tgt.Dir, ".transcheck.yaml"), []byte("source_repo: "+src.Dir+"\n"), 0o644)
	stdout, _, _ = runAt(t, tgt.Dir, "check", "--format", "markdown", "docs")
	if !strings.Contains(stdout, "### Behind the source") || !strings.Contains(stdout, "| docs/zh/guide.md | 1 | ") {
		t.Errorf("source_repo in the configuration: no Behind the source row in\n%s", stdout)
	}
}

// transcheck checks lists stale among the checks that run by default.
func TestChecksListsStale(t *testing.T) {
	stdout, _, code := runIn(t, "checks")
	if code != exitOK || !strings.Contains(stdout, "\nstale         default  warning   0.85        a translation must keep up with its source") {
		t.Errorf("transcheck checks (exit %d):\n%s", code, stdout)
	}
}
