package history

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// Source is what a translator's marker records of a source file: the
// commit checked out in the work tree that holds it (or in
// Options.SourceRepo), and whether the file differs from that commit.
type Source struct {
	Head  string // full hash of HEAD
	Dirty bool   // the file has changes not committed
}

// SourceHead returns the commit checked out in the git work tree that
// holds the source file (opt.SourceRepo when given) and whether the file
// has uncommitted changes.
func SourceHead(ctx context.Context, path string, opt Options) (Source, error) {
	g, err := newGit(opt.Git)
	if err != nil {
		return Source{}, err
	}
	real := RealPath(path)
	root := ""
	if opt.SourceRepo != "" {
		root = RealPath(opt.SourceRepo)
	} else if root = workTree(filepath.Dir(real), map[string]string{}); root == "" {
		return Source{}, fmt.Errorf("%s is not in a git work tree (commit the source first, or name its repository with --source-repo)", path)
	}
	out, err := g.output(ctx, root, "rev-parse", "--verify", "HEAD")
	if err != nil {
		return Source{}, fmt.Errorf("%s: %v", display(root), err)
	}
	src := Source{Head: strings.TrimSpace(string(out))}
	top, err := g.output(ctx, root, "rev-parse", "--show-toplevel")
	if err != nil {
		return Source{}, fmt.Errorf("%s: %v", display(root), err)
	}
	if rel, ok := relPath(RealPath(strings.TrimSpace(string(top))), real); ok {
		st, err := g.output(ctx, root, "status", "--porcelain", "-z", "--", rel)
		if err != nil {
			return Source{}, fmt.Errorf("%s: %v", display(root), err)
		}
		src.Dirty = len(st) > 0
	}
	return src, nil
}
