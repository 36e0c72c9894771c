package lexicon

import "testing"

func TestIsGlossWord(t *testing.T) {
	lex, err := ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"bird", "birds", "build", "nests", "nested", "building", "studies", "studied", "mother", "dead", "quickly", "hugged", "stopping"} {
		if !lex.IsGlossWord(w) {
			t.Errorf("IsGlossWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"gouvernement", "regierung", "maatregelen", "annunciato", "x", "qzxv"} {
		if lex.IsGlossWord(w) {
			t.Errorf("IsGlossWord(%q) = true, want false", w)
		}
	}
}
