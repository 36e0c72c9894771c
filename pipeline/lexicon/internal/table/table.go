// Package table writes the small tables package lexicon embeds
// (pinyin.gz, irregular.gz): gzip-compressed UTF-8 text, comment lines
// first ('#'), then one row a line, "key<TAB>value value...", sorted by
// key.
package table

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"sort"
	"strings"
)

// Write writes rows to the file out under the comment lines and returns
// the compressed size.
func Write(out string, comments []string, rows map[string][]string) (int, error) {
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	for _, c := range comments {
		fmt.Fprintf(&buf, "# %s\n", c)
	}
	for _, k := range keys {
		fmt.Fprintf(&buf, "%s\t%s\n", k, strings.Join(rows[k], " "))
	}
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	if err := os.WriteFile(out, z.Bytes(), 0o644); err != nil {
		return 0, fmt.Errorf("write output: %w", err)
	}
	return z.Len(), nil
}
