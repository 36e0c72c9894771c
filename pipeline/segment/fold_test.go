package segment

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// foldOneByOne is the fold as it was first written: scan every run for the
// one to fold, fold it, join the whole list again. Quadratic, obviously
// right; foldMinorRuns must give the same runs.
func foldOneByOne(raws []rawRun) []rawRun {
	var cjk, other float64
	for _, r := range raws {
		if r.script == ScriptCJK {
			cjk += float64(r.weight)
		} else {
			other += wordsToChars * float64(r.weight)
		}
	}
	minority := func(r rawRun) bool { return (r.script == ScriptCJK) == (cjk < other) }
	minorAt := func(raws []rawRun, i int) bool {
		var left, right *rawRun
		if i > 0 {
			left = &raws[i-1]
		}
		if i+1 < len(raws) {
			right = &raws[i+1]
		}
		return minor(raws[i], left, right)
	}
	joinSame := func(raws []rawRun) []rawRun {
		out := raws[:1]
		for _, r := range raws[1:] {
			last := &out[len(out)-1]
			if last.script == r.script {
				last.end = r.end
				last.weight += r.weight
				continue
			}
			out = append(out, r)
		}
		return out
	}
	for len(raws) > 1 {
		pick := -1
		for i := range raws {
			if minorAt(raws, i) && (pick < 0 || minority(raws[i]) && !minority(raws[pick])) {
				pick = i
			}
		}
		if pick < 0 {
			break
		}
		into := pick - 1
		if pick == 0 {
			into = 1
		}
		raws[into].start = min(raws[into].start, raws[pick].start)
		raws[into].end = max(raws[into].end, raws[pick].end)
		raws = append(raws[:pick], raws[pick+1:]...)
		raws = joinSame(raws)
	}
	return raws
}

// TestFoldMatchesOneByOne folds random paragraphs of a few to a few
// thousand runs both ways: the fast fold must find the same runs, however
// long the paragraph.
func TestFoldMatchesOneByOne(t *testing.T) {
	scripts := []Script{ScriptCJK, ScriptLatin, ScriptCJK, ScriptLatin, ScriptCyrillic}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		size := 1 + rng.Intn(12)
		if n%100 == 0 {
			size = 1000 + rng.Intn(2000)
		}
		var raws []rawRun
		pos := 0
		for len(raws) < size {
			sc := scripts[rng.Intn(len(scripts))]
			if k := len(raws); k > 0 && raws[k-1].script == sc {
				continue // the scan never leaves two runs of a script side by side
			}
			w := 1 + rng.Intn(9)
			raws = append(raws, rawRun{script: sc, start: pos, end: pos + w, weight: w})
			pos += w + 1
		}
		want := foldOneByOne(append([]rawRun(nil), raws...))
		got := foldMinorRuns(append([]rawRun(nil), raws...))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d, %d runs: folded into %d runs, one by one into %d\n got %v\nwant %v", n, len(raws), len(got), len(want), got, want)
		}
	}
}

// TestRunsOfOneLongLine checks that a paragraph of alternating Chinese and
// English words folds the same whatever its length: into one Chinese run
// with the English words inside, as a short one does. (Before the fold
// was made n log n, a paragraph of over 256 runs was folded by a cruder
// rule that left every word a run of its own, and a file that is one long
// line of such words became millions of one-word sentences to align.)
func TestRunsOfOneLongLine(t *testing.T) {
	words := []string{"中文词", "English", "中文", "words", "网络空间", "network"}
	for _, n := range []int{6, 60, 600, 6000} {
		var b strings.Builder
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteString(" ")
			}
			b.WriteString(words[k%len(words)])
		}
		text := b.String()
		runs := Runs(text, Protected(text))
		if len(runs) != 1 || runs[0].Script != ScriptCJK || runs[0].Start != 0 || runs[0].End != len(text) {
			t.Errorf("%d words: want one cjk run over the whole text, got %d runs (first %+v)", n, len(runs), runs[0])
		}
	}
}
