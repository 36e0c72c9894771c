package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodeContract pins the documented exit codes by value: scripts
// and CI systems depend on the numbers, not on the constants' names.
func TestExitCodeContract(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want int
	}{{"exitOK", exitOK, 0}, {"exitGate", exitGate, 1}, {"exitUsage", exitUsage, 2}, {"exitInterrupted", exitInterrupted, 130}} {
		if c.got != c.want {
			t.Errorf("%s = %d, the README documents %d", c.name, c.got, c.want)
		}
	}
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "testdata/seed"}, 1},
		{[]string{"check", "--fail-on", "never", "testdata/seed"}, 0},
		{[]string{"check", "--fail-on", "sometimes", "testdata/seed"}, 2},
		{[]string{"chek", "testdata/seed"}, 2},
		{[]string{}, 2},
	} {
		if _, stderr, code := runIn(t, tt.args...); code != tt.want {
			t.Errorf("%q: exit %d, want %d; stderr %q", tt.args, code, tt.want, stderr)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"-h"}} {
		stdout, stderr, code := runIn(t, args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "Available Commands:") || !strings.Contains(stdout, "check") {
			t.Errorf("%q: exit %d, stderr %q, stdout %.200q: want the command list on stdout", args, code, stderr, stdout)
		}
	}
	for _, args := range [][]string{{"help", "check"}, {"check", "--help"}} {
		stdout, stderr, code := runIn(t, args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "transcheck check [flags] [PATH...]") || !strings.Contains(stdout, "--baseline FILE") {
			t.Errorf("%q: exit %d, stderr %q: want check's help on stdout", args, code, stderr)
		}
	}
	stdout, _, code := runIn(t, "--version")
	if code != 0 || !strings.HasPrefix(stdout, "transcheck ") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("--version: exit %d, %q: want one line 'transcheck VERSION'", code, stdout)
	}
	// The test binary carries no module version: a source build says so.
	if v := version(); v == "" || !strings.HasPrefix(stdout, "transcheck "+v) {
		t.Errorf("--version printed %q, version() is %q", stdout, v)
	}
}

// A mistake in the command line gets the error, a hint, and no page of
// usage; a near miss gets a suggestion.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"mistyped command", []string{"chekc", "testdata/seed"}, []string{`unknown command "chekc"`, "check"}},
		{"mistyped flag", []string{"check", "--baselin", "b.json", "testdata/seed"}, []string{"unknown flag: --baselin", "did you mean --baseline?"}},
		{"mistyped flag, missing letter", []string{"check", "--fail-o", "never", "testdata/seed"}, []string{"did you mean --fail-on?"}},
		{"flag of another command", []string{"detect", "--glossary", "g.csv", "testdata/seed"}, []string{"unknown flag: --glossary"}},
		{"pair is not align's", []string{"align", "--pair", "a=b", "x", "y"}, []string{"unknown flag: --pair"}},
		{"align needs two files", []string{"align", "x"}, []string{"align needs SOURCE and TARGET files, got 1 argument"}},
		{"no command", []string{}, []string{"no command given"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runIn(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q does not say %q", stderr, w)
				}
			}
			if !strings.HasPrefix(stderr, "transcheck: ") || !strings.Contains(stderr, "--help' for usage.") {
				t.Errorf("stderr %q: want the error first and a hint to --help", stderr)
			}
			if n := strings.Count(stderr, "\n"); n > 6 || strings.Contains(stderr, "Flags:") {
				t.Errorf("stderr has %d lines; want the error and a hint, not the usage:\n%s", n, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
		})
	}
}

func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{"bash": "__start_transcheck", "zsh": "#compdef transcheck", "fish": "complete -c transcheck"} {
		stdout, stderr, code := runIn(t, "completion", shell)
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("completion %s: exit %d, stderr %q; the script lacks %q", shell, code, stderr, want)
		}
	}
	// Values of --format complete from the report formats.
	stdout, _, _ := runIn(t, "__complete", "check", "--format", "")
	for _, f := range []string{"json", "sarif", "markdown"} {
		if !strings.Contains(stdout, f+"\n") {
			t.Errorf("completing --format offers %q, want %s among them", stdout, f)
		}
	}
}

// -o FILE takes the format from a known extension and says so when it
// cannot tell.
func TestOutputFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	sarif := filepath.Join(dir, "report.sarif")
	junit := filepath.Join(dir, "report.xml")
	md := filepath.Join(dir, "report.md")
	_, stderr, code := runIn(t, "check", "--fail-on", "never", "-o", sarif, "-o", junit, "-o", md, "testdata/seed")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name, Version string
				}
			}
		}
	}
	b, _ := os.ReadFile(sarif)
	if err := json.Unmarshal(b, &s); err != nil || s.Version != "2.1.0" {
		t.Errorf("report.sarif is not SARIF 2.1.0 (%v): %.100q", err, b)
	} else if len(s.Runs) != 1 || s.Runs[0].Tool.Driver.Version != version() {
		t.Errorf("SARIF tool.driver %+v, want version %q", s.Runs, version())
	}
	if b, _ := os.ReadFile(junit); !strings.Contains(string(b), "<testsuites") {
		t.Errorf("report.xml is not JUnit: %.100q", b)
	}
	if b, _ := os.ReadFile(md); !strings.HasPrefix(string(b), "#") && !strings.Contains(string(b), "|") {
		t.Errorf("report.md is not Markdown: %.100q", b)
	}

	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", filepath.Join(dir, "report.out")}, "cannot tell the format from the file name"},
		{[]string{"--format", "json", "-o", filepath.Join(dir, "report.sarif")}, "the extension says sarif but --format says json"},
		{[]string{"-o", "pdf=" + filepath.Join(dir, "r.pdf")}, `unknown format "pdf"`},
	} {
		_, stderr, code := runIn(t, append(append([]string{"check"}, tt.args...), "testdata/seed")...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	// --format names the format of an -o file whose extension says none.
	out := filepath.Join(dir, "report.out")
	if _, stderr, code := runIn(t, "check", "--fail-on", "never", "--format", "json", "-o", out, "testdata/seed"); code != 0 {
		t.Errorf("--format json -o report.out: exit %d: %s", code, stderr)
	} else if b, _ := os.ReadFile(out); !json.Valid(b) {
		t.Errorf("report.out is not JSON: %.100q", b)
	}
	// A folder name with a dot and an equals sign is a file, not FORMAT=.
	odd := filepath.Join(dir, "a=b.json")
	if _, stderr, code := runIn(t, "check", "--fail-on", "never", "-o", odd, "testdata/seed"); code != 0 {
		t.Errorf("-o %s: exit %d: %s", odd, code, stderr)
	} else if b, _ := os.ReadFile(odd); !json.Valid(b) {
		t.Errorf("%s is not JSON", odd)
	}
}

// The configuration: .transcheck.yml is found, both names in one folder
// are an error, and paths resolve against the file, not the working
// folder.
func TestConfigDiscovery(t *testing.T) {
	root := t.TempDir()
	project := filepath.Join(root, "project")
	docs := filepath.Join(project, "docs")
	sub := filepath.Join(project, "sub", "deeper")
	for _, d := range []string{docs, sub} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	seed, err := os.ReadFile(filepath.Join(repoRoot, "testdata/seed/cyberspace-article.zh-en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(docs, "a.zh-en.txt"), seed)
	write(t, filepath.Join(project, ".transcheck.yml"), []byte("paths: [docs]\ngate:\n  fail_on: never\noutputs:\n  - {format: json, path: out/report.json}\n"))
	if err := os.MkdirAll(filepath.Join(project, "out"), 0o755); err != nil {
		t.Fatal(err)
	}

	// From a folder below the config, relative paths still mean docs/ and
	// out/ beside the file.
	t.Chdir(sub)
	var stdout, stderr strings.Builder
	code := run([]string{"check"}, strings.NewReader(""), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("check from %s: exit %d: %s", sub, code, stderr.String())
	}
	var rep struct {
		Documents []struct{ Name string }
	}
	b, err := os.ReadFile(filepath.Join(project, "out", "report.json"))
	if err != nil {
		t.Fatalf("the configured output was not written beside the config: %v", err)
	}
	if err := json.Unmarshal(b, &rep); err != nil || len(rep.Documents) != 1 || !strings.HasSuffix(rep.Documents[0].Name, "a.zh-en.txt") {
		t.Errorf("report %v (%v): want the one document of docs/", rep, err)
	}

	write(t, filepath.Join(project, ".transcheck.yaml"), []byte("paths: [docs]\n"))
	stdout.Reset()
	stderr.Reset()
	code = run([]string{"check"}, strings.NewReader(""), &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), "both exist") {
		t.Errorf("with .yaml and .yml: exit %d, stderr %q; want 2 and a message naming both", code, stderr.String())
	}
}

// Reports, baselines and configuration files written to a special file
// leave it what it was: the command, not only its helper.
func TestCommandsKeepSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.json")
	write(t, target, []byte("old"))
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink("real.json", link); err != nil {
		t.Fatal(err)
	}
	isLink := func() bool {
		info, err := os.Lstat(link)
		return err == nil && info.Mode()&os.ModeSymlink != 0
	}
	if _, stderr, code := runIn(t, "check", "--fail-on", "never", "-o", "json="+link, "testdata/seed"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(target); !isLink() || !json.Valid(b) {
		t.Errorf("-o json=LINK: link kept %v, target holds %.40q; want the link and the report in its target", isLink(), b)
	}
	if _, stderr, code := runIn(t, "check", "--fail-on", "never", "--write-baseline", link, "testdata/seed"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(target); !isLink() || !strings.Contains(string(b), "fingerprint") {
		t.Errorf("--write-baseline LINK: link kept %v, target holds %.40q", isLink(), b)
	}
	if _, stderr, code := runIn(t, "init", "--force", link); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(target); !isLink() || !strings.Contains(string(b), "checks:") {
		t.Errorf("init --force LINK: link kept %v, target holds %.40q", isLink(), b)
	}
}

// -o html=DIR/ writes an index and a page per document with findings; a
// rerun replaces the old site whole; a folder with other files is refused.
func TestHTMLSiteOutput(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(site, "doc-09999-stale.html"), []byte("an old page"))
	if _, stderr, code := runIn(t, "check", "--fail-on", "never", "-o", "html="+site+"/", "testdata/seed"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 || names[1] != "index.html" || !strings.HasPrefix(names[0], "doc-00001-") {
		t.Errorf("site holds %q, want one document page and index.html (the stale page gone)", names)
	}
	index, _ := os.ReadFile(filepath.Join(site, "index.html"))
	if !strings.Contains(string(index), names[0]) {
		t.Errorf("index.html does not link to %s", names[0])
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".transcheck-*")); len(leftovers) != 0 {
		t.Errorf("temporary folders left: %q", leftovers)
	}

	mine := filepath.Join(dir, "mine")
	if err := os.MkdirAll(mine, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(mine, "notes.txt"), []byte("keep me"))
	_, stderr, code := runIn(t, "check", "--fail-on", "never", "-o", "html="+mine+"/", "testdata/seed")
	if code != 2 || !strings.Contains(stderr, "notes.txt") {
		t.Errorf("a folder with other files: exit %d, stderr %q; want 2 and the file named", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(mine, "notes.txt")); string(b) != "keep me" {
		t.Errorf("the user's file was touched")
	}
	_, stderr, code = runIn(t, "check", "-o", "json="+site+"/", "testdata/seed")
	if code != 2 || !strings.Contains(stderr, "a folder takes only the HTML report") {
		t.Errorf("json into a folder: exit %d, stderr %q", code, stderr)
	}
}
