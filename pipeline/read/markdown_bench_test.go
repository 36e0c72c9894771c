package read

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkMarkdown reads every Markdown file of the documentation trees
// in the shared data (ant-design and ECharts, about 6 MB): the MB/s
// column is the reader's throughput.
func BenchmarkMarkdown(b *testing.B) {
	root := filepath.Join(sharedData, "docs-dev")
	var paths, texts []string
	total := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		paths, texts = append(paths, p), append(texts, string(data))
		total += len(data)
		return nil
	})
	if os.IsNotExist(err) || len(texts) == 0 {
		b.Skipf("%s not found (clone the shared data beside the repository to run this benchmark)", rootRel(root))
	}
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, text := range texts {
			Markdown(paths[i], text)
		}
	}
}
