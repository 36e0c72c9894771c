package main

// make precision: the judged benchmark. TestPrecision runs the command over
// the dev corpora in ../shared/data and joins its findings with the
// verdicts of testdata/precision/judged.tsv (findings read on both sides by
// a person and judged TRUE, FALSE or UNSURE), then prints precision per
// check and severity, the findings per 100 documents or 1,000 pairs of each
// corpus, and the findings not judged yet. TestInjection (inject_test.go)
// plants defects in copies of the same corpora and prints the recall per
// kind. Both run only with TRANSCHECK_PRECISION=1.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

// sharedData is where the dev corpora are, from the repository's root.
const sharedData = "../shared/data"

// devCorpus is one corpus of the judged benchmark: a path under
// ../shared/data checked with args. Pairs marks corpora of translation
// units, whose rates are per 1,000 pairs rather than per 100 documents.
type devCorpus struct {
	name  string
	args  []string
	path  string
	pairs bool
}

var zhEN, enZH = []string{"--source", "zh", "--target", "en"}, []string{"--source", "en", "--target", "zh"}

// devCorpora are the corpora of the judged benchmark. In echarts-doc and
// WMT22 Chinese is the original; wmt22-en-zh swaps the roles of the same
// files on purpose, as the direction most docs teams work in.
var devCorpora = []devCorpus{
	{name: "ant-design", path: "docs-dev/ant-design"},
	{name: "echarts-doc", args: zhEN, path: "docs-dev/echarts-doc"},
	{name: "docs-tree", path: "formats/docs-tree"},
	{name: "interleaved-md", path: "formats/interleaved-md"},
	{name: "paired-files", path: "formats/paired-files"},
	{name: "wmt22-zh-en", args: zhEN, path: "formats/line-aligned", pairs: true},
	{name: "wmt22-en-zh", args: enZH, path: "formats/line-aligned", pairs: true},
	{name: "po", path: "formats/po", pairs: true},
	{name: "tmx", path: "formats/tmx", pairs: true},
	{name: "tsv", path: "formats/tsv", pairs: true},
	{name: "xliff12", path: "formats/xliff12", pairs: true},
	{name: "xliff20", path: "formats/xliff20", pairs: true},
}

// corpusRun is what one run over a corpus found.
type corpusRun struct {
	docs, pairs int
	findings    []metrics.Finding
}

// jsonReport is the part of the JSON report the benchmark reads.
type jsonReport struct {
	Documents []struct {
		Name     string
		Counts   struct{ Pairs int }
		Findings []metrics.Finding
	}
}

// precisionDir returns the shared data folder, or skips the test: the
// benchmark needs ../shared/data and TRANSCHECK_PRECISION=1.
func precisionDir(t *testing.T) string {
	t.Helper()
	if os.Getenv("TRANSCHECK_PRECISION") == "" {
		t.Skip("the judged benchmark runs with TRANSCHECK_PRECISION=1 (make precision)")
	}
	dir := filepath.Join(repoRoot, sharedData)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: skipping the judged benchmark", sharedData)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// checkCorpus runs check over a corpus from dir, with extra flags, and
// returns what it found; paths in findings are relative to dir, as the
// judged file has them.
func checkCorpus(t *testing.T, dir string, c devCorpus, extra ...string) corpusRun {
	t.Helper()
	t.Chdir(dir)
	out := filepath.Join(t.TempDir(), c.name+".json")
	args := append([]string{"check", "--fail-on", "never", "--no-progress", "-o", "json=" + out}, c.args...)
	args = append(append(args, extra...), c.path)
	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("%s: exit %d: %s", c.name, code, stderr.String())
	}
	return readRun(t, out)
}

func readRun(t *testing.T, path string) corpusRun {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rep jsonReport
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var r corpusRun
	for _, d := range rep.Documents {
		r.docs++
		r.pairs += d.Counts.Pairs
		r.findings = append(r.findings, d.Findings...)
	}
	return r
}

// verdict is one judged finding.
type verdict struct {
	verdict, reason string
}

// judgedFile is the committed file of verdicts.
const judgedFile = "testdata/precision/judged.tsv"

// loadJudged reads the verdicts by corpus and fingerprint. The file is TSV
// with a header: fingerprint, corpus, check, severity (when judged),
// verdict, at (path:line when judged), reason.
func loadJudged(t *testing.T) map[[2]string]verdict {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot, judgedFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[[2]string]verdict{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		if n == 1 {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 7 {
			t.Fatalf("%s:%d: %d columns, want 7", judgedFile, n, len(cols))
		}
		switch cols[4] {
		case "TRUE", "FALSE", "UNSURE":
		default:
			t.Fatalf("%s:%d: verdict %q (use TRUE, FALSE or UNSURE)", judgedFile, n, cols[4])
		}
		out[[2]string{cols[1], cols[0]}] = verdict{cols[4], cols[6]}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// tally counts findings and their verdicts.
type tally struct {
	findings, true_, false_, unsure int
}

func (a *tally) add(v verdict, judged bool) {
	a.findings++
	switch {
	case !judged:
	case v.verdict == "TRUE":
		a.true_++
	case v.verdict == "FALSE":
		a.false_++
	default:
		a.unsure++
	}
}

func (a tally) judged() int { return a.true_ + a.false_ + a.unsure }

// precision is TRUE / (TRUE + FALSE), or "-" when nothing was judged.
func (a tally) precision() string {
	if a.true_+a.false_ == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a.true_)/float64(a.true_+a.false_))
}

func TestPrecision(t *testing.T) {
	dir := precisionDir(t)
	judged := loadJudged(t)
	// TRANSCHECK_PRECISION_JSON=DIR joins the verdicts with reports
	// written before (DIR/CORPUS.json) in place of running the command:
	// how the table of an older build is printed.
	from := os.Getenv("TRANSCHECK_PRECISION_JSON")
	byCheck := map[[2]string]*tally{}
	var total [3]tally // by severity
	var unjudged []string
	var corpora, wmt strings.Builder
	fmt.Fprintf(&corpora, "%-15s %6s %7s  %9s %9s %9s  %s\n", "corpus", "docs", "pairs", "errors", "warnings", "infos", "per")
	for _, c := range devCorpora {
		var r corpusRun
		if from != "" {
			r = readRun(t, filepath.Join(from, c.name+".json"))
		} else {
			r = checkCorpus(t, dir, c)
		}
		var sev [3]int
		for _, f := range r.findings {
			fp := f.Fingerprint()
			v, ok := judged[[2]string{c.name, fp}]
			key := [2]string{f.Check, f.Severity.String()}
			if byCheck[key] == nil {
				byCheck[key] = &tally{}
			}
			byCheck[key].add(v, ok)
			total[f.Severity].add(v, ok)
			sev[f.Severity]++
			if !ok && f.Severity > metrics.Info {
				unjudged = append(unjudged, unjudgedRow(c.name, fp, f))
			}
		}
		if strings.HasPrefix(c.name, "wmt22") {
			// Line-aligned pairs: the share of pairs with a finding, by
			// line.
			var withErr, withWarn, withAny = map[int]bool{}, map[int]bool{}, map[int]bool{}
			for _, f := range r.findings {
				w := f.Where()
				if w == nil {
					continue
				}
				withAny[w.Line] = true
				if f.Severity >= metrics.Warning {
					withWarn[w.Line] = true
				}
				if f.Severity == metrics.Error {
					withErr[w.Line] = true
				}
			}
			pct := func(m map[int]bool) float64 { return 100 * float64(len(m)) / float64(max(r.pairs, 1)) }
			fmt.Fprintf(&wmt, "%-12s %5d pairs: %.2f%% with an error, %.2f%% with an error or warning, %.2f%% with any finding\n",
				c.name, r.pairs, pct(withErr), pct(withWarn), pct(withAny))
		}
		unit, per := float64(r.docs)/100, "100 documents"
		if c.pairs {
			unit, per = float64(r.pairs)/1000, "1,000 pairs"
		}
		rate := func(n int) string {
			if unit == 0 {
				return "-"
			}
			return fmt.Sprintf("%.1f", float64(n)/unit)
		}
		fmt.Fprintf(&corpora, "%-15s %6d %7d  %9s %9s %9s  %s\n", c.name, r.docs, r.pairs,
			rate(sev[metrics.Error]), rate(sev[metrics.Warning]), rate(sev[metrics.Info]), per)
	}
	keys := make([][2]string, 0, len(byCheck))
	for k := range byCheck {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]string) int {
		sa, _ := metrics.ParseSeverity(a[1])
		sb, _ := metrics.ParseSeverity(b[1])
		return cmp.Or(cmp.Compare(sb, sa), strings.Compare(a[0], b[0]))
	})
	var out strings.Builder
	fmt.Fprintf(&out, "Precision by check and severity (TRUE / (TRUE + FALSE) of the judged findings):\n\n")
	fmt.Fprintf(&out, "| check | severity | findings | judged | TRUE | FALSE | UNSURE | precision |\n|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, k := range keys {
		a := byCheck[k]
		fmt.Fprintf(&out, "| %s | %s | %d | %d | %d | %d | %d | %s |\n", k[0], k[1], a.findings, a.judged(), a.true_, a.false_, a.unsure, a.precision())
	}
	gate := tally{}
	for _, s := range []metrics.Severity{metrics.Error, metrics.Warning} {
		a := total[s]
		gate.findings += a.findings
		gate.true_ += a.true_
		gate.false_ += a.false_
		gate.unsure += a.unsure
		fmt.Fprintf(&out, "| all | %s | %d | %d | %d | %d | %d | %s |\n", s, a.findings, a.judged(), a.true_, a.false_, a.unsure, a.precision())
	}
	fmt.Fprintf(&out, "| all | error+warning | %d | %d | %d | %d | %d | %s |\n", gate.findings, gate.judged(), gate.true_, gate.false_, gate.unsure, gate.precision())
	a := total[metrics.Info]
	fmt.Fprintf(&out, "| all | info | %d | %d | %d | %d | %d | %s |\n", a.findings, a.judged(), a.true_, a.false_, a.unsure, a.precision())
	fmt.Fprintf(&out, "\nFindings per 100 documents (document corpora) or per 1,000 pairs (unit corpora):\n\n%s", corpora.String())
	fmt.Fprintf(&out, "\nProfessional WMT22 references (line N translates line N):\n\n%s", wmt.String())
	fmt.Fprintf(&out, "\n%d error and warning findings are not judged yet.\n", len(unjudged))
	if len(unjudged) > 0 {
		path := filepath.Join(os.TempDir(), "transcheck-unjudged.tsv")
		body := "fingerprint\tcorpus\tcheck\tseverity\tmessage\tsource_at\tsource_text\ttarget_at\ttarget_text\tafter_at\n" + strings.Join(unjudged, "")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "They are listed in %s (columns as testdata/precision/README.md says) for judging.\n", path)
	}
	t.Log("\n" + out.String())
}

// unjudgedRow is a finding as a row for judging.
func unjudgedRow(corpus, fp string, f metrics.Finding) string {
	side := func(s *metrics.Side) (string, string) {
		if s == nil {
			return "", ""
		}
		text := strings.NewReplacer("\t", " ", "\n", " ⏎ ", "\r", " ").Replace(s.Text)
		return s.String(), text
	}
	sa, st := side(f.Source)
	ta, tt := side(f.Target)
	aa, _ := side(f.After)
	msg := strings.NewReplacer("\t", " ", "\n", " ").Replace(f.Message)
	return strings.Join([]string{fp, corpus, f.Check, f.Severity.String(), msg, sa, st, ta, tt, aa}, "\t") + "\n"
}
