package align

import (
	"math"
	"strings"
	"testing"
)

func mustParse(t *testing.T, s string) []Bead {
	t.Helper()
	b, err := ParseAlign(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseAlign(t *testing.T) {
	got := mustParse(t, "[0]:[0]\n\n[1,2]:[1]\n[3]:[]\n[]:[2, 3]\n")
	want := "[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2,3]\n"
	if s := formatBeads(got); s != want {
		t.Errorf("got\n%swant\n%s", s, want)
	}
	for _, bad := range []string{"[0]:0", "0:[0]", "[a]:[0]", "[0]-[1]", "[-1]:[0]"} {
		if _, err := ParseAlign(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseAlign(%q) accepted it", bad)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestScore checks the metric on a hand-computed example.
func TestScore(t *testing.T) {
	gold := mustParse(t, `[0]:[0]
[1]:[1,2]
[2]:[]
[3]:[3]
[]:[4]
[4,5]:[5]
`)
	test := mustParse(t, `[0]:[0]
[1]:[1]
[]:[2]
[2]:[]
[3]:[3,4]
[4]:[5]
[5]:[]
`)
	c := Score(gold, test)
	// Precision over the 7 test beads: strict hits [0]:[0] and [2]:[]; lax
	// also [1]:[1] (gold [1]:[1,2]), [3]:[3,4] (gold [3]:[3]) and [4]:[5]
	// (gold [4,5]:[5]); []:[2] and [5]:[] overlap nothing on both sides.
	// Recall over the 4 gold beads with two sides, against the 4 test beads
	// with two sides: strict [0]:[0]; lax all four.
	want := Counts{
		PStrictTP: 2, PStrictFP: 5, PLaxTP: 5, PLaxFP: 2,
		RStrictTP: 1, RStrictFP: 3, RLaxTP: 4, RLaxFP: 0,
		// omissions: gold {src 2, tgt 4}, test {tgt 2, src 2, src 5}
		OmitTP: 1, OmitTest: 3, OmitGold: 2,
		Docs: 1, SrcSents: 6, TgtSents: 6,
	}
	if c != want {
		t.Fatalf("Score =\n%+v\nwant\n%+v", c, want)
	}
	s := c.Strict()
	if !near(s.P, 2.0/7) || !near(s.R, 0.25) || !near(s.F1, 2*(2.0/7)*0.25/(2.0/7+0.25)) {
		t.Errorf("strict = %+v", s)
	}
	l := c.Lax()
	if !near(l.P, 5.0/7) || !near(l.R, 1) {
		t.Errorf("lax = %+v", l)
	}
	o := c.Omission()
	if !near(o.P, 1.0/3) || !near(o.R, 0.5) || !near(o.F1, 0.4) {
		t.Errorf("omission = %+v", o)
	}
	// micro-averaging adds counts
	two := c.Add(Score(gold, gold))
	if two.Docs != 2 || two.PStrictTP != 2+6 || !near(two.Strict().P, 8.0/13) {
		t.Errorf("Add = %+v", two)
	}
	// a perfect alignment scores 1 everywhere
	p := Score(gold, gold)
	if p.Strict().F1 != 1 || p.Lax().F1 != 1 || p.Omission().F1 != 1 {
		t.Errorf("gold against itself: %+v", p)
	}
}

func TestExtractNumbers(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"In 1987, 3,500 people paid $2.50 each.", "1987 3500 2.5"},
		{"一百四十六亿，约１２３４元，百分之36。", "1234 36"},
		{"A4 paper, MP3 and 3rd place; version 2.0.", "2"},
		{"007 and 0.50 and 1,23", "7 0.5 1 23"},
		{"no numbers here", ""},
	}
	for _, tc := range cases {
		if got := strings.Join(extractNumbers(tc.in), " "); got != tc.want {
			t.Errorf("extractNumbers(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPunctKeys(t *testing.T) {
	name := map[string]string{"\x00?": "?", "\x00!": "!", keyOpen: "open", keyClose: "close", "\x00(": "(", "\x00…": "…", "\x00;": ";"}
	cases := []struct {
		in   string
		want string
	}{
		// Chinese dialogue opens in one sentence and closes in the next
		{"韦小宝道：“刚才真笨，该当把几碟点心倒在袋里便走。", "open"},
		{"难道短了什么，就定是把帐算在我头上？”", "? close"},
		// English dialogue in single quotes; apostrophes are neither
		{"His thoughts ran on: 'What a fool I was just now!", "! open"},
		{"They wouldn't miss a thing like that, or expect me to pay for it!'", "! close"},
		{"'I won a dozen taels,' replied Trinket.", "open close"},
		{"Trinket's friends don't know.", ""},
		{`"Can you ... be more specific?"`, "? open close …"},
		{"A few more goes and I'd have had you, though—'", "close …"},
		{"海老公道：“不过…… 不过……”", "open close …"},
		{"It cost 5 dollars (about 40 yuan).", "("},
		{"我们男的只管地租子；我只管出门的事。", ";"},
		// marks inside a code span are code
		{"指定组件的允许的最小值。`'min'` 必须用户指定。", ""},
	}
	for _, tc := range cases {
		var got []string
		for _, k := range punctKeys(tc.in) {
			got = append(got, name[k])
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("punctKeys(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

func TestEndType(t *testing.T) {
	cases := []struct {
		in   string
		want uint8
	}{
		{"他们没起疑心罢？”", endQuote},
		{"Were they suspicious?' ", endQuote},
		{"I have seen the girls'", endStop},
		{"什么是您信心的来源？", endQuestion},
		{"How is yours any different?", endQuestion},
		{"Aiyeeh! Of course!", endExclaim},
		{"不过…… 不过……", endTrail},
		{"the concern of the family is also important. . .", endTrail},
		{"Then—", endTrail},
		{"He left the room.", endStop},
		{"", endStop},
	}
	for _, tc := range cases {
		if got := endType(tc.in); got != tc.want {
			t.Errorf("endType(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
