package read

import (
	"strings"
	"testing"
)

func TestTSV(t *testing.T) {
	runContainerCases(t, TSV, "tsv", []containerCase{
		{file: "tsv/header.tsv", source: "en", target: "zh", directed: true, units: []string{
			`L2 tu "" : source:en"Hello."@2 *target:zh"你好。"@2`,
			`L3 tu "" : source:en"\"Trust me ,\" he said."@3 *target:zh"“相信我。”他说。"@3`,
			`L4 tu "" : source:en"a\tb"@4 *target:zh"引号 \"内\""@4`,
			`L5 tu "" : source:en""@5(skip no text) target:zh"空的源"@5`,
			`L6 tu "" : source:en"No target."@6`,
		}},
		{file: "tsv/broken.tsv", units: []string{
			`L1 tu "" : source:"Hi."@1 *target:"嗨。"@1`,
			`L2 row "" : :"One field only"@2(skip ragged row)`,
			`L3 row "" : :"Run!\t跑！\ttoo\tmany"@3(skip ragged row)`,
			`L4 tu "" : source:"Multi\nline"@4 *target:"多行"@5`,
		}, problems: []string{
			"testdata/tsv/broken.tsv:2: row has 1 field, the first row has 2",
			"testdata/tsv/broken.tsv:3: row has 4 fields, the first row has 2",
		}},
	})
}

func TestCSV(t *testing.T) {
	runContainerCases(t, CSV, "csv", []containerCase{
		{file: "tsv/roles.csv", units: []string{
			`L2 tu "" : source:"Hello"@2 *target:"你好"@2`,
			`L3 tu "" : source:"Hi, there"@3 *target:"嗨，\"你\""@3`,
		}},
		{file: "tsv/broken.csv", units: []string{
			`L1 tu "" : source:"Hello"@1 *target:"你好"@1`,
			`L2 row "" : :"Bad \"quote\",坏"@2(skip bad quoting)`,
			`L3 tu "" : source:"Fine"@3 *target:"好"@3`,
			`L4 row "" : :"\"unterminated,未完"@4(skip bad quoting)`,
			`L5 tu "" : source:"Last"@5 *target:"最后"@5`,
		}, problems: []string{
			`testdata/tsv/broken.csv:2: bare " in non-quoted-field (quote a field`,
			`testdata/tsv/broken.csv:4: extraneous or missing " in quoted-field`,
		}},
	})
}

func TestDelimitedHeader(t *testing.T) {
	tests := []struct {
		row            string
		header         bool
		source, target string
		srcCol, tgtCol int
	}{
		{"en\tzh", true, "en", "zh", 0, 1},
		{"zh-CN\ten-US", true, "zh", "en", 0, 1},
		{"English\tChinese\tattribution", true, "en", "zh", 0, 1},
		{"target\tsource", true, "", "", 1, 0},
		{"id\tcmn\teng", true, "zh", "en", 1, 2},
		{"Hi.\t嗨。", false, "", "", 0, 1},
		{"No\t不", false, "", "", 0, 1},
		{"Go\tGo", false, "", "", 0, 1},
		{"en\tHello world", false, "", "", 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			width := strings.Count(tt.row, "\t") + 1
			text := tt.row + "\n" + strings.Join([]string{"x", "y", "z"}[:width], "\t") + "\n"
			doc := TSV("h.tsv", text)
			checkInvariants(t, doc, "h.tsv", text)
			isHeader := doc.Units[0].Pos.Line == 2
			if isHeader != tt.header || doc.Source != tt.source || doc.Target != tt.target {
				t.Errorf("header %v, languages %q→%q; want header %v, %q→%q", isHeader, doc.Source, doc.Target, tt.header, tt.source, tt.target)
			}
			if tt.header {
				cells := []string{"x", "y", "z"}
				segs := doc.Units[0].Segments
				if len(segs) != 2 || segs[0].Text != cells[tt.srcCol] || segs[1].Text != cells[tt.tgtCol] {
					t.Errorf("row read as %q, want source %q target %q", describeUnits(doc), cells[tt.srcCol], cells[tt.tgtCol])
				}
			}
		})
	}
}

// TestTSVReal reads the Tatoeba sample: one unit per line, each with its
// English source and Chinese target, and no problem (three lines hold
// quotes that RFC 4180 would reject).
func TestTSVReal(t *testing.T) {
	path, text := realFile(t, "formats/tsv/tatoeba-cmn-eng.head3000.tsv")
	doc := TSV(path, text)
	checkInvariants(t, doc, path, text)
	lines := strings.Count(strings.TrimSuffix(text, "\n"), "\n") + 1
	if len(doc.Units) != lines || len(doc.Beads) != lines {
		t.Errorf("%d units and %d beads, want %d (the lines of the file)", len(doc.Units), len(doc.Beads), lines)
	}
	if len(doc.Problems) > 0 {
		t.Errorf("problems on a valid file: %v", doc.Problems[:min(3, len(doc.Problems))])
	}
	if doc.Source != "" || doc.Directed {
		t.Errorf("languages %q→%q directed %v; a file without a header leaves them to detection", doc.Source, doc.Target, doc.Directed)
	}
	// The last line, as the file has it.
	last := text[strings.LastIndex(strings.TrimSuffix(text, "\n"), "\n")+1:]
	src, tgt, _ := strings.Cut(strings.TrimSuffix(last, "\n"), "\t")
	segs := doc.Units[len(doc.Units)-1].Segments
	if segs[0].Text != src || segs[1].Text != tgt || segs[0].Pos.Line != lines {
		t.Errorf("last unit %q / %q at line %d, want %q / %q at line %d", segs[0].Text, segs[1].Text, segs[0].Pos.Line, src, tgt, lines)
	}
}

func FuzzTSV(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, TSV("f.tsv", text), "f.tsv", text)
		checkInvariants(t, CSV("f.csv", text), "f.csv", text)
	})
}
