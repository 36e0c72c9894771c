package read
import ("strings";"testing";"time")
func TestZZPerf(t *testing.T) {
	n := 50000
	cases := map[string]func() (string, func(string, string) int){
		"po-cont": func() (string, func(string,string) int) { return "msgid \"\"\n" + strings.Repeat("\"abcdefghij\"\n", n) + "msgstr \"x\"\n", func(p, s string) int { return len(PO(p, s).Units) } },
		"xml-deep": func() (string, func(string,string) int) { return "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>" + strings.Repeat("<g>", n) + "x" + strings.Repeat("</g>", n) + "</source></trans-unit></body></file></xliff>", func(p, s string) int { return len(XLIFF(p, s).Units) } },
		"tsv-quotes": func() (string, func(string,string) int) { return strings.Repeat("\"a\tb\n", n), func(p, s string) int { return len(TSV(p, s).Units) } },
		"csv-quotes": func() (string, func(string,string) int) { return strings.Repeat("a,\"b\n", n), func(p, s string) int { return len(CSV(p, s).Units) } },
		"tsv-ragged": func() (string, func(string,string) int) { return "a\tb\n" + strings.Repeat("x\n", n), func(p, s string) int { return len(TSV(p, s).Units) } },
		"tmx-many": func() (string, func(string,string) int) { return "<tmx><header srclang=\"en\"/><body>" + strings.Repeat("<tu><tuv lang=\"en\"><seg>a<ph/>b</seg></tuv><tuv lang=\"zh\"><seg>c</seg></tuv></tu>\n", n) + "</body></tmx>", func(p, s string) int { return len(TMX(p, s).Units) } },
	}
	for name, c := range cases {
		text, f := c()
		st := time.Now()
		u := f("p", text)
		t.Logf("%s: %d bytes, %d units, %v", name, len(text), u, time.Since(st))
	}
}
