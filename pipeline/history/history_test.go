package history

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/history/gittest"
)

var (
	enV1 = gittest.Lines("# Install", "", "Download the tool.", "", "## Configure", "", "Set the path.", "", "## Run", "", "Run it.")
	zhV1 = gittest.Lines("# 安装", "", "下载工具。", "", "## 配置", "", "设置路径。", "", "## 运行", "", "运行它。")
	// enV2 changes line 7; enV3 line 11 too.
	enV2 = strings.Replace(enV1, "Set the path.", "Set the path and the port.", 1)
	enV3 = strings.Replace(enV2, "Run it.", "Run it twice.", 1)
)

// summary describes a history as the tests compare it: the subjects of
// the commits behind, the days, the changed lines with their kind, and
// the flags that qualify them.
func summary(h *document.History) string {
	if h == nil {
		return "none"
	}
	var subjects []string
	for _, c := range h.Behind {
		subjects = append(subjects, c.Subject)
	}
	var changes []string
	for _, c := range h.Changes {
		s := fmt.Sprintf("%d-%d %s", c.From, c.To, c.Kind)
		if c.Removed {
			s += " removed"
		}
		changes = append(changes, s)
	}
	s := fmt.Sprintf("behind [%s] days %d changes [%s] base %q", strings.Join(subjects, ", "), h.Days, strings.Join(changes, ", "), h.Base.Subject)
	if h.Marker > 0 {
		s += fmt.Sprintf(" marker %d", h.Marker)
	}
	if h.AtLeast {
		s += " at-least"
	}
	if h.ByDate {
		s += " by-date"
	}
	if h.DiffError != "" {
		s += " diff-error " + h.DiffError
	}
	return s
}

// historyOf reads the history of one pair and attaches it to a document,
// as the runner does; it returns the document and the run's problems.
func historyOf(t *testing.T, p Pair, opt Options) (*document.Document, []string) {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = gittest.Day(12)
	}
	h := Read(context.Background(), []Pair{p}, opt)
	doc := &document.Document{}
	h.Attach(context.Background(), doc, p)
	probs := h.Problems()
	for _, dp := range doc.Problems {
		probs = append(probs, dp.Error())
	}
	return doc, probs
}

func TestHistory(t *testing.T) {
	gittest.Need(t)
	tests := []struct {
		name  string
		build func(t *testing.T) (Pair, Options)
		want  string // summary of the history
		prob  string // a problem that must be reported; "" for none
	}{
		{"source updated after its translation", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			r.Commit(gittest.Day(5), "run twice", "en/x.md", enV3)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [run twice, configure the port] days 9 changes [7-7 text, 11-11 text] base "add the guide"`, ""},

		{"translation updated after the last source change", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			r.Commit(gittest.Day(4), "translate the port", "zh/x.md", strings.Replace(zhV1, "设置路径。", "设置路径和端口。", 1))
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [] days 0 changes [] base "translate the port"`, ""},

		{"white space only", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(3), "reflow", "en/x.md", strings.Replace(enV1, "Download the tool.", "Download\n  the   tool.", 1))
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [reflow] days 9 changes [3-4 white space] base "add the guide"`, ""},

		{"a link's destination only", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", strings.Replace(enV1, "the tool.", "[the tool](https://old.example.com/tool).", 1), "zh/x.md", zhV1)
			r.Commit(gittest.Day(6), "move the site", "en/x.md", strings.Replace(enV1, "the tool.", "[the tool](https://new.example.org/dl/tool \"Tool\").", 1))
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [move the site] days 6 changes [3-3 links] base "add the guide"`, ""},

		{"lines removed and added", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(2), "drop configure, add a note", "en/x.md", strings.Replace(enV1, "## Configure\n\nSet the path.\n\n", "", 1)+"\nA note.\n")
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [drop configure, add a note] days 10 changes [4-4 text removed, 8-9 text] base "add the guide"`, ""},

		{"the source's uncommitted edits are in the lines", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			r.Write("en/x.md", "Intro.\n\n"+enV2)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [configure the port] days 9 changes [1-2 text, 9-9 text] base "add the guide"`, ""},

		{"a marker naming an older source commit makes a fresh-looking translation stale", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			base := r.Commit(gittest.Day(1), "add the source", "en/x.md", enV1)
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			// Committed after the change, but translated from day 1's text.
			r.Commit(gittest.Day(4), "add the translation", "zh/x.md", "<!-- source: en@"+base[:10]+" -->\n"+zhV1)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [configure the port] days 9 changes [7-7 text] base "add the source" marker 1`, ""},

		{"a marker naming the latest source commit makes an old translation current", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			head := r.Commit(gittest.Day(5), "fix a typo", "en/x.md", enV3)
			r.Write("zh/x.md", "---\ntitle: 安装\nsource_commit: "+head+"\n---\n"+zhV1) // not committed: the file is what counts
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [] days 0 changes [] base "fix a typo" marker 3`, ""},

		{"a translation not committed yet is judged by its marker", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			base := r.Commit(gittest.Day(1), "add the source", "en/x.md", enV1)
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			r.Write("zh/x.md", "<!-- source: en@"+base[:12]+" -->\n"+zhV1)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [configure the port] days 9 changes [7-7 text] base "add the source" marker 1`, ""},

		{"a marker naming a commit the history lacks", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", "<!-- source-commit: 0123456789ab -->\n"+zhV1)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `none`, "zh/x.md:1: the marker names source commit 0123456789ab, which is not in the history of "},

		{"ancestry, not dates: a translation branch that never saw the change", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			r.Git(gittest.Day(2), "checkout", "-q", "-b", "translate")
			r.Git(gittest.Day(2), "checkout", "-q", "main")
			r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
			r.Git(gittest.Day(4), "checkout", "-q", "translate")
			r.Commit(gittest.Day(6), "polish the translation", "zh/x.md", strings.Replace(zhV1, "运行它。", "运行。", 1))
			r.Git(gittest.Day(6), "checkout", "-q", "main")
			r.Git(gittest.Day(7), "merge", "-q", "--no-ff", "-m", "merge translate", "translate")
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [configure the port] days 9 changes [7-7 text] base "polish the translation"`, ""},

		{"a renamed source is followed", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/old.md", enV1, "zh/x.md", zhV1)
			r.Commit(gittest.Day(2), "configure the port", "en/old.md", enV2)
			r.Git(gittest.Day(3), "mv", "en/old.md", "en/new.md")
			r.Commit(gittest.Day(3), "rename the guide")
			r.Commit(gittest.Day(4), "run twice", "en/new.md", enV3)
			return Pair{r.Path("en/new.md"), r.Path("zh/x.md")}, Options{}
		}, `behind [run twice, rename the guide, configure the port] days 10 changes [7-7 text, 11-11 text] base "add the guide"`, ""},

		{"never committed translation", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the source", "en/x.md", enV1)
			r.Write("zh/x.md", zhV1)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{}
		}, `none`, ""},

		{"not in a git work tree: git is never asked", func(t *testing.T) (Pair, Options) {
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, "en"), 0o755)
			os.MkdirAll(filepath.Join(dir, "zh"), 0o755)
			os.WriteFile(filepath.Join(dir, "en/x.md"), []byte(enV1), 0o644)
			os.WriteFile(filepath.Join(dir, "zh/x.md"), []byte(zhV1), 0o644)
			return Pair{filepath.Join(dir, "en/x.md"), filepath.Join(dir, "zh/x.md")}, Options{Git: "no-such-git-command"}
		}, `none`, ""},

		{"git missing", func(t *testing.T) (Pair, Options) {
			r := gittest.New(t)
			r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1)
			return Pair{r.Path("en/x.md"), r.Path("zh/x.md")}, Options{Git: "no-such-git-command"}
		}, `none`, "git is not installed (or not on PATH): stale translations are not checked (install git, or turn the check off"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, opt := tt.build(t)
			doc, probs := historyOf(t, p, opt)
			if got := summary(doc.History); got != tt.want {
				t.Errorf("history\n got %s\nwant %s", got, tt.want)
			}
			joined := strings.Join(probs, "\n")
			switch {
			case tt.prob == "" && len(probs) > 0:
				t.Errorf("unexpected problems:\n%s", joined)
			case tt.prob != "" && !strings.Contains(joined, tt.prob):
				t.Errorf("problems\n%s\nwant one containing %q", joined, tt.prob)
			}
		})
	}
}

// A shallow clone says what it cannot know, and still finds a translation
// behind when the source changed after the oldest commit it has.
func TestShallowClone(t *testing.T) {
	gittest.Need(t)
	r := gittest.New(t)
	r.Commit(gittest.Day(1), "add the guide", "en/x.md", enV1, "zh/x.md", zhV1, "en/y.md", enV1, "zh/y.md", zhV1)
	r.Commit(gittest.Day(3), "configure the port", "en/x.md", enV2)
	r.Commit(gittest.Day(5), "run twice", "en/x.md", enV3)
	// Fixed dates are in the past: let the shallow clone see them.
	for _, tt := range []struct {
		depth    string
		x, y     string
		problems string
	}{
		// One commit: every file was "added" by it; nothing is known.
		{"1", "none", "none", "history is shallow (its oldest commit here is of 2026-03-05): for 2 pairs (" +
			filepath.Join("zh", "x.md") + ", " + filepath.Join("zh", "y.md") + ") what the translation is based on"},
		// Two commits: x's translation is older than both, and its source
		// changed in the newer one: at least one commit behind.
		{"2", `behind [run twice] days 7 changes [11-11 text] base "configure the port" at-least`, "none", "for 1 pair (" + filepath.Join("zh", "y.md") + ")"},
	} {
		t.Run("depth "+tt.depth, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "clone")
			gittest.Run(t, r.Dir, gittest.Day(12), "clone", "-q", "--depth", tt.depth, "file://"+r.Dir, dir)
			t.Chdir(dir)
			pairs := []Pair{{"en/x.md", "zh/x.md"}, {"en/y.md", "zh/y.md"}}
			h := Read(context.Background(), pairs, Options{Now: gittest.Day(12)})
			for i, want := range []string{tt.x, tt.y} {
				doc := &document.Document{}
				h.Attach(context.Background(), doc, pairs[i])
				if got := summary(doc.History); got != want {
					t.Errorf("%s:\n got %s\nwant %s", pairs[i].Target, got, want)
				}
			}
			if got := strings.Join(h.Problems(), "\n"); !strings.Contains(got, tt.problems) || !strings.HasPrefix(got, ".: history is shallow") {
				t.Errorf("problems %q, want one about the shallow history containing %q", got, tt.problems)
			}
		})
	}
}

// Source and translation in two repositories: dates decide without a
// marker, ancestry in the source's repository with one; --source-repo
// finds the history of a copy of the source.
func TestTwoRepositories(t *testing.T) {
	gittest.Need(t)
	src := gittest.New(t)
	src.Commit(gittest.Day(1), "add the guide", "docs/guide/x.md", enV1)
	srcBase := src.Commit(gittest.Day(2), "configure the port", "docs/guide/x.md", enV2)
	src.Commit(gittest.Day(5), "run twice", "docs/guide/x.md", enV3)

	t.Run("by date", func(t *testing.T) {
		tgt := gittest.New(t)
		tgt.Commit(gittest.Day(3), "translate", "zh/guide/x.md", zhV1)
		doc, probs := historyOf(t, Pair{src.Path("docs/guide/x.md"), tgt.Path("zh/guide/x.md")}, Options{})
		// The translation (day 3) follows the port change (day 2): the
		// diff runs from the source as it was then.
		want := `behind [run twice] days 7 changes [11-11 text] base "translate" by-date`
		if got := summary(doc.History); got != want || len(probs) > 0 {
			t.Errorf("got %s, problems %q\nwant %s", got, probs, want)
		}
	})
	t.Run("a marker names the source commit", func(t *testing.T) {
		tgt := gittest.New(t)
		tgt.Commit(gittest.Day(6), "translate", "zh/guide/x.md", "<!-- source: en@"+srcBase[:12]+" -->\n"+zhV1)
		doc, probs := historyOf(t, Pair{src.Path("docs/guide/x.md"), tgt.Path("zh/guide/x.md")}, Options{})
		want := `behind [run twice] days 7 changes [11-11 text] base "configure the port" marker 1`
		if got := summary(doc.History); got != want || len(probs) > 0 {
			t.Errorf("got %s, problems %q\nwant %s", got, probs, want)
		}
	})
	t.Run("--source-repo with a copy of the source", func(t *testing.T) {
		tgt := gittest.New(t)
		// The translation repository keeps a copy of the English pages,
		// a line longer than the source repository's (a local note).
		tgt.Commit(gittest.Day(3), "sync and translate", "en/guide/x.md", "Local note.\n"+enV3, "zh/guide/x.md", zhV1)
		p := Pair{tgt.Path("en/guide/x.md"), tgt.Path("zh/guide/x.md")}
		doc, probs := historyOf(t, p, Options{SourceRepo: src.Dir})
		want := `behind [run twice] days 7 changes [1-1 text, 12-12 text] base "sync and translate" by-date`
		if got := summary(doc.History); got != want || len(probs) > 0 {
			t.Errorf("got %s, problems %q\nwant %s", got, probs, want)
		}
		// Without --source-repo the copy's own history says it is current.
		doc, _ = historyOf(t, p, Options{})
		if got := summary(doc.History); got != `behind [] days 0 changes [] base "sync and translate"` {
			t.Errorf("without --source-repo: %s", got)
		}
	})
	t.Run("--source-repo that is no repository", func(t *testing.T) {
		tgt := gittest.New(t)
		tgt.Commit(gittest.Day(3), "translate", "en/x.md", enV1, "zh/x.md", zhV1)
		_, probs := historyOf(t, Pair{tgt.Path("en/x.md"), tgt.Path("zh/x.md")}, Options{SourceRepo: t.TempDir()})
		if got := strings.Join(probs, "\n"); !strings.Contains(got, ": --source-repo ") || !strings.Contains(got, "not a git repository") {
			t.Errorf("problems %q, want one naming --source-repo and saying it is no repository", got)
		}
	})
}

func TestBySuffix(t *testing.T) {
	files := []string{"docs/guide/x.md", "docs/ref/x.md", "docs/guide/index.md", "README.md"}
	tests := []struct{ path, want, msg string }{
		{"en/guide/x.md", "docs/guide/x.md", ""},
		{"/tmp/copy/en/guide/index.md", "docs/guide/index.md", ""},
		{"en/x.md", "", "several files end with x.md"},
		{"en/y.md", "", "no file named y.md"},
	}
	for _, tt := range tests {
		got, msg := bySuffix(files, tt.path)
		if got != tt.want || !strings.Contains(msg, tt.msg) || (tt.msg == "") != (msg == "") {
			t.Errorf("bySuffix(%q) = %q, %q; want %q, %q", tt.path, got, msg, tt.want, tt.msg)
		}
	}
}

func TestCommonDir(t *testing.T) {
	tests := []struct {
		files []string
		want  string
	}{
		{[]string{"docs/en/a.md", "docs/zh/a.md"}, "docs"},
		{[]string{"docs/en/a.md", "docs/en/b.md"}, "docs/en"},
		{[]string{"docs/en/a.md", "site/zh/a.md"}, ""},
		{[]string{"a.md", "docs/zh/a.md"}, ""},
		{[]string{"docs/en/a.md", "docs/english/a.md"}, "docs"},
	}
	for _, tt := range tests {
		m := map[string]*track{}
		for _, f := range tt.files {
			m[f] = &track{}
		}
		if got := commonDir(m); got != tt.want {
			t.Errorf("commonDir(%q) = %q, want %q", tt.files, got, tt.want)
		}
	}
}

// On a generated history with renames and merges, the commits behind of
// every sampled pair are those git log --follow lists between the
// translation's last commit and HEAD.
func TestHistoryMatchesGitLogFollow(t *testing.T) {
	gittest.Need(t)
	dir := t.TempDir()
	pairs := generateHistory(t, dir, 200, 1000)
	h := Read(context.Background(), pairs, Options{Now: gittest.Day(12)})
	stale := 0
	for i := 0; i < len(pairs); i += 4 {
		p := pairs[i]
		rel := func(path string) string { r, _ := filepath.Rel(dir, path); return filepath.ToSlash(r) }
		last := gittest.Run(t, dir, gittest.Day(1), "log", "-1", "--format=%H", "--", rel(p.Target))
		want := gittest.Run(t, dir, gittest.Day(1), "log", "--follow", "--format=%s", last+"..HEAD", "--", rel(p.Source))
		doc := &document.Document{}
		h.Attach(context.Background(), doc, p)
		var got []string
		if doc.History != nil {
			for _, c := range doc.History.Behind {
				got = append(got, c.Subject)
			}
		}
		if strings.Join(got, "\n") != want {
			t.Errorf("%s: behind\n%s\ngit log --follow %s..HEAD says\n%s", rel(p.Target), strings.Join(got, "\n"), last[:7], want)
		}
		if len(got) > 0 {
			stale++
			// A rename alone changes no line; an edit does.
			if strings.Contains(want, "edit page") && len(doc.History.Changes) == 0 {
				t.Errorf("%s: %q behind, no changed lines", rel(p.Target), got)
			}
		}
	}
	if stale == 0 {
		t.Error("no sampled pair is stale: the comparison tests nothing")
	}
}
