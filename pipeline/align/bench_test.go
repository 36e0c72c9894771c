package align

import (
	"os"
	"testing"
)

// bench10k returns two documents of about 10,000 sentences each: the gold
// documents repeated, omissions and all, when the shared data is present;
// otherwise synthetic parallel text.
func bench10k(b *testing.B) (src, tgt []Sentence, opt Options) {
	if _, err := os.Stat(dataDir); err == nil {
		docs := append(loadCorpus(b, "ctk-dev"), loadCorpus(b, "mac-dev")...)
		for k := 0; len(src)+len(docs[k%len(docs)].src) <= 10000; k++ {
			d := docs[k%len(docs)]
			src = append(src, d.src...)
			tgt = append(tgt, d.tgt...)
		}
		return src, tgt, accuracyOptions(b)
	}
	var ss, tt [][]int
	for i := range 10000 {
		s := span(i*13%400000, 5+i%11)
		ss = append(ss, s)
		if i%50 != 7 { // an omission every 50 sentences
			tt = append(tt, s)
		}
	}
	return doc("xx", ss...), doc("yy", tt...), Options{}
}

func BenchmarkAlign10k(b *testing.B) {
	src, tgt, opt := bench10k(b)
	b.Logf("%d source and %d target sentences", len(src), len(tgt))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Align(src, tgt, opt)
	}
}
