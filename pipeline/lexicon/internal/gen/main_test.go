package main

import "testing"

func TestCleanGloss(t *testing.T) {
	tests := []struct {
		in, want, ref string
	}{
		{"(of a company) listed on the stock market", "listed on the stock market", ""},
		{"CL:個|个[ge4]", "", ""},
		{"surname Wang", "", ""},
		{"see also 網絡|网络[wang3 luo4]", "", ""},
		{"variant of 瞭|了[liao3]", "", "了"},
		{"see 的士[di1 shi4]", "", "的士"},
		{"abbr. for 中華人民共和國|中华人民共和国[Zhong1 hua2 Ren2 min2 Gong4 he2 guo2]", "", ""},
		{"lit. to eat vinegar", "to eat vinegar", ""},
		{"Taiwan pr. [wai1]", "", ""},
		{"Pi county in Chengdu 成都[Cheng2 du1], Sichuan", "Pi county in Chengdu, Sichuan", ""},
		{"(Tw)", "", ""},
		{"Internet", "Internet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ref := cleanGloss(tt.in)
			if got != tt.want || ref != tt.ref {
				t.Errorf("cleanGloss(%q) = %q, %q; want %q, %q", tt.in, got, ref, tt.want, tt.ref)
			}
		})
	}
}
