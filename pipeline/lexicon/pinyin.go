package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./internal/genpinyin -in ../../../shared/data/lexicon/cedict_ts.u8 -out pinyin.gz

// pinyinGz holds the toneless readings of single Han characters from
// CC-CEDICT (internal/genpinyin).
//
//go:embed pinyin.gz
var pinyinGz []byte

var (
	pinyinOnce sync.Once
	pinyinMap  map[rune][]string
)

// Pinyin returns the readings of a Han character without tones, in lower
// case, the commonest first (长: chang, zhang): how English spells a
// Chinese name (王琦瑶 Wang Qiyao). Nil for a character CC-CEDICT does not
// list alone. The table (about 14,000 characters) is read on first use.
func Pinyin(r rune) []string {
	pinyinOnce.Do(loadPinyin)
	return pinyinMap[r]
}

func loadPinyin() {
	pinyinMap = map[rune][]string{}
	// An unreadable table leaves it empty: names are then not spelt out.
	eachTableRow(pinyinGz, func(c, readings string) {
		if r, size := utf8.DecodeRuneInString(c); size == len(c) {
			pinyinMap[r] = strings.Fields(readings)
		}
	})
}

// eachTableRow calls fn with the key and the rest of each row of an
// embedded table written by the generators of internal/: gzip-compressed
// "key<TAB>value" lines, '#' lines being comments. A table that cannot be
// read gives no rows.
func eachTableRow(gz []byte, fn func(key, value string)) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if k, v, ok := strings.Cut(line, "\t"); ok {
			fn(k, v)
		}
	}
}
