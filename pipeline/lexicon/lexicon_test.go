package lexicon

import (
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

func zhEn(tb testing.TB) *Lexicon {
	tb.Helper()
	l, err := ZhEn()
	if err != nil {
		tb.Fatalf("ZhEn: %v", err)
	}
	return l
}

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestSegment(t *testing.T) {
	l := zhEn(t)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"headline", "中美在网络空间拥有共同利益", []string{"中美", "在", "网络空间", "拥有", "共同利益"}},
		{"latin and digits inside chinese", "物联网和3D打印", []string{"物", "联网", "和", "3D", "打印"}},
		{"acronym", "GDP占比不断攀升", []string{"GDP", "占", "比", "不断", "攀升"}},
		{"punctuation skipped", "2016年5月11日,外交部", []string{"2016", "年", "5", "月", "11", "日", "外交部"}},
		{"traditional", "網絡空間", []string{"網絡空間"}},
		{"longer", "以互联网为代表的信息技术带来生产力又一次质的飞跃", []string{"以", "互联网", "为", "代表", "的", "信息技术", "带来", "生产力", "又一次", "质的飞跃"}},
		{"empty", "", []string{}},
		// Headwords of more than maxSegLen runes, tried where their first
		// (forward) or last (backward) runes stand.
		{"long headword", "根据美国国家航空航天局资料", []string{"根据", "美国国家航空航天局", "资料"}},
		{"long headword at the end", "资料来自美国国家航空航天局", []string{"资料", "来自", "美国国家航空航天局"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(l.Segment(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segment(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A user word list's long headwords are found at any place of a run, by
// both directions of maximum matching.
func TestSegmentLongHeadword(t *testing.T) {
	l, err := Load(strings.NewReader("甲乙丙丁戊己庚辛壬癸\tten stems\n甲乙\tfirst two\n"), "stems.tsv", "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string][]string{
		"甲乙丙丁戊己庚辛壬癸":  {"甲乙丙丁戊己庚辛壬癸"},
		"前甲乙丙丁戊己庚辛壬癸": {"前", "甲乙丙丁戊己庚辛壬癸"},
		"甲乙丙丁戊己庚辛壬癸后": {"甲乙丙丁戊己庚辛壬癸", "后"},
		"甲乙丙丁戊己庚辛壬":   {"甲乙", "丙", "丁", "戊", "己", "庚", "辛", "壬"},
	} {
		if got := texts(l.Segment(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("Segment(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSegmentFlags(t *testing.T) {
	l := zhEn(t)
	toks := l.Segment("中美在网络空间拥有共同利益,GDP")
	byText := map[string]Token{}
	for _, tk := range toks {
		byText[tk.Text] = tk
	}
	tests := []struct {
		word        string
		stop, known bool
		norm        string
	}{
		{"在", true, true, "在"},
		{"网络空间", false, true, "网络空间"},
		{"GDP", false, false, "gdp"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			tk, ok := byText[tt.word]
			if !ok {
				t.Fatalf("no token %q in %q", tt.word, texts(toks))
			}
			if tk.Stop != tt.stop || tk.Known != tt.known || tk.Norm != tt.norm {
				t.Errorf("token %q: Stop=%v Known=%v Norm=%q, want %v %v %q", tt.word, tk.Stop, tk.Known, tk.Norm, tt.stop, tt.known, tt.norm)
			}
		})
	}
	// an unknown single character is not Known
	for _, tk := range l.Segment("㐀") {
		if tk.Known {
			t.Errorf("unknown character %q marked Known", tk.Text)
		}
	}
}

func TestEnglishTokens(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		norms []string
		stops []bool
	}{
		{"stems and stop words", "The economies of the world", []string{"the", "economi", "of", "the", "world"}, []bool{true, false, true, true, false}},
		{"acronym US is content", "the US and China's", []string{"the", "us", "and", "china"}, []bool{true, false, true, false}},
		{"hyphen splits", "rules-based cyber-security", []string{"rule", "base", "cyber", "secur"}, []bool{false, false, false, false}},
		{"curly apostrophe", "don’t", []string{"don't"}, []bool{true}},
		{"digits kept lower-case", "3D printing", []string{"3d", "print"}, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := EnglishTokens(tt.in)
			var norms []string
			var stops []bool
			for _, tk := range toks {
				norms = append(norms, tk.Norm)
				stops = append(stops, tk.Stop)
				if tt.in[tk.Start:tk.End] != tk.Text {
					t.Errorf("token %q has offsets %d:%d", tk.Text, tk.Start, tk.End)
				}
			}
			if !reflect.DeepEqual(norms, tt.norms) || !reflect.DeepEqual(stops, tt.stops) {
				t.Errorf("EnglishTokens(%q) norms %q stops %v, want %q %v", tt.in, norms, stops, tt.norms, tt.stops)
			}
		})
	}
}

func TestTranslations(t *testing.T) {
	l := zhEn(t)
	stem := func(w string) string { return EnglishTokens(w)[0].Norm }
	tests := []struct {
		word    string
		anyOf   []string // at least one of these English words' stems
		noneOf  []string // stop words must not appear
		wantNil bool
	}{
		{word: "利益", anyOf: []string{"interest"}},
		{word: "网络", anyOf: []string{"network", "internet"}},
		{word: "发展", anyOf: []string{"develop"}},
		{word: "經濟", anyOf: []string{"economy"}}, // traditional headword
		{word: "推进", anyOf: []string{"advance"}, noneOf: []string{"to"}},
		{word: "美元", anyOf: []string{"US"}, noneOf: []string{"the"}},
		{word: "中美", anyOf: []string{"US"}},   // derived from "China-USA"
		{word: "GDP", anyOf: []string{"GDP"}}, // Latin word translates to itself
		{word: "2016", wantNil: true},         // numbers are left to other checks
		{word: "㐀㐀", wantNil: true},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			got := l.Translations(tt.word)
			if tt.wantNil {
				if got != nil {
					t.Errorf("Translations(%q) = %q, want nil", tt.word, got)
				}
				return
			}
			found := false
			for _, w := range tt.anyOf {
				if slices.Contains(got, stem(w)) {
					found = true
				}
			}
			if !found {
				t.Errorf("Translations(%q) = %q, want one of the stems of %q", tt.word, got, tt.anyOf)
			}
			for _, w := range tt.noneOf {
				if slices.Contains(got, w) {
					t.Errorf("Translations(%q) = %q contains stop word %q", tt.word, got, w)
				}
			}
		})
	}
}

func TestGlossStems(t *testing.T) {
	tests := []struct {
		gloss string
		want  []string
	}{
		{"to promote/to advance", []string{"promot", "advanc"}},
		{"listed on the stock market", []string{"list", "stock", "market"}},
		{"Internet", []string{"internet"}},
		{"US dollar", []string{"us", "dollar"}},
		{"to lend sb sth/9am-9pm", []string{"lend"}},
	}
	for _, tt := range tests {
		t.Run(tt.gloss, func(t *testing.T) {
			got := newBuilder("en").stems(tt.gloss)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("stems(%q) = %q, want %q", tt.gloss, got, tt.want)
			}
		})
	}
}

func TestCovered(t *testing.T) {
	l := zhEn(t)
	zh := "中美同为世界上两个最大的经济体"
	en := "As the two biggest economies and beneficiaries of the rapid development of information and communications technologies (ICTs), the US and China have broad and abundant shared interests"
	target := map[string]bool{}
	for _, tk := range EnglishTokens(en) {
		target[tk.Norm] = true
	}
	tests := []struct {
		word string
		want bool
	}{
		{"经济", true},
		{"中美", true},
		{"两", true}, // two
		{"世界", false},
		{"拥有", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := l.Covered(tt.word, target); got != tt.want {
				t.Errorf("Covered(%q) = %v, want %v (translations %q)", tt.word, got, tt.want, l.Translations(tt.word))
			}
		})
	}
	if !slices.Contains(texts(l.Segment(zh)), "经济") {
		t.Errorf("Segment(%q) = %q, want 经济 among the words", zh, texts(l.Segment(zh)))
	}
}

// coverage returns the share of the non-stop, non-numeric Chinese tokens of
// zh covered by the English sentence en, and the number of such tokens.
func coverage(l *Lexicon, zh, en string) (float64, int) {
	target := map[string]bool{}
	for _, tk := range EnglishTokens(en) {
		target[tk.Norm] = true
	}
	c, n := 0, 0
	for _, tk := range l.Segment(zh) {
		if tk.Stop || isDigits(tk.Text) {
			continue
		}
		n++
		if l.Covered(tk.Text, target) {
			c++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(c) / float64(n), n
}

func TestSeedCoverage(t *testing.T) {
	// The repository's copy of the seed article, so that this runs on a
	// fresh clone.
	const seed = "../../testdata/seed/cyberspace-article.zh-en.txt"
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	l := zhEn(t)
	var zh, en []string
	for _, line := range strings.Split(string(data), "\n") {
		if z, e, ok := splitPair(line); ok {
			zh = append(zh, z)
			en = append(en, e)
		}
	}
	if len(zh) < 10 {
		t.Fatalf("only %d Chinese–English lines in %s", len(zh), seed)
	}
	var matched, mismatched float64
	for i := range zh {
		m, _ := coverage(l, zh[i], en[i])
		x, _ := coverage(l, zh[i], en[(i+3)%len(en)])
		matched += m
		mismatched += x
	}
	matched /= float64(len(zh))
	mismatched /= float64(len(zh))
	t.Logf("%d lines: mean coverage matched %.3f, mismatched (line i vs i+3) %.3f", len(zh), matched, mismatched)
	if matched < matchedThreshold {
		t.Errorf("mean matched coverage %.3f < %.2f", matched, matchedThreshold)
	}
	if matched < mismatched+0.2 {
		t.Errorf("matched coverage %.3f not clearly above mismatched %.3f", matched, mismatched)
	}
}

func TestLoad(t *testing.T) {
	good := "# French words\n\nbonjour\thello\tgood day\nmaison\thouse\tthe home\n"
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{"good", good, ""},
		{"missing target", good + "chat\n", "user.tsv:5: "},
		{"empty target", "a\tb\nchien\t \t\n", "user.tsv:2: "},
		{"empty source", "\tdog\n", "user.tsv:1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Load(strings.NewReader(tt.in), "user.tsv", "fr", "en")
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("Load error = %v, want prefix %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := l.Translations("Maison"); !reflect.DeepEqual(got, []string{"hous", "home"}) {
				t.Errorf("Translations(Maison) = %q, want [hous home]", got)
			}
			target := map[string]bool{}
			for _, tk := range EnglishTokens("Hello, world") {
				target[tk.Norm] = true
			}
			if !l.Covered("bonjour", target) || l.Covered("maison", target) {
				t.Errorf("Covered: bonjour should be covered by %q, maison not", "Hello, world")
			}
			if got := texts(l.Segment("Bonjour, la maison")); !reflect.DeepEqual(got, []string{"Bonjour", "la", "maison"}) {
				t.Errorf("Segment = %q", got)
			}
		})
	}
}

func TestLoadChineseSource(t *testing.T) {
	l, err := Load(strings.NewReader("网络空间\tcyberspace\n网络\tnetwork\n"), "zh.tsv", "zh-Hans", "en")
	if err != nil {
		t.Fatal(err)
	}
	if got := texts(l.Segment("网络空间的网络")); !reflect.DeepEqual(got, []string{"网络空间", "的", "网络"}) {
		t.Errorf("Segment = %q", got)
	}
}

func TestZhEnShared(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Lexicon, 8)
	for i := range got {
		wg.Go(func() {
			l, err := ZhEn()
			if err != nil {
				t.Error(err)
				return
			}
			l.Segment("中美在网络空间拥有共同利益")
			got[i] = l
		})
	}
	wg.Wait()
	for _, l := range got[1:] {
		if l != got[0] {
			t.Fatal("ZhEn returned different lexicons")
		}
	}
}

func BenchmarkZhEnLoad(b *testing.B) {
	b.ReportAllocs()
	var l *Lexicon
	for b.Loop() {
		var err error
		l, err = loadCEDICT(cedictGz)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heapMB")
	runtime.KeepAlive(l)
}

func BenchmarkSegment(b *testing.B) {
	l := zhEn(b)
	// 100 Han characters from the seed article
	s := []rune("中美同为世界上两个最大的经济体,也是信息技术飞速发展的最大受益者,在合作推进网络空间全球治理方面有着广泛的共同利益。" +
		"当今世界,网络和现实紧密联结。以互联网为代表的信息技术带来生产力又一次质的飞跃,引领社会生产新变革。特别是人工智能等技术创新")
	text := string(s[:100])
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		l.Segment(text)
	}
}

// Pinyin spells characters as English spells Chinese names: toneless,
// lower case, the commonest reading first.
func TestPinyin(t *testing.T) {
	for _, tt := range []struct {
		r    rune
		want string
	}{{'王', "wang"}, {'霏', "fei"}, {'长', "chang zhang"}, {'绿', "lu"}, {'a', ""}} {
		if got := strings.Join(Pinyin(tt.r), " "); got != tt.want {
			t.Errorf("Pinyin(%q) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// Irregular verb forms and words negated by un- reach the Norms of their
// bases; regular forms, which their own Norm already reduces, and other
// words have none.
func TestBaseNorms(t *testing.T) {
	for word, want := range map[string][]string{
		"shot":          {englishStem("shoot")},
		"Went":          {englishStem("go")},
		"found":         {englishStem("find")},
		"unimplemented": {englishStem("implemented")},
		"Unknown":       {englishStem("known")},
		"unable":        nil, // four letters left: too short to tell from a word that begins with un
		"under":         nil,
		"united":        nil,
		"walked":        nil,
		"children":      nil,
		"NASA":          nil,
	} {
		if got := BaseNorms(word); !reflect.DeepEqual(got, want) {
			t.Errorf("BaseNorms(%q) = %q, want %q", word, got, want)
		}
	}
}
