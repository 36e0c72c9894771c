package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// goodText is a bilingual file that every robustness case holds beside its
// bad input: it must be checked whatever the bad input does.
const goodText = "中文段落。 An English paragraph.\n网络空间是共同的。 Cyberspace is common.\n中文段落。 An English paragraph.\n"

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// symlink makes a symbolic link, and its folder if need be; it skips the
// test only where the file system does not permit symbolic links.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); errors.Is(err, syscall.EPERM) {
		t.Skipf("this file system does not permit symbolic links (%v)", syscall.EPERM)
	} else if err != nil {
		t.Fatal(err)
	}
}

type jsonCounts struct{ Segments, Paired, Unpaired, Skipped int }

type jsonDoc struct {
	Name     string
	Counts   jsonCounts
	Problems []string
}

func parseDocs(t *testing.T, stdout string) map[string]jsonDoc {
	t.Helper()
	var rep struct{ Documents []jsonDoc }
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("stdout is not a JSON report: %v\n%.300s", err, stdout)
	}
	docs := map[string]jsonDoc{}
	for _, d := range rep.Documents {
		docs[d.Name] = d
	}
	return docs
}

// TestBadInputs puts one bad input beside a good bilingual file: the bad
// input gets one line on stderr that names the file, the line or byte, and
// what to do, and the good file is still checked.
func TestBadInputs(t *testing.T) {
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(goodText)
	if err != nil {
		t.Fatal(err)
	}
	entities := "<!ENTITY lol0 \"lol\">\n"
	for i := 1; i < 10; i++ {
		entities += fmt.Sprintf("<!ENTITY lol%d \"%s\">\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	tmxUnit := `<tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="zh"><seg>你好</seg></tuv></tu>`
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) []string // extra arguments
		want  []string                                // on stderr; {dir} is the folder
		// read names a bad file that is read all the same (with its
		// problem reported): it must have segments in the report.
		read string
	}{
		{"invalid UTF-8", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "bad.txt"), []byte("line one\nbad \xff here\n"))
			return nil
		}, []string{"{dir}/bad.txt:2: invalid UTF-8 byte 0xff at byte 13 (save the file as UTF-8 or pass --encoding gb18030)"}, ""},
		{"undeclared GB18030", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "gb.txt"), []byte(gb))
			return nil
		}, []string{"{dir}/gb.txt:1: warning: not UTF-8 (byte 0xd6 at byte 0); the text was decoded as GB18030, a guess (pass --encoding gb18030 to confirm it and silence this, or save the file as UTF-8)"}, "gb.txt"},
		{"binary", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "logo.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
			return nil
		}, []string{"{dir}/logo.txt:3: NUL byte at byte 8: this looks like a binary file or UTF-16 without a byte-order mark (convert it to UTF-8, or exclude it)"}, ""},
		{"empty", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "empty.md"), nil)
			write(t, filepath.Join(dir, "blank.txt"), []byte("\n  \n"))
			return nil
		}, []string{
			"{dir}/empty.md: empty file: nothing to check (add the text, or remove or exclude the file)",
			"{dir}/blank.txt: no text found in this text file: only white space or markup (add the text, or exclude the file)",
		}, ""},
		{"one language", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "english.txt"), []byte("Only English here. Nothing else to see.\n"))
			return nil
		}, []string{"{dir}/english.txt: only en text found: not a bilingual document (pair it with its translation as NAME.LANG.EXT, in language folders, or with --pair)"}, "english.txt"},
		{"line over the segment limit", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "long.txt"), []byte(strings.Repeat("中文段落。 An English paragraph. ", 1500)))
			return nil
		}, []string{"{dir}/long.txt:1: a segment of 42000 characters is over the 20000-character limit: checked as 3 pieces cut at spaces or sentence ends (raise the limit with --max-segment, or add line breaks)"}, "long.txt"},
		{"file over the size limit", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "big.txt"), []byte(strings.Repeat("中文段落。 An English paragraph.\n", 40000)))
			return []string{"--max-file-size", "1"}
		}, []string{"{dir}/big.txt: file is 1.4 MB, over the 1 MB limit: not read (raise it with --max-file-size)"}, ""},
		{"deeply nested XML", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "deep.tmx"), []byte(`<?xml version="1.0"?>`+"\n<tmx><header srclang=\"en\"/><body>\n"+
				strings.Repeat("<a>", 100000)+strings.Repeat("</a>", 100000)+"\n"+tmxUnit+"\n<tu>"+strings.Repeat("<b>", 100000)))
			return nil
		}, []string{"{dir}/deep.tmx:5: TMX syntax error: unexpected EOF (fix the markup; the units before this line were read, the rest of the file was not)"}, "deep.tmx"},
		{"truncated XML", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "cut.xlf"), []byte(`<?xml version="1.0"?>`+"\n"+`<xliff version="1.2"><file source-language="en" target-language="zh"><body>`+"\n"+
				`<trans-unit id="1"><source>Hello</source><target>你好</target></trans-unit>`+"\n"+`<trans-unit id="2"><source>By`))
			return nil
		}, []string{"{dir}/cut.xlf:4: XLIFF syntax error: unexpected EOF (fix the markup; the units before this line were read, the rest of the file was not)"}, "cut.xlf"},
		{"XML entities (billion laughs)", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "laughs.tmx"), []byte(`<?xml version="1.0"?>`+"\n<!DOCTYPE tmx [\n"+entities+"]>\n"+
				`<tmx><header srclang="en"/><body>`+"\n"+tmxUnit+"\n"+`<tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>`+"\n"))
			return nil
		}, []string{"{dir}/laughs.tmx:16: TMX syntax error: invalid character entity &lol9; (only &lt; &gt; &amp; &apos; &quot; and numeric references such as &#20013; are known, entities declared in a DTD are not expanded: write the text itself; the units before this line were read, the rest of the file was not)"}, "laughs.tmx"},
		{"external DTD", func(t *testing.T, dir string) []string {
			// Never fetched: the file reads as if the DOCTYPE were not there.
			write(t, filepath.Join(dir, "ext.tmx"), []byte(`<?xml version="1.0"?>`+"\n"+`<!DOCTYPE tmx SYSTEM "http://127.0.0.1:1/evil.dtd">`+"\n"+
				`<tmx><header srclang="en"/><body>`+tmxUnit+"</body></tmx>\n"))
			return nil
		}, nil, "ext.tmx"},
		{"PO unterminated string", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "zh.po"), []byte("msgid \"\"\nmsgstr \"Language: zh\\n\"\n\nmsgid \"First\"\nmsgstr \"第一\"\n\nmsgid \"Unterminated\nmsgstr \"坏\"\n"))
			return nil
		}, []string{"{dir}/zh.po:7: unterminated string (end it with \" on the same line)"}, "zh.po"},
		{"CSV ragged rows", func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "rows.csv"), []byte("en,zh\nHello,你好\nOne,一,extra\nBye,再见\n"))
			return nil
		}, []string{"{dir}/rows.csv:3: row has 3 fields, the first row has 2 (give every row the same columns; quote fields that hold the separator)"}, "rows.csv"},
		{"unreadable file", func(t *testing.T, dir string) []string {
			if os.Geteuid() == 0 {
				t.Skip("running as root, where chmod 000 does not stop reads: the broken link case covers an entry that cannot be opened")
			}
			p := filepath.Join(dir, "secret.txt")
			write(t, p, []byte(goodText))
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			return nil
		}, []string{"{dir}/secret.txt: cannot read: permission denied (check the permissions)"}, ""},
		{"broken symbolic link", func(t *testing.T, dir string) []string {
			symlink(t, "nowhere.txt", filepath.Join(dir, "gone.txt"))
			return nil
		}, []string{`{dir}/gone.txt: broken symbolic link to "nowhere.txt": no such file or directory (fix or remove the link, or exclude it)`}, ""},
		{"symbolic link to itself", func(t *testing.T, dir string) []string {
			symlink(t, "self.md", filepath.Join(dir, "self.md"))
			return nil
		}, []string{`{dir}/self.md: broken symbolic link to "self.md": too many levels of symbolic links (fix or remove the link, or exclude it)`}, ""},
		{"symbolic link loop", func(t *testing.T, dir string) []string {
			symlink(t, "..", filepath.Join(dir, "sub", "up"))
			return nil
		}, []string{"{dir}/sub/up: a symbolic link loop ({dir}): skipped (remove the link, or exclude it)"}, ""},
		{"symbolic link to a folder is followed", func(t *testing.T, dir string) []string {
			other := t.TempDir()
			write(t, filepath.Join(other, "linked.txt"), []byte(goodText))
			symlink(t, other, filepath.Join(dir, "elsewhere"))
			return nil
		}, nil, "elsewhere/linked.txt"},
		{"path that does not exist", func(t *testing.T, dir string) []string {
			return []string{filepath.Join(dir, "no-such-folder")}
		}, []string{"{dir}/no-such-folder: cannot read: no such file or directory (check the path)"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			good := filepath.Join(dir, "good.txt")
			write(t, good, []byte(goodText))
			args := append([]string{"check", "--format", "json", "--fail-on", "never", dir}, tt.setup(t, dir)...)
			stdout, stderr, code := runIn(t, args...)
			if code != exitOK {
				t.Errorf("exit %d, want 0 (something was read); stderr:\n%s", code, stderr)
			}
			for _, w := range tt.want {
				w = strings.ReplaceAll(w, "{dir}", dir)
				if !strings.Contains(stderr, "transcheck: "+w+"\n") {
					t.Errorf("stderr does not hold the line\n  %s\nstderr:\n%s", w, stderr)
				}
			}
			if lines := strings.Count(stderr, "\n"); lines != len(tt.want) {
				t.Errorf("stderr has %d lines, want %d (one per problem):\n%s", lines, len(tt.want), stderr)
			}
			docs := parseDocs(t, stdout)
			g, ok := docs[good]
			if !ok {
				t.Fatalf("the good file is not in the report: %v", docs)
			}
			if g.Counts.Segments != 6 || g.Counts.Paired != 6 || len(g.Problems) != 0 {
				t.Errorf("good file: counts %+v, problems %v; want 6 segments, all paired, no problem", g.Counts, g.Problems)
			}
			if tt.read != "" {
				d, ok := docs[filepath.Join(dir, tt.read)]
				if !ok || d.Counts.Segments == 0 {
					t.Errorf("%s: in report %v with %+v, want it read (segments > 0)", tt.read, ok, d.Counts)
				}
			}
		})
	}
}

// TestNothingReadable: when no file could be read the run is an input
// error (exit 2) that lists every problem, and writes no report.
func TestNothingReadable(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "bad.txt"), []byte("bad \xff\n"))
	write(t, filepath.Join(dir, "empty.txt"), nil)
	out := filepath.Join(t.TempDir(), "report.json")
	write(t, out, []byte("old report"))
	_, stderr, code := runIn(t, "check", "--format", "json", "-o", out, dir)
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	for _, w := range []string{
		dir + "/bad.txt:1: invalid UTF-8 byte 0xff at byte 4",
		dir + "/empty.txt: empty file",
		"transcheck: nothing could be read: 2 problems (see above)",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr does not say %q:\n%s", w, stderr)
		}
	}
	if b, _ := os.ReadFile(out); string(b) != "old report" {
		t.Errorf("the failed run replaced the old report with %.80q", b)
	}
}

// TestStrict: --strict turns any input problem, a warning included, into
// exit 2, after writing the reports.
func TestStrict(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good.txt"), []byte(goodText))
	stdout, stderr, code := runIn(t, "check", "--strict", "--fail-on", "never", "--format", "json", dir)
	if code != exitOK {
		t.Errorf("no problem: exit %d, want 0; stderr %s", code, stderr)
	}
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(goodText)
	write(t, filepath.Join(dir, "gb.txt"), []byte(gb))
	stdout, stderr, code = runIn(t, "check", "--strict", "--fail-on", "never", "--format", "json", dir)
	if code != exitUsage || !strings.Contains(stderr, "transcheck: --strict: 1 input problem (see above)") {
		t.Errorf("a guessed encoding with --strict: exit %d, stderr %q; want 2 and the reason", code, stderr)
	}
	if docs := parseDocs(t, stdout); len(docs) != 2 {
		t.Errorf("--strict must still write the report: %d documents", len(docs))
	}
	_, stderr, code = runIn(t, "check", "--strict", "--encoding", "gb18030", "--fail-on", "never", filepath.Join(dir, "gb.txt"))
	if code != exitOK {
		t.Errorf("--encoding gb18030 silences the guess: exit %d, stderr %q", code, stderr)
	}
}

// TestReportPaths: a report in a folder that does not exist is an error
// before the run, and leaves nothing behind; a failed run leaves the old
// report as it was.
func TestReportPaths(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-folder", "report.json")
	_, stderr, code := runIn(t, "check", "-o", "json="+missing, "testdata/seed")
	want := fmt.Sprintf("transcheck: -o %s: folder %s does not exist (create it first)", missing, filepath.Dir(missing))
	if code != exitUsage || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the run left %d entries behind", len(entries))
	}

	old := filepath.Join(dir, "report.json")
	write(t, old, []byte("old report"))
	for _, args := range [][]string{
		{"check", "-o", "json=" + old, "--fail-on", "sometimes", "testdata/seed"},                          // bad flag
		{"check", "-o", "json=" + old, filepath.Join(dir, "no-such-folder")},                               // nothing to read
		{"check", "-o", "json=" + old, "-o", "markdown=" + missing, "--fail-on", "never", "testdata/seed"}, // second output unwritable
	} {
		if _, stderr, code := runIn(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want 2; stderr %q", args, code, stderr)
		}
		if b, _ := os.ReadFile(old); string(b) != "old report" {
			t.Errorf("%q replaced the old report with %.80q", args, b)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("failed runs left %d entries in the report folder, want only the old report", len(entries))
	}
}

// A report is written readable by all when it is new, and keeps the
// permissions of the file it replaces.
func TestReportPermissions(t *testing.T) {
	dir := t.TempDir()
	fresh, kept := filepath.Join(dir, "new.json"), filepath.Join(dir, "private.json")
	write(t, kept, []byte("old report"))
	if err := os.Chmod(kept, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runIn(t, "check", "--fail-on", "never", "-o", "json="+fresh, "-o", "markdown="+kept, "testdata/seed"); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for path, want := range map[string]os.FileMode{fresh: 0o644, kept: 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(path), got, want)
		}
	}
}

// Ctrl-C during a run ends it with 130, removes the spool and writes no
// report.
func TestInterrupt(t *testing.T) {
	tmp, dir := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", tmp)
	seed, err := os.ReadFile(filepath.Join(repoRoot, "testdata/seed/cyberspace-article.zh-en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1000; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("d%03d.zh-en.txt", i)), seed)
	}
	out := filepath.Join(t.TempDir(), "report.json")
	done := make(chan int)
	var stderr strings.Builder
	go func() {
		done <- run([]string{"check", "-j", "1", "--no-progress", "-o", "json=" + out, dir}, nil, io.Discard, &stderr)
	}()
	// The spool appears once the interrupt is caught.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(time.Millisecond) {
		if spools, _ := filepath.Glob(filepath.Join(tmp, "transcheck-spool-*")); len(spools) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no spool appeared")
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	code := <-done
	if code != exitInterrupted || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want 130 and a word that it was interrupted", code, stderr.String())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("%d files left in TMPDIR", len(left))
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a report was written (%v)", err)
	}
}

// Without a usable temporary folder the reports stay in memory: the run
// says so and gives the same report.
func TestNoTempFolder(t *testing.T) {
	want, _, _ := runIn(t, "check", "--format", "json", "testdata/seed")
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	got, stderr, code := runIn(t, "check", "--format", "json", "testdata/seed")
	if code != exitGate || got != want {
		t.Errorf("exit %d (want 1) and %d bytes of report (want the %d of a spooled run)", code, len(got), len(want))
	}
	if !strings.Contains(stderr, "the reports are kept in memory instead") {
		t.Errorf("no warning about the temporary folder: %q", stderr)
	}
}
