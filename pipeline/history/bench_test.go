package history

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/history/gittest"
)

// benchPairs and benchCommits size the generated repository: a docs tree
// of this many pages and translations, with this much history.
const (
	benchPairs   = 1000
	benchCommits = 5000
)

// BenchmarkStaleHistory times reading the history of 1,000 pairs of
// files in a repository of 5,000 commits (renames and merges included),
// generated with git fast-import: "read" is Read (one git log walk, the
// base and the commits behind of every pair), "attach" is Attach for
// every pair (a git diff for each stale one).
func BenchmarkStaleHistory(b *testing.B) {
	gittest.Need(b)
	dir := b.TempDir()
	pairs := generateHistory(b, dir, benchPairs, benchCommits)
	ctx := context.Background()
	opt := Options{Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	stale := 0
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			h := Read(ctx, pairs, opt)
			if len(h.records) != len(pairs) || len(h.Problems()) > 0 {
				b.Fatalf("%d records for %d pairs, problems %q", len(h.records), len(pairs), h.Problems())
			}
		}
		b.ReportMetric(float64(len(pairs)), "pairs")
	})
	h := Read(ctx, pairs, opt)
	for _, p := range pairs {
		if r := h.records[p]; r != nil && r.hist != nil && len(r.hist.Behind) > 0 {
			stale++
		}
	}
	if stale == 0 || stale == len(pairs) {
		b.Fatalf("%d of %d pairs stale: the generated history tests nothing", stale, len(pairs))
	}
	b.Run("attach", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pairs {
				h.Attach(ctx, &document.Document{}, p)
			}
		}
		b.ReportMetric(float64(stale), "stale-pairs")
	})
}

// generateHistory writes a repository into dir with git fast-import: n
// English pages and their Chinese translations added in one commit, then
// commits that edit a page, update a translation, rename a page (a tenth
// of the pages) or merge a short side branch, one an hour; it checks the
// last commit out and returns the pairs as they are named at the end.
func generateHistory(b testing.TB, dir string, n, commits int) []Pair {
	b.Helper()
	gittest.Run(b, dir, gittest.Day(1), "init", "-q", "-b", "main")
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = dir
	cmd.Env = gittest.Env(gittest.Day(1))
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(in, 1<<20)
	rng := rand.New(rand.NewSource(1))
	names := make([]string, n) // the English page's current name
	version := make([]int, n)
	for i := range names {
		names[i] = fmt.Sprintf("docs/en/p%04d.md", i)
	}
	zhName := func(i int) string { return fmt.Sprintf("docs/zh/p%04d.md", i) }
	page := func(i, v int) string {
		var s strings.Builder
		fmt.Fprintf(&s, "# Page %d\n\n", i)
		for l := 0; l < 10; l++ {
			fmt.Fprintf(&s, "Paragraph %d of page %d, edited %d times.\n\n", l, i, (v+l)%(v+1))
		}
		return s.String()
	}
	// blob writes a file's new text in the current commit and returns
	// the command, for a merge to repeat.
	blob := func(path, text string) string {
		c := fmt.Sprintf("M 100644 inline %s\ndata %d\n%s\n", path, len(text), text)
		w.WriteString(c)
		return c
	}
	when := gittest.Day(1).Unix()
	mark := 0
	header := func(ref, msg string) int {
		mark++
		when += 3600
		fmt.Fprintf(w, "commit %s\nmark :%d\ncommitter Translator <t@example.com> %d +0000\ndata %d\n%s\n", ref, mark, when, len(msg), msg)
		return mark
	}
	main := header("refs/heads/main", "add the pages")
	for i := range names {
		blob(names[i], page(i, 0))
		blob(zhName(i), "# 第 "+fmt.Sprint(i)+" 页\n")
	}
	// edit makes one commit on ref: a page edited, a translation updated
	// or (when renames are allowed) a page renamed; it returns the file
	// command of an edit.
	edit := func(ref string, renames bool) string {
		i := rng.Intn(n)
		switch r := rng.Intn(20); {
		case r < 11:
			header(ref, fmt.Sprintf("edit page %d", i))
			version[i]++
			return blob(names[i], page(i, version[i]))
		case r < 19 || !renames:
			header(ref, fmt.Sprintf("translate page %d", i))
			return blob(zhName(i), fmt.Sprintf("# 第 %d 页\n\n第 %d 版。\n", i, rng.Int()))
		}
		header(ref, fmt.Sprintf("rename page %d", i))
		old := names[i]
		names[i] = fmt.Sprintf("docs/en/p%04d-r%d.md", i, mark)
		fmt.Fprintf(w, "R %s %s\n", old, names[i])
		return ""
	}
	for c := 1; c < commits; {
		if c%250 == 0 && c+7 <= commits {
			// A side branch of five commits from main, while main gets one
			// more, then merged: the merge carries the side's files, as
			// git merge would (fast-import does not merge trees).
			fmt.Fprintf(w, "reset refs/heads/side\nfrom :%d\n\n", main)
			var sideFiles []string
			for k := 0; k < 5; k++ {
				sideFiles = append(sideFiles, edit("refs/heads/side", false))
			}
			side := mark
			edit("refs/heads/main", false)
			main = header("refs/heads/main", "merge side")
			fmt.Fprintf(w, "merge :%d\n", side)
			for _, f := range sideFiles {
				w.WriteString(f)
			}
			c += 7
			continue
		}
		edit("refs/heads/main", true)
		main = mark
		c++
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	in.Close()
	if err := cmd.Wait(); err != nil {
		b.Fatalf("git fast-import: %v\n%s", err, stderr.String())
	}
	gittest.Run(b, dir, gittest.Day(1), "reset", "-q", "--hard", "main")
	pairs := make([]Pair, n)
	for i := range pairs {
		pairs[i] = Pair{Source: filepath.Join(dir, filepath.FromSlash(names[i])), Target: filepath.Join(dir, filepath.FromSlash(zhName(i)))}
	}
	return pairs
}
