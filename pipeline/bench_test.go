package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"github.com/transcheck/transcheck/metrics"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/read"
	"github.com/transcheck/transcheck/pipeline/segment"
)

const seedPath = "../testdata/seed/cyberspace-article.zh-en.txt"

// BenchmarkProcessSeed measures every stage and check on the seed article.
func BenchmarkProcessSeed(b *testing.B) {
	r, err := NewRunner(Config{})
	if err != nil {
		b.Fatal(err)
	}
	r.Process(read.File(read.Input{Source: seedPath}, read.Options{})) // load the lexicon once
	b.SetBytes(14082)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r.Process(read.File(read.Input{Source: seedPath}, read.Options{}))
	}
}

// corpusVersion names the generator: a change to it makes a new corpus.
const corpusVersion = "v1"

// sentencePairs returns Chinese–English sentence pairs to build documents
// from: the seed article's paragraphs, and when the shared data is there,
// the 1-1 beads of the gold alignments.
func sentencePairs(tb testing.TB) [][2]string {
	var pairs [][2]string
	data, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		runs := segment.Runs(line, nil)
		if len(runs) == 2 && runs[0].Script == segment.ScriptCJK {
			pairs = append(pairs, [2]string{line[runs[0].Start:runs[0].End], line[runs[1].Start:runs[1].End]})
		}
	}
	for _, corpus := range []string{"ctk-dev", "mac-dev"} {
		dir := filepath.Join("../../shared/data/align", corpus)
		golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.align"))
		for _, g := range golds {
			name := strings.TrimSuffix(filepath.Base(g), ".align")
			zh, err1 := readLines(filepath.Join(dir, "zh", name))
			en, err2 := readLines(filepath.Join(dir, "en", name))
			beads, err3 := readLines(g)
			if err1 != nil || err2 != nil || err3 != nil {
				continue
			}
			for _, bead := range beads {
				s, t, ok := strings.Cut(bead, ":")
				i, err1 := strconv.Atoi(strings.Trim(s, "[]"))
				j, err2 := strconv.Atoi(strings.Trim(t, "[]"))
				if ok && err1 == nil && err2 == nil && i < len(zh) && j < len(en) {
					pairs = append(pairs, [2]string{zh[i], en[j]})
				}
			}
		}
	}
	return pairs
}

func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n"), nil
}

var corpusMu sync.Mutex

// corpus returns a folder of bilingual documents of about size bytes, one
// paragraph a line as in the seed, with known faults: 3% of paragraphs
// lose their English, 2% are English only, 3% have a number changed. The
// same size gives the same bytes; the folder is kept between runs.
func corpus(tb testing.TB, size int64) (string, int64) {
	corpusMu.Lock()
	defer corpusMu.Unlock()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-%dMB", corpusVersion, size>>20))
	if total, err := dirSize(filepath.Join(dir, "done")); err == nil {
		return dir, total
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	pairs := sentencePairs(tb)
	rng := rand.New(rand.NewSource(1))
	var total int64
	for n := 0; total < size; n++ {
		var b strings.Builder
		for p := 0; p < 60; p++ {
			k := 1 + rng.Intn(3)
			start := rng.Intn(len(pairs) - k)
			var zh, en []string
			for _, pr := range pairs[start : start+k] {
				zh, en = append(zh, pr[0]), append(en, pr[1])
			}
			z, e := strings.Join(zh, ""), strings.Join(en, " ")
			switch x := rng.Float64(); {
			case x < 0.03:
				e = ""
			case x < 0.05:
				z = ""
			case x < 0.08:
				e = strings.Replace(e, "1", "7", 1)
			}
			b.WriteString(strings.TrimSpace(z + " " + e))
			b.WriteString("\n")
		}
		path := filepath.Join(dir, fmt.Sprintf("d%05d.zh-en.txt", n))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(b.Len())
	}
	os.WriteFile(filepath.Join(dir, "done"), []byte(strconv.FormatInt(total, 10)), 0o644)
	return dir, total
}

func dirSize(doneFile string) (int64, error) {
	data, err := os.ReadFile(doneFile)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(string(data), 10, 64)
}

// peakRSS returns the process's peak resident set in MB (VmHWM), or 0
// where /proc is not available.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// readFloor times a plain read of every file, best of three: the floor
// no check can beat, in nanoseconds.
func readFloor(tb testing.TB, dir string) float64 {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	best := 0.0
	for try := 0; try < 3; try++ {
		start := time.Now()
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				tb.Fatal(err)
			}
			io.Copy(io.Discard, fh)
			fh.Close()
		}
		if ns := float64(time.Since(start).Nanoseconds()); best == 0 || ns < best {
			best = ns
		}
	}
	return best
}

// BenchmarkCheck runs the whole check (every stage and metric, two jobs)
// over generated corpora of 10 MB and 100 MB. Run one size per process
// (make bench does) so that peak-RSS-MB is that size's own.
func BenchmarkCheck(b *testing.B) {
	TuneMemory() // as the command does
	for _, mb := range []int64{10, 100} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			dir, total := corpus(b, mb<<20)
			floor := readFloor(b, dir)
			r, err := NewRunner(Config{Jobs: 2})
			if err != nil {
				b.Fatal(err)
			}
			perOp := benchRun(b, r, dir, total)
			b.ReportMetric(perOp/floor, "x-read-floor")
		})
	}
}

// BenchmarkStage times each stage alone on the 10 MB corpus, each on
// documents prepared up to the stage before it.
func BenchmarkStage(b *testing.B) {
	dir, total := corpus(b, 10<<20)
	r, err := NewRunner(Config{})
	if err != nil {
		b.Fatal(err)
	}
	inputs, _ := read.Discover([]string{dir}, read.Options{})
	readAll := func() []*document.Document {
		docs := make([]*document.Document, len(inputs))
		for i, in := range inputs {
			docs[i] = read.File(in, read.Options{})
		}
		return docs
	}
	upTo := func(docs []*document.Document, stages int) {
		for _, d := range docs {
			for _, st := range Stages[:stages] {
				st.Run(r, d)
			}
		}
	}
	r.Process(read.File(inputs[0], read.Options{})) // load the lexicon outside the timings
	b.Run("read", func(b *testing.B) {
		b.SetBytes(total)
		for i := 0; i < b.N; i++ {
			readAll()
		}
	})
	for k, st := range Stages {
		b.Run(st.Name, func(b *testing.B) {
			b.SetBytes(total)
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				docs := readAll()
				upTo(docs, k)
				b.StartTimer()
				for _, d := range docs {
					st.Run(r, d)
				}
			}
		})
	}
	b.Run("metrics", func(b *testing.B) {
		b.SetBytes(total)
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			docs := readAll()
			upTo(docs, len(Stages))
			b.StartTimer()
			for _, d := range docs {
				countDocument(d, nil)
				metrics.RunMeasures(d, r.cfg.Metrics, r.cfg.MetricConfig, r.ownNorms())
			}
		}
	})
}

// benchRun times whole runs over path (total bytes) and reports
// segments/s and the peak RSS; it returns the nanoseconds per run.
func benchRun(b *testing.B, r *Runner, path string, total int64) float64 {
	b.SetBytes(total)
	b.ResetTimer()
	var segs int
	for i := 0; i < b.N; i++ {
		rep, err := r.Run(context.Background(), []string{path})
		if err != nil {
			b.Fatal(err)
		}
		segs = rep.Totals.Segments
	}
	b.StopTimer()
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(segs)/(perOp/1e9), "segments/s")
	b.ReportMetric(peakRSS(), "peak-RSS-MB")
	return perOp
}
