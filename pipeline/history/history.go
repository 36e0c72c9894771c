package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Pair is a source file and its translation, by the paths the run reads.
type Pair struct{ Source, Target string }

// Options are what reading the history needs to know.
type Options struct {
	// SourceRepo is a git work tree that holds the sources' history when
	// it is not the one the source files are in: the source pages are a
	// copy in the translation's repository, or a checkout of another. A
	// source file inside it is found by its path; a copy outside it by
	// the longest end of its path that names one file of the repository
	// (en/guide/x.md finds docs/guide/x.md).
	SourceRepo string
	// Now is the time of the run, from which the days a translation is
	// behind are counted; zero for the current time.
	Now time.Time
	// Git is the git command; "" for git on PATH.
	Git string
}

// History is the history of a run's pairs of files, read once: one git
// log walk per repository (see Read).
type History struct {
	git      *git
	records  map[Pair]*record
	problems []string
}

// record is what Read found for one pair.
type record struct {
	hist    *document.History // nil when nothing can be said
	diff    *diffSpec         // set when the translation is behind
	problem *document.Problem
	unknown string // why it cannot be told whether the pair is behind
}

// located is a pair whose files are both in git work trees.
type located struct {
	pair               Pair
	src, tgt           *repo
	srcRel, tgtRel     string
	srcTrack, tgtTrack *track
	copied             bool // the source read is a copy outside its repository
}

// Read reads the history of every pair whose files are in git work trees:
// for each repository one git rev-parse and one git log walk over the
// folder holding its files (and, with SourceRepo and copied sources, one
// git ls-files). Pairs outside any work tree are left out silently. What
// stops the history from being read (git missing, a repository git
// refuses, a shallow clone that hides what is needed) is said by
// Problems.
func Read(ctx context.Context, pairs []Pair, opt Options) *History {
	h := &History{records: map[Pair]*record{}}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	cache := map[string]string{}
	type place struct {
		pair             Pair
		src, tgt         string
		srcRoot, tgtRoot string
	}
	var places []place
	for _, p := range pairs {
		if p.Source == "" || p.Target == "" {
			continue
		}
		tgt := RealPath(p.Target)
		tgtRoot := workTree(filepath.Dir(tgt), cache)
		if tgtRoot == "" {
			continue
		}
		src := RealPath(p.Source)
		srcRoot := ""
		if opt.SourceRepo != "" {
			srcRoot = RealPath(opt.SourceRepo)
		} else {
			srcRoot = workTree(filepath.Dir(src), cache)
		}
		if srcRoot == "" {
			continue
		}
		places = append(places, place{p, src, tgt, srcRoot, tgtRoot})
	}
	if len(places) == 0 {
		return h
	}
	g, err := newGit(opt.Git)
	if err != nil {
		h.problems = append(h.problems, fmt.Sprintf("%s: %v: stale translations are not checked "+
			"(install git, or turn the check off with checks: {stale: {enabled: false}} in .transcheck.yaml)", display(places[0].tgtRoot), err))
		return h
	}
	h.git = g

	repos := map[string]*repo{}
	var order []string
	for _, pl := range places {
		for _, root := range []string{pl.tgtRoot, pl.srcRoot} {
			if _, ok := repos[root]; !ok {
				repos[root] = nil
				order = append(order, root)
			}
		}
	}
	sourceRepo := ""
	if opt.SourceRepo != "" {
		sourceRepo = RealPath(opt.SourceRepo)
	}
	// failed says why a repository's history cannot be read, once.
	failed := func(root string, err error) {
		what := "reading its history"
		if root == sourceRepo {
			what = "--source-repo " + opt.SourceRepo
		}
		h.problems = append(h.problems, fmt.Sprintf("%s: %s: %v (stale translations under it are not checked)", display(root), what, err))
	}
	for _, root := range order {
		r := openRepo(ctx, g, root)
		if r.err != nil {
			failed(root, r.err)
		}
		repos[root] = r
	}

	var locs []located
	var lsFiles map[*repo][]string
	for _, pl := range places {
		src, tgt := repos[pl.srcRoot], repos[pl.tgtRoot]
		if src.err != nil || tgt.err != nil {
			continue
		}
		tgtRel, ok := relPath(tgt.root, pl.tgt)
		if !ok {
			continue
		}
		loc := located{pair: pl.pair, src: src, tgt: tgt, tgtRel: tgtRel}
		if loc.srcRel, ok = relPath(src.root, pl.src); !ok {
			if opt.SourceRepo == "" {
				continue
			}
			if lsFiles == nil {
				lsFiles = map[*repo][]string{}
			}
			if _, done := lsFiles[src]; !done {
				files, err := listFiles(ctx, g, src)
				if err != nil {
					h.problems = append(h.problems, fmt.Sprintf("%s: --source-repo %s: %v", display(src.root), opt.SourceRepo, err))
				}
				lsFiles[src] = files
			}
			rel, msg := bySuffix(lsFiles[src], pl.pair.Source)
			if msg != "" {
				h.records[pl.pair] = &record{problem: &document.Problem{Pos: document.Position{Path: pl.pair.Source},
					Message: msg + " in --source-repo " + opt.SourceRepo + ": its staleness is not checked (name the pair with --pair, or keep the copy's folders as the repository has them)"}}
				continue
			}
			loc.srcRel, loc.copied = rel, true
		}
		loc.tgtTrack = tgt.follow(loc.tgtRel, true)
		loc.srcTrack = src.follow(loc.srcRel, false)
		locs = append(locs, loc)
	}

	var wg sync.WaitGroup
	walked := map[*repo]bool{}
	for _, root := range order {
		if r := repos[root]; r.err == nil && len(r.files) > 0 {
			walked[r] = true
			wg.Add(1)
			go func() {
				defer wg.Done()
				r.walk(ctx, g)
			}()
		}
	}
	wg.Wait()
	for _, root := range order {
		if r := repos[root]; walked[r] && r.err != nil {
			failed(root, r.err)
		}
	}

	unknown := map[*repo][]string{}
	for _, loc := range locs {
		if loc.src.err != nil || loc.tgt.err != nil {
			continue
		}
		rec := h.compute(loc, opt)
		if rec == nil {
			continue
		}
		h.records[loc.pair] = rec
		if rec.unknown != "" {
			unknown[loc.tgt] = append(unknown[loc.tgt], loc.pair.Target)
		}
	}
	for _, root := range order {
		r := repos[root]
		names := unknown[r]
		if len(names) == 0 {
			continue
		}
		sort.Strings(names)
		list := strings.Join(names[:min(len(names), 3)], ", ")
		if len(names) > 3 {
			list += fmt.Sprintf(" and %d more", len(names)-3)
		}
		h.problems = append(h.problems, fmt.Sprintf("%s: history is shallow (its oldest commit here is of %s): for %d %s (%s) what the translation is based on "+
			"(its last change, or the source commit its marker names) is before the oldest commit here, so whether the source changed since is unknown "+
			"(fetch the whole history: git fetch --unshallow, or fetch-depth: 0 with actions/checkout)",
			display(r.root), r.oldest().Format(time.DateOnly), len(names), plural(len(names), "pair", "pairs"), list))
	}
	return h
}

// Problems returns what kept the history from being read, as
// "path: message" lines: git missing, a repository git refuses, shallow
// histories that hide whether pairs are behind.
func (h *History) Problems() []string { return h.problems }

// Attach gives a document of a pair of files its history: the source
// commits its translation lacks and, when there are some, the lines they
// changed (one git diff). A marker that names no commit of the source's
// history is a problem of the document. Documents whose files have no
// history are left as they are. Safe for concurrent use.
func (h *History) Attach(ctx context.Context, doc *document.Document, p Pair) {
	if h == nil {
		return
	}
	rec := h.records[p]
	if rec == nil {
		return
	}
	if rec.problem != nil {
		doc.Problems = append(doc.Problems, *rec.problem)
	}
	if rec.hist == nil {
		return
	}
	hist := *rec.hist
	if len(hist.Behind) > 0 && rec.diff != nil {
		changes, err := rec.diff.changes(ctx, h.git)
		if err != nil {
			hist.DiffError = err.Error()
		}
		hist.Changes = changes
	}
	doc.History = &hist
}

// compute finds what the translation is based on and the source commits
// it lacks.
func (h *History) compute(loc located, opt Options) *record {
	src, tgt := loc.src, loc.tgt
	rec := &record{}
	hist := &document.History{}
	base := -1 // the base in the source's repository, when ancestry decides
	cut := false
	data, err := os.ReadFile(loc.pair.Target)
	if err != nil {
		return nil
	}
	m, marked := FindMarker(loc.pair.Target, data)
	tev := loc.tgtTrack.events
	if len(tev) == 0 && !marked {
		// The translation was never committed and names no source
		// commit: nothing to compare yet.
		return nil
	}
	t := -1 // the translation's last commit
	if len(tev) > 0 {
		t = tev[0].commit
	}
	if marked {
		hist.Marker = m.Line
		pos := document.Position{Path: loc.pair.Target, Line: m.Line}
		switch b := src.resolve(m.Hash); {
		case b == -2:
			rec.problem = &document.Problem{Pos: pos, Message: fmt.Sprintf("the marker's source commit %s is ambiguous in the history of %s: write more of its hash (transcheck stamp writes 12 digits)", m.Hash, loc.pair.Source)}
			return rec
		case b < 0 && len(src.shallow) > 0:
			rec.unknown = fmt.Sprintf("history is shallow: the source commit %s that %s names is before the oldest commit here", m.Hash, pos)
			return rec
		case b < 0:
			rec.problem = &document.Problem{Pos: pos, Message: fmt.Sprintf("the marker names source commit %s, which is not in the history of %s (a commit of another branch, or one a rebase rewrote?): "+
				"check the translation against the source, then run transcheck stamp %s", m.Hash, loc.pair.Source, loc.pair.Target)}
			return rec
		default:
			base = b
			hist.Base = src.commitAt(b)
		}
	} else {
		hist.Base = tgt.commitAt(t)
		if src == tgt {
			base = t
			cut = tgt.shallow[tgt.commits[t].hash]
		}
	}

	sev := loc.srcTrack.events
	var behind []int
	var at *event // the source as the translation's base has it
	if base >= 0 {
		for i, e := range sev {
			if !src.isAncestor(e.commit, base) {
				behind = append(behind, e.commit)
			} else if at == nil {
				at = &sev[i]
			}
		}
	} else {
		// Two repositories and no marker: only dates compare.
		hist.ByDate = true
		tt := tgt.commits[t].time
		for i, e := range sev {
			if src.commits[e.commit].time > tt {
				behind = append(behind, e.commit)
			} else if at == nil {
				at = &sev[i]
			}
		}
		cut = tgt.shallow[tgt.commits[t].hash] || len(src.shallow) > 0 && src.oldest().Unix() > tt
	}
	if len(behind) == 0 && cut {
		rec.unknown = "history is shallow: the translation's last change is before the oldest commit here"
		return rec
	}
	hist.AtLeast = cut && len(behind) > 0
	oldest := int64(0)
	for i, c := range behind {
		hist.Behind = append(hist.Behind, src.commitAt(c))
		if t := src.commits[c].time; i == 0 || t < oldest {
			oldest = t
		}
	}
	if len(behind) > 0 {
		hist.Days = max(0, int(opt.Now.Sub(time.Unix(oldest, 0)).Hours()/24))
		d := &diffSpec{repo: src, old: loc.srcRel, rel: loc.srcRel, path: loc.pair.Source, copied: loc.copied}
		if at != nil && at.status != 'D' {
			d.base, d.old = src.commits[at.commit].hash, at.after
		}
		rec.diff = d
	}
	rec.hist = hist
	return rec
}

// commitAt returns a listed commit as the history reports it.
func (r *repo) commitAt(i int) document.Commit {
	c := r.commits[i]
	return document.Commit{Hash: c.hash, Time: r.time(i), Subject: c.subject}
}

// relPath returns path relative to root as a slash path, and whether it
// is inside root.
func relPath(root, path string) (string, bool) {
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// listFiles returns the files git tracks in the repository.
func listFiles(ctx context.Context, g *git, r *repo) ([]string, error) {
	out, err := g.output(ctx, r.root, "ls-files", "-z")
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00"), nil
}

// bySuffix finds the file of files whose path ends with the longest run
// of path's last elements, one file only; else a message saying what was
// wrong.
func bySuffix(files []string, path string) (string, string) {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(path)), "/")
	for k := 1; k <= len(parts); k++ {
		suffix := strings.Join(parts[len(parts)-k:], "/")
		var found []string
		for _, f := range files {
			if f == suffix || strings.HasSuffix(f, "/"+suffix) {
				found = append(found, f)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], ""
		case len(found) == 0 && k == 1:
			return "", fmt.Sprintf("no file named %s", suffix)
		case len(found) == 0:
			return "", fmt.Sprintf("several files end with %s", strings.Join(parts[len(parts)-k+1:], "/"))
		}
	}
	return "", fmt.Sprintf("several files are named %s", filepath.ToSlash(path))
}

// display shows a path relative to the working folder when it is below
// it, as the run's other messages do.
func display(path string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, ok := relPath(RealPath(wd), path); ok {
			if rel == "." {
				return "."
			}
			return filepath.FromSlash(rel)
		}
	}
	return path
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
