package align

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

func zhEnLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// links returns the links of a pair as "zh=en/kind", in order.
func links(a WordAlignment) string {
	var out []string
	for _, l := range a.Links {
		out = append(out, a.Lex[l.Lex].Text+"="+a.Other[l.Other].Text+"/"+l.By.String())
	}
	return strings.Join(out, " ")
}

// Words link through the dictionary (and a derived form of a gloss),
// numbers by value in any written form, identical Latin tokens and
// transliterated names; a word nothing renders stays unlinked.
func TestWordAlignLinks(t *testing.T) {
	wa := NewWordAligner(zhEnLexicon(t))
	tests := []struct {
		name, zh, en string
		want         []string // links that must be there
		not          []string // words of the Chinese side that must stay unlinked
	}{
		{"dictionary", "欧盟峰会讨论难民政策", "The EU summit discussed refugee policy",
			[]string{"欧盟=EU/dict", "峰会=summit/dict", "难民=refugee/dict", "政策=policy/dict"}, nil},
		{"numbers in other forms", "地震已造成超过2万人死亡，叙利亚的死亡人数估计在3500人以上。", "The quake has killed more than 20,000 people, and the toll in Syria is estimated at over 3,500.",
			[]string{"2=20/same", "万人=000/same", "3500=3/same", "3500=500/same"}, nil},
		{"a date", "据法新社2月10日报道", "According to AFP on February 10",
			[]string{"2=February/same", "10=10/same"}, nil},
		{"identical token", "欧洲Euractiv网站称", "The European Euractiv website said", []string{"Euractiv=Euractiv/same"}, nil},
		{"derived form", "土耳其西北部", "northwestern Turkey", []string{"西北部=northwestern/dict"}, nil},
		{"transliterated name", "他在迪亚巴克尔获救", "He was rescued in Diyarbakir", []string{"迪=Diyarbakir/name", "尔=Diyarbakir/name"}, nil},
		{"name spelt in pinyin", "中心馆长田霏宇担任艺术总监", "Tian Feiyu, curator of the center, is the art director", []string{"田=Tian/name", "霏=Feiyu/name", "宇=Feiyu/name"}, nil},
		{"irregular form", "美军击落了气球", "US forces shot down the balloon", []string{"击落=shot/dict"}, nil},
		{"a date said twice, rendered once", "新华社北京2月11日电 第十六届论坛2月11日在北京举办", "The 16th forum was held in Beijing on February 11",
			[]string{"2=February/same", "11=11/same"}, []string{"日电"}},
		{"qualifier of a quantity", "地震造成超过2万人死亡", "The quake killed more than 20,000 people", []string{"超过=than/same"}, nil},
		{"qualifier after a measure word", "死亡人数在3500人以上", "The death toll is over 3,500", []string{"以上=over/same"}, nil},
		{"compound ending in a gloss", "太阳系外行星的照片", "an image of an exoplanet", []string{"行星=exoplanet/dict"}, nil},
		{"demonym", "中国军方批准的供应商", "a Chinese military-approved supplier", []string{"中国=Chinese/dict"}, nil},
		{"left out", "欧盟峰会为难民政策争论，欧盟官员：接收过程步步瓶颈", "EU officials: reception process is a bottleneck",
			[]string{"官员=officials/dict"}, []string{"峰会", "难民", "政策"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := wa.Align(tt.zh, tt.en)
			got := links(a)
			for _, w := range tt.want {
				if !strings.Contains(" "+got+" ", " "+w+" ") {
					t.Errorf("no link %s in %s", w, got)
				}
			}
			linked := a.LexLinked()
			for _, w := range tt.not {
				for i, x := range a.Lex {
					if x.Text == w && linked[i] {
						t.Errorf("%s linked: %s", w, got)
					}
				}
			}
		})
	}
}

// Connectives that English says with its function words (也就是说 "that
// is to say": meaning that, which means) carry no content of their own.
func TestWordAlignConnective(t *testing.T) {
	a := NewWordAligner(zhEnLexicon(t)).Align("也就是说，全国有一半人投资了基金", "meaning that half of the country invested in funds")
	for _, x := range a.Lex {
		if x.Text == "也就是说" && x.Content {
			t.Errorf("也就是说 counted as content: %+v", a.Lex)
		}
	}
}

// The translation model learns, from pairs in which they recur, a word
// pair neither the dictionary nor pinyin links (杉杉, a company, is
// Sugiyama in English), and links it.
func TestWordAlignModel(t *testing.T) {
	lex := zhEnLexicon(t)
	pairs := [][2]string{
		{"杉杉公司发布新产品", "Sugiyama company released new products"},
		{"杉杉的创始人去世", "The founder of Sugiyama died"},
		{"杉杉开始寻找合作", "Sugiyama began to look for cooperation"},
		{"杉杉和研究所签署协议", "Sugiyama and the institute signed an agreement"},
	}
	test := [2]string{"杉杉转型", "Sugiyama transformed"}
	plain := NewWordAligner(lex).Align(test[0], test[1])
	if strings.Contains(links(plain), "杉=") {
		t.Fatalf("the dictionary alone links the name: %s", links(plain))
	}
	wa := NewWordAligner(lex)
	wa.Train(pairs, 5)
	if got := links(wa.Align(test[0], test[1])); !strings.Contains(got, "杉=Sugiyama/model") {
		t.Errorf("trained links %q, want 杉 (the name is two unknown characters) = Sugiyama by the model", got)
	}
}

// A clause the translation leaves out is the best omitted stretch and
// scores above OmittedMin; a faithful translation has none that does.
func TestWordAlignOmitted(t *testing.T) {
	wa := NewWordAligner(zhEnLexicon(t))
	tests := []struct {
		name, zh, en string
		want         string // the stretch reported, "" for none
	}{
		{"clause left out", "推进现代化涉及经济、政治、文化、社会等各个领域，既要做好系统谋划，又要勇于改革创新，不断实现整体推进。",
			"Promoting modernization involves various fields such as economy, politics, culture and society.", "系统谋划，又要勇于改革创新，不断实现整体推进"},
		{"faithful", "推进现代化涉及经济、政治、文化、社会等各个领域，既要做好系统谋划，又要勇于改革创新，不断实现整体推进。",
			"Promoting modernization involves economy, politics, culture, society and other fields; it needs systematic planning, the courage to reform and innovate, and continuous overall progress.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := wa.Align(tt.zh, tt.en)
			spans := a.Omitted(tt.zh)
			var got string
			if len(spans) > 0 && spans[0].Score >= OmittedMin {
				got = tt.zh[spans[0].Start:spans[0].End]
			}
			if tt.want == "" && got != "" {
				t.Errorf("reported %q (score %.1f)", got, spans[0].Score)
			}
			if tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("reported %q, want a stretch holding %q", got, tt.want)
			}
		})
	}
}

// A word of the translation renders one word of the source: when the
// glosses of several source words hold it, the word with no other choice
// takes it, then the longer word, then the nearer one; repetitions of one
// source word share the repetitions of its translation.
func TestWordAlignCompeting(t *testing.T) {
	wa := NewWordAligner(zhEnLexicon(t))
	tests := []struct {
		name, zh, en string
		want, not    []string // links that must be there, and must not
	}{
		// 哈梅内伊's gloss is "Khamenei, Ayatollah Aly …, aka Ali Khamenei":
		// Ayatollah and Ali are the only words 阿亚图拉 and 阿里 can take.
		{"the word with no other choice", "最高领袖阿亚图拉·阿里·哈梅内伊发布了大赦令", "Supreme Leader Ayatollah Ali Khamenei issued a pardon",
			[]string{"阿里=Ali/dict", "哈梅内伊=Khamenei/dict"}, []string{"哈梅内伊=Ali/dict", "哈梅内伊=Ayatollah/dict"}},
		// 称 "to state" and 国家 "state": the two-character word takes it.
		{"the longer word", "据路透社报道称，黑客中断了国家电视台的报道", "Hackers interrupted the state TV broadcast, Reuters reported",
			[]string{"国家=state/dict"}, []string{"称=state/dict"}},
		{"repetitions", "医保的支出少了，病人的医保费用也少了", "medical insurance spending fell, and patients' medical insurance costs fell too",
			[]string{"医保=medical/dict", "医保=insurance/dict"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := wa.Align(tt.zh, tt.en)
			got := " " + links(a) + " "
			for _, w := range tt.want {
				if !strings.Contains(got, " "+w+" ") {
					t.Errorf("no link %s in%s", w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, " "+w+" ") {
					t.Errorf("link %s in%s", w, got)
				}
			}
			if tt.name == "repetitions" {
				n := 0
				for _, l := range a.Links {
					if a.Lex[l.Lex].Text == "医保" && a.Other[l.Other].Text == "medical" {
						n++
					}
				}
				if n < 2 {
					t.Errorf("the two 医保 share the two medical %d times, want 2 or more: %s", n, got)
				}
			}
		})
	}
}
