// Package golden compares output with golden files for tests: with
// -update it rewrites them and says what changed, so a bug is not
// blessed unseen; on a mismatch it leaves the output beside the file.
package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Check compares got with the golden file at path. With update it
// rewrites the file when it differs and logs a summary of the change (go
// test -v shows it); otherwise a mismatch fails the test and writes got to
// path+".got". how says how to update, for the message.
func Check(t testing.TB, path, got string, update bool, how string) {
	t.Helper()
	if update {
		old, _ := os.ReadFile(path)
		if string(old) == got {
			return
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s:\n%s", path, Diff(string(old), got, 20))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run %s to create it)", err, how)
	}
	if string(want) != got {
		os.WriteFile(path+".got", []byte(got), 0o644)
		t.Errorf("%s differs from the golden file: %s\nsee %s.got; run %s if the change is right",
			path, strings.SplitN(Diff(string(want), got, 10), "\n", 2)[0], path, how)
	}
}

// Diff describes how got differs from want line by line: the
// count of lines removed and added, then up to most of them: "-N" for
// line N of want removed, "+N" for line N of got added.
func Diff(want, got string, most int) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var lines []string
	removed, added := 0, 0
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			removed++
			lines = append(lines, fmt.Sprintf("-%d: %s", i+1, a[i]))
			i++
		default:
			added++
			lines = append(lines, fmt.Sprintf("+%d: %s", j+1, b[j]))
			j++
		}
	}
	more := ""
	if len(lines) > most {
		more = fmt.Sprintf("\n… and %d more changed lines (git diff shows them)", len(lines)-most)
		lines = lines[:most]
	}
	return fmt.Sprintf("%d lines removed, %d added\n%s%s", removed, added, strings.Join(lines, "\n"), more)
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
