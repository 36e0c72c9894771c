package metrics

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// A sentence a translation unit left out is a partial omission; a unit
// whose translation renders every sentence, merged or not, is not.
func TestDroppedSentences(t *testing.T) {
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Lexicon = func(source, target string) *lexicon.Lexicon { return lex }
	tests := []struct {
		name, zh, en string
		want         string // the dropped sentence named, "" for none
	}{
		{"second sentence dropped", "能否先查下是否还在路上？如果可以，送到就最好。", "Could you check if it's still on the road first?", "如果可以，送到就最好。"},
		{"both rendered", "能否先查下是否还在路上？如果可以，送到就最好。", "Could you check if it's still on the road first? If so, just deliver it.", ""},
		{"merged into one sentence", "中国和俄罗斯批评美国。称美国没有资格主持召开这样的峰会。", "China and Russia criticised the US, saying that the US was not qualified to hold such a summit.", ""},
		// The dropped sentence's words (儿童, 拐卖) are said in the kept one
		// too: placed in order, it gets none of its own, and the
		// translation is short by about its length.
		{"dropped sentence shares its words", "在急切的寻救目的之下，诸如拐卖儿童是否应当一律死刑之类争议较大的话题，可以暂搁下来，谨慎讨论。但救助被拐卖儿童的事情一刻也等不得，必须马上行动起来。",
			"With the urgent goal of rescue, contentious topics such as whether the death penalty should apply to child abduction can be shelved for now and discussed with discretion.", "但救助被拐卖儿童的事情"},
		{"both sentences share words and are rendered", "在急切的寻救目的之下，诸如拐卖儿童是否应当一律死刑之类争议较大的话题，可以暂搁下来，谨慎讨论。但救助被拐卖儿童的事情一刻也等不得，必须马上行动起来。",
			"With the urgent goal of rescue, contentious topics such as whether the death penalty should apply to child abduction can be shelved for now and discussed with discretion. But rescuing abducted children cannot wait a moment: we must act at once.", ""},
		{"one sentence", "真心推荐大家去宣汉金夫人拍婚纱照！", "I sincerely recommend it!", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := wmtDoc([][2]string{{tt.zh, tt.en}}, 1)
			var got []Finding
			for _, f := range Run(doc, []*Metric{Coverage}, cfg) {
				if strings.HasPrefix(f.Message, "the translation has no counterpart") {
					got = append(got, f)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("unexpected %s: %s", got[0].Check, got[0].Message)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0].Message, tt.want) || got[0].Check != "partial_omission" || got[0].Severity != Info):
				t.Errorf("findings %+v, want one partial_omission (info) naming %q", got, tt.want)
			}
		})
	}
}

// A stretch of the source whose words the translation does not render,
// inside a sentence it otherwise renders, is a partial omission naming the
// stretch and marking it in the source side; the faithful pairs of the
// document get none.
func TestOmittedStretches(t *testing.T) {
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Lexicon = func(source, target string) *lexicon.Lexicon { return lex }
	pairs := [][2]string{
		{"推进现代化涉及经济、政治、文化、社会等各个领域，既要做好系统谋划，又要勇于改革创新，不断实现整体推进。",
			"Promoting modernization involves various fields such as economy, politics, culture and society."},
		{"欧盟峰会讨论难民政策。", "The EU summit discussed refugee policy."},
		{"中美应继续加强对话。", "China and the US should continue to strengthen dialogue."},
	}
	doc := wmtDoc(pairs, 1)
	var got []Finding
	for _, f := range Run(doc, []*Metric{Coverage}, cfg) {
		if strings.HasPrefix(f.Message, "omitted: ") {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("findings %+v, want one omitted stretch", got)
	}
	f := got[0]
	if f.Check != "partial_omission" || f.Severity != Info || f.Source.Line != 1 || len(f.Source.Omitted) == 0 {
		t.Fatalf("finding %+v, want partial_omission (info) on line 1 with the stretch marked", f)
	}
	sp := f.Source.Omitted[0]
	if marked := f.Source.Text[sp[0]:sp[1]]; !strings.Contains(marked, "改革创新") || !strings.Contains(f.Message, marked) {
		t.Errorf("marked %q, message %q: want the left-out clause, named in the message", marked, f.Message)
	}
}
