package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestUsage: a command line that cannot run says why and exits 2, before
// any pipeline runs.
func TestUsage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no mode", nil, exitUsage, "Usage:"},
		{"unknown mode", []string{"filter"}, exitUsage, `unknown mode "filter"`},
		{"help", []string{"help"}, 0, ""},
		{"pairs without input", []string{"pairs", "--output", out}, exitUsage, "at least one --input"},
		{"pairs without output", []string{"pairs", "--input", "x.tsv"}, exitUsage, "--output PREFIX is required"},
		{"output folder missing", []string{"pairs", "--input", "x.tsv", "--output", filepath.Join(out, "no", "x")}, exitUsage, "does not exist"},
		{"unknown check", []string{"pairs", "--input", "x.tsv", "--output", out, "--reject-on", "spelling"}, exitUsage, `unknown check "spelling"`},
		{"confidence", []string{"pairs", "--input", "x.tsv", "--output", out, "--min-confidence", "2"}, exitUsage, "from 0 to 1"},
		{"jobs", []string{"pairs", "--input", "x.tsv", "--output", out, "--jobs", "0"}, exitUsage, "--jobs 0"},
		{"unknown flag", []string{"pairs", "--inptu", "x.tsv"}, exitUsage, "flag provided but not defined: -inptu"},
		{"pairs with nothing to read", []string{"pairs", "--input", filepath.Join(t.TempDir(), "none-*.tsv"), "--output", out}, exitUsage, "no file matches"},
		{"docs without input", []string{"docs", "--output", out}, exitUsage, "at least one --input"},
		{"docs with nothing to check", []string{"docs", "--input", filepath.Join(t.TempDir(), "none"), "--output", out}, exitUsage, "no documents found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), c.args, &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr: %s)", code, c.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.want) {
				t.Errorf("stderr %q, want it to say %q", stderr.String(), c.want)
			}
		})
	}
}
