package segment

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
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
