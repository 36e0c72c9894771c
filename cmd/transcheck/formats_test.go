package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/reports"
)

// The shared formats folder holds real files in every shape users bring.
// One run must read them all (or say why not) and report what they hold.
func TestFormatsFolder(t *testing.T) {
	const dir = "../shared/data/formats"
	if _, err := os.Stat(filepath.Join(repoRoot, dir)); os.IsNotExist(err) {
		t.Skipf("%s not found: skipping", dir)
	} else if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runIn(t, "check", "--fail-on", "never", "--format", "json", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Documents []struct {
			Name     string
			Paths    []string
			Format   string
			Problems []string
			Counts   struct{ Segments, Paired, Unpaired, Skipped int }
			Findings []struct {
				Check, Message string
				Source, Target *struct {
					Path string
					Line int
				}
			}
		}
		Problems []string
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	read := map[string]bool{}
	count := map[string]map[string]int{} // document base name → check → findings
	for _, d := range rep.Documents {
		for _, p := range d.Paths {
			read[filepath.ToSlash(p)] = true
		}
		c := d.Counts
		if c.Segments != c.Paired+c.Unpaired+c.Skipped {
			t.Errorf("%s: %d segments != %d paired + %d unpaired + %d skipped", d.Name, c.Segments, c.Paired, c.Unpaired, c.Skipped)
		}
		key := filepath.Base(d.Paths[len(d.Paths)-1])
		if count[key] == nil {
			count[key] = map[string]int{}
		}
		for _, f := range d.Findings {
			count[key][f.Check]++
		}
	}
	// Every file of a known kind was read.
	walked := 0
	filepath.WalkDir(filepath.Join(repoRoot, dir), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(repoRoot, p)
		rel = filepath.ToSlash(rel)
		switch filepath.Ext(p) {
		case ".md", ".d", ".tmx", ".xlf", ".xliff", ".po", ".tsv", ".en", ".zh":
			walked++
			if !read[rel] {
				t.Errorf("%s was not read", rel)
			}
		}
		return nil
	})
	if walked < 50 {
		t.Errorf("only %d files of known kinds under %s: the walk did not find the data", walked, dir)
	}
	tests := []struct {
		file, check string
		want        int
	}{
		{"arithmetic.d", "untranslated", 1},                   // the whole chapter is still English
		{"cast.d", "untranslated", 1},                         // likewise
		{"Validator.validators.zh_CN.xlf", "untranslated", 6}, // targets still English, state needs-translation
		{"geany.zh_CN.po", "state", 67},                       // msgfmt --statistics: 67 fuzzy
		{"geany.zh_CN.po", "omission", 34},                    // msgfmt --statistics: 34 untranslated
	}
	for _, tt := range tests {
		if got := count[tt.file][tt.check]; got != tt.want {
			t.Errorf("%s: %d %s findings, want %d", tt.file, got, tt.check, tt.want)
		}
	}
	// tldr pages whose Chinese version lacks examples.
	// chroot.md: the Chinese page lacks the first example ("Run `$SHELL`
	// in the new root directory"), which pairing by structure now finds.
	for _, page := range []string{"adb-forward.md", "arp-scan.md", "chroot.md", "cut.md", "deno.md"} {
		if count[page]["omission"] == 0 {
			t.Errorf("tldr %s: the Chinese page has fewer examples, but no omission is reported", page)
		}
	}
	for _, page := range []string{"bzcat.md", "docker-build.md"} {
		if n := count[page]["omission"]; n != 0 {
			t.Errorf("tldr %s: complete translation, yet %d omissions", page, n)
		}
	}
	if !strings.Contains(stderr, "LICENSE.md: only en text found") {
		t.Errorf("the English-only LICENSE.md files should be reported as not bilingual; stderr: %s", stderr)
	}
}

// The reports must not depend on how many documents are checked at once:
// every format, written for the whole shared data (every reader, the gold
// alignments, the dictionary source as a bilingual text) with -j 1 and
// -j 8, is byte-identical, and so is what the command prints.
func TestJobsByteIdentical(t *testing.T) {
	const dir = "../shared/data"
	if _, err := os.Stat(filepath.Join(repoRoot, dir)); os.IsNotExist(err) {
		t.Skipf("%s not found: skipping", dir)
	} else if err != nil {
		t.Fatal(err)
	}
	outDir := t.TempDir()
	var printed [2]string
	for i, j := range []string{"1", "8"} {
		args := []string{"check", "-j", j, "--fail-on", "never"}
		for _, f := range reports.Names() {
			args = append(args, "-o", fmt.Sprintf("%s=%s/j%s.%s", f, outDir, j, f))
		}
		stdout, stderr, code := runIn(t, append(args, dir)...)
		if code != exitOK {
			t.Fatalf("-j %s: exit %d: %s", j, code, stderr)
		}
		printed[i] = stdout + stderr
	}
	for _, f := range reports.Names() {
		one, err1 := os.ReadFile(fmt.Sprintf("%s/j1.%s", outDir, f))
		eight, err8 := os.ReadFile(fmt.Sprintf("%s/j8.%s", outDir, f))
		if err1 != nil || err8 != nil {
			t.Fatalf("%s: %v %v", f, err1, err8)
		}
		if len(one) == 0 || !bytes.Equal(one, eight) {
			t.Errorf("the %s report differs between -j 1 and -j 8 (%d and %d bytes)", f, len(one), len(eight))
		}
	}
	if printed[0] != printed[1] {
		t.Error("the command prints differently with -j 1 and -j 8")
	}
}
