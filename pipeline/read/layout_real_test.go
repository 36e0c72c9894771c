package read

import (
	"os"
	"path/filepath"
	"testing"
)

// The layouts on the docs trees of ../shared/data, as their teams keep
// them: every translated page pairs with its source, every page on one
// side only is reported, and the one-file bilingual demos of ant-design
// stay documents of their own.
func TestLayoutsOnRealTrees(t *testing.T) {
	tests := []struct {
		dir                              string
		opt                              Options
		pairs, missing, orphans, singles int
	}{
		// components/X/index.en-US.md beside index.zh-CN.md; demo/*.md are bilingual.
		{"docs-dev/ant-design", Options{}, 186, 0, 0, 1075},
		// zh/ is the original: five tutorials have no English translation,
		// orphans when English is taken for the source, missing with --source zh.
		{"docs-dev/echarts-doc", Options{}, 208, 0, 5, 0},
		{"docs-dev/echarts-doc", Options{Source: "zh"}, 208, 5, 0, 0},
		// en/ and zh/ command pages, and the LICENSE.md beside them.
		{"formats/docs-tree/tldr", Options{}, 22, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.dir+"/"+tt.opt.Source, func(t *testing.T) {
			dir := filepath.Join(sharedData, tt.dir)
			if _, err := os.Stat(dir); os.IsNotExist(err) {
				t.Skipf("%s not found: this test needs the shared data beside the repository", rootRel(dir))
			} else if err != nil {
				t.Fatal(err)
			}
			d := Walk([]string{dir}, tt.opt)
			if len(d.Problems) > 0 {
				t.Fatalf("problems: %v", d.Problems)
			}
			var pairs, missing, orphans, singles int
			for _, in := range d.Inputs {
				switch {
				case !in.Paired:
					singles++
				case in.Target == "":
					missing++
				case in.Source == "":
					orphans++
				default:
					pairs++
					src := "en"
					if tt.opt.Source != "" {
						src = tt.opt.Source
					}
					if in.SourceLang != src || in.TargetLang == src || in.TargetLang == "" {
						t.Errorf("%s: languages %s → %s, want %s → the other", in.Name(), in.SourceLang, in.TargetLang, src)
					}
				}
			}
			if pairs != tt.pairs || missing != tt.missing || orphans != tt.orphans || singles != tt.singles {
				t.Errorf("pairs %d, missing %d, orphans %d, single files %d; want %d, %d, %d, %d",
					pairs, missing, orphans, singles, tt.pairs, tt.missing, tt.orphans, tt.singles)
			}
		})
	}
}
