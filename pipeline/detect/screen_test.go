package detect

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/segment"
)

// screenEnglishRef is screenEnglish as first written, with a slice of
// words and a lowered copy of each: the screen must decide as it does.
func screenEnglishRef(text string) (float64, bool) {
	en, words := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !segment.IsLetter(r) }) {
		words++
		if w == "I" {
			en++
			continue
		}
		w = strings.ToLower(w)
		if otherWords[w] {
			return 0, false
		}
		if englishWords[w] {
			en++
		}
	}
	if en < 2 && !(en == 1 && words <= 6) {
		return 0, false
	}
	return 0.9, true
}

var screenTexts = []string{
	"", "The cat sat on the mat.", "Tom took Friday off.", "I think so.", "Birds build nests.",
	"La réunion a été reportée à la semaine prochaine en raison du mauvais temps.",
	"Die Regierung hat neue Maßnahmen angekündigt.", "THE GOVERNOR: No, I think if you look at the figures",
	"It's what they've done, isn't it?", "Not-A-Word-Longer-Than-Sixteen-Bytes and the other",
	"ÉCOLE and THE", "  of   the  ", "Ça va? The end of it", "über the of", "KÖNIG of the",
}

func TestScreenEnglishAsDefined(t *testing.T) {
	for _, s := range screenTexts {
		c1, ok1 := screenEnglish(s)
		c2, ok2 := screenEnglishRef(s)
		if c1 != c2 || ok1 != ok2 {
			t.Errorf("screenEnglish(%q) = %v, %v; want %v, %v", s, c1, ok1, c2, ok2)
		}
	}
}

func FuzzScreenEnglish(f *testing.F) {
	for _, s := range screenTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c1, ok1 := screenEnglish(s)
		c2, ok2 := screenEnglishRef(s)
		if c1 != c2 || ok1 != ok2 {
			t.Errorf("screenEnglish(%q) = %v, %v; want %v, %v", s, c1, ok1, c2, ok2)
		}
	})
}
