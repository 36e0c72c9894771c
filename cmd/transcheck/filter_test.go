package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFilterCommand runs transcheck filter in-process: outputs, summary,
// the configuration's filter section, and the usage errors.
func TestFilterCommand(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	in := "zh\ten\n我有三个苹果。\tI have three apples.\n我有三个苹果。\tI have five apples.\n他明天来。\tHe is coming tomorrow.\n他明天来。\tHe is coming tomorrow.\n"
	os.WriteFile("c.tsv", []byte(in), 0o644)
	cases := []struct {
		name     string
		config   string
		args     []string
		code     int
		kept     string // the kept file's text; "" when none is written
		stdout   string // in standard output
		stderr   string // in standard error
		rejected int    // lines of rejected.jsonl
	}{
		{name: "defaults", args: []string{"filter", "c.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"},
			kept:   "zh\ten\n我有三个苹果。\tI have three apples.\n他明天来。\tHe is coming tomorrow.\n他明天来。\tHe is coming tomorrow.\n",
			stderr: "read 4 pairs: 3 kept, 1 rejected, 0 unreadable", rejected: 1},
		{name: "dedup and json", args: []string{"filter", "--dedup", "--format", "json", "c.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"},
			kept:   "zh\ten\n我有三个苹果。\tI have three apples.\n他明天来。\tHe is coming tomorrow.\n",
			stdout: `"duplicate": 1`, rejected: 2},
		{name: "config section", config: "filter:\n  reject_on: [language]\n", args: []string{"filter", "c.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"},
			kept: in, stderr: "4 kept", rejected: 0},
		{name: "flag over config", config: "filter:\n  reject_on: [language]\n", args: []string{"filter", "--reject-on", "numbers", "c.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"},
			stderr: "3 kept", rejected: 1, kept: "zh\ten\n我有三个苹果。\tI have three apples.\n他明天来。\tHe is coming tomorrow.\n他明天来。\tHe is coming tomorrow.\n"},
		{name: "bad config", config: "filter:\n  reject_on: [numbrs]\n", args: []string{"filter", "c.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"},
			code: exitUsage, stderr: ".transcheck.yaml:2: filter.reject_on: unknown check \"numbrs\""},
		{name: "no outputs", args: []string{"filter", "c.tsv"}, code: exitUsage, stderr: "needs --keep PATH and --reject FILE"},
		{name: "unknown check", args: []string{"filter", "--reject-on", "nope", "c.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"}, code: exitUsage, stderr: `unknown check "nope"`},
		{name: "output over input", args: []string{"filter", "c.tsv", "--keep", "c.tsv", "--reject", "r.jsonl"}, code: exitUsage, stderr: "c.tsv is an input"},
		{name: "missing input", args: []string{"filter", "nope.tsv", "--keep", "k.tsv", "--reject", "r.jsonl"}, code: exitUsage, stderr: "nope.tsv: cannot read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			os.Remove("k.tsv")
			os.Remove("r.jsonl")
			os.Remove(".transcheck.yaml")
			if c.config != "" {
				os.WriteFile(".transcheck.yaml", []byte(c.config), 0o644)
			}
			var stdout, stderr bytes.Buffer
			code := run(c.args, nil, &stdout, &stderr)
			if code != c.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, c.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.stderr) || !strings.Contains(stdout.String(), c.stdout) {
				t.Errorf("stdout:\n%s\nstderr:\n%s\nwant %q and %q in them", stdout.String(), stderr.String(), c.stdout, c.stderr)
			}
			kept, err := os.ReadFile("k.tsv")
			if c.kept == "" {
				if err == nil {
					t.Errorf("k.tsv written: %q", kept)
				}
				return
			}
			if string(kept) != c.kept {
				t.Errorf("kept:\n%s\nwant:\n%s", kept, c.kept)
			}
			rej, _ := os.ReadFile("r.jsonl")
			if n := strings.Count(string(rej), "\n"); n != c.rejected {
				t.Errorf("%d rejected lines, want %d:\n%s", n, c.rejected, rej)
			}
			if c.stdout != "" {
				var sum struct{ Read, Kept, Rejected int }
				if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil || sum.Read != 4 {
					t.Errorf("JSON summary %q: %v", stdout.String(), err)
				}
			}
		})
	}
	// Several inputs need a folder; each keeps its name in it.
	os.WriteFile("d.tsv", []byte(in), 0o644)
	os.Mkdir("out", 0o755)
	var stderr bytes.Buffer
	if code := run([]string{"filter", "c.tsv", "d.tsv", "--keep", "out", "--reject", "r.jsonl"}, nil, &bytes.Buffer{}, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{"c.tsv", "d.tsv"} {
		if _, err := os.Stat(filepath.Join("out", f)); err != nil {
			t.Error(err)
		}
	}
}
