package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A finding that a comment suppresses does not fail the gate, and the
// report says it was suppressed; a misspelt check name suppresses
// nothing and is reported with its file and line.
func TestSuppressGate(t *testing.T) {
	const zh = "# 价格\n\n我们星期一卖了13个苹果。\n"
	tests := []struct {
		name      string
		directive string
		code      int
		stdout    string
		stderr    string
	}{
		{"suppressed", "numbers", exitOK, "\n0 findings (1 suppressed)\n", ""},
		{"misspelt", "numbrs", exitGate, "\n1 finding\n",
			`guide.md:3: transcheck-disable-next-line: unknown check "numbrs" (checks are addition, carryover,`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			en := "# Prices\n\n<!-- transcheck-disable-next-line " + tt.directive + " -->\nWe sold 12 apples on Monday.\n"
			for name, text := range map[string]string{"guide.md": en, "guide.zh.md": zh} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := run([]string{"check", "--no-progress", "."}, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("no %q in the table:\n%s", tt.stdout, stdout.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("no %q on stderr:\n%s", tt.stderr, stderr.String())
			}
		})
	}
}
