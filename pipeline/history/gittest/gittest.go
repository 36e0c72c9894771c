// Package gittest builds git repositories in temporary folders for tests:
// commits carry fixed dates and a fixed author, and git runs without the
// user's or the system's configuration, so histories are the same on
// every machine.
package gittest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Need skips the test when git is not installed.
func Need(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: skipping the tests that build repositories")
	}
}

// Day returns noon UTC of a day of March 2026.
func Day(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }

// Repo is a git repository in a temporary folder.
type Repo struct {
	T   testing.TB
	Dir string
}

// New makes an empty repository (branch main) in a temporary folder.
func New(t testing.TB) *Repo {
	t.Helper()
	Need(t)
	r := &Repo{T: t, Dir: t.TempDir()}
	r.Git(Day(1), "init", "-q", "-b", "main")
	return r
}

// Env is the environment of the tests' git commands: no user or system
// configuration, a fixed author, the given date.
func Env(when time.Time) []string {
	date := fmt.Sprintf("%d +0000", when.Unix())
	env := []string{"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + os.DevNull,
		"GIT_AUTHOR_NAME=Translator", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=Translator", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return env
}

// Run runs git in dir at the given date and returns its output, trimmed.
func Run(t testing.TB, dir string, when time.Time, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = Env(when)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Git runs git in the repository at the given date.
func (r *Repo) Git(when time.Time, args ...string) string {
	r.T.Helper()
	return Run(r.T, r.Dir, when, args...)
}

// Path returns a file's path (slash path relative to the repository).
func (r *Repo) Path(rel string) string { return filepath.Join(r.Dir, filepath.FromSlash(rel)) }

// Write writes a file, making its folders.
func (r *Repo) Write(rel, text string) {
	r.T.Helper()
	p := r.Path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.T.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.T.Fatal(err)
	}
}

// Commit writes the files (path, then text, in turn) and commits every
// change of the work tree at the date; it returns the commit's hash.
func (r *Repo) Commit(when time.Time, msg string, files ...string) string {
	r.T.Helper()
	for i := 0; i+1 < len(files); i += 2 {
		r.Write(files[i], files[i+1])
	}
	r.Git(when, "add", "-A")
	r.Git(when, "commit", "-q", "--allow-empty", "-m", msg)
	return r.Git(when, "rev-parse", "HEAD")
}

// Lines joins lines with a final line break, as files are written.
func Lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
