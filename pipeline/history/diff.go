package history

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// diffSpec says what to compare for a stale pair: the source as it was at
// base (under the name old) against the file as it is now (rel, at path).
type diffSpec struct {
	repo     *repo
	base     string // commit hash; "" when the source did not exist then
	old, rel string // slash paths relative to the top level
	path     string // the file as the run reads it
	// copied says that the file read is a copy outside the repository
	// (see Options.SourceRepo): the diff is against the copy, so that
	// lines are those the run reads.
	copied bool
}

// changes runs git diff --unified=0 between the source at the base commit
// and the file in the work tree (uncommitted edits included, so lines are
// those the run reads) and returns its hunks, each classified.
func (d diffSpec) changes(ctx context.Context, g *git) ([]document.Change, error) {
	if d.base == "" {
		// The source came after the translation's base: all of it is new.
		data, err := os.ReadFile(d.path)
		if err != nil {
			return nil, err
		}
		n := len(splitLines(data))
		if n == 0 {
			return nil, nil
		}
		return []document.Change{{From: 1, To: n, Kind: kindOf(nil, splitLines(data))}}, nil
	}
	if d.copied {
		return d.copyChanges(ctx, g)
	}
	paths := []string{d.rel}
	if d.old != d.rel {
		paths = []string{d.old, d.rel}
	}
	args := append([]string{"diff", "--no-ext-diff", "--no-textconv", "--unified=0", "-M", d.base, "--"}, paths...)
	out, err := g.output(ctx, d.repo.root, args...)
	if err != nil {
		return nil, err
	}
	return parseDiff(out, d.rel)
}

// copyChanges diffs the source at the base commit against a copy of the
// file outside the repository: git show writes the old text to a
// temporary file, git diff --no-index compares the two.
func (d diffSpec) copyChanges(ctx context.Context, g *git) ([]document.Change, error) {
	old, err := g.output(ctx, d.repo.root, "show", d.base+":"+d.old)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp("", "transcheck-source-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(old); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	cmd := g.command(ctx, d.repo.root, "diff", "--no-index", "--no-ext-diff", "--no-textconv", "--unified=0", f.Name(), RealPath(d.path))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	// git diff --no-index exits 1 when the files differ.
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		return nil, gitError([]string{"diff"}, err, stderr.Bytes())
	}
	return parseDiff(out, "")
}

var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// parseDiff reads the hunks of the file rel from a unified diff: the
// lines they cover in the new file and what kind of change each is; with
// rel "", of every file of the diff.
func parseDiff(out []byte, rel string) ([]document.Change, error) {
	var changes []document.Change
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	inFile := false
	var cur *document.Change
	var removed, added []string
	flush := func() {
		if cur != nil {
			cur.Kind = kindOf(removed, added)
			changes = append(changes, *cur)
		}
		cur, removed, added = nil, nil, nil
	}
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "diff --git "):
			flush()
			inFile = false
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if uq, err := strconv.Unquote(name); err == nil {
				name = uq
			}
			inFile = rel == "" || name == "b/"+rel
		case !inFile:
		case strings.HasPrefix(line, "@@"):
			flush()
			m := hunkHeader.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("git diff: unreadable hunk header %q", line)
			}
			start, _ := strconv.Atoi(m[1])
			count := 1
			if m[2] != "" {
				count, _ = strconv.Atoi(m[2])
			}
			cur = &document.Change{From: start, To: start + count - 1}
			if count == 0 {
				cur.To, cur.Removed = start, true
			}
		case cur == nil:
		case strings.HasPrefix(line, "-"):
			removed = append(removed, line[1:])
		case strings.HasPrefix(line, "+"):
			added = append(added, line[1:])
		}
	}
	flush()
	return changes, sc.Err()
}

var (
	// Link destinations: Markdown's (url "title"), autolinks, reference
	// definitions, HTML href and src, AsciiDoc's link:url[ and bare URLs.
	mdDest     = regexp.MustCompile(`\]\([^)\s]*(?:\s+"[^"]*")?\)`)
	autolink   = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>`)
	refDef     = regexp.MustCompile(`(?m)^\s{0,3}(\[[^\]]+\]):\s*\S+.*$`)
	htmlAttr   = regexp.MustCompile(`\b(href|src)\s*=\s*("[^"]*"|'[^']*')`)
	adocLink   = regexp.MustCompile(`\b(link|xref|image):[^\s\[]*\[`)
	bareURL    = regexp.MustCompile(`https?://[^\s)\]>"'\[]+`)
	spaceTrims = strings.NewReplacer("\r", "")
)

// kindOf classifies a hunk by its removed and added lines: white space
// only (the same words, reflowed or re-indented), links only (the same
// text once link destinations are taken out), or text.
func kindOf(removed, added []string) document.ChangeKind {
	a, b := normSpace(removed), normSpace(added)
	if a == b {
		return document.ChangeSpace
	}
	if a != "" && b != "" && normSpace([]string{stripLinks(a)}) == normSpace([]string{stripLinks(b)}) {
		return document.ChangeLink
	}
	return document.ChangeText
}

func normSpace(lines []string) string {
	return strings.Join(strings.Fields(spaceTrims.Replace(strings.Join(lines, "\n"))), " ")
}

func stripLinks(s string) string {
	s = mdDest.ReplaceAllString(s, "]()")
	s = autolink.ReplaceAllString(s, "<>")
	s = refDef.ReplaceAllString(s, "$1:")
	s = htmlAttr.ReplaceAllString(s, `$1=""`)
	s = adocLink.ReplaceAllString(s, "$1:[")
	return bareURL.ReplaceAllString(s, "")
}
