package lexicon

import "testing"

func FuzzSegment(f *testing.F) {
	l, err := ZhEn()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("中美在网络空间拥有共同利益")
	f.Fuzz(func(t *testing.T, text string) {
		for _, toks := range [][]Token{l.Segment(text), EnglishTokens(text)} {
			prev := 0
			for _, tk := range toks {
				if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
					t.Fatalf("token %+v out of order or outside [%d,%d]", tk, prev, len(text))
				}
				if text[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %+v: Text != text[Start:End] = %q", tk, text[tk.Start:tk.End])
				}
				if tk.Norm == "" {
					t.Fatalf("token %+v has empty Norm", tk)
				}
				prev = tk.End
			}
		}
	})
}
