package history

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// repo is one git work tree and the part of its history the run needs.
type repo struct {
	root    string // the top level, as git names it (symbolic links resolved)
	shallow map[string]bool
	// commits are the commits that touched the files of interest (or the
	// folder that holds them), children before parents (--topo-order);
	// parents are rewritten to the commits listed, as git log --parents
	// does for a limited path.
	commits []commit
	byHash  map[string]int
	linear  bool // no commit has two parents: ancestry is list order
	// watch maps a path (as it is now, then as it was before each rename
	// met going back) to the files followed under it.
	watch map[string][]*track
	files map[string]*track // by path at HEAD
	err   error
	// hashes holds the parents' hashes while the log is read; each
	// commit's parents index it until every commit is listed.
	hashes []string

	mu        sync.Mutex
	ancestors map[int][]bool // by commit: its ancestors, itself included
}

// commit is one commit of the walk.
type commit struct {
	hash    string
	parents []int
	time    int64
	subject string
}

// track follows one file back through the walk.
type track struct {
	path   string // at HEAD
	first  bool   // only the last change is wanted (a translation)
	events []event
	done   bool
}

// event is a commit that changed a followed file: its status (A, M, D, R,
// T) and the file's name before and after the commit.
type event struct {
	commit        int
	status        byte
	before, after string
}

// openRepo asks git for the work tree's top level and whether its history
// is shallow, and reads the commits where it is cut.
func openRepo(ctx context.Context, g *git, dir string) *repo {
	r := &repo{root: dir, shallow: map[string]bool{}, watch: map[string][]*track{}, files: map[string]*track{}}
	out, err := g.output(ctx, dir, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow")
	if err != nil {
		r.err = err
		return r
	}
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) < 3 {
		r.err = fmt.Errorf("git rev-parse: unexpected output %q", out)
		return r
	}
	r.root = RealPath(lines[0])
	if lines[1] == "true" {
		p := lines[2]
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			r.err = fmt.Errorf("reading %s: %w", p, err)
			return r
		}
		for _, h := range strings.Fields(string(data)) {
			r.shallow[h] = true
		}
	}
	return r
}

// follow adds a file (slash path relative to the top level) to follow.
func (r *repo) follow(rel string, first bool) *track {
	if t, ok := r.files[rel]; ok {
		t.first = t.first && first
		return t
	}
	t := &track{path: rel, first: first}
	r.files[rel] = t
	r.watch[rel] = append(r.watch[rel], t)
	return t
}

// walk reads the history of the followed files with one git log over the
// folder that holds them all: each commit with its rewritten parents, its
// date and subject, and the files it changed with renames detected; a
// followed file's earlier name is taken from the rename as the walk goes
// back, as git log --follow does for one file.
func (r *repo) walk(ctx context.Context, g *git) {
	if r.err != nil || len(r.files) == 0 {
		return
	}
	args := []string{"log", "-z", "--topo-order", "--parents", "--name-status", "-M", "--root",
		"--no-show-signature", "--no-ext-diff", "--no-textconv",
		"--format=%x01%H %P%x1f%ct%x1f%s"}
	if dir := commonDir(r.files); dir != "" {
		args = append(args, "--", dir)
	}
	err := g.stream(ctx, r.root, r.parseLog, args...)
	if err != nil {
		if r.unborn(ctx, g) {
			// A repository with no commit yet: nothing is committed, so
			// nothing is behind.
			r.commits = nil
			return
		}
		r.err = err
		return
	}
	r.byHash = make(map[string]int, len(r.commits))
	for i, c := range r.commits {
		r.byHash[c.hash] = i
	}
	r.linear = true
	for i := range r.commits {
		c := &r.commits[i]
		ps := c.parents[:0]
		for _, p := range c.parents {
			// A parent not listed is past a shallow boundary.
			if pi, ok := r.byHash[r.hashes[p]]; ok {
				ps = append(ps, pi)
			}
		}
		c.parents = ps
		if len(ps) > 1 {
			r.linear = false
		}
	}
	r.hashes = nil
}

// unborn reports whether HEAD names no commit yet.
func (r *repo) unborn(ctx context.Context, g *git) bool {
	_, err := g.output(ctx, r.root, "rev-parse", "--verify", "--quiet", "HEAD")
	return err != nil
}

// commonDir returns the deepest folder (slash path) holding every file,
// "" for the top level.
func commonDir(files map[string]*track) string {
	dir, first := "", true
	for p := range files {
		d := path.Dir(p)
		if d == "." {
			return ""
		}
		if first {
			dir, first = d, false
			continue
		}
		for dir != "" && d != dir && !strings.HasPrefix(d, dir+"/") {
			if i := strings.LastIndexByte(dir, '/'); i >= 0 {
				dir = dir[:i]
			} else {
				dir = ""
			}
		}
		if dir == "" {
			return ""
		}
	}
	return dir
}

// parseLog reads git log -z output: each commit is "\x01HASH PARENTS\x1f
// TIME\x1fSUBJECT" then, NUL-separated, a status and one path (two for a
// rename or copy) per changed file.
func (r *repo) parseLog(out io.Reader) error {
	br := bufio.NewReaderSize(out, 256<<10)
	cur := -1
	for {
		tok, err := br.ReadString(0)
		if err == io.EOF && tok == "" {
			return nil
		}
		if err != nil && err != io.EOF {
			return err
		}
		tok = strings.TrimSuffix(tok, "\x00")
		tok = strings.TrimLeft(tok, "\n")
		if strings.HasPrefix(tok, "\x01") {
			c, perr := r.parseHeader(tok[1:])
			if perr != nil {
				return perr
			}
			r.commits = append(r.commits, c)
			cur = len(r.commits) - 1
			continue
		}
		if tok == "" {
			continue
		}
		if cur < 0 {
			return fmt.Errorf("git log: output does not start with a commit: %q", tok)
		}
		status := tok[0]
		var before, after string
		if after, err = readPath(br); err != nil {
			return err
		}
		before = after
		if status == 'R' || status == 'C' {
			if after, err = readPath(br); err != nil {
				return err
			}
		}
		r.change(cur, status, before, after)
	}
}

func readPath(br *bufio.Reader) (string, error) {
	p, err := br.ReadString(0)
	if err != nil {
		return "", fmt.Errorf("git log: output cut in a file name: %w", err)
	}
	return strings.TrimSuffix(p, "\x00"), nil
}

// parseHeader reads a commit's hash, parents, date and subject.
func (r *repo) parseHeader(h string) (commit, error) {
	ids, rest, _ := strings.Cut(h, "\x1f")
	ts, subject, _ := strings.Cut(rest, "\x1f")
	fields := strings.Fields(ids)
	if len(fields) == 0 {
		return commit{}, fmt.Errorf("git log: commit with no hash: %q", h)
	}
	t, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return commit{}, fmt.Errorf("git log: commit %s: bad date %q", fields[0], ts)
	}
	c := commit{hash: fields[0], time: t, subject: subject}
	for _, p := range fields[1:] {
		c.parents = append(c.parents, len(r.hashes))
		r.hashes = append(r.hashes, p)
	}
	return c, nil
}

// change records a commit's change to a path if a followed file goes by
// that name at this point of the walk.
func (r *repo) change(ci int, status byte, before, after string) {
	ts := r.watch[after]
	if len(ts) == 0 {
		return
	}
	var keep []*track
	for _, t := range ts {
		if t.done {
			continue
		}
		t.events = append(t.events, event{commit: ci, status: status, before: before, after: after})
		switch {
		case t.first, status == 'A':
			// A translation needs its last change only; a file added
			// here has no earlier history under this name.
			t.done = true
		case status == 'R' || status == 'C':
			r.watch[before] = append(r.watch[before], t)
		default:
			keep = append(keep, t)
		}
	}
	if status == 'R' || status == 'C' || len(keep) == 0 {
		if len(keep) > 0 {
			r.watch[before] = append(r.watch[before], keep...)
		}
		delete(r.watch, after)
		return
	}
	r.watch[after] = keep
}

// time returns a commit's date.
func (r *repo) time(i int) time.Time { return time.Unix(r.commits[i].time, 0).UTC() }

// isAncestor reports whether commit a is commit b or one of its ancestors
// among the commits listed.
func (r *repo) isAncestor(a, b int) bool {
	if r.linear {
		return a >= b
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	set, ok := r.ancestors[b]
	if !ok {
		set = make([]bool, len(r.commits))
		stack := []int{b}
		set[b] = true
		for len(stack) > 0 {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, p := range r.commits[c].parents {
				if !set[p] {
					set[p] = true
					stack = append(stack, p)
				}
			}
		}
		if r.ancestors == nil {
			r.ancestors = map[int][]bool{}
		}
		r.ancestors[b] = set
	}
	return set[a]
}

// resolve returns the listed commit whose hash starts with prefix (a
// marker's abbreviated hash), or -1; -2 when several do.
func (r *repo) resolve(prefix string) int {
	prefix = strings.ToLower(prefix)
	if i, ok := r.byHash[prefix]; ok {
		return i
	}
	found := -1
	for i, c := range r.commits {
		if strings.HasPrefix(c.hash, prefix) {
			if found >= 0 {
				return -2
			}
			found = i
		}
	}
	return found
}

// oldest returns the date of the oldest commit listed.
func (r *repo) oldest() time.Time {
	var t int64
	for i, c := range r.commits {
		if i == 0 || c.time < t {
			t = c.time
		}
	}
	return time.Unix(t, 0).UTC()
}
