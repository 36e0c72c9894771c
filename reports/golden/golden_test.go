package golden

import (
	"strings"
	"testing"
)

func TestDiffSummary(t *testing.T) {
	got := Diff("a\nb\nc\n", "a\nB\nc\nd\n", 10)
	for _, want := range []string{"1 lines removed, 2 added", "-2: b", "+2: B", "+4: d"} {
		if !strings.Contains(got, want) {
			t.Errorf("diffSummary:\n%s\nlacks %q", got, want)
		}
	}
	if got := Diff("x\n", "x\n", 10); !strings.HasPrefix(got, "0 lines removed, 0 added") {
		t.Errorf("no change: %q", got)
	}
	if got := Diff("", strings.Repeat("x\n", 30), 5); !strings.Contains(got, "and 25 more changed lines") {
		t.Errorf("a long diff is not cut: %q", got)
	}
}
