package filter

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/read"
)

// viaPairs filters inputs as a distributed run does with the Pair
// helpers: every pair read, encoded and decoded, judged alone against the
// norms of its file's first chunk, duplicates marked after. It returns the
// kept text of each TSV input (head and kept lines), the records and the
// summary.
func viaPairs(t *testing.T, cfg Config, inputs ...read.Input) (map[string]string, []Record, Summary) {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var pairs []Pair
	var sum Summary
	for i, in := range inputs {
		probs, err := p.ReadPairs(in, i, func(pr Pair) error {
			b, err := json.Marshal(pr)
			if err != nil {
				return err
			}
			var back Pair
			if err := json.Unmarshal(b, &back); err != nil {
				return err
			}
			pairs = append(pairs, back)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sum.Problems = append(sum.Problems, probs...)
	}
	norms := map[int]Norms{}
	for i := range inputs {
		var file []Pair
		for _, pr := range pairs {
			if pr.File == i {
				b, _ := json.Marshal(pr) // NormsOf changes the units
				var c Pair
				json.Unmarshal(b, &c)
				file = append(file, c)
			}
		}
		n := p.NormsOf(file)
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var back Norms
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		norms[i] = back
	}
	kept := map[string]string{}
	var recs []Record
	seen := map[string]bool{}
	for _, pr := range pairs {
		key := pr.DedupKey()
		v := p.JudgePair(pr, norms[pr.File])
		if cfg.Dedup && key != v.DedupKey() {
			t.Errorf("%s: pair's key %q, verdict's %q", pr.Unit.Pos, key, v.DedupKey())
		}
		if k := v.DedupKey(); k != "" {
			if seen[k] {
				v.MarkDuplicate()
			}
			seen[k] = true
		}
		sum.Add(&v)
		kept[v.Path] += string(pr.Head)
		if v.Kept() {
			kept[v.Path] += string(pr.Text)
			continue
		}
		recs = append(recs, RecordOf(&v))
	}
	return kept, recs, sum
}

// TestPairsAsRun: read, encoded, judged one by one and deduplicated with
// the Pair helpers, a corpus gives what Run gives: the same records, the
// same counts and problems, and for TSV the same kept text. The chunks
// are small so the norms come from a first chunk that is not the file.
func TestPairsAsRun(t *testing.T) {
	norm, err := benchcorpus.Pairs("../..")
	if err != nil {
		t.Fatal(err)
	}
	norm = norm[:min(len(norm), 30)]
	var tsv, zh, en, tmx strings.Builder
	tsv.WriteString("zh\ten\n")
	tmx.WriteString(`<?xml version="1.0"?><tmx version="1.4"><header srclang="zh"/><body>` + "\n")
	rows := append([][2]string{}, norm...)
	rows = append(rows,
		[2]string{"会议有120人参加。", "The meeting was attended by 150 people."},
		[2]string{"他明天早上来我们家吃早饭。", "他明天早上来我们家吃早饭。"},
		[2]string{"政府宣布了支持企业的新措施。", "Le gouvernement a annoncé de nouvelles mesures pour soutenir les entreprises."},
		[2]string{"你好，{name}！欢迎回来。", "Hello! Welcome back."},
		[2]string{"他明天早上来我们家吃早饭。", ""},
		norm[3], // a repeat
		[2]string{"坏\xff行", "bad line"},
	)
	for _, r := range rows {
		fmt.Fprintf(&tsv, "%s\t%s\n", r[0], r[1])
		fmt.Fprintf(&zh, "%s\n", r[0])
		fmt.Fprintf(&en, "%s\n", r[1])
		if !strings.Contains(r[0], "\xff") {
			fmt.Fprintf(&tmx, "<tu><tuv xml:lang=\"zh\"><seg>%s</seg></tuv><tuv xml:lang=\"en\"><seg>%s</seg></tuv></tu>\n", r[0], r[1])
		}
	}
	tsv.WriteString("one\ttwo\tthree\n")
	tmx.WriteString("</body></tmx>\n")
	dir := t.TempDir()
	inputs := []read.Input{
		{Source: writeIn(t, dir, "a.tsv", tsv.String())},
		{Source: writeIn(t, dir, "c.zh", zh.String()), Target: writeIn(t, dir, "c.en", en.String()), SourceLang: "zh", TargetLang: "en", Paired: true},
		{Source: writeIn(t, dir, "b.tmx", tmx.String())},
		{Source: writeIn(t, dir, "missing.tsv", "")},
	}
	for _, cfg := range []Config{{Jobs: 2, ChunkUnits: 8}, {Jobs: 2, ChunkUnits: 8, Dedup: true, Source: "zh", Target: "en"}} {
		t.Run(fmt.Sprintf("dedup=%v", cfg.Dedup), func(t *testing.T) {
			wantKept, wantRecs, wantSum := run(t, cfg, inputs...)
			gotKept, gotRecs, gotSum := viaPairs(t, cfg, inputs...)
			if len(wantRecs) < 5 {
				t.Fatalf("Run rejected %d pairs: the corpus tests too little", len(wantRecs))
			}
			if !reflect.DeepEqual(gotRecs, wantRecs) {
				t.Errorf("records differ:\n got %+v\nwant %+v", gotRecs, wantRecs)
			}
			if !reflect.DeepEqual(gotSum, wantSum) {
				t.Errorf("summary %+v, want %+v", gotSum, wantSum)
			}
			if got, want := gotKept[inputs[0].Source], wantKept[inputs[0].Source]; got != want {
				t.Errorf("kept TSV ends %q, want %q", got[max(0, len(got)-80):], want[max(0, len(want)-80):])
			}
		})
	}
}

func writeIn(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := dir + "/" + name
	if text == "" {
		return path // a file that is not there
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
