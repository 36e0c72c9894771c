package metrics

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

func zhEnLexicon(t *testing.T) func(string, string) *lexicon.Lexicon {
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	return func(s, tg string) *lexicon.Lexicon { return lex }
}

func TestCarryover(t *testing.T) {
	tests := []struct {
		name, zh, en string
		want         string // "" for no finding, else a substring of the message
		severity     Severity
	}{
		{"3D as three-dimensional", "特别是人工智能、物联网和3D打印等技术创新", "especially in artificial intelligence, IOT and three-dimensional printing", "", 0},
		{"IOT expanded", "物联网IOT技术", "Internet of Things technology", "", 0},
		{"GDP kept", "占GDP的4.7%", "accounted for 4.7% of its GDP", "", 0},
		{"acronym plural", "ICT企业", "ICTs companies", "", 0},
		{"acronym dropped", "占GDP的4.7%", "accounted for 4.7% of its output", "“GDP”", Warning},
		{"url must pass", "请访问 https://example.com/a 了解详情", "See the details.", "“https://example.com/a”", Error},
		{"placeholder must pass", "已删除 %d 个文件", "Deleted files.", "“%d”", Error},
		{"placeholder kept", "你好，{name}！", "Hello, {name}!", "", 0},
		{"inline code kept", "运行 `go vet` 检查", "Run `go vet` to check", "", 0},
		{"camelCase identifier dropped", "调用 parseFlags 函数", "Call the function.", "“parseFlags”", Warning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := pairedDoc([][2]string{{tt.zh, tt.en}})
			cfg := DefaultConfig()
			cfg.Lexicon = zhEnLexicon(t)
			fs := Run(doc, []*Metric{Carryover}, cfg)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Errorf("unexpected finding: %s", fs[0].Message)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, tt.want) || fs[0].Severity != tt.severity {
				t.Errorf("got %+v, want one %v finding naming %s", fs, tt.severity, tt.want)
			}
		})
	}
}

func TestCarryoverEnglishToChinese(t *testing.T) {
	doc := pairedDoc([][2]string{{"The GDP grew fast.", "国内生产总值增长很快。"}, {"Install Node.js first.", "先安装运行时。"},
		{"Insert Mu_ltiline Comment", "插入多行注释(_M)"}, {"Existing non-Unicode files", "已存在的非 Unicode 文件"}})
	doc.Source, doc.Target = "en", "zh"
	for _, s := range doc.Segments() {
		if s.Lang == "zh" {
			s.Lang = "en"
		} else {
			s.Lang = "zh"
		}
	}
	cfg := DefaultConfig()
	cfg.Lexicon = zhEnLexicon(t)
	fs := Run(doc, []*Metric{Carryover}, cfg)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Node.js") {
		t.Fatalf("want one finding for Node.js (GDP is 国内生产总值 in the lexicon), got %+v", fs)
	}
}

func TestGlossaryAndTerms(t *testing.T) {
	g, err := ParseGlossary(strings.NewReader("source,target,flags\n网络空间,cyberspace\n习近平,Xi Jinping|President Xi,case-sensitive\nWeChat,WeChat,dnt\n"), "g.csv", "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 3 || !g.Terms[1].CaseSensitive || !g.Terms[2].DoNotTranslate {
		t.Fatalf("parsed %+v", g.Terms)
	}
	doc := pairedDoc([][2]string{
		{"网络空间是新生事物。", "Cyberspaces are a new thing."},
		{"网络空间不是法外之地。", "The online world is not lawless."},
		{"习近平主席访美。", "President xi jinping visited the US."},
	})
	cfg := DefaultConfig()
	cfg.Glossary = g
	fs := Run(doc, []*Metric{Terms}, cfg)
	var lines []int
	for _, f := range fs {
		lines = append(lines, f.Source.Line)
	}
	if len(fs) != 2 || lines[0] != 2 || lines[1] != 3 || !strings.Contains(fs[0].Message, "g.csv:2") {
		t.Fatalf("want findings on lines 2 (cyberspace missing) and 3 (case-sensitive Xi Jinping), got %+v", fs)
	}
}

func TestGlossaryErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"g.csv", "a,b\nlonely\n", "g.csv:2: a glossary row needs a source term and a target term"},
		{"g.csv", "a,b,sometimes\n", `g.csv:1: unknown flag "sometimes"`},
		{"g.csv", "a,\"b\n", "g.csv:1:"},
		{"g.tbx", "<martif><text><body><termEntry>", "g.tbx:1:"},
	}
	for _, tt := range tests {
		_, err := ParseGlossary(strings.NewReader(tt.text), tt.name, "zh", "en")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestTBX(t *testing.T) {
	tbx := `<?xml version="1.0"?><martif type="TBX-Basic"><text><body>
<termEntry id="1"><langSet xml:lang="zh-CN"><tig><term>网络空间</term></tig></langSet><langSet xml:lang="en"><tig><term>cyberspace</term></tig></langSet></termEntry>
</body></text></martif>`
	g, err := ParseGlossary(strings.NewReader(tbx), "g.tbx", "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 1 || g.Terms[0].Source != "网络空间" || g.Terms[0].Targets[0] != "cyberspace" {
		t.Fatalf("parsed %+v", g.Terms)
	}
}

func TestCoveragePartialOmission(t *testing.T) {
	pairs := [][2]string{
		{"中美同为世界上两个最大的经济体,也是信息技术飞速发展的最大受益者。", "As the two biggest economies, the US and China are the biggest beneficiaries of the rapid development of information technology."},
		{"网络空间是人类共同的活动空间,网络安全攸关各国主权、安全和发展利益。", "Cyberspace is a common space of human activities, and cyber security bears on the sovereignty, security and development interests of all countries."},
		{"恐怖主义与互联网结合,是当前暴力恐怖活动主要源头。", "Terrorism, coupled with the Internet, is now the main source of violent terrorist activities."},
		{"中美在网络安全问题上并非事事都看法一致,但这不应影响双方的合作。", "The US and China may not agree on every cyber security issue, but this should not affect cooperation between the two sides."},
		{"网络攻击和网络犯罪大幅增长,这损害各国人民权益。", "Cyber attacks and cyber crime have grown sharply, which harms the rights and interests of people of all countries."},
		{"中国主张以和平、主权、共治、普惠的基本原则治理网络空间。", "China advocates governing cyberspace on the basic principles of peace, sovereignty, shared governance and shared benefits."},
		{"互联网为全球经济社会发展带来巨大数字机遇和红利,同时也带来前所未有的挑战,网络安全威胁和风险日益突出。", "The Internet has brought digital opportunities."},
	}
	doc := pairedDoc(pairs)
	cfg := DefaultConfig()
	cfg.Lexicon = zhEnLexicon(t)
	fs, measures, _ := RunMeasures(doc, []*Metric{Coverage}, cfg, Basis{})
	if c := measures["coverage"].Value(); c <= 0.2 || c >= 1 {
		t.Errorf("document coverage %.2f is not a share between the pairs' figures", c)
	}
	if len(fs) != 1 || fs[0].Check != "partial_omission" || fs[0].Source.Line != 7 {
		t.Fatalf("want one partial_omission on line 7, got %+v", fs)
	}
	for _, w := range []string{"挑战", "威胁"} {
		if !strings.Contains(fs[0].Message, w) {
			t.Errorf("message %q does not name the dropped word %s", fs[0].Message, w)
		}
	}
}

// Links are localised: the locale segment and the anchor may change, the
// host and the path may not.
func TestCarryoverLocalisedLinks(t *testing.T) {
	for _, tt := range []struct {
		tok, tgt string
		want     bool
	}{
		{"/docs/react/getting-started#install", "请先阅读快速上手 /docs/react/getting-started-cn#安装 。", true},
		{"customize-theme#how-to-avoid-modifying-global-styles", "见 customize-theme-cn#如何避免修改全局样式", true},
		{"https://developer.mozilla.org/en-US/docs/Web/API", "https://developer.mozilla.org/zh-CN/docs/Web/API", true},
		{"https://ant.design/docs/en/guide", "https://ant.design/docs/zh/guide", true},
		{"#size", "见尺寸", true},
		{"/docs/react/getting-started", "/docs/react/introduce-cn", false},
		{"https://ant.design/components/button", "https://ant.design/components/input", false},
		{"https://example.com/a", "https://example.org/a", false},
	} {
		if got := present(carried{text: tt.tok, strict: true}, tt.tgt); got != tt.want {
			t.Errorf("present(%q in %q) = %v, want %v", tt.tok, tt.tgt, got, tt.want)
		}
	}
}
