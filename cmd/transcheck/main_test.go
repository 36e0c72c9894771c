package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"github.com/transcheck/transcheck/pipeline/align"
	goldenfile "github.com/transcheck/transcheck/reports/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// repoRoot is the repository root: tests run in cmd/transcheck.
var repoRoot, _ = filepath.Abs("../..")

// runIn runs the command from the repository root, as a user would.
func runIn(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(repoRoot)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// golden compares got with testdata/golden/name; -update rewrites it and
// says what changed, and a mismatch leaves name.got beside it.
func golden(t *testing.T, name, got string) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", "golden", name), got, *update, "go test ./cmd/transcheck -update")
}

func TestCheckSeedGolden(t *testing.T) {
	for _, format := range []string{"json", "markdown", "table"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := runIn(t, "check", "--format", format, "testdata/seed")
			if code != exitGate {
				t.Errorf("exit code %d, want %d (the seed has omissions); stderr: %s", code, exitGate, stderr)
			}
			golden(t, "seed."+format, stdout)
		})
	}
}

func TestCheckSeedOmissions(t *testing.T) {
	stdout, _, _ := runIn(t, "check", "--format", "json", "testdata/seed")
	var rep struct {
		Documents []struct {
			Counts   struct{ Segments, Paired, Unpaired, Skipped int }
			Findings []struct {
				Check          string
				Source, Target *struct {
					Line int
					Lang string
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents) != 1 {
		t.Fatalf("got %d documents, want 1", len(rep.Documents))
	}
	var lines []int
	for _, f := range rep.Documents[0].Findings {
		if f.Check == "omission" {
			side := f.Target
			if side == nil || f.Source != nil {
				t.Fatalf("omission of English text (the target of zh→en) must have only a target side: %+v", f)
			}
			if side.Lang != "en" {
				t.Errorf("omission at line %d is %q, want en", side.Line, side.Lang)
			}
			lines = append(lines, side.Line)
		}
	}
	if got := strings.Trim(strings.Join(strings.Fields(strings.Trim(fmtInts(lines), "[]")), ","), ","); got != "1,3,13,15" {
		t.Errorf("omissions at lines %s, want 1,3,13,15", got)
	}
	c := rep.Documents[0].Counts
	if c.Segments != c.Paired+c.Unpaired+c.Skipped {
		t.Errorf("segments %d != paired %d + unpaired %d + skipped %d", c.Segments, c.Paired, c.Unpaired, c.Skipped)
	}
}

func fmtInts(xs []int) string {
	b, _ := json.Marshal(xs)
	return strings.ReplaceAll(string(b), ",", " ")
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"gate fails on omissions", []string{"check", "--format", "json", "testdata/seed"}, exitGate, "gate failed: 4 findings at error or above"},
		{"fail-on never", []string{"check", "--fail-on", "never", "testdata/seed"}, exitOK, ""},
		{"flags after the path", []string{"check", "testdata/seed", "--fail-on", "never"}, exitOK, ""},
		{"no path", []string{"check"}, exitUsage, "check needs at least one PATH or --pair"},
		{"bad fail-on", []string{"check", "--fail-on", "sometimes", "testdata/seed"}, exitUsage, `--fail-on "sometimes"`},
		{"bad format", []string{"check", "--format", "yaml", "testdata/seed"}, exitUsage, `unknown format "yaml"`},
		{"bad language", []string{"check", "--languages", "zh,xx", "testdata/seed"}, exitUsage, `unknown language code "xx"`},
		{"missing path", []string{"check", "testdata/no-such-folder"}, exitUsage, "testdata/no-such-folder: cannot read: no such file or directory"},
		{"unknown command", []string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`},
		{"bad min-confidence", []string{"check", "--min-confidence", "2", "testdata/seed"}, exitUsage, "--min-confidence 2: use a number from 0 to 1"},
		{"unknown check enabled", []string{"check", "--enable", "nmes", "testdata/seed"}, exitUsage, `--enable: unknown check "nmes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runIn(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if tt.err != "" && !strings.Contains(stderr, tt.err) {
				t.Errorf("stderr %q does not say %q", stderr, tt.err)
			}
		})
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.md")
	stdout, _, code := runIn(t, "check", "--format", "markdown", "-o", out, "--fail-on", "never", "testdata/seed")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q: want 0 and nothing on stdout", code, stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "1 document, 93.2% complete") {
		t.Fatalf("report file: %v %.80q", err, b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the run left %d files in the output folder, want only the report", len(entries))
	}
}

func TestDetectSeed(t *testing.T) {
	stdout, stderr, code := runIn(t, "detect", "testdata/seed/cyberspace-article.zh-en.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		f := strings.SplitN(line, "\t", 4)
		if len(f) != 4 {
			t.Fatalf("bad line %q", line)
		}
		n++
		hasHan := strings.IndexFunc(f[3], func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) >= 0
		if want := map[bool]string{true: "zh", false: "en"}[hasHan]; f[1] != want {
			t.Errorf("%s: %q detected as %s, want %s", f[0], f[3], f[1], want)
		}
	}
	if n < 100 {
		t.Errorf("only %d segments printed", n)
	}
}

// The align command is the aligner that check uses: on a gold document it
// must score as the accuracy harness does.
func TestAlignCommandOnGold(t *testing.T) {
	base := "../shared/data/align/ctk-dev"
	if _, err := os.Stat(filepath.Join(repoRoot, base)); os.IsNotExist(err) {
		t.Skipf("%s not found: skipping", base)
	} else if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runIn(t, "align", "--lines", "--format", "json", base+"/zh/198706005", base+"/en/198706005")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct{ Beads []align.Bead }
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(base + "/gold/198706005.align")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := align.ParseAlign(f)
	if err != nil {
		t.Fatal(err)
	}
	c := align.Score(gold, got.Beads)
	if s := c.Strict(); s.F1 < 0.8 {
		t.Errorf("strict F1 %.3f on 198706005, want ≥ 0.8 (the harness measures 0.82)", s.F1)
	}
	if o := c.Omission(); o.F1 < 0.6 {
		t.Errorf("omission F1 %.3f on 198706005, want ≥ 0.6", o.F1)
	}
}

func TestAlignFormats(t *testing.T) {
	dir := t.TempDir()
	src, tgt := filepath.Join(dir, "a.zh"), filepath.Join(dir, "a.en")
	os.WriteFile(src, []byte("中美同为世界上两个最大的经济体。\n网络空间是人类共同的活动空间。\n这一句没有翻译,讲的是2016年的事情。\n"), 0o644)
	os.WriteFile(tgt, []byte("The US and China are the two biggest economies in the world.\nCyberspace is a common space of human activities.\n"), 0o644)
	for _, tt := range []struct{ format, want string }{
		{"json", `{"beads":[{"source":[0],"target":[0]`},
		{"tsv", "source\ttarget\tscore\tsource_text\ttarget_text\n0\t0\t"},
		{"text", "[0]"},
	} {
		stdout, stderr, code := runIn(t, "align", "--lines", "--format", tt.format, src, tgt)
		if code != exitOK || !strings.HasPrefix(stdout, tt.want) {
			t.Errorf("%s: exit %d, output %q (stderr %q), want prefix %q", tt.format, code, stdout, stderr, tt.want)
		}
	}
	_, stderr, code := runIn(t, "align", src)
	if code != exitUsage || !strings.Contains(stderr, "align needs SOURCE and TARGET") {
		t.Errorf("one file: exit %d, %q", code, stderr)
	}
}

// align --words prints the word links of each bead and names a stretch
// of the source the translation leaves out; in JSON each bead carries its
// links with their evidence. An English source aligns the same words, the
// sides turned back.
func TestAlignWords(t *testing.T) {
	dir := t.TempDir()
	zh, en := filepath.Join(dir, "a.zh"), filepath.Join(dir, "a.en")
	os.WriteFile(zh, []byte("欧盟峰会讨论难民政策。\n推进现代化涉及经济、政治、文化、社会等各个领域，既要做好系统谋划，又要勇于改革创新，不断实现整体推进。\n"), 0o644)
	os.WriteFile(en, []byte("The EU summit discussed refugee policy.\nPromoting modernization involves various fields such as economy, politics, culture and society.\n"), 0o644)
	stdout, stderr, code := runIn(t, "align", "--lines", "--words", zh, en)
	for _, want := range []string{"words: 欧盟=EU 峰会=summit", "omitted: “", "改革创新"} {
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("text: exit %d, output %q (stderr %q), want %q", code, stdout, stderr, want)
		}
	}
	stdout, _, code = runIn(t, "align", "--lines", "--words", "--format", "json", zh, en)
	if code != exitOK || !strings.Contains(stdout, `{"source":"欧盟","target":"EU","by":"dict"}`) || !strings.Contains(stdout, `"omitted":[{"text":"`) {
		t.Errorf("json: exit %d, output %q", code, stdout)
	}
	stdout, _, code = runIn(t, "align", "--lines", "--words", "--format", "tsv", en, zh)
	if code != exitOK || !strings.Contains(stdout, "\twords\tomitted\n") || !strings.Contains(stdout, "EU=欧盟") {
		t.Errorf("tsv, English source: exit %d, output %q", code, stdout)
	}
	stdout, _, _ = runIn(t, "align", "--lines", zh, en)
	if strings.Contains(stdout, "words:") {
		t.Errorf("without --words: %q", stdout)
	}
}

func TestGlossaryFlag(t *testing.T) {
	dir := t.TempDir()
	g := filepath.Join(dir, "g.csv")
	os.WriteFile(g, []byte("source,target\n网络空间,netspace\n"), 0o644)
	stdout, _, _ := runIn(t, "check", "--glossary", g, "--format", "json", "testdata/seed")
	if !strings.Contains(stdout, `"check": "terms"`) || !strings.Contains(stdout, "g.csv:2") {
		t.Errorf("glossary term 网络空间 → netspace is never met, yet no terms finding names g.csv:2")
	}
	os.WriteFile(g, []byte("source,target\nlonely\n"), 0o644)
	_, stderr, code := runIn(t, "check", "--glossary", g, "testdata/seed")
	if code != exitUsage || !strings.Contains(stderr, "g.csv:2: a glossary row needs a source term and a target term") {
		t.Errorf("bad glossary: exit %d, %q", code, stderr)
	}
}

// Files of no known format are named in the report, not silently dropped.
func TestUnreadFilesNoted(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(repoRoot, "testdata/seed/cyberspace-article.zh-en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"a.zh-en.txt": seed, "logo.png": {0x89, 'P', 'N', 'G'}, "notes": []byte("plain")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	table, _, _ := runIn(t, "check", dir)
	if !strings.Contains(table, "note: 2 files not read: no reader knows their format (no extension 1, .png 1)") {
		t.Errorf("the table does not name the unread files:\n%s", table)
	}
	out, _, _ := runIn(t, "check", "--format", "json", dir)
	var rep struct {
		Unread map[string]int `json:"unread"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Unread[".png"] != 1 || rep.Unread[""] != 1 {
		t.Errorf("JSON unread = %v (%v), want .png 1 and \"\" 1", rep.Unread, err)
	}
}
