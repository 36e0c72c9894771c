package filter

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/benchcorpus"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/read"
)

// OpusFilter-style rules (github.com/Helsinki-NLP/OpusFilter, its
// pairwise filters with their usual settings), written here so that the
// two filters can be compared on the same pairs without installing it.
// Each returns true when the pair passes.
type opusRule struct {
	name string
	keep func(zh, en string) bool
}

func opusRules() []opusRule {
	// LanguageIDFilter: a language identifier over every sentence, here
	// lingua with the same languages as the filter's detector, unscreened.
	lid, err := detect.New(Confusers, "zh", "en")
	if err != nil {
		panic(err)
	}
	return []opusRule{
		// LengthFilter: 1 to 150 units a side (characters for Chinese,
		// words for English).
		{"LengthFilter", func(zh, en string) bool {
			a, b := utf8.RuneCountInString(strings.TrimSpace(zh)), len(strings.Fields(en))
			return a >= 1 && b >= 1 && a <= 300 && b <= 150
		}},
		// LengthRatioFilter: the longer side at most 3 times the shorter,
		// Chinese in characters over 1.5 (about a word), English in words.
		{"LengthRatioFilter", func(zh, en string) bool {
			a, b := float64(utf8.RuneCountInString(zh))/1.5, float64(len(strings.Fields(en)))
			if a == 0 || b == 0 {
				return false
			}
			return math.Max(a, b)/math.Min(a, b) <= 3
		}},
		{"LanguageIDFilter", func(zh, en string) bool {
			l1, _ := lid.Detect(zh)
			l2, _ := lid.Detect(en)
			return l1 == "zh" && l2 == "en"
		}},
		// TerminalPunctuationFilter: -log(1 + |p1 − p2| + extra marks) ≥ −2,
		// with Chinese full stops counted as the ASCII ones.
		{"TerminalPunctuationFilter", func(zh, en string) bool {
			count := func(s string) int {
				n := 0
				for _, r := range s {
					if strings.ContainsRune(".?!…。？！", r) {
						n++
					}
				}
				return n
			}
			p1, p2 := count(zh), count(en)
			score := math.Abs(float64(p1 - p2))
			if p1 > 1 {
				score += float64(p1 - 1)
			}
			if p2 > 1 {
				score += float64(p2 - 1)
			}
			return -math.Log(score+1) >= -2
		}},
		// NonZeroNumeralsFilter: the digits 1–9 of each side, in order,
		// alike by difflib's ratio ≥ 0.5.
		{"NonZeroNumeralsFilter", func(zh, en string) bool {
			digits := func(s string) string {
				var b strings.Builder
				for _, r := range s {
					if r >= '1' && r <= '9' {
						b.WriteRune(r)
					} else if r >= '１' && r <= '９' {
						b.WriteRune(r - '１' + '1')
					}
				}
				return b.String()
			}
			a, b := digits(zh), digits(en)
			if a == "" && b == "" {
				return true
			}
			return 2*float64(lcs(a, b))/float64(len(a)+len(b)) >= 0.5
		}},
		// AlphabetRatioFilter: at least 75% of each side's characters
		// letters (white space aside).
		{"AlphabetRatioFilter", func(zh, en string) bool {
			ratio := func(s string) float64 {
				n, l := 0, 0
				for _, r := range s {
					if unicode.IsSpace(r) {
						continue
					}
					n++
					if unicode.IsLetter(r) {
						l++
					}
				}
				if n == 0 {
					return 0
				}
				return float64(l) / float64(n)
			}
			return ratio(zh) >= 0.75 && ratio(en) >= 0.75
		}},
	}
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestCompareOpusFilter filters the same generated pairs (the WMT22 test
// set and the Tatoeba sample, replicated, about one in six given a fault:
// benchcorpus.MTPairs) with transcheck filter's defaults and with the
// OpusFilter-style rules, and reports what each keeps and drops, by
// planted fault, and its throughput. TRANSCHECK_COMPARE_PAIRS sets the
// size (make compare: 100,000); make test runs 3,000.
func TestCompareOpusFilter(t *testing.T) {
	if _, err := os.Stat("../../../shared/data/formats/line-aligned/wmt22-zh-en"); err != nil {
		t.Skip("../shared/data/formats/line-aligned/wmt22-zh-en not found: skipping the comparison")
	}
	n := 3000
	if s := os.Getenv("TRANSCHECK_COMPARE_PAIRS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	pairs, err := benchcorpus.MTPairs("../..", n)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("zh\ten\n")
	for _, p := range pairs {
		fmt.Fprintf(&b, "%s\t%s\n", p.Source, p.Target)
	}
	path := filepath.Join(t.TempDir(), "mt.tsv")
	os.WriteFile(path, []byte(b.String()), 0o644)

	// transcheck filter, with the command's memory settings when its
	// throughput is measured
	if os.Getenv("TRANSCHECK_COMPARE_PAIRS") != "" {
		pipeline.TuneMemory()
		pipeline.SetMemoryLimit(MemoryLimit)
	}
	p, err := New(Config{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	var rej bytes.Buffer
	start := time.Now()
	sum, err := p.Run(context.Background(), []read.Input{{Source: path}}, Outputs{Reject: &rej,
		Keep: func(string) (io.Writer, error) { return io.Discard, nil }})
	if err != nil {
		t.Fatal(err)
	}
	tcTime := time.Since(start)
	tcDropped := map[int]string{} // by pair index
	for _, line := range strings.Split(strings.TrimSpace(rej.String()), "\n") {
		if line == "" {
			continue
		}
		i := strings.Index(line, `"line":`)
		k, _ := strconv.Atoi(line[i+7 : i+7+strings.IndexAny(line[i+7:], ",}")])
		tcDropped[k-2] = line
	}

	// OpusFilter-style rules, one core each pair, as OpusFilter runs.
	rules := opusRules()
	opDropped := map[int]bool{}
	byRule := map[string]int{}
	start = time.Now()
	for i, pr := range pairs {
		for _, r := range rules {
			if !r.keep(pr.Source, pr.Target) {
				opDropped[i] = true
				byRule[r.name]++
			}
		}
	}
	opTime := time.Since(start)

	faults := map[string][3]int{} // fault → pairs, dropped by transcheck, dropped by the rules
	for i, pr := range pairs {
		f := pr.Fault
		if f == "" {
			f = "(none)"
		}
		c := faults[f]
		c[0]++
		if _, ok := tcDropped[i]; ok {
			c[1]++
		}
		if opDropped[i] {
			c[2]++
		}
		faults[f] = c
	}
	var names []string
	for f := range faults {
		names = append(names, f)
	}
	sort.Strings(names)
	var tbl strings.Builder
	fmt.Fprintf(&tbl, "\n| planted fault | pairs | dropped by transcheck filter | dropped by OpusFilter-style rules |\n|---|---|---|---|\n")
	for _, f := range names {
		c := faults[f]
		fmt.Fprintf(&tbl, "| %s | %d | %d (%.0f%%) | %d (%.0f%%) |\n", f, c[0], c[1], 100*float64(c[1])/float64(c[0]), c[2], 100*float64(c[2])/float64(c[0]))
	}
	fmt.Fprintf(&tbl, "| **all** | %d | %d | %d |\n", len(pairs), len(tcDropped), len(opDropped))
	fmt.Fprintf(&tbl, "\nthroughput: transcheck filter %.0f pairs/s (-j 2), OpusFilter-style rules %.0f pairs/s (one core)\n",
		float64(n)/tcTime.Seconds(), float64(n)/opTime.Seconds())
	fmt.Fprintf(&tbl, "transcheck rejections by check: %v\nrules' rejections by rule: %v\n", sum.ByCheck, byRule)
	t.Log(tbl.String())

	// What each filter is for: transcheck must catch the faults its
	// checks name, nearly all of them.
	for _, f := range []string{benchcorpus.FaultEmpty, benchcorpus.FaultCopy, benchcorpus.FaultForeign, benchcorpus.FaultSwapped, benchcorpus.FaultTag} {
		if c := faults[f]; c[0] > 0 && float64(c[1]) < 0.9*float64(c[0]) {
			t.Errorf("%s: transcheck filter dropped %d of %d", f, c[1], c[0])
		}
	}
	if c := faults["(none)"]; float64(c[1]) > 0.15*float64(c[0]) {
		t.Errorf("transcheck filter dropped %d of %d pairs with no planted fault", c[1], c[0])
	}
}
