package segment

import (
	"reflect"
	"testing"
)

func runTexts(text string) []string {
	var out []string
	for _, r := range Runs(text, Protected(text)) {
		out = append(out, string(r.Script)+":"+text[r.Start:r.End])
	}
	return out
}

func TestRuns(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"heading pair", "中美在网络空间拥有共同利益 The US and China's shared interests",
			[]string{"cjk:中美在网络空间拥有共同利益", "latin:The US and China's shared interests"}},
		{"colon stays with chinese", "全文如下: Wang Qun published it.",
			[]string{"cjk:全文如下:", "latin:Wang Qun published it."}},
		{"closing quote stays with chinese", "网络空间不是“法外之地” Cyberspace by no means a lawless frontier",
			[]string{"cjk:网络空间不是“法外之地”", "latin:Cyberspace by no means a lawless frontier"}},
		{"leading digits join the first run", "2016年5月11日,外交部发表文章。 On May 11, 2016, the ministry published it.",
			[]string{"cjk:2016年5月11日,外交部发表文章。", "latin:On May 11, 2016, the ministry published it."}},
		{"codes inside chinese", "特别是人工智能、物联网和3D打印等技术,占GDP的4.7%。",
			[]string{"cjk:特别是人工智能、物联网和3D打印等技术,占GDP的4.7%。"}},
		{"latin word at the start of chinese", "Go 是一门全新的语言。",
			[]string{"cjk:Go 是一门全新的语言。"}},
		{"alternating small runs fold into the majority", "Go 的 switch 比 C 的更通用。其表达式无需为常量或整数。",
			[]string{"cjk:Go 的 switch 比 C 的更通用。其表达式无需为常量或整数。"}},
		{"list dash goes with the english", "也有网络间谍。 - Frequent infringements of privacy.",
			[]string{"cjk:也有网络间谍。", "latin:- Frequent infringements of privacy."}},
		{"chinese term inside english", "The idea of 网络主权 is central to the debate here.",
			[]string{"latin:The idea of 网络主权 is central to the debate here."}},
		{"url is neutral", "请阅读 https://go.dev/doc/effective_go 的说明。",
			[]string{"cjk:请阅读 https://go.dev/doc/effective_go 的说明。"}},
		{"english first", "Introduction to the topic of this chapter 本章主题简介",
			[]string{"latin:Introduction to the topic of this chapter", "cjk:本章主题简介"}},
		{"only punctuation", " 2016 — ", []string{":2016 —"}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := runTexts(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Runs(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"chinese marks", "网络和现实紧密联结。以互联网为代表！真的吗？是的；好",
			[]string{"网络和现实紧密联结。", "以互联网为代表！", "真的吗？", "是的；", "好"}},
		{"ascii commas do not split chinese", "2016年5月11日,外交部军控司司长王群在《赫芬顿邮报》发表文章。",
			[]string{"2016年5月11日,外交部军控司司长王群在《赫芬顿邮报》发表文章。"}},
		{"closing quote stays", "他说：“我们走吧。”然后离开了。",
			[]string{"他说：“我们走吧。”", "然后离开了。"}},
		{"ellipsis", "他想了想……然后走了。", []string{"他想了想……", "然后走了。"}},
		{"english", "The ICTs have brought a leap. Digital economy grew! Did it? Yes.",
			[]string{"The ICTs have brought a leap.", "Digital economy grew!", "Did it?", "Yes."}},
		{"abbreviations", "The U.S. President met Mr. Xi in Washington. They talked.",
			[]string{"The U.S. President met Mr. Xi in Washington.", "They talked."}},
		{"decimals", "Digital economy accounted for 4.7% of its GDP in 2015. It grew.",
			[]string{"Digital economy accounted for 4.7% of its GDP in 2015.", "It grew."}},
		{"initials", "J. R. R. Tolkien wrote it. Then he rested.",
			[]string{"J. R. R. Tolkien wrote it.", "Then he rested."}},
		{"lower case after period", "See fig. 3 and e.g. this one. Done.",
			[]string{"See fig. 3 and e.g. this one.", "Done."}},
		{"quote after period", `He said "go." Then he left.`, []string{`He said "go."`, "Then he left."}},
		{"letterless tail joins", "网络间谍。 -", []string{"网络间谍。 -"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.text) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// A full stop inside inline code or a URL ends no sentence.
func TestSentencesOutsideProtected(t *testing.T) {
	text := "如果被设置为 `'图表的标题是：{title}。'`，则描述为 `'价格分布图。'`。见 https://example.com/a.b?x=1. 然后离开了。"
	var got []string
	for _, sp := range SentencesOutside(text, Protected(text)) {
		got = append(got, text[sp.Start:sp.End])
	}
	want := []string{"如果被设置为 `'图表的标题是：{title}。'`，则描述为 `'价格分布图。'`。", "见 https://example.com/a.b?x=1.", "然后离开了。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SentencesOutside\n got %q\nwant %q", got, want)
	}
}
