package read

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestXLIFF(t *testing.T) {
	runContainerCases(t, XLIFF, "xliff", []containerCase{
		{file: "xliff/v12.xlf", source: "en", target: "zh", directed: true, units: []string{
			`L6 tu "1" translated: source:en"Click {1}here{/1} to {2}continue."@7 *target:zh"点击{1}这里{/1}{2}继续。"@8`,
			`L12 tu "2" needs-translation: source:en"This value is not valid."@13 *target:zh"This value is not valid."@14`,
			`L16 tu "3" : source:en"No target yet."@17`,
			`L20 tu "4" needs-review-translation: source:en"{5}Bold{/5} and term {7}"@21`,
			`L24 tu "5" final: source:en"ACME"@25(skip not translatable) target:zh"ACME"@26(skip not translatable)`,
		}},
		{file: "xliff/v20.xliff", source: "en", target: "zh", directed: true, units: []string{
			`L6 tu "u1#1" translated: source:en"Press {1}Save{/1}{2}."@7 *target:zh"按{1}儲存{/1}{2}。"@8`,
			`L11 tu "u1#2" initial: source:en"Second {3}bold{/3} sentence!"@12`,
			`L17 tu "u2" final: source:en"Uber rides"@18 *target:zh"Uber 乘車"@19`,
		}},
		{file: "xliff/broken.xlf", source: "en", target: "zh", directed: true, units: []string{
			`L5 tu "1" : source:en"Fine."@6 *target:zh"好。"@7`,
		}, problems: []string{"testdata/xliff/broken.xlf:10: XLIFF syntax error: invalid character entity &nbsp;"}},
		{file: "xliff/broken20.xliff", source: "en", target: "zh", directed: true, units: []string{
			`L5 tu "1" : source:en"One."@5 *target:zh"一。"@5`,
		}, problems: []string{"testdata/xliff/broken20.xliff:8: XLIFF syntax error: element <source> closed by </segment>"}},
	})
}

func TestXLIFFNotXLIFF(t *testing.T) {
	doc := XLIFF("a.xlf", "<?xml version=\"1.0\"?>\n<html><body>x</body></html>\n")
	if len(doc.Units) != 0 || len(doc.Problems) != 1 || !strings.HasPrefix(doc.Problems[0].Error(), "a.xlf:2: root element is <html>, not <xliff>") {
		t.Errorf("units %d, problems %v; want no unit and one problem naming line 2 and the root element", len(doc.Units), doc.Problems)
	}
}

// TestXLIFFReal reads the Symfony XLIFF 1.2 and the Memsource XLIFF 2.0
// files of the shared data: one unit per <trans-unit> or <segment>, and the
// units whose target is still marked needs-translation are the ones the
// file marks so.
func TestXLIFFReal(t *testing.T) {
	needs := regexp.MustCompile(`<trans-unit id="([^"]+)"[^>]*>\s*<source>[^<]*</source>\s*<target state="needs-translation"`)
	tests := []struct {
		file   string
		unit   string // regexp matching each unit's start tag
		target string
	}{
		{"formats/xliff12/Form.validators.zh_CN.xlf", `<trans-unit[\s>]`, "zh"},
		{"formats/xliff12/Security.security.zh_CN.xlf", `<trans-unit[\s>]`, "zh"},
		{"formats/xliff12/Validator.validators.zh_CN.xlf", `<trans-unit[\s>]`, "zh"},
		{"formats/xliff20/char-limit.xliff", `<segment[\s>]`, "zh"},
		{"formats/xliff20/size-restriction.xliff", `<segment[\s>]`, "zh"},
		{"formats/xliff20/uber-counts.xliff", `<segment[\s>]`, "zh"},
	}
	totalNeeds, ran := 0, false
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path, text := realFile(t, tt.file)
			doc := XLIFF(path, text)
			checkInvariants(t, doc, path, text)
			want := len(regexp.MustCompile(tt.unit).FindAllStringIndex(text, -1))
			if len(doc.Units) != want {
				t.Errorf("%d units, want %d (the %s elements in the file)", len(doc.Units), want, tt.unit)
			}
			if doc.Source != "en" || doc.Target != tt.target || !doc.Directed {
				t.Errorf("languages %q→%q directed %v, want en→%s directed", doc.Source, doc.Target, doc.Directed, tt.target)
			}
			if len(doc.Problems) > 0 {
				t.Errorf("problems on a valid file: %v", doc.Problems)
			}
			var got, wantIDs []string
			for _, u := range doc.Units {
				if u.State == "needs-translation" {
					got = append(got, u.ID)
				}
			}
			for _, m := range needs.FindAllStringSubmatch(text, -1) {
				wantIDs = append(wantIDs, m[1])
			}
			sort.Strings(got)
			sort.Strings(wantIDs)
			if strings.Join(got, " ") != strings.Join(wantIDs, " ") {
				t.Errorf("needs-translation units %v, want %v", got, wantIDs)
			}
			totalNeeds += len(got)
			ran = true
		})
	}
	if ran && totalNeeds == 0 {
		t.Errorf("no needs-translation unit found in the Symfony files, which hold some")
	}
}

func FuzzXLIFF(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, XLIFF("f.xlf", text), "f.xlf", text)
	})
}
