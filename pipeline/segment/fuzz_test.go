package segment

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkSpans checks that spans lie inside text, in order, without overlap,
// are non-empty and trimmed of white space, and that together they cover
// every character of text that is not white space: segmentation never
// loses text.
func checkSpans(t *testing.T, what, text string, spans []Span) {
	t.Helper()
	covered := 0 // text[:covered] is accounted for
	for i, sp := range spans {
		if sp.Start < covered || sp.Start >= sp.End || sp.End > len(text) {
			t.Fatalf("%s %d: [%d,%d) out of order, empty or outside the text (%d bytes, previous end %d)", what, i, sp.Start, sp.End, len(text), covered)
		}
		if gap := text[covered:sp.Start]; !allSpace(gap) {
			t.Fatalf("%s %d: text %q before it is in no %s", what, i, gap, what)
		}
		if r, _ := utf8.DecodeRuneInString(text[sp.Start:]); unicode.IsSpace(r) {
			t.Fatalf("%s %d: %q starts with white space", what, i, text[sp.Start:sp.End])
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:sp.End]); unicode.IsSpace(r) {
			t.Fatalf("%s %d: %q ends with white space", what, i, text[sp.Start:sp.End])
		}
		covered = sp.End
	}
	if gap := text[covered:]; !allSpace(gap) {
		t.Fatalf("text %q after the last %s is in none", gap, what)
	}
}

func allSpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func FuzzRuns(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		runs := Runs(text, Protected(text))
		spans := make([]Span, len(runs))
		for i, r := range runs {
			spans[i] = Span{r.Start, r.End}
		}
		checkSpans(t, "run", text, spans)
	})
}

func FuzzSentences(f *testing.F) {
	f.Add("设置为 `'标题是：{title}。'`，见 https://example.com/a.b. 然后离开了。")
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, "sentence", text, Sentences(text))
		// No sentence ends inside a protected span, except after the full
		// stops that end one.
		protected := Protected(text)
		spans := SentencesOutside(text, protected)
		checkSpans(t, "sentence", text, spans)
		for _, sp := range spans[:max(len(spans)-1, 0)] {
			for _, p := range protected {
				end := p[1]
				for end > p[0] && strings.IndexByte(".?!", text[end-1]) >= 0 {
					end--
				}
				if p[0] < sp.End && sp.End < end {
					t.Errorf("a sentence ends at %d, inside the protected %q", sp.End, text[p[0]:p[1]])
				}
			}
		}
	})
}
