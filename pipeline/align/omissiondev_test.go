package align

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// omissionDevFile is the MQM-rated WMT23 zh→en file, relative to this
// package's folder, and as the repository root sees it.
const (
	omissionDevFile         = "../../../shared/data/omission-dev/mqm-generalMT2023-zhen.tsv"
	omissionDevFileFromRoot = "../shared/data/omission-dev/mqm-generalMT2023-zhen.tsv"
)

type omissionRow struct {
	omission bool
	spans    []string // the source words the raters marked omitted
	zh, en   string
}

func readOmissionDev(t testing.TB) []omissionRow {
	t.Helper()
	f, err := os.Open(omissionDevFile)
	if os.IsNotExist(err) {
		t.Skipf("%s is not there: the omission data is in ../shared beside the repository", omissionDevFileFromRoot)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"label", "omitted_source_spans", "zh", "en"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("%s: no column %q", omissionDevFileFromRoot, c)
		}
	}
	var rows []omissionRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		row := omissionRow{omission: rec[col["label"]] == "omission", zh: rec[col["zh"]], en: rec[col["en"]]}
		for _, s := range strings.Split(rec[col["omitted_source_spans"]], " | ") {
			if s = strings.TrimSpace(s); s != "" {
				row.spans = append(row.spans, s)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// overlaps reports whether the byte range [start, end) of text shares a
// character with one of the spans the raters marked.
func overlaps(text string, start, end int, spans []string) bool {
	for _, s := range spans {
		for off := 0; ; {
			i := strings.Index(text[off:], s)
			if i < 0 {
				break
			}
			i += off
			if i < end && start < i+len(s) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

// omissionCurve scores every row of omission-dev with the word aligner's
// best omitted span and prints the recall of the rated omissions at 1%,
// 2% and 5% of clean segments flagged, and how often the span found
// overlaps the raters' omitted words.
func omissionCurve(t *testing.T, rows []omissionRow, wa *WordAligner) map[float64][2]float64 {
	type scored struct {
		row   omissionRow
		score float64
		span  OmittedSpan
	}
	var all []scored
	var clean []float64
	for _, r := range rows {
		a := wa.Align(r.zh, r.en)
		s := scored{row: r, score: -1e9}
		if spans := a.Omitted(r.zh); len(spans) > 0 {
			s.score, s.span = spans[0].Score, spans[0]
		}
		all = append(all, s)
		if !r.omission {
			clean = append(clean, s.score)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(clean)))
	// at counts the rated omissions whose best stretch scores th or more,
	// and those whose stretch overlaps the raters' words.
	at := func(th float64) (found, over, omissions int) {
		for _, s := range all {
			if !s.row.omission {
				continue
			}
			omissions++
			if s.score >= th {
				found++
				if overlaps(s.row.zh, s.span.Start, s.span.End, s.row.spans) {
					over++
				}
			}
		}
		return found, over, omissions
	}
	out := map[float64][2]float64{}
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %9s %8s %8s %8s\n", "clean", "threshold", "found", "recall", "overlap")
	for _, rate := range []float64{0.01, 0.02, 0.05, 0.10} {
		// The lowest threshold that flags at most rate of the clean rows.
		th := clean[int(rate*float64(len(clean)))] + 1e-9
		found, over, omissions := at(th)
		recall, overlap := float64(found)/float64(omissions), 0.0
		if found > 0 {
			overlap = float64(over) / float64(found)
		}
		out[rate] = [2]float64{recall, overlap}
		fmt.Fprintf(&b, "%-8s %9.2f %8d %8.3f %8.3f\n", fmt.Sprintf("%.0f%%", rate*100), th, found, recall, overlap)
	}
	// The operating point of check and align --words.
	flagged := 0
	for _, c := range clean {
		if c >= OmittedMin {
			flagged++
		}
	}
	found, over, omissions := at(OmittedMin)
	fmt.Fprintf(&b, "at OmittedMin %.1f: %d of %d clean flagged (%.1f%%), %d of %d omissions found (%.3f), %d overlap the raters' words\n",
		OmittedMin, flagged, len(clean), 100*float64(flagged)/float64(len(clean)), found, omissions, float64(found)/float64(omissions), over)
	t.Log("\n" + b.String())
	return out
}

func TestOmissionDev(t *testing.T) {
	if os.Getenv("TRANSCHECK_ACCURACY") == "" {
		t.Skip("set TRANSCHECK_ACCURACY=1 (make accuracy) to measure omissions on " + omissionDevFileFromRoot)
	}
	rows := readOmissionDev(t)
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("dictionary", func(t *testing.T) {
		omissionCurve(t, rows, NewWordAligner(lex))
	})
	t.Run("dictionary+model", func(t *testing.T) {
		wa := NewWordAligner(lex)
		var pairs [][2]string
		for _, r := range rows {
			pairs = append(pairs, [2]string{r.zh, r.en})
		}
		wa.Train(pairs, 5)
		omissionCurve(t, rows, wa)
	})
}

// OmittedBound, which spares the checks most word alignments, is never
// under the best stretch's score on the rated MT outputs, the model
// trained as the checks train it.
func TestOmittedBoundOnOmissionDev(t *testing.T) {
	rows := readOmissionDev(t)
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	wa := NewWordAligner(lex)
	var pairs [][2]string
	for _, r := range rows {
		pairs = append(pairs, [2]string{r.zh, r.en})
	}
	wa.Train(pairs, 5)
	ruledOut := 0
	for _, r := range rows {
		b := OmittedBound(lex, r.zh, r.en)
		if b < OmittedMin {
			ruledOut++
		}
		a := wa.Align(r.zh, r.en)
		if spans := a.Omitted(r.zh); len(spans) > 0 && b < spans[0].Score {
			t.Errorf("bound %.1f under the stretch %q of score %.1f", b, r.zh[spans[0].Start:spans[0].End], spans[0].Score)
		}
	}
	t.Logf("%d of %d pairs ruled out without aligning", ruledOut, len(rows))
}
