package metrics

import (
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	tests := []struct {
		name, zh, en string
		want         string // "" for no finding, else a substring of the message
	}{
		{"3D as three-dimensional", "特别是人工智能、物联网和3D打印等技术创新", "especially in artificial intelligence, IOT and three-dimensional printing", ""},
		{"IOT expanded", "物联网IOT技术", "Internet of Things technology", ""},
		{"GDP kept", "占GDP的4.7%", "accounted for 4.7% of its GDP", ""},
		{"acronym plural", "ICT企业", "ICTs companies", ""},
		{"acronym dropped", "占GDP的4.7%", "accounted for 4.7% of its output", "“GDP”"},
		{"camelCase identifier dropped", "调用 parseFlags 函数", "Call the function.", "“parseFlags”"},
		{"code and links are carryover's", "运行 `go vet` 检查 https://example.com/a", "Run the check.", ""},
		{"link locale", "见 $(LINK2 /ders/d.en/cast.html, 类型转换)", "see $(LINK2 /ders/d.cn/cast.html, type conversions)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := pairedDoc([][2]string{{tt.zh, tt.en}})
			cfg := DefaultConfig()
			cfg.Lexicon = zhEnLexicon(t)
			cfg.Enabled = map[string]bool{"names": true}
			fs := Run(doc, []*Metric{Names}, cfg)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Errorf("unexpected finding: %s", fs[0].Message)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, tt.want) || fs[0].Severity != Info {
				t.Errorf("got %+v, want one info finding naming %s", fs, tt.want)
			}
		})
	}
}

func TestNamesEnglishToChinese(t *testing.T) {
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
	cfg.Enabled = map[string]bool{"names": true}
	fs := Run(doc, []*Metric{Names}, cfg)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Node.js") {
		t.Fatalf("want one finding for Node.js (GDP is 国内生产总值 in the lexicon), got %+v", fs)
	}
}

// TestNamesOptIn: the names check runs only when enabled.
func TestNamesOptIn(t *testing.T) {
	doc := pairedDoc([][2]string{{"占GDP的4.7%", "accounted for 4.7% of its output"}})
	if fs := Run(doc, All, DefaultConfig()); len(fs) != 0 {
		for _, f := range fs {
			if f.Check == "names" {
				t.Fatalf("names ran without being enabled: %+v", f)
			}
		}
	}
	if !Names.OptIn {
		t.Error("names is not opt-in")
	}
}
