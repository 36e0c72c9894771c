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
	zr, err := gzip.NewReader(bytes.NewReader(pinyinGz))
	if err != nil {
		return // an empty table: names are then not spelt out
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		c, readings, ok := strings.Cut(line, "\t")
		r, size := utf8.DecodeRuneInString(c)
		if !ok || size != len(c) {
			continue
		}
		pinyinMap[r] = strings.Fields(readings)
	}
}
