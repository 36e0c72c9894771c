package history

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// git runs the git command. Every call names its work tree with -C and
// leaves out the variables a git hook sets (GIT_DIR and the like), which
// would point every call at the hook's repository whatever the path.
type git struct {
	path string // the executable
	env  []string
}

// errNoGit says that the git command is not installed.
var errNoGit = errors.New("git is not installed (or not on PATH)")

// newGit finds the git executable: name when given, else "git" on PATH.
func newGit(name string) (*git, error) {
	if name == "" {
		name = "git"
	}
	path, err := exec.LookPath(name)
	if err != nil {
		return nil, errNoGit
	}
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR":
			continue
		}
		env = append(env, kv)
	}
	return &git{path: path, env: env}, nil
}

// command returns the command for args in the work tree dir; the -c
// settings make the output the same whatever the user's configuration.
func (g *git) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append([]string{"-C", dir, "-c", "core.quotepath=false", "-c", "color.ui=false"}, args...)
	cmd := exec.CommandContext(ctx, g.path, full...)
	cmd.Env = g.env
	return cmd
}

// output runs git and returns its standard output; a failure's error
// carries what git said on standard error.
func (g *git) output(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := g.command(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, gitError(args, err, stderr.Bytes())
	}
	return out, nil
}

// stream runs git and hands its standard output to read as it comes.
func (g *git) stream(ctx context.Context, dir string, read func(io.Reader) error, args ...string) error {
	cmd := g.command(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return gitError(args, err, nil)
	}
	rerr := read(out)
	if rerr != nil {
		// Stop git rather than wait for it to write what nobody reads.
		cmd.Process.Kill()
		io.Copy(io.Discard, out)
	}
	werr := cmd.Wait()
	if rerr != nil {
		return rerr
	}
	if werr != nil {
		return gitError(args, werr, stderr.Bytes())
	}
	return nil
}

// gitError names the git subcommand and gives git's own message, its
// first line, which says what is wrong ("detected dubious ownership",
// "bad object").
func gitError(args []string, err error, stderr []byte) error {
	msg := strings.TrimSpace(string(stderr))
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.TrimPrefix(msg, "fatal: ")
	if msg == "" {
		msg = err.Error()
	}
	sub := ""
	if len(args) > 0 {
		sub = args[0]
	}
	return fmt.Errorf("git %s: %s", sub, msg)
}

// workTree returns the folder holding the .git (a folder, or a file in a
// linked work tree or submodule) nearest above dir, or "". It asks no
// process: a run over files outside any repository never starts git.
func workTree(dir string, cache map[string]string) string {
	var seen []string
	root := ""
	for d := dir; ; {
		if r, ok := cache[d]; ok {
			root = r
			break
		}
		seen = append(seen, d)
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range seen {
		cache[d] = root
	}
	return root
}

// RealPath returns the absolute path with symbolic links resolved, as git
// names its work tree; path itself when that fails.
func RealPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// WorkTree returns the git work tree that holds the file or folder at
// path (the folder with the .git nearest above it), or "" when there is
// none. It starts no process.
func WorkTree(path string) string {
	real := RealPath(path)
	dir := real
	if info, err := os.Stat(real); err != nil || !info.IsDir() {
		dir = filepath.Dir(real)
	}
	return workTree(dir, map[string]string{})
}
