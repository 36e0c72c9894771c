package detect

import (
	"strings"

	"github.com/transcheck/transcheck/pipeline/segment"
)

// NewScreened is New with a screen in front of lingua for English, for
// runs over corpora whose target is mostly English and whose detector
// knows several Latin-script languages (transcheck filter): there lingua
// would take most of the time, about a tenth of a millisecond a sentence.
// Latin-script text with at least two English function words and none of
// the common function words of French, German, Spanish, Italian,
// Portuguese or Dutch is English, decided without lingua; any other text
// goes to lingua as with New.
func NewScreened(langs []string, expected ...string) (*Detector, error) {
	d, err := New(langs, expected...)
	if err != nil {
		return nil, err
	}
	for _, l := range d.langs {
		if l == "en" {
			d.screen = true
		}
	}
	return d, nil
}

// englishWords are English function words. Some are words of the other
// languages too ("is" in Dutch, "was" in German, "in" in all but French):
// those count only because a text of that language holds some of
// otherWords as well, which sends it to lingua.
var englishWords = setOf("the of and that with for this are were have has been from which would they their there what " +
	"you your not but his she it its we our be by at to is was in on he will an my me can or if " +
	"let like please want go get how who why where when here all very yes about more too just did does don isn")

// otherWords are function words of the languages that pass for English in
// web-crawled corpora; one of them sends the text to lingua.
var otherWords = setOf(
	"le la les des est une et du au aux ce cette qui pas sont dans pour " + // French
		"der die das und ist nicht ein eine mit von zu den dem sie ich auf " + // German
		"el los las por para que con una es lo del como pero " + // Spanish
		"il di che non per della sono gli nel alla " + // Italian
		"os não uma em da dos das com " + // Portuguese
		"het een van niet zijn op ook maar wij") // Dutch

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// shortWords is the fewest words of Latin-script text that the screened
// detector asks lingua about: "OK.", "Hello," or "Order" are any of the
// Latin-script languages it knows, and lingua's first choice among them
// is noise.
const shortWords = 3

// screenShort returns, for Latin-script text of fewer than shortWords
// words, the one Latin-script language the detector expects.
func (d *Detector) screenShort(words int) (string, bool) {
	if words >= shortWords {
		return "", false
	}
	found := ""
	for l := range d.expected {
		if !nonLatin[l] {
			if found != "" {
				return "", false
			}
			found = l
		}
	}
	return found, found != ""
}

// screenEnglish reports whether Latin-script text reads as English by its
// function words (see NewScreened), and the confidence it gives.
func screenEnglish(text string) (float64, bool) {
	en, words := 0, 0
	var buf [16]byte
	// Apostrophes cut words: "it's" is "it" and "s", "don't" "don" and "t".
	for rest := text; rest != ""; {
		i := strings.IndexFunc(rest, segment.IsLetter)
		if i < 0 {
			break
		}
		rest = rest[i:]
		j := strings.IndexFunc(rest, func(r rune) bool { return !segment.IsLetter(r) })
		if j < 0 {
			j = len(rest)
		}
		w := rest[:j]
		rest = rest[j:]
		words++
		if w == "I" { // Italian's "i" is lower case
			en++
			continue
		}
		// The word lowered, in buf when it is short ASCII (the lists hold
		// nothing longer): looked up without allocating.
		var other, english bool
		if len(w) <= len(buf) && isASCII(w) {
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			other, english = otherWords[string(buf[:len(w)])], englishWords[string(buf[:len(w)])]
		} else {
			lw := strings.ToLower(w)
			other, english = otherWords[lw], englishWords[lw]
		}
		if other {
			return 0, false
		}
		if english {
			en++
		}
	}
	if en < 2 && !(en == 1 && words <= 6) {
		return 0, false
	}
	return 0.9, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
