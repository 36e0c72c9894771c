package filter

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/read"
)

// run filters inputs with cfg and returns the kept output of each input
// file, the rejected records and the summary.
func run(t *testing.T, cfg Config, inputs ...read.Input) (map[string]string, []Record, Summary) {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string]*bytes.Buffer{}
	var rej bytes.Buffer
	sum, err := p.Run(context.Background(), inputs, Outputs{Reject: &rej, Keep: func(path string) (io.Writer, error) {
		kept[path] = &bytes.Buffer{}
		return kept[path], nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range kept {
		out[k] = v.String()
	}
	var recs []Record
	dec := json.NewDecoder(&rej)
	for dec.More() {
		var r Record
		if err := dec.Decode(&r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if sum.Read != sum.Kept+sum.Rejected+sum.Unreadable {
		t.Errorf("read %d ≠ kept %d + rejected %d + unreadable %d", sum.Read, sum.Kept, sum.Rejected, sum.Unreadable)
	}
	if len(recs) != sum.Rejected+sum.Unreadable {
		t.Errorf("%d records for %d rejected and %d unreadable pairs", len(recs), sum.Rejected, sum.Unreadable)
	}
	return out, recs, sum
}

func write(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func checks(r Record) string {
	var cs []string
	for _, x := range r.Reasons {
		cs = append(cs, x.Check)
	}
	return strings.Join(cs, ",")
}

// TestJudge: each kind of defect an MT corpus has is rejected by the check
// meant for it, and a good pair is kept.
func TestJudge(t *testing.T) {
	cases := []struct {
		name, zh, en string
		want         string // the checks that reject, "" to keep
	}{
		{"good", "他明天早上来我们家吃早饭。", "He is coming to our house for breakfast tomorrow morning.", ""},
		{"good with number", "我买了三本书。", "I bought three books.", ""},
		{"empty target", "他明天早上来我们家吃早饭。", "", "empty"},
		{"copied", "他明天早上来我们家吃早饭。", "他明天早上来我们家吃早饭。", "untranslated"},
		{"number changed", "会议有120人参加。", "The meeting was attended by 150 people.", "numbers"},
		{"french target", "政府宣布了支持企业的新措施。", "Le gouvernement a annoncé de nouvelles mesures pour soutenir les entreprises.", "language"},
		{"swapped", "The government announced new measures to support companies.", "政府宣布了支持企业的新措施。", "language"},
		{"truncated", "政府今天宣布了一系列支持中小企业渡过难关的新措施，包括减税、降低贷款利率和延长社保缴费期限，并承诺在未来三个月内为受疫情影响最严重的行业提供专项补贴和技术援助。", "The government said so.", "length_ratio"},
		{"placeholder lost", "你好，{name}！欢迎回来。", "Hello! Welcome back.", "carryover"},
		{"short target kept", "好的", "OK.", ""},
	}
	// The cases follow translated pairs, as in a corpus: the length norm
	// is learnt from the file's first pairs.
	norm, err := benchcorpus.Pairs("../..")
	if err != nil {
		t.Fatal(err)
	}
	norm = norm[:min(len(norm), 40)]
	var b strings.Builder
	b.WriteString("zh\ten\n")
	for _, p := range norm {
		fmt.Fprintf(&b, "%s\t%s\n", p[0], p[1])
	}
	for _, c := range cases {
		fmt.Fprintf(&b, "%s\t%s\n", c.zh, c.en)
	}
	path := write(t, "pairs.tsv", b.String())
	_, recs, _ := run(t, Config{Jobs: 2}, read.Input{Source: path})
	got := map[int]string{}
	for _, r := range recs {
		got[r.Line] = checks(r)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			line := len(norm) + i + 2
			if g := got[line]; !containsCheck(g, c.want) {
				t.Errorf("line %d: rejected on %q, want %q", line, g, c.want)
			}
		})
	}
}

// containsCheck reports whether the checks got name want's, or nothing
// when want is empty.
func containsCheck(got, want string) bool {
	if want == "" {
		return got == ""
	}
	for _, c := range strings.Split(got, ",") {
		if c == want {
			return true
		}
	}
	return false
}

// TestFormats: the kept output is the input, byte for byte, without the
// rejected and unreadable units, in each format; the rejected ones carry
// their file and line.
func TestFormats(t *testing.T) {
	tsv := "zh\ten\r\n" +
		"我有三个苹果。\tI have three apples.\r\n" +
		"我有三个苹果。\tI have five apples.\r\n" +
		"一行只有一列\r\n" +
		"他明天来我们家。\t\"He is coming to our house tomorrow.\r\n" +
		"他明天来。\tHe is coming tomorrow.\r\n"
	tmx := `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="zh" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="none"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="zh"><seg>我有三个苹果。</seg></tuv>
      <tuv xml:lang="en"><seg>I have three apples.</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="zh"><seg>我有三个苹果。</seg></tuv>
      <tuv xml:lang="en"><seg>I have five apples.</seg></tuv>
    </tu>
    <tu tuid="3"><tuv xml:lang="zh"><seg>他明天来。</seg></tuv><tuv xml:lang="en"><seg>He is coming tomorrow.</seg></tuv></tu>
  </body>
</tmx>
`
	xliff := `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>
  <trans-unit id="a"><source>我有三个苹果。</source><target>I have three apples.</target></trans-unit>
  <trans-unit id="b"><source>我有三个苹果。</source><target>我有三个苹果。</target></trans-unit>
</body></file></xliff>
`
	cases := []struct {
		name, file, text string
		want             string // the kept output
		rejected         []int  // lines of the rejected and unreadable units
		unreadable       int
	}{
		{"tsv", "c.tsv", tsv,
			"zh\ten\r\n我有三个苹果。\tI have three apples.\r\n他明天来我们家。\t\"He is coming to our house tomorrow.\r\n他明天来。\tHe is coming tomorrow.\r\n",
			[]int{3, 4}, 1},
		{"tmx", "m.tmx", tmx, strings.Replace(tmx, `    <tu tuid="2">
      <tuv xml:lang="zh"><seg>我有三个苹果。</seg></tuv>
      <tuv xml:lang="en"><seg>I have five apples.</seg></tuv>
    </tu>
`, "", 1), []int{9}, 0},
		{"xliff", "x.xlf", xliff, strings.Replace(xliff, `  <trans-unit id="b"><source>我有三个苹果。</source><target>我有三个苹果。</target></trans-unit>
`, "", 1), []int{4}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := write(t, c.file, c.text)
			kept, recs, sum := run(t, Config{}, read.Input{Source: path})
			if kept[path] != c.want {
				t.Errorf("kept:\n%s\nwant:\n%s", kept[path], c.want)
			}
			var lines []int
			for _, r := range recs {
				lines = append(lines, r.Line)
				if r.Path != path {
					t.Errorf("record path %q, want %q", r.Path, path)
				}
			}
			if fmt.Sprint(lines) != fmt.Sprint(c.rejected) {
				t.Errorf("rejected lines %v, want %v", lines, c.rejected)
			}
			if sum.Unreadable != c.unreadable {
				t.Errorf("%d unreadable, want %d", sum.Unreadable, c.unreadable)
			}
		})
	}
}

// TestUnreadable: a row the reader cannot read is reported with its file
// and line, counted as unreadable, and the rows after it are read.
func TestUnreadable(t *testing.T) {
	path := write(t, "bad.tsv", "zh\ten\n他明天来。\tHe is coming tomorrow.\n只有一列\n我有三个苹果。\tI have three apples.\n")
	kept, recs, sum := run(t, Config{}, read.Input{Source: path})
	if sum.Read != 3 || sum.Kept != 2 || sum.Unreadable != 1 {
		t.Fatalf("summary %+v, want 3 read, 2 kept, 1 unreadable", sum)
	}
	if len(recs) != 1 || recs[0].Reasons[0].Check != Unreadable || !strings.HasPrefix(recs[0].Reasons[0].Message, path+":3: row has 1 field") {
		t.Errorf("records %+v, want the row on line 3 as unreadable, its message naming %s:3", recs, path)
	}
	if strings.Contains(kept[path], "只有一列") {
		t.Errorf("the unreadable row was kept:\n%s", kept[path])
	}
}

// TestLineAligned: a line-aligned corpus keeps both files in step, and the
// records name the source file and line.
func TestLineAligned(t *testing.T) {
	dir := t.TempDir()
	zh := filepath.Join(dir, "corpus.zh")
	en := filepath.Join(dir, "corpus.en")
	os.WriteFile(zh, []byte("我有三个苹果。\n我有三个苹果。\n他明天来。\n\n"), 0o644)
	os.WriteFile(en, []byte("I have three apples.\nI have five apples.\nHe is coming tomorrow.\nAn extra line.\n"), 0o644)
	inputs, probs := Inputs([]string{zh, en}, Config{})
	if len(inputs) != 1 || len(probs) != 0 || inputs[0].Source != zh {
		t.Fatalf("inputs %+v, problems %v: want corpus.zh → corpus.en", inputs, probs)
	}
	kept, recs, sum := run(t, Config{}, inputs...)
	if kept[zh] != "我有三个苹果。\n他明天来。\n" || kept[en] != "I have three apples.\nHe is coming tomorrow.\n" {
		t.Errorf("kept %q and %q", kept[zh], kept[en])
	}
	if sum.Read != 4 || len(recs) != 2 || recs[0].Line != 2 || recs[1].Line != 4 || recs[1].Reasons[0].Check != Empty {
		t.Errorf("summary %+v, records %+v: want lines 2 (numbers) and 4 (empty source)", sum, recs)
	}
}

// TestJobs: the outputs do not depend on the number of workers, over a
// corpus of many chunks.
func TestJobs(t *testing.T) {
	pairs, err := benchcorpus.MTPairs("../..", 1200)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("zh\ten\n")
	for _, p := range pairs {
		fmt.Fprintf(&b, "%s\t%s\n", p.Source, p.Target)
	}
	path := write(t, "mt.tsv", b.String())
	var first string
	for _, jobs := range []int{1, 3, 8} {
		p, err := New(Config{Jobs: jobs, ChunkUnits: 100, Dedup: true})
		if err != nil {
			t.Fatal(err)
		}
		var kept, rej bytes.Buffer
		sum, err := p.Run(context.Background(), []read.Input{{Source: path}}, Outputs{Reject: &rej,
			Keep: func(string) (io.Writer, error) { return &kept, nil }})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rejected == 0 || sum.Kept == 0 {
			t.Fatalf("-j %d: %+v: a corpus with planted faults should have both", jobs, sum)
		}
		got := kept.String() + "\x00" + rej.String()
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("-j %d gives other bytes than -j 1", jobs)
		}
	}
}

// TestConfig: unknown checks and confidences out of range are refused;
// a check not named does not reject.
func TestConfig(t *testing.T) {
	for _, c := range []Config{{RejectOn: []string{"numbrs"}}, {MinConfidence: 2}} {
		if _, err := New(c); err == nil {
			t.Errorf("New(%+v) = nil error", c)
		}
	}
	path := write(t, "n.tsv", "zh\ten\n会议有120人参加。\tThe meeting was attended by 150 people.\n")
	if _, recs, _ := run(t, Config{RejectOn: []string{"language"}}, read.Input{Source: path}); len(recs) != 0 {
		t.Errorf("rejected %+v with only language named", recs)
	}
	if _, recs, _ := run(t, Config{MinConfidence: 0.99}, read.Input{Source: path}); len(recs) != 0 {
		t.Errorf("rejected %+v under a minimum confidence of 0.99", recs)
	}
}
