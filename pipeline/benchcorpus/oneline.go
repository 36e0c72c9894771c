package benchcorpus

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
)

// oneLineZh and oneLineEn are the words OneLine alternates.
var (
	oneLineZh = []string{"中文词", "中文", "网络", "空间", "共同利益", "合作", "发展", "安全", "国际", "规则", "数字经济", "对话"}
	oneLineEn = []string{"English", "words", "network", "space", "shared", "interests", "cooperation", "security", "rules", "digital", "economy", "dialogue"}
)

// WriteOneLine writes about size bytes of one line, with no line break but
// the last: Chinese and English words alternating, "中文词 English 中文
// words ...", as a hostile or broken input would be. The same size gives
// the same bytes. It returns the number of bytes written.
func WriteOneLine(w io.Writer, size int64) (int64, error) {
	bw := bufio.NewWriter(w)
	rng := rand.New(rand.NewSource(3))
	var n int64
	for k := 0; n < size; k++ {
		words := oneLineEn
		if k%2 == 0 {
			words = oneLineZh
		}
		sep := " "
		if k == 0 {
			sep = ""
		}
		m, _ := bw.WriteString(sep + words[rng.Intn(len(words))])
		n += int64(m)
	}
	bw.WriteString("\n")
	n++
	return n, bw.Flush()
}

// OneLine returns a plain-text file of about size bytes written by
// WriteOneLine. The text reader makes it one paragraph, which the
// segment-length limit cuts into pieces in which every word is a run of
// its own script. It returns the path and the size in bytes.
func OneLine(size int64) (string, int64, error) {
	mu.Lock()
	defer mu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("transcheck-bench-%s-oneline-%dMB.txt", version, size>>20))
	if info, err := os.Stat(path); err == nil && info.Size() >= size {
		return path, info.Size(), nil
	}
	var werr error
	total, err := writeFile(path, func(w *bufio.Writer) { _, werr = WriteOneLine(w, size) })
	if err == nil {
		err = werr
	}
	return path, total, err
}
