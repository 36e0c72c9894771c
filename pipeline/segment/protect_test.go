package segment

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Protected's fast path for text whose only trigger is '%' finds what the
// whole expression finds.
func TestPlaceholdersMatchTheExpression(t *testing.T) {
	pieces := []string{"%", "%%", "%s", "%d", "% o", "%05.2f", "%1$s", "%-3x", "%.", "% ", "%q", "%z",
		"47", "4.7", "$", "1", "0", ".", " ", "-", "+", "#", "of", "s", "d", "增长", "百分之", "。", "e", "E", "x"}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			p := pieces[rng.Intn(len(pieces))]
			if p == "$" && rng.Intn(2) == 0 {
				p = "1$"
			}
			b.WriteString(p)
		}
		text := b.String()
		if strings.ContainsAny(text, protectedTriggers[:len(protectedTriggers)-1]) {
			text = strings.NewReplacer("$", "").Replace(text)
		}
		var want [][2]int
		for _, l := range protectedRE.FindAllStringIndex(text, -1) {
			want = append(want, [2]int{l[0], l[1]})
		}
		if got := Protected(text); !reflect.DeepEqual(got, want) {
			t.Fatalf("Protected(%q) = %v, the expression finds %v", text, got, want)
		}
	}
	if got := Protected("增长了47%，占比 %s 与 % of"); len(got) != 2 {
		t.Errorf("want the placeholders %%s and %% o, got %v", got)
	}
}

// TestHasProse compares HasProse with a scan of every span for every
// letter, over random texts of code, URLs, placeholders and words, and
// random ranges of them.
func TestHasProse(t *testing.T) {
	naive := func(text string, start, end int, protected [][2]int) bool {
		for i, r := range text[start:end] {
			at := start + i
			if !IsLetter(r) {
				continue
			}
			inside := false
			for _, p := range protected {
				if p[0] <= at && at < p[1] {
					inside = true
					break
				}
			}
			if !inside {
				return true
			}
		}
		return false
	}
	pieces := []string{"`a`", "`code here`", "%s", "%d", "https://go.dev/x", "<b>", "&amp;", "词", "word", " ", "。", "1", "{name}"}
	rng := rand.New(rand.NewSource(5))
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.Intn(20); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		protected := Protected(text)
		start := rng.Intn(len(text) + 1)
		for start < len(text) && !utf8.RuneStart(text[start]) {
			start++
		}
		end := start + rng.Intn(len(text)-start+1)
		if got, want := HasProse(text, start, end, protected), naive(text, start, end, protected); got != want {
			t.Fatalf("HasProse(%q[%d:%d]) = %v, want %v (spans %v)", text, start, end, got, want, protected)
		}
	}
}

// IsLetter's fast paths (ASCII, the CJK unified ideographs) agree with
// the rule they short-cut: unicode.IsLetter outside the CJK punctuation
// and full-width forms.
func TestIsLetterFastPaths(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		want := unicode.IsLetter(r) && !(r >= 0x3000 && r <= 0x303F && r != '〇' || r >= 0xFF01 && r <= 0xFF60)
		if got := IsLetter(r); got != want {
			t.Fatalf("IsLetter(%U) = %v, want %v", r, got, want)
		}
	}
}
