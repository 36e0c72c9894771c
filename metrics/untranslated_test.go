package metrics

import (
	"strings"
	"testing"
)

// TestSameWords holds SameWords to its definition: equal once lowered
// with white space runs made single spaces and trimmed.
func TestSameWords(t *testing.T) {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	texts := []string{"", " ", "OK", "ok", " OK ", "Hello  World", "hello world", "hello\tworld\n", "helloworld",
		"hello worl", "Ünïcode Straße", "ünïcode straße", "你好 世界", "你好世界", "a\u00a0b", "a b", "A B C", "a b  c ", "\xff x", "\xfe x"}
	for _, a := range texts {
		for _, b := range texts {
			if got, want := SameWords(a, b), norm(a) == norm(b); got != want {
				t.Errorf("SameWords(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func FuzzSameWords(f *testing.F) {
	f.Add("Hello  World", "hello world")
	f.Add("a\u00a0b", "A B")
	f.Fuzz(func(t *testing.T, a, b string) {
		norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
		if got, want := SameWords(a, b), norm(a) == norm(b); got != want {
			t.Errorf("SameWords(%q, %q) = %v, want %v", a, b, got, want)
		}
	})
}
