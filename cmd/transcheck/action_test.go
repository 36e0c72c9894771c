package main

// The GitHub Action at the repository root (action.yml) is tested here by
// running its bash steps the way a runner does: each step's env: with its
// ${{ }} expressions evaluated, the runner's files (GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_PATH, GITHUB_ENV) read back between steps,
// and uses: steps (setup-go, cache, upload-sarif, upload-artifact) not run
// but their if: and with: evaluated, so a test can say whether they would
// run and with what.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionFile is the part of action.yml the tests read; unknown keys are an
// error, so a misspelt key (continue_on_error) fails the test instead of
// being ignored by it and by GitHub.
type actionFile struct {
	Name        string                  `yaml:"name"`
	Description string                  `yaml:"description"`
	Author      string                  `yaml:"author"`
	Branding    map[string]string       `yaml:"branding"`
	Inputs      map[string]actionInput  `yaml:"inputs"`
	Outputs     map[string]actionOutput `yaml:"outputs"`
	Runs        struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionInput struct {
	Description string  `yaml:"description"`
	Default     *string `yaml:"default"`
	Required    bool    `yaml:"required"`
}

type actionOutput struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	With             map[string]any    `yaml:"with"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	Env              map[string]string `yaml:"env"`
	ContinueOnError  bool              `yaml:"continue-on-error"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// actionRoot is the repository root, found from the test's working
// directory (cmd/transcheck) by the go.mod of this module.
func actionRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.HasPrefix(data, []byte("module github.com/transcheck/transcheck\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod of github.com/transcheck/transcheck above the working directory")
		}
		dir = parent
	}
}

func loadAction(t *testing.T, root string) *actionFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var a actionFile
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return &a
}

func (a *actionFile) step(id string) *actionStep {
	for i := range a.Runs.Steps {
		if a.Runs.Steps[i].ID == id {
			return &a.Runs.Steps[i]
		}
	}
	return nil
}

func (a *actionFile) stepUsing(action string) *actionStep {
	for i := range a.Runs.Steps {
		if strings.HasPrefix(a.Runs.Steps[i].Uses, action+"@") {
			return &a.Runs.Steps[i]
		}
	}
	return nil
}

func TestActionMetadata(t *testing.T) {
	a := loadAction(t, actionRoot(t))
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using is %q, want composite", a.Runs.Using)
	}
	if a.Name == "" || a.Description == "" {
		t.Error("the action needs a name and a description (the Marketplace shows them)")
	}
	wantDefaults := map[string]string{
		"paths": ".", "baseline": ".transcheck-baseline.json", "fail-on": "error",
		"args": "", "sarif": "true", "markdown": "true", "version": "",
	}
	for name, want := range wantDefaults {
		in, ok := a.Inputs[name]
		switch {
		case !ok:
			t.Errorf("input %s is missing", name)
		case in.Default == nil:
			t.Errorf("input %s has no default", name)
		case *in.Default != want:
			t.Errorf("input %s defaults to %q, want %q", name, *in.Default, want)
		}
	}
	for name, in := range a.Inputs {
		if strings.TrimSpace(in.Description) == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	for _, name := range []string{"exit-code", "sarif-file"} {
		if o, ok := a.Outputs[name]; !ok || o.Description == "" || o.Value == "" {
			t.Errorf("output %s is missing, or has no description or value", name)
		}
	}
	var used strings.Builder // every expression outside run: scripts
	for _, o := range a.Outputs {
		used.WriteString(o.Value + "\n")
	}
	for i, s := range a.Runs.Steps {
		name := fmt.Sprintf("step %d (%s)", i+1, s.Name)
		if (s.Run == "") == (s.Uses == "") {
			t.Errorf("%s: a step has either run: or uses:", name)
		}
		used.WriteString(s.If + "\n")
		for _, v := range s.Env {
			used.WriteString(v + "\n")
		}
		for _, v := range s.With {
			fmt.Fprintln(&used, v)
		}
		if s.Run == "" {
			continue
		}
		if s.Shell != "bash" {
			t.Errorf("%s: shell is %q, want bash", name, s.Shell)
		}
		if !strings.HasPrefix(s.Run, "set -euo pipefail\n") {
			t.Errorf("%s: the script does not start with set -euo pipefail", name)
		}
		// An expression in a script is pasted into it before bash reads
		// it: an input holding "$(curl …)" or a quote would become code.
		// Values reach scripts through env: only.
		if strings.Contains(s.Run, "${{") {
			t.Errorf("%s: the script has a ${{ }} expression; pass the value through env:", name)
		}
	}
	for name := range a.Inputs {
		if !strings.Contains(used.String(), "inputs."+name+" ") {
			t.Errorf("input %s is declared and never used", name)
		}
	}
	for _, id := range []string{"install", "check"} {
		if a.step(id) == nil {
			t.Errorf("no step with id %s (the tests replace install and read check's outputs)", id)
		}
	}
	up := a.stepUsing("github/codeql-action/upload-sarif")
	if up == nil {
		t.Fatal("no github/codeql-action/upload-sarif step")
	}
	if !up.ContinueOnError {
		t.Error("the SARIF upload has no continue-on-error: a private repository without code scanning would fail the job")
	}
	if up.If == "" {
		t.Error("the SARIF upload has no if: it would run on fork pull requests, whose token cannot write security events")
	}
	last := a.Runs.Steps[len(a.Runs.Steps)-1]
	if last.Run == "" || !strings.Contains(last.Env["EXIT_CODE"], "steps.check.outputs.exit-code") {
		t.Error("the last step must be the gate: a run: step that exits with the check's exit code")
	}
}

// TestActionExample checks that the example workflow uses the action
// with inputs it has, and grants what the SARIF upload needs.
func TestActionExample(t *testing.T) {
	root := actionRoot(t)
	a := loadAction(t, root)
	data, err := os.ReadFile(filepath.Join(root, "examples", "github-actions", "translations.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var w struct {
		On          map[string]any    `yaml:"on"`
		Permissions map[string]string `yaml:"permissions"`
		Jobs        map[string]struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("the example workflow: %v", err)
	}
	if _, ok := w.On["pull_request"]; !ok {
		t.Error("the example workflow does not run on pull requests")
	}
	if w.Permissions["contents"] != "read" || w.Permissions["security-events"] != "write" {
		t.Errorf("the example workflow grants %v, want contents: read and security-events: write", w.Permissions)
	}
	uses := 0
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			if !strings.HasPrefix(s.Uses, "transcheck/transcheck@") {
				continue
			}
			uses++
			for name := range s.With {
				if _, ok := a.Inputs[name]; !ok {
					t.Errorf("the example passes %s, which the action does not have", name)
				}
			}
		}
	}
	if uses != 1 {
		t.Errorf("the example uses transcheck/transcheck %d times, want once", uses)
	}
}

// TestActionUploadCondition evaluates the SARIF upload's if: where code
// scanning can and cannot take it.
func TestActionUploadCondition(t *testing.T) {
	a := loadAction(t, actionRoot(t))
	up := a.stepUsing("github/codeql-action/upload-sarif")
	if up == nil {
		t.Fatal("no github/codeql-action/upload-sarif step")
	}
	pr, push := actionPullRequest, actionPush
	dependabot := pr("docs/site")
	dependabot["actor"] = "dependabot[bot]"
	for _, c := range []struct {
		name      string
		github    map[string]any
		sarif     string
		sarifFile string
		want      bool
	}{
		{"push", push, "true", "/tmp/t.sarif", true},
		{"pull request from a branch", pr("docs/site"), "true", "/tmp/t.sarif", true},
		{"pull request from a fork", pr("someone/site"), "true", "/tmp/t.sarif", false},
		{"pull request from a deleted fork", pr(""), "true", "/tmp/t.sarif", false},
		{"Dependabot", dependabot, "true", "/tmp/t.sarif", false},
		{"sarif false", push, "false", "/tmp/t.sarif", false},
		{"no SARIF written", push, "true", "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := &exprContext{
				action: a,
				inputs: actionInputs(a, map[string]string{"sarif": c.sarif}),
				steps:  map[string]map[string]string{"check": {"sarif-file": c.sarifFile}},
				github: c.github,
			}
			got, err := x.condition(up.If)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("the upload would run: %v, want %v", got, c.want)
			}
		})
	}
}

// TestActionInstall runs the install step with a stand-in for go that
// records how it is called: a build of the action's own source, or a go
// install of the version asked for, into a folder put on the PATH.
func TestActionInstall(t *testing.T) {
	bash := actionBash(t)
	root := actionRoot(t)
	a := loadAction(t, root)
	fake := t.TempDir()
	script := "#!/usr/bin/env bash\n" +
		`printf '%s|%s|%s\n' "$PWD" "${GOBIN-}" "$*" >>"$FAKE_GO_LOG"` + "\n"
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		version string
		inRoot  bool   // go runs in the action's path, else in the workspace
		gobin   string // $BIN: the folder put on the PATH
		args    string
		key     string // the end of the cache key
	}{
		{"", true, "", "build -trimpath -o $BIN/ ./cmd/transcheck", "-source"},
		{"v1.2.3", false, "$BIN", "install github.com/transcheck/transcheck/cmd/transcheck@v1.2.3", "-v1.2.3"},
	} {
		t.Run("version="+c.version, func(t *testing.T) {
			log := filepath.Join(t.TempDir(), "go.log")
			e := newActionEmulator(t, bash, a, root, t.TempDir())
			e.pathFirst = []string{fake}
			e.env["FAKE_GO_LOG"] = log
			e.stopAfter = "install"
			r := e.run(map[string]string{"version": c.version}, actionPush)
			if r.failed {
				t.Fatalf("a step failed:\n%s", r.log())
			}
			bin := filepath.Join(e.runnerTemp, "transcheck-bin")
			if !slices.Contains(r.pathAdded, bin) {
				t.Errorf("GITHUB_PATH got %q, want %s", r.pathAdded, bin)
			}
			if key := r.outputs["go-cache"]["key"]; !strings.HasSuffix(key, c.key) {
				t.Errorf("cache key %q does not end in %q", key, c.key)
			}
			data, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			dir := e.workspace
			if c.inRoot {
				dir = root
			}
			want := dir + "|" + strings.ReplaceAll(c.gobin, "$BIN", bin) + "|" + strings.ReplaceAll(c.args, "$BIN", bin)
			if !slices.Contains(strings.Split(string(data), "\n"), want) {
				t.Errorf("go was not run as %q; it was run as (dir|GOBIN|args):\n%s", want, data)
			}
		})
	}
}

// TestActionRun runs the action on a workspace holding the seed article,
// as a docs repository would: a first run that creates the baseline, a
// second that passes on it, then a new omission that fails the gate.
func TestActionRun(t *testing.T) {
	bash := actionBash(t)
	root := actionRoot(t)
	a := loadAction(t, root)
	bin := actionBuildTranscheck(t, root)
	ws := t.TempDir()
	seed := filepath.Join(ws, "testdata", "seed", "cyberspace-article.zh-en.txt")
	article, err := os.ReadFile(filepath.Join(root, "testdata", "seed", "cyberspace-article.zh-en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(seed), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(seed, article, 0o644); err != nil {
		t.Fatal(err)
	}
	baseline := filepath.Join(ws, ".transcheck-baseline.json")
	runAction := func(t *testing.T, inputs map[string]string, github map[string]any) *actionResult {
		e := newActionEmulator(t, bash, a, root, ws)
		e.replace = map[string]func(*actionResult){
			// The binary built once stands in for the build of each run.
			"install": func(r *actionResult) { r.pathAdded = append(r.pathAdded, bin) },
		}
		return e.run(inputs, github)
	}
	const annotation = "::error file=testdata/seed/cyberspace-article.zh-en.txt,line=1,title=omission (baseline)::English paragraph has no Chinese counterpart"

	if !t.Run("first run creates the baseline", func(t *testing.T) {
		r := runAction(t, map[string]string{"paths": "testdata/seed"}, actionPush)
		r.wantGate(t, 0)
		r.wantOutput(t, "baseline-created", "true")
		var b struct {
			Findings []struct{ Path string }
		}
		data, err := os.ReadFile(baseline)
		if err != nil {
			t.Fatalf("no baseline: %v\n%s", err, r.log())
		}
		if err := json.Unmarshal(data, &b); err != nil || len(b.Findings) == 0 || b.Findings[0].Path != "testdata/seed/cyberspace-article.zh-en.txt" {
			t.Errorf("the baseline holds no findings of the seed (%v):\n%s", err, data)
		}
		check := r.stepByID("check")
		if !strings.Contains(check.stdout, "Created .transcheck-baseline.json with") || !strings.Contains(check.stdout, "Commit it") {
			t.Errorf("the log does not say to commit the new baseline:\n%s", check.stdout)
		}
		if !strings.Contains(r.summary, "**Commit `.transcheck-baseline.json`**") {
			t.Errorf("the job summary does not say to commit the new baseline:\n%s", r.summary)
		}
		// Checked against the new baseline: every finding is reported, as baselined.
		if !strings.Contains(check.stdout, annotation) {
			t.Errorf("no annotation %q on stdout:\n%s", annotation, check.stdout)
		}
		if !strings.Contains(r.summary, "## ✅ transcheck passed") ||
			!strings.Contains(r.summary, "| testdata/seed/cyberspace-article.zh-en.txt | zh→en |") ||
			!strings.Contains(r.summary, "| error (baseline) |") {
			t.Errorf("the job summary does not hold the Markdown report:\n%s", r.summary)
		}
		sarif := r.outputs["check"]["sarif-file"]
		r.wantOutput(t, "sarif-file", sarif)
		actionWantSARIF(t, sarif)
		if !strings.HasPrefix(sarif, r.runnerTemp+string(filepath.Separator)) {
			t.Errorf("the SARIF file %s is not in RUNNER_TEMP %s", sarif, r.runnerTemp)
		}
		up := r.stepUsing("github/codeql-action/upload-sarif")
		if !up.ran || up.with["sarif_file"] != sarif {
			t.Errorf("on a push, the SARIF upload would run %v with %q, want it to run with %s", up.ran, up.with["sarif_file"], sarif)
		}
		if art := r.stepUsing("actions/upload-artifact"); !art.ran || art.with["path"] != ".transcheck-baseline.json" {
			t.Errorf("the new baseline would be uploaded %v from %q, want it uploaded from .transcheck-baseline.json", art.ran, art.with["path"])
		}
	}) {
		return
	}
	first, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatal(err)
	}

	if !t.Run("second run passes on the baseline", func(t *testing.T) {
		r := runAction(t, map[string]string{"paths": "testdata/seed"}, actionPullRequest("docs/site"))
		r.wantGate(t, 0)
		r.wantOutput(t, "baseline-created", "false")
		check := r.stepByID("check")
		if !strings.Contains(check.stdout, annotation) {
			t.Errorf("the baselined findings are not reported; no %q on stdout:\n%s", annotation, check.stdout)
		}
		if strings.Contains(check.stdout, "Created .transcheck-baseline.json") || strings.Contains(r.summary, "baseline created") {
			t.Errorf("the second run says it created the baseline:\n%s\n%s", check.stdout, r.summary)
		}
		if now, _ := os.ReadFile(baseline); !bytes.Equal(now, first) {
			t.Error("the second run changed the baseline")
		}
		if !r.stepUsing("github/codeql-action/upload-sarif").ran {
			t.Error("on a pull request from a branch of the repository, the SARIF upload would not run")
		}
		if r.stepUsing("actions/upload-artifact").ran {
			t.Error("the baseline artifact would be uploaded though the baseline was not created")
		}
	}) {
		return
	}

	// Delete a Chinese paragraph: its English now has no counterpart, a
	// new omission that the baseline does not hold.
	text := string(article)
	zh, en := strings.Index(text, "中美同为世界上两个最大的经济体"), strings.Index(text, "As the two biggest economies")
	if zh < 0 || en < zh {
		t.Fatal("the seed article changed: update the paragraph this test deletes")
	}
	if err := os.WriteFile(seed, []byte(text[:zh]+text[en:]), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("a new omission fails the gate", func(t *testing.T) {
		r := runAction(t, map[string]string{"paths": "testdata/seed"}, actionPullRequest("someone/site"))
		r.wantGate(t, 1)
		check := r.stepByID("check")
		if check.code != 0 {
			t.Errorf("the check step exited %d; it must record the exit code and let the uploads run", check.code)
		}
		if want := "::error file=testdata/seed/cyberspace-article.zh-en.txt,line=7,title=omission::"; !strings.Contains(check.stdout, want) {
			t.Errorf("no annotation %q for the new omission:\n%s", want, check.stdout)
		}
		if !strings.Contains(r.summary, "## ❌ transcheck failed") {
			t.Errorf("the job summary does not say the gate failed:\n%s", r.summary)
		}
		if r.stepUsing("github/codeql-action/upload-sarif").ran {
			t.Error("the SARIF upload would run on a pull request from a fork")
		}
	})

	t.Run("args, and no SARIF upload or Markdown", func(t *testing.T) {
		r := runAction(t, map[string]string{
			"paths": "testdata/seed", "fail-on": "never", "args": "--max-findings\n0", "sarif": "false", "markdown": "false",
		}, actionPush)
		r.wantGate(t, 1) // --max-findings 0, not fail-on, fails it
		if check := r.stepByID("check"); !strings.Contains(check.stderr, "more than the 0 allowed") {
			t.Errorf("args were not passed on; stderr:\n%s", check.stderr)
		}
		if r.stepUsing("github/codeql-action/upload-sarif").ran {
			t.Error("the SARIF upload would run with sarif: false")
		}
		if strings.Contains(r.summary, "transcheck") {
			t.Errorf("the job summary has a report with markdown: false:\n%s", r.summary)
		}
		r.wantOutput(t, "markdown-file", "")
	})

	t.Run("a bad input is exit code 2", func(t *testing.T) {
		r := runAction(t, map[string]string{"paths": "testdata/seed", "fail-on": "sometimes"}, actionPush)
		r.wantGate(t, 2)
		if r.stepUsing("github/codeql-action/upload-sarif").ran {
			t.Error("the SARIF upload would run though no SARIF was written")
		}
	})
}

func actionWantSARIF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no SARIF file: %v", err)
	}
	var s struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("the SARIF file is not JSON: %v", err)
	}
	if s.Version != "2.1.0" || len(s.Runs) != 1 || len(s.Runs[0].Results) == 0 {
		t.Errorf("the SARIF file has version %q, %d runs, want 2.1.0 and one run with results", s.Version, len(s.Runs))
	}
}

func actionBash(t *testing.T) string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: the action's steps are bash scripts")
	}
	return bash
}

// actionBuildTranscheck builds the command into a temporary folder and returns
// the folder. It builds without -race even under make test: a race binary
// runs the seed several times slower, and the action's plumbing, not
// transcheck's concurrency, is under test here.
func actionBuildTranscheck(t *testing.T, root string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not found on PATH: the test builds transcheck")
	}
	dir := t.TempDir()
	cmd := exec.Command(goTool, "build", "-o", dir+string(filepath.Separator), "./cmd/transcheck")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return dir
}

var actionPush = map[string]any{"event_name": "push", "repository": "docs/site", "actor": "alice", "event": map[string]any{}}

// actionPullRequest is the github context of a pull request from the
// repository head (owner/name): docs/site itself, or a fork.
func actionPullRequest(head string) map[string]any {
	return map[string]any{"event_name": "pull_request", "repository": "docs/site", "actor": "alice",
		"event": map[string]any{"pull_request": map[string]any{"head": map[string]any{"repo": map[string]any{"full_name": head}}}}}
}

// actionInputs is the inputs context: the values given, the defaults of
// the others.
func actionInputs(a *actionFile, given map[string]string) map[string]string {
	in := map[string]string{}
	for name, i := range a.Inputs {
		if i.Default != nil {
			in[name] = *i.Default
		}
	}
	maps.Copy(in, given)
	return in
}

// actionEmulator runs the action's steps as a runner would, in a
// workspace, with the repository root as the action's path.
type actionEmulator struct {
	t          *testing.T
	bash       string
	action     *actionFile
	root       string // the action's path
	workspace  string
	runnerTemp string
	env        map[string]string // the job's environment
	pathFirst  []string          // before the inherited PATH
	replace    map[string]func(*actionResult)
	stopAfter  string // a step id
}

func newActionEmulator(t *testing.T, bash string, a *actionFile, root, workspace string) *actionEmulator {
	env := map[string]string{}
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		// The runner's variables are the emulator's: a test run inside
		// GitHub Actions must not write to the real job's files.
		if !strings.HasPrefix(k, "GITHUB_") && !strings.HasPrefix(k, "RUNNER_") {
			env[k] = v
		}
	}
	e := &actionEmulator{t: t, bash: bash, action: a, root: root, workspace: workspace, runnerTemp: t.TempDir(), env: env}
	maps.Copy(env, map[string]string{
		"CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_ACTION_PATH": root, "GITHUB_WORKSPACE": workspace,
		"RUNNER_TEMP": e.runnerTemp, "RUNNER_OS": map[string]string{"darwin": "macOS", "windows": "Windows"}[runtime.GOOS],
		"RUNNER_ARCH": "X64",
	})
	if env["RUNNER_OS"] == "" {
		env["RUNNER_OS"] = "Linux"
	}
	return e
}

// actionResult is what a run of the action did.
type actionResult struct {
	runnerTemp string
	steps      []actionStepResult
	outputs    map[string]map[string]string // step id → its outputs
	action     map[string]string            // the action's outputs
	summary    string
	pathAdded  []string // GITHUB_PATH, in the order written
	failed     bool     // a step failed without continue-on-error
}

type actionStepResult struct {
	step           *actionStep
	ran            bool              // a uses: step "ran" when its if: held
	with           map[string]string // a uses: step's inputs, evaluated
	code           int
	stdout, stderr string
}

func (r *actionResult) stepByID(id string) *actionStepResult {
	for i := range r.steps {
		if r.steps[i].step.ID == id {
			return &r.steps[i]
		}
	}
	panic("no step " + id)
}

func (r *actionResult) stepUsing(action string) *actionStepResult {
	for i := range r.steps {
		if strings.HasPrefix(r.steps[i].step.Uses, action+"@") {
			return &r.steps[i]
		}
	}
	panic("no step using " + action)
}

// log is the run as a runner's log would show it, for failure messages.
func (r *actionResult) log() string {
	var b strings.Builder
	for _, s := range r.steps {
		fmt.Fprintf(&b, "== %s (ran %v, exit %d)\n%s%s", s.step.Name, s.ran, s.code, s.stdout, s.stderr)
	}
	return b.String()
}

// wantGate checks that every step but the gate succeeded and that the
// gate, the last step, exited with code, as did transcheck.
func (r *actionResult) wantGate(t *testing.T, code int) {
	t.Helper()
	gate := r.steps[len(r.steps)-1]
	if !gate.ran || gate.code != code || r.failed != (code != 0) {
		t.Fatalf("the gate step ran %v and exited %d (job failed %v), want exit %d\n%s", gate.ran, gate.code, r.failed, code, r.log())
	}
	for _, s := range r.steps[:len(r.steps)-1] {
		if s.ran && s.code != 0 {
			t.Fatalf("step %s exited %d before the gate\n%s", s.step.Name, s.code, r.log())
		}
	}
	r.wantOutput(t, "exit-code", fmt.Sprint(code))
}

func (r *actionResult) wantOutput(t *testing.T, name, want string) {
	t.Helper()
	if got, ok := r.action[name]; !ok || got != want {
		t.Errorf("output %s is %q, want %q", name, got, want)
	}
}

func (e *actionEmulator) run(given map[string]string, github map[string]any) *actionResult {
	t := e.t
	t.Helper()
	r := &actionResult{runnerTemp: e.runnerTemp, outputs: map[string]map[string]string{}}
	github = maps.Clone(github)
	github["action_path"] = e.root
	github["workspace"] = e.workspace
	x := &exprContext{action: e.action, inputs: actionInputs(e.action, given), steps: r.outputs, github: github,
		runner: map[string]any{"os": e.env["RUNNER_OS"], "temp": e.runnerTemp}}
	env := maps.Clone(e.env)
	files := t.TempDir()
	for i := range e.action.Runs.Steps {
		s := &e.action.Runs.Steps[i]
		res := actionStepResult{step: s}
		x.failed = r.failed
		ok, err := x.condition(s.If)
		if err != nil {
			t.Fatalf("step %s: if: %v", s.Name, err)
		}
		switch {
		case !ok:
		case e.replace[s.ID] != nil:
			res.ran = true
			e.replace[s.ID](r)
		case s.Uses != "":
			res.ran = true
			res.with = map[string]string{}
			for k, v := range s.With {
				if res.with[k], err = x.interpolate(fmt.Sprint(v)); err != nil {
					t.Fatalf("step %s: with.%s: %v", s.Name, k, err)
				}
			}
		default:
			res.ran = true
			e.runStep(x, s, &res, env, r, filepath.Join(files, fmt.Sprint(i)))
			if res.code != 0 && !s.ContinueOnError {
				r.failed = true
			}
		}
		r.steps = append(r.steps, res)
		if s.ID != "" && s.ID == e.stopAfter {
			break
		}
	}
	r.action = map[string]string{}
	for name, o := range e.action.Outputs {
		v, err := x.interpolate(o.Value)
		if err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		r.action[name] = v
	}
	return r
}

// runStep runs a run: step as `shell: bash` does (bash --noprofile
// --norc -eo pipefail FILE), with fresh runner files, then reads them back.
func (e *actionEmulator) runStep(x *exprContext, s *actionStep, res *actionStepResult, env map[string]string, r *actionResult, dir string) {
	t := e.t
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "script.sh")
	if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	stepEnv := maps.Clone(env)
	for _, name := range []string{"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_PATH", "GITHUB_ENV"} {
		stepEnv[name] = filepath.Join(dir, name)
		if err := os.WriteFile(stepEnv[name], nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The runner puts the latest GITHUB_PATH entry first.
	path := slices.Clone(r.pathAdded)
	slices.Reverse(path)
	stepEnv["PATH"] = strings.Join(append(append(path, e.pathFirst...), env["PATH"]), string(os.PathListSeparator))
	for k, v := range s.Env {
		var err error
		if stepEnv[k], err = x.interpolate(v); err != nil {
			t.Fatalf("step %s: env.%s: %v", s.Name, k, err)
		}
	}
	cmd := exec.Command(e.bash, "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = e.workspace
	if s.WorkingDirectory != "" {
		t.Fatalf("step %s: working-directory is not emulated", s.Name)
	}
	for k, v := range stepEnv {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res.stdout, res.stderr = stdout.String(), stderr.String()
	if ee, ok := err.(*exec.ExitError); ok {
		res.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("step %s: %v", s.Name, err)
	}
	read := func(name string) string {
		data, err := os.ReadFile(stepEnv[name])
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if s.ID != "" {
		r.outputs[s.ID] = actionRunnerFile(t, read("GITHUB_OUTPUT"))
	}
	maps.Copy(env, actionRunnerFile(t, read("GITHUB_ENV")))
	r.summary += read("GITHUB_STEP_SUMMARY")
	for line := range strings.Lines(read("GITHUB_PATH")) {
		if line = strings.TrimRight(line, "\r\n"); line != "" {
			r.pathAdded = append(r.pathAdded, line)
		}
	}
}

// actionRunnerFile reads GITHUB_OUTPUT or GITHUB_ENV: NAME=value lines,
// and NAME<<DELIMITER blocks for values of several lines.
func actionRunnerFile(t *testing.T, data string) map[string]string {
	values := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var lines []string
			for sc.Scan() && sc.Text() != delim {
				lines = append(lines, sc.Text())
			}
			values[name] = strings.Join(lines, "\n")
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("runner file line %q is neither NAME=value nor NAME<<DELIMITER", line)
		}
		values[name] = value
	}
	return values
}

// exprContext evaluates the ${{ }} expressions of the action: the
// operators ! == != && || and parentheses, string literals, true, false,
// null, the contexts inputs, steps, github and runner, and the status
// functions. Anything else is an error, so an expression the emulator
// does not know fails the test instead of being guessed at.
type exprContext struct {
	action *actionFile
	inputs map[string]string
	steps  map[string]map[string]string
	github map[string]any
	runner map[string]any
	failed bool
}

// condition evaluates an if:; like GitHub, a condition that calls no
// status function holds only while no step has failed.
func (x *exprContext) condition(expr string) (bool, error) {
	expr = strings.TrimSpace(expr)
	if strings.HasPrefix(expr, "${{") && strings.HasSuffix(expr, "}}") {
		expr = expr[3 : len(expr)-2]
	}
	if strings.TrimSpace(expr) == "" {
		expr = "success()"
	}
	toks, err := exprTokens(expr)
	if err != nil {
		return false, err
	}
	status := false
	for i, tok := range toks {
		if slices.Contains([]string{"success", "always", "failure", "cancelled"}, tok) && i+1 < len(toks) && toks[i+1] == "(" {
			status = true
		}
	}
	v, err := x.eval(toks)
	if err != nil {
		return false, fmt.Errorf("%q: %v", expr, err)
	}
	return exprTruthy(v) && (status || !x.failed), nil
}

// interpolate replaces each ${{ expression }} in s with its value.
func (x *exprContext) interpolate(s string) (string, error) {
	var b strings.Builder
	for {
		i := strings.Index(s, "${{")
		if i < 0 {
			return b.String() + s, nil
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return "", fmt.Errorf("%q: ${{ without }}", s)
		}
		toks, err := exprTokens(s[i+3 : i+j])
		if err != nil {
			return "", err
		}
		v, err := x.eval(toks)
		if err != nil {
			return "", fmt.Errorf("%q: %v", s[i:i+j+2], err)
		}
		b.WriteString(s[:i] + exprString(v))
		s = s[i+j+2:]
	}
}

func exprTokens(s string) ([]string, error) {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'':
			j := i + 1
			for ; j < len(s); j++ {
				if s[j] == '\'' {
					if j+1 < len(s) && s[j+1] == '\'' {
						j++
						continue
					}
					break
				}
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unterminated string in %q", s)
			}
			toks = append(toks, s[i:j+1])
			i = j + 1
		case strings.HasPrefix(s[i:], "==") || strings.HasPrefix(s[i:], "!=") ||
			strings.HasPrefix(s[i:], "&&") || strings.HasPrefix(s[i:], "||"):
			toks = append(toks, s[i:i+2])
			i += 2
		case strings.ContainsRune("!().", rune(c)):
			toks = append(toks, s[i:i+1])
			i++
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i + 1
			for j < len(s) && (s[j] == '_' || s[j] == '-' || s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			return nil, fmt.Errorf("the emulator does not evaluate %q in %q", s[i:], s)
		}
	}
	return toks, nil
}

func (x *exprContext) eval(toks []string) (any, error) {
	p := &exprParser{x: x, toks: toks}
	v, err := p.or()
	if err == nil && p.i < len(toks) {
		err = fmt.Errorf("unexpected %q", toks[p.i])
	}
	return v, err
}

type exprParser struct {
	x    *exprContext
	toks []string
	i    int
}

func (p *exprParser) peek() string {
	if p.i < len(p.toks) {
		return p.toks[p.i]
	}
	return ""
}

func (p *exprParser) next() string { t := p.peek(); p.i++; return t }

func (p *exprParser) or() (any, error) {
	v, err := p.and()
	for err == nil && p.peek() == "||" {
		p.next()
		var w any
		if w, err = p.and(); exprTruthy(v) {
			continue
		}
		v = w
	}
	return v, err
}

func (p *exprParser) and() (any, error) {
	v, err := p.unary()
	for err == nil && p.peek() == "&&" {
		p.next()
		var w any
		if w, err = p.unary(); !exprTruthy(v) {
			continue
		}
		v = w
	}
	return v, err
}

func (p *exprParser) unary() (any, error) {
	if p.peek() == "!" {
		p.next()
		v, err := p.unary()
		return !exprTruthy(v), err
	}
	return p.compare()
}

func (p *exprParser) compare() (any, error) {
	v, err := p.primary()
	if err != nil || (p.peek() != "==" && p.peek() != "!=") {
		return v, err
	}
	op := p.next()
	w, err := p.primary()
	if err != nil {
		return nil, err
	}
	_, vb := v.(bool)
	_, wb := w.(bool)
	if vb != wb {
		return nil, fmt.Errorf("comparing a boolean with a string: GitHub converts both to numbers; the emulator does not")
	}
	// GitHub compares strings ignoring case, and null as ''.
	eq := strings.EqualFold(exprString(v), exprString(w))
	return eq == (op == "=="), nil
}

func (p *exprParser) primary() (any, error) {
	tok := p.next()
	switch {
	case tok == "(":
		v, err := p.or()
		if err == nil && p.next() != ")" {
			err = fmt.Errorf("missing )")
		}
		return v, err
	case strings.HasPrefix(tok, "'"):
		return strings.ReplaceAll(tok[1:len(tok)-1], "''", "'"), nil
	case tok == "true" || tok == "false":
		return tok == "true", nil
	case tok == "null":
		return nil, nil
	case p.peek() == "(":
		p.next()
		if p.next() != ")" {
			return nil, fmt.Errorf("%s(): the emulator knows no function with arguments", tok)
		}
		switch tok {
		case "success":
			return !p.x.failed, nil
		case "failure":
			return p.x.failed, nil
		case "always":
			return true, nil
		case "cancelled":
			return false, nil
		}
		return nil, fmt.Errorf("the emulator does not know the function %s()", tok)
	case tok == "" || !(tok[0] == '_' || tok[0] >= 'a' && tok[0] <= 'z' || tok[0] >= 'A' && tok[0] <= 'Z'):
		return nil, fmt.Errorf("unexpected %q", tok)
	}
	path := []string{tok}
	for p.peek() == "." {
		p.next()
		path = append(path, p.next())
	}
	return p.x.lookup(path)
}

func (x *exprContext) lookup(path []string) (any, error) {
	name := strings.Join(path, ".")
	switch path[0] {
	case "inputs":
		v, ok := x.inputs[path[len(path)-1]]
		if len(path) != 2 || !ok {
			// GitHub gives '' for an undeclared input: a misspelt name
			// would pass an empty value without a word.
			return nil, fmt.Errorf("%s: no such input", name)
		}
		return v, nil
	case "steps":
		if len(path) != 4 || path[2] != "outputs" {
			return nil, fmt.Errorf("%s: the emulator reads only steps.ID.outputs.NAME", name)
		}
		if x.action.step(path[1]) == nil {
			return nil, fmt.Errorf("%s: no step has id %s", name, path[1])
		}
		if v, ok := x.steps[path[1]][path[3]]; ok {
			return v, nil
		}
		return nil, nil
	case "github", "runner":
		var v any = x.github
		if path[0] == "runner" {
			v = x.runner
		}
		for _, key := range path[1:] {
			m, ok := v.(map[string]any)
			if !ok {
				return nil, nil // a property of null is null
			}
			v = m[key]
		}
		return v, nil
	}
	return nil, fmt.Errorf("%s: the emulator has no context %s", name, path[0])
}

func exprTruthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	}
	return true
}

func exprString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	return fmt.Sprint(v)
}
