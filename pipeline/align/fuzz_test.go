package align

import (
	"strings"
	"testing"
)

// FuzzAlign aligns two documents made of the lines of the inputs and checks
// that it does not panic and that the beads cover both sides in order.
func FuzzAlign(f *testing.F) {
	f.Add("One.\nTwo sentences here.\nThree 3.", "一。\n两个句子。\n三3。", 0, 0)
	f.Add("", "x", 1, 1)
	f.Fuzz(func(t *testing.T, a, b string, band, coarse int) {
		src := sentences(splitNonEmpty(a), "en")
		tgt := sentences(splitNonEmpty(b), "zh")
		if len(src) > 200 || len(tgt) > 200 {
			return
		}
		opt := Options{Band: band % 50, CoarseBand: coarse % 100}
		checkCoverage(t, Align(src, tgt, opt), len(src), len(tgt))
	})
}

func splitNonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// FuzzOmittedBound checks that OmittedBound never falls under the score
// of a stretch that Align and Omitted find: a pair it rules out has none.
func FuzzOmittedBound(f *testing.F) {
	f.Add("美军2月4日击落气球，中国政府提出严正交涉。", "The US shot down the balloon.")
	f.Add("中新网2月11日电 据应急管理部网站消息", "According to the Ministry of Emergency Management website")
	f.Add("根据美国国家航空航天局资料，太阳系外行星的第一张照片", "According to NASA, the first image of an exoplanet")
	f.Add("土耳其地震救援队在废墟中救出了两名妇女", "Rescuers pulled two women from the rubble in Turkey")
	lex := zhEnLexicon(f)
	wa := NewWordAligner(lex)
	f.Fuzz(func(t *testing.T, zh, en string) {
		a := wa.Align(zh, en)
		spans := a.Omitted(zh)
		if len(spans) == 0 {
			return
		}
		if b := OmittedBound(lex, zh, en); b < spans[0].Score {
			t.Errorf("bound %.1f under the stretch %q of score %.1f\n%s", b, zh[spans[0].Start:spans[0].End], spans[0].Score, links(a))
		}
	})
}
