// Package benchcorpus generates the corpora the benchmarks check: folders
// of bilingual documents and large TSV files built deterministically from
// the seed article and, when the shared data is there, the gold sentence
// alignments, with known faults; and a hostile file, one long line of
// alternating Chinese and English words. It also measures what the
// benchmarks report beside time: the floor of a plain read, and the peak
// RSS.
//
// Corpora are written once under os.TempDir and kept between runs; the
// same size gives the same bytes.
package benchcorpus

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/transcheck/transcheck/pipeline/segment"
)

// version names the generator: a change to it makes new corpora.
const version = "v1"

// SeedPath is the seed article, relative to the repository root.
const SeedPath = "testdata/seed/cyberspace-article.zh-en.txt"

var mu sync.Mutex

// Pairs returns Chinese–English sentence pairs to build documents from:
// the seed article's paragraphs, and when the shared data is there (beside
// the repository, root/../shared/data), the 1-1 beads of the gold
// alignments. root is the repository root.
func Pairs(root string) ([][2]string, error) {
	var pairs [][2]string
	data, err := os.ReadFile(filepath.Join(root, SeedPath))
	if err != nil {
		return nil, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		runs := segment.Runs(line, nil)
		if len(runs) == 2 && runs[0].Script == segment.ScriptCJK {
			pairs = append(pairs, [2]string{line[runs[0].Start:runs[0].End], line[runs[1].Start:runs[1].End]})
		}
	}
	for _, corpus := range []string{"ctk-dev", "mac-dev"} {
		dir := filepath.Join(root, "../shared/data/align", corpus)
		golds, _ := filepath.Glob(filepath.Join(dir, "gold", "*.align"))
		for _, g := range golds {
			name := strings.TrimSuffix(filepath.Base(g), ".align")
			zh, err1 := ReadLines(filepath.Join(dir, "zh", name))
			en, err2 := ReadLines(filepath.Join(dir, "en", name))
			beads, err3 := ReadLines(g)
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
	return pairs, nil
}

// ReadLines returns the lines of a file, without the last line break.
func ReadLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n"), nil
}

// Folder returns a folder of bilingual documents of about size bytes, one
// paragraph a line as in the seed, 60 paragraphs a document, with known
// faults: 3% of paragraphs lose their English, 2% are English only, 3%
// have a number changed. It returns the folder and its size in bytes.
func Folder(root string, size int64) (string, int64, error) {
	mu.Lock()
	defer mu.Unlock()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-%dMB", version, size>>20))
	if total, err := doneSize(filepath.Join(dir, "done")); err == nil {
		return dir, total, nil
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", 0, err
	}
	pairs, err := Pairs(root)
	if err != nil {
		return "", 0, err
	}
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
			return "", 0, err
		}
		total += int64(b.Len())
	}
	if err := os.WriteFile(filepath.Join(dir, "done"), []byte(strconv.FormatInt(total, 10)), 0o644); err != nil {
		return "", 0, err
	}
	return dir, total, nil
}

func doneSize(doneFile string) (int64, error) {
	data, err := os.ReadFile(doneFile)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(string(data), 10, 64)
}

// TSV returns a TSV file of about size bytes, zh\ten a row, from Pairs
// and, when the shared data is there, the Tatoeba sample; 1% of rows have
// an empty target. It returns the path and the size in bytes.
func TSV(root string, size int64) (string, int64, error) {
	mu.Lock()
	defer mu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-%dMB.tsv", version, size>>20))
	if info, err := os.Stat(path); err == nil && info.Size() >= size {
		return path, info.Size(), nil
	}
	pairs, err := tsvPairs(root)
	if err != nil {
		return "", 0, err
	}
	total, err := writeFile(path, func(w *bufio.Writer) {
		rng := rand.New(rand.NewSource(1))
		var n int64
		for n < size {
			p := pairs[rng.Intn(len(pairs))]
			en := p[1]
			if rng.Float64() < 0.01 {
				en = ""
			}
			k, _ := fmt.Fprintf(w, "%s\t%s\n", p[0], en)
			n += int64(k)
		}
	})
	return path, total, err
}

// TMX returns a TMX 1.4 file of units zh→en, one <tu> a line, from the
// same pairs as TSV; 1% of the units have an empty English <seg>. It
// returns the path and the size in bytes.
func TMX(root string, units int) (string, int64, error) {
	mu.Lock()
	defer mu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-%dk.tmx", version, units/1000))
	if info, err := os.Stat(path); err == nil {
		return path, info.Size(), nil
	}
	pairs, err := tsvPairs(root)
	if err != nil {
		return "", 0, err
	}
	size, err := writeFile(path, func(w *bufio.Writer) {
		w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n" +
			"<header srclang=\"zh\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"benchcorpus\" creationtoolversion=\"1\" o-tmf=\"none\"/>\n<body>\n")
		rng := rand.New(rand.NewSource(2))
		for i := 0; i < units; i++ {
			p := pairs[rng.Intn(len(pairs))]
			en := html.EscapeString(p[1])
			if rng.Float64() < 0.01 {
				en = ""
			}
			fmt.Fprintf(w, "<tu tuid=\"%d\"><tuv xml:lang=\"zh\"><seg>%s</seg></tuv><tuv xml:lang=\"en\"><seg>%s</seg></tuv></tu>\n", i, html.EscapeString(p[0]), en)
		}
		w.WriteString("</body>\n</tmx>\n")
	})
	return path, size, err
}

// writeFile writes a file through fill into a temporary file beside path,
// renamed into place once complete, and returns its size.
func writeFile(path string, fill func(*bufio.Writer)) (int64, error) {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	fill(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	info, err := os.Stat(tmp)
	if err != nil {
		return 0, err
	}
	return info.Size(), os.Rename(tmp, path)
}

// tsvPairs is Pairs and, when the shared data is there, the Tatoeba
// sample's pairs.
func tsvPairs(root string) ([][2]string, error) {
	pairs, err := Pairs(root)
	if err != nil {
		return nil, err
	}
	if lines, err := ReadLines(filepath.Join(root, "../shared/data/formats/tsv/tatoeba-cmn-eng.head3000.tsv")); err == nil {
		for _, l := range lines {
			if en, zh, ok := strings.Cut(l, "\t"); ok && !strings.Contains(zh, "\t") {
				pairs = append(pairs, [2]string{zh, en})
			}
		}
	}
	return pairs, nil
}

// PeakRSS returns the process's peak resident set in MB (VmHWM), or 0
// where /proc is not available.
func PeakRSS() float64 {
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

// ReadFloor times a plain read of every document of a Folder, best of
// three: the floor no check can beat, in nanoseconds.
func ReadFloor(dir string) (float64, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	best := 0.0
	for try := 0; try < 3; try++ {
		start := time.Now()
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				return 0, err
			}
			_, err = io.Copy(io.Discard, fh)
			fh.Close()
			if err != nil {
				return 0, err
			}
		}
		if ns := float64(time.Since(start).Nanoseconds()); best == 0 || ns < best {
			best = ns
		}
	}
	return best, nil
}

// Fault names a defect MT writes into some of its pairs, the way
// web-crawled parallel data has them; "" is a clean pair.
const (
	FaultEmpty    = "empty"    // the target is empty
	FaultCopy     = "copy"     // the target copies the source
	FaultNumber   = "number"   // a number of the target changed
	FaultTruncate = "truncate" // the target cut to its first fifth
	FaultForeign  = "foreign"  // the target is in French or German
	FaultSwapped  = "swapped"  // source and target exchanged
	FaultMisalign = "misalign" // the target of another pair
	FaultTag      = "tag"      // a placeholder in the source only
)

// foreign are sentences in the languages that slip into English corpora.
var foreign = []string{
	"Le gouvernement a annoncé de nouvelles mesures pour soutenir les entreprises.",
	"Nous devons travailler ensemble pour protéger notre environnement.",
	"La réunion a été reportée à la semaine prochaine en raison du mauvais temps.",
	"Die Regierung hat neue Maßnahmen zur Unterstützung der Wirtschaft angekündigt.",
	"Wir müssen gemeinsam daran arbeiten, unsere Umwelt zu schützen.",
	"Das Treffen wurde wegen des schlechten Wetters auf nächste Woche verschoben.",
	"El gobierno anunció nuevas medidas para apoyar a las empresas.",
	"Il governo ha annunciato nuove misure per sostenere le imprese.",
}

// MTPair is a pair of an MT corpus and the fault planted in it.
type MTPair struct {
	Source, Target, Fault string
}

// MTPairs returns n Chinese–English pairs for the filter's benchmarks and
// comparisons: the WMT22 general test set and the Tatoeba sample when the
// shared data is there (root/../shared/data), and the pairs of Pairs,
// drawn at random (seed 3) and about one in six given a fault (see
// Fault*). The same n gives the same pairs.
func MTPairs(root string, n int) ([]MTPair, error) {
	pairs, err := tsvPairs(root)
	if err != nil {
		return nil, err
	}
	wmt := filepath.Join(root, "../shared/data/formats/line-aligned/wmt22-zh-en/generaltest2022")
	if zh, err := ReadLines(wmt + ".zh"); err == nil {
		if en, err := ReadLines(wmt + ".en"); err == nil && len(en) == len(zh) {
			for i := range zh {
				pairs = append(pairs, [2]string{zh[i], en[i]})
			}
		}
	}
	var clean [][2]string
	for _, p := range pairs {
		if strings.TrimSpace(p[0]) != "" && strings.TrimSpace(p[1]) != "" && !strings.ContainsAny(p[0]+p[1], "\t\n\r") {
			clean = append(clean, p)
		}
	}
	rng := rand.New(rand.NewSource(3))
	faults := []struct {
		name  string
		share float64
	}{{FaultEmpty, 0.02}, {FaultCopy, 0.02}, {FaultNumber, 0.02}, {FaultTruncate, 0.02},
		{FaultForeign, 0.02}, {FaultSwapped, 0.02}, {FaultMisalign, 0.02}, {FaultTag, 0.01}}
	out := make([]MTPair, n)
	for i := range out {
		p := clean[rng.Intn(len(clean))]
		mp := MTPair{Source: p[0], Target: p[1]}
		x := rng.Float64()
		for _, f := range faults {
			if x < f.share {
				mp.Fault = f.name
				break
			}
			x -= f.share
		}
		switch mp.Fault {
		case FaultEmpty:
			mp.Target = ""
		case FaultCopy:
			mp.Target = mp.Source
		case FaultNumber:
			if j := strings.IndexAny(mp.Target, "0123456789"); j >= 0 {
				d := (mp.Target[j]-'0'+1+byte(rng.Intn(8)))%10 + '0'
				mp.Target = mp.Target[:j] + string(d) + mp.Target[j+1:]
			} else {
				mp.Target += fmt.Sprintf(" (%d)", 2+rng.Intn(90))
			}
		case FaultTruncate:
			words := strings.Fields(mp.Target)
			mp.Target = strings.Join(words[:max(1, len(words)/5)], " ")
		case FaultForeign:
			mp.Target = foreign[rng.Intn(len(foreign))]
		case FaultSwapped:
			mp.Source, mp.Target = mp.Target, mp.Source
		case FaultMisalign:
			mp.Target = clean[rng.Intn(len(clean))][1]
		case FaultTag:
			mp.Source = "{0}" + mp.Source
		}
		out[i] = mp
	}
	return out, nil
}

// MTTSV returns a TSV file of n MTPairs under a "zh<TAB>en" header,
// written once into os.TempDir; it returns the path and the size.
func MTTSV(root string, n int) (string, int64, error) {
	mu.Lock()
	defer mu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-mt-%dk.tsv", version, n/1000))
	if info, err := os.Stat(path); err == nil {
		return path, info.Size(), nil
	}
	pairs, err := MTPairs(root, n)
	if err != nil {
		return "", 0, err
	}
	size, err := writeFile(path, func(w *bufio.Writer) {
		w.WriteString("zh\ten\n")
		for _, p := range pairs {
			fmt.Fprintf(w, "%s\t%s\n", p.Source, p.Target)
		}
	})
	return path, size, err
}
