package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

func TestInitParsesBack(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".transcheck.yaml")
	if _, stderr, code := runIn(t, "init", p); code != exitOK {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	cfg, err := loadConfig(p)
	if err != nil {
		t.Fatalf("the file init writes does not load: %v", err)
	}
	def := metrics.DefaultConfig()
	if len(cfg.Checks) < len(metrics.All) || cfg.Gate.FailOn != "error" ||
		*cfg.Checks["length_ratio"].MaxZ != def.LengthZ || *cfg.Checks["coverage"].MinCoverage != def.CoverageFraction {
		t.Errorf("init file lost settings or differs from the defaults: %+v", cfg)
	}
	for name, cc := range cfg.Checks {
		if cc.Severity != "" {
			t.Errorf("init file sets checks.%s.severity, which would override the grade of every finding", name)
		}
	}
	if _, stderr, code := runIn(t, "init", p); code != exitUsage || !strings.Contains(stderr, "exists") {
		t.Errorf("init over an existing file: exit %d %q, want a refusal", code, stderr)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"typo in a key", "languages:\n  source: en\n  targte: zh\n", "line 3: unknown key targte"},
		{"unknown check", "checks:\n  omision: {severity: error}\n", ":2: checks.omision: unknown check"},
		{"bad severity", "checks:\n  numbers:\n    severity: fatal\n", ":3: checks.numbers.severity: unknown severity \"fatal\""},
		{"threshold on the wrong check", "checks:\n  omission: {max_z: 2}\n", ":2: checks.omission.max_z: max_z belongs to length_ratio"},
		{"coverage out of range", "checks:\n  coverage: {min_coverage: 2}\n", "checks.coverage.min_coverage: must be between 0 and 1"},
		{"bad gate", "gate:\n  fail_on: sometimes\n", ":2: gate.fail_on: use error, warning or never"},
		{"bad output format", "outputs:\n  - {format: pdf, path: r.pdf}\n", `unknown format "pdf"`},
		{"confidence out of range", "min_confidence: 1.5\n", ":1: min_confidence: a number from 0 to 1, not 1.5"},
		{"enabling an unknown check", "checks:\n  nmes: {enabled: true}\n", ":2: checks.nmes: unknown check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(p, []byte(tt.yaml), 0o644)
			_, err := loadConfig(p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), p) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// A configuration found in the working folder sets the checks; flags win
// over it.
func TestConfigAppliesAndFlagsOverride(t *testing.T) {
	root := repoRoot
	dir := t.TempDir()
	cfg := "paths: [" + filepath.Join(root, "testdata/seed") + "]\nchecks:\n  omission: {severity: warning}\n  numbers: {enabled: false}\n"
	os.WriteFile(filepath.Join(dir, ".transcheck.yaml"), []byte(cfg), 0o644)
	t.Chdir(dir)
	var out, errb strings.Builder
	code := run([]string{"check", "--format", "json"}, strings.NewReader(""), &out, &errb)
	if code != exitOK {
		t.Fatalf("with omissions as warnings and numbers off the seed passes; got exit %d: %s", code, errb.String())
	}
	if strings.Contains(out.String(), `"check": "numbers"`) {
		t.Error("numbers ran although the config disables it")
	}
	code = run([]string{"check", "--fail-on", "warning", "--format", "json"}, strings.NewReader(""), &out, &errb)
	if code != exitGate {
		t.Errorf("--fail-on warning must override the config's gate: exit %d", code)
	}
}

func TestGateOptions(t *testing.T) {
	// The seed has 9 findings and 93.2% completeness.
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"completeness", []string{"--fail-on", "never", "--min-completeness", "95"}, exitGate,
			"completeness under 95% in 1 document: testdata/seed/cyberspace-article.zh-en.txt 93.2%"},
		{"completeness met", []string{"--fail-on", "never", "--min-completeness", "90"}, exitOK, ""},
		{"max findings", []string{"--fail-on", "never", "--max-findings", "3"}, exitGate, "9 new findings, more than the 3 allowed"},
		{"max findings one under", []string{"--fail-on", "never", "--max-findings", "8"}, exitGate, "9 new findings, more than the 8 allowed"},
		{"max findings exactly met", []string{"--fail-on", "never", "--max-findings", "9"}, exitOK, ""},
		{"max findings met", []string{"--fail-on", "never", "--max-findings", "100"}, exitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// With a machine format on stdout, the verdict is on stderr.
			_, stderr, code := runIn(t, append(append([]string{"check", "--format", "json"}, tt.args...), "testdata/seed")...)
			if code != tt.code || !strings.Contains(stderr, tt.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.err)
			}
			if tt.code == exitOK && stderr != "" {
				t.Errorf("a passing gate printed %q", stderr)
			}
		})
	}
}

// The verdict is printed once: by the table when it is on standard output,
// else on standard error.
func TestVerdictOnce(t *testing.T) {
	stdout, stderr, code := runIn(t, "check", "testdata/seed")
	if code != exitGate {
		t.Fatalf("exit %d, want %d", code, exitGate)
	}
	if n := strings.Count(stdout+stderr, "gate failed"); n != 1 {
		t.Errorf("the verdict is printed %d times in the table run; stdout ends %q, stderr %q", n, tail(stdout, 200), stderr)
	}
	stdout, stderr, _ = runIn(t, "check", "--format", "json", "testdata/seed")
	if n := strings.Count(stderr, "gate failed"); n != 1 {
		t.Errorf("with JSON on stdout the verdict is on stderr %d times: %q", n, stderr)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// A baseline written on the seed survives an edit that shifts every line:
// only the finding the edit adds fails the gate.
func TestBaselineSurvivesEdits(t *testing.T) {
	root := repoRoot
	seed, err := os.ReadFile(filepath.Join(root, "testdata/seed/cyberspace-article.zh-en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "article.txt")
	base := filepath.Join(dir, "baseline.json")
	os.WriteFile(doc, seed, 0o644)
	t.Chdir(dir)
	var out, errb strings.Builder
	if code := run([]string{"check", "--write-baseline", base, "--fail-on", "never", doc}, nil, &out, &errb); code != exitOK {
		t.Fatalf("write baseline: exit %d %s", code, errb.String())
	}
	// Add a paragraph at the top (every line moves down by two) and an
	// untranslated English paragraph in the middle.
	lines := strings.Split(string(seed), "\n")
	edited := append([]string{"新增的第一段。 A new first paragraph.", ""}, lines[:20]...)
	edited = append(edited, "This English paragraph was added and never translated into Chinese.")
	edited = append(edited, lines[20:]...)
	os.WriteFile(doc, []byte(strings.Join(edited, "\n")), 0o644)
	out.Reset()
	errb.Reset()
	code := run([]string{"check", "--baseline", base, "--format", "json", doc}, nil, &out, &errb)
	if code != exitGate {
		t.Fatalf("exit %d, want 1 for the one new omission; stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "gate failed: 1 finding at error or above") {
		t.Errorf("stderr %q: want exactly one new error", errb.String())
	}
	var rep struct {
		Documents []struct {
			Findings []struct {
				Check     string
				Baselined bool
				Target    *struct{ Line int }
			}
		}
	}
	json.Unmarshal([]byte(out.String()), &rep)
	newOnes := 0
	for _, f := range rep.Documents[0].Findings {
		if !f.Baselined {
			newOnes++
			if f.Check != "omission" || f.Target == nil || f.Target.Line != 23 {
				t.Errorf("new finding %+v, want the omission at line 23", f)
			}
		}
	}
	if newOnes != 1 {
		t.Errorf("%d findings not baselined, want 1", newOnes)
	}
}

func TestSeveralOutputs(t *testing.T) {
	dir := t.TempDir()
	md, js := filepath.Join(dir, "r.md"), filepath.Join(dir, "r.json")
	stdout, stderr, code := runIn(t, "check", "-o", "markdown="+md, "-o", "json="+js, "-o", "table=-", "testdata/seed")
	if code != exitGate {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "gate failed") {
		t.Errorf("table on stdout missing: %q", stdout)
	}
	for _, p := range []string{md, js} {
		if b, err := os.ReadFile(p); err != nil || len(b) == 0 {
			t.Errorf("%s not written: %v", p, err)
		}
	}
	_, stderr, code = runIn(t, "check", "-o", "json=-", "-o", "markdown=-", "testdata/seed")
	if code != exitUsage || !strings.Contains(stderr, "only one report can go to standard output") {
		t.Errorf("two stdout reports: exit %d %q", code, stderr)
	}
}
