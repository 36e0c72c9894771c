package history

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testRepo is a git repository in a temporary folder whose commits carry
// fixed dates, so histories and the days they give are the same on every
// run.
type testRepo struct {
	t   *testing.T
	dir string
}

// needGit skips the test when git is not installed.
func needGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: skipping the tests that build repositories")
	}
}

// day returns noon UTC of a day of March 2026.
func day(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	needGit(t)
	r := &testRepo{t: t, dir: t.TempDir()}
	r.git(day(1), "init", "-q", "-b", "main")
	return r
}

// gitEnv is the environment of the tests' git commands: no user or system
// configuration, a fixed author, the given date.
func gitEnv(when time.Time) []string {
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

// runGit runs git in dir at the given date and returns its output.
func runGit(t testing.TB, dir string, when time.Time, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv(when)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *testRepo) git(when time.Time, args ...string) string {
	r.t.Helper()
	return runGit(r.t, r.dir, when, args...)
}

// path returns the file's path in the repository's folder.
func (r *testRepo) path(rel string) string { return filepath.Join(r.dir, filepath.FromSlash(rel)) }

func (r *testRepo) write(rel, text string) {
	r.t.Helper()
	p := r.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit writes the files (path, then text) and commits everything at the
// date; it returns the commit's hash.
func (r *testRepo) commit(when time.Time, msg string, files ...string) string {
	r.t.Helper()
	for i := 0; i+1 < len(files); i += 2 {
		r.write(files[i], files[i+1])
	}
	r.git(when, "add", "-A")
	r.git(when, "commit", "-q", "--allow-empty", "-m", msg)
	return r.git(when, "rev-parse", "HEAD")
}

// lines joins lines with a final line break, as files are written.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
