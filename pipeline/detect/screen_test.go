package detect

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/transcheck/transcheck/pipeline/segment"
)

// screenEnglishRef is screenEnglish as first written, with a slice of
// words and a lowered copy of each, links dropped first: the screen must
// decide as it does.
func screenEnglishRef(text string) (float64, bool) {
	var kept []string
	for _, c := range strings.Fields(text) {
		if !isLink(c) {
			kept = append(kept, c)
		}
	}
	text = strings.Join(kept, " ")
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
	"See https://www.le-monde.fr/des/pas and the rest", "mail le@des.fr of the", "www.la.com the of",
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

// TestScreenFunctionWords: the function words name clear sentences of the
// confusers, and leave English, short text and mixed text to lingua.
func TestScreenFunctionWords(t *testing.T) {
	d, err := NewScreened([]string{"en", "zh", "fr", "de", "es", "it", "pt", "nl"}, "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]string{
		"Le gouvernement a annoncé de nouvelles mesures pour soutenir les entreprises.":  "fr",
		"Nous devons travailler ensemble pour protéger notre environnement.":             "fr",
		"La réunion a été reportée à la semaine prochaine en raison du mauvais temps.":   "fr",
		"Die Regierung hat neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt.": "de",
		"Wir müssen gemeinsam daran arbeiten, unsere Umwelt zu schützen.":                "de",
		"Das Treffen wurde wegen des schlechten Wetters auf nächste Woche verschoben.":   "de",
		"Gracias por la comida, Tom.":                                               "es",
		"El gobierno anunció nuevas medidas para apoyar a las empresas.":            "es",
		"Il governo ha annunciato nuove misure per sostenere le imprese.":           "it",
		"O governo anunciou novas medidas para apoiar as empresas e não os bancos.": "pt",
		"De regering heeft nieuwe maatregelen aangekondigd voor het bedrijfsleven.": "nl",
	}
	for text, want := range named {
		if got, ok := d.screenFunctionWords(text); !ok || got != want {
			t.Errorf("screenFunctionWords(%q) = %q, %v; want %q", text, got, ok, want)
		}
		if got, conf := d.Detect(text); got != want || conf != functionWordsConfidence {
			t.Errorf("Detect(%q) = %q, %.2f; want %q by its function words", text, got, conf, want)
		}
		if got, _ := d.DetectDeclared(text, "en"); got != want {
			t.Errorf("DetectDeclared(%q, en) = %q, want %q", text, got, want)
		}
	}
	for _, text := range []string{
		"The cat sat on the mat.",  // English
		"Birds build nests.",       // English, no function word of any list
		"La Paz and El Salvador",   // an English function word
		"Le Monde",                 // too short
		"per la",                   // too short, and Italian or Spanish
		"x: x, y: y, width: width", // one Spanish word twice: code
		"Fix label layout margin. [#21103](https://github.com/apache/echarts/pull/21103) ([100pah](https://github.com/100pah))", // com of a link
	} {
		if got, ok := d.screenFunctionWords(text); ok {
			t.Errorf("screenFunctionWords(%q) = %q; want it left to lingua", text, got)
		}
	}
	// A language the detector does not know is lingua's to place among
	// those it knows.
	zhEnFr, err := NewScreened([]string{"en", "zh", "fr"}, "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := zhEnFr.screenFunctionWords("Die Regierung hat neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt."); ok {
		t.Errorf("a detector without German named German text %q", got)
	}
}

// TestScreenVocabulary: English with no function word is English by its
// words; other text, or too little, is not decided.
func TestScreenVocabulary(t *testing.T) {
	english := map[string]bool{"bird": true, "build": true, "nest": true, "mother": true, "dead": true,
		"happy": true, "home": true, "building": true, "south": true, "ring": true, "road": true, "come": true, "pan": true}
	known := func(w string) bool { return english[w] || english[strings.TrimSuffix(w, "s")] }
	d, err := NewScreened([]string{"en", "zh", "fr", "de", "es", "it", "pt", "nl"}, "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	if d.screenVocabulary("Birds build nests.") {
		t.Error("without SetEnglishWords the vocabulary screen decided")
	}
	d.SetEnglishWords(known)
	for text, want := range map[string]bool{
		"Birds build nests.":                     true,
		"Happy Home Building, South Ring Road":   true,
		"Tom's mother's dead birds.":             true,  // a name, three English words
		"Tom come pan":                           false, // two English words: too few
		"Birds build nests à la maison.":         false, // not ASCII, and French function words
		"Birds build nests en la casa":           false, // function words of other languages
		"Birds build Xyzzy Plugh Frobozz nests.": false, // more names than half the words
		"birds build nests quux":                 false, // a lower-case word it does not know
	} {
		if got := d.screenVocabulary(text); got != want {
			t.Errorf("screenVocabulary(%q) = %v, want %v", text, got, want)
		}
	}
	if lang, conf := d.Detect("Birds build nests."); lang != "en" || conf != vocabularyConfidence {
		t.Errorf("Detect = %q, %.2f; want en by its words", lang, conf)
	}
}

// TestScreenShort: short Latin text takes the one expected Latin language,
// else the declared one when the detector knows it, else goes to lingua.
func TestScreenShort(t *testing.T) {
	all := []string{"en", "zh", "fr", "de", "es", "it", "pt", "nl"}
	expecting, _ := NewScreened(all, "zh", "en")
	none, _ := NewScreened(all)
	for _, c := range []struct {
		d        *Detector
		declared string
		want     string
		ok       bool
	}{
		{expecting, "", "en", true},
		{expecting, "fr", "en", true},
		{none, "en", "en", true},
		{none, "fr", "fr", true},
		{none, "", "", false},
		{none, "zh", "", false},
		{none, "sv", "", false},
	} {
		if got, ok := c.d.screenShort(2, c.declared); got != c.want || ok != c.ok {
			t.Errorf("screenShort(2, %q) = %q, %v; want %q, %v", c.declared, got, ok, c.want, c.ok)
		}
	}
	if _, ok := none.screenShort(3, "en"); ok {
		t.Error("screenShort decided a text of three words")
	}
	if lang, _ := none.DetectDeclared("Hello, Tom.", "en"); lang != "en" {
		t.Errorf("DetectDeclared(Hello, Tom., en) = %q", lang)
	}
}

// TestWithExpected: a detector WithExpected makes takes short Latin text
// to be in its expected Latin-script language and shares lingua's model.
func TestWithExpected(t *testing.T) {
	d, err := NewScreened([]string{"en", "zh", "fr", "de"})
	if err != nil {
		t.Fatal(err)
	}
	e := d.WithExpected("zh", "en")
	if lang, _ := e.Detect("Wait, Tom."); lang != "en" {
		t.Errorf("expecting zh and en, Detect(Wait, Tom.) = %q, want en", lang)
	}
	if e.shared != d.shared {
		t.Error("WithExpected built a lingua model of its own")
	}
	if len(d.expected) != 0 {
		t.Errorf("WithExpected changed the detector's expected languages: %v", d.expected)
	}
}

// TestEnglishVeto: a function word of another language sends a text to
// lingua, unless English holds it too.
func TestEnglishVeto(t *testing.T) {
	for text, want := range map[string]bool{
		"Growth was 5 per cent, the highest in a decade.":       true,
		"The non-governmental groups met at the UN.":            true,
		"Yu Zhan'ao spun around and glared at the crowd.":       true,
		"Nous avons vu the cat and the dog.":                    false,
		"Wir haben the cat and the dog gesehen.":                false,
		"The report, muy importante, was read by the minister.": false,
	} {
		if _, ok := screenEnglish(text); ok != want {
			t.Errorf("screenEnglish(%q) decided %v, want %v", text, ok, want)
		}
	}
}

// letterWordsRef is letterWords as first written, with strings.Fields-like
// cuts at unicode.IsSpace and strings.IndexFunc: words must walk a text
// as it does.
func letterWordsRef(text string) []string {
	var out []string
	for rest := text; rest != ""; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		chunk := rest[:end]
		rest = rest[end:]
		if isLink(chunk) {
			continue
		}
		for chunk != "" {
			i := strings.IndexFunc(chunk, segment.IsLetter)
			if i < 0 {
				break
			}
			chunk = chunk[i:]
			j := strings.IndexFunc(chunk, func(r rune) bool { return !segment.IsLetter(r) })
			if j < 0 {
				j = len(chunk)
			}
			out = append(out, chunk[:j])
			chunk = chunk[j:]
		}
	}
	return out
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Hello, world!", "it's  x\ty\n", "see https://github.com/a b@c.d www.x.org ok",
		"x: x, y: y", "\v\f\rA1b2", "", "  ", "a_b-c.d", "“Quoted” café\u00a0naïve\u3000中文 text\u2028end", "\xff\xfeab c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := slices.Collect(letterWords(s))
		if want := letterWordsRef(s); !slices.Equal(got, want) {
			t.Errorf("the words of %q: %q, want %q", s, got, want)
		}
	})
}
