package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitPair splits a seed line "Chinese English" at the first space followed
// by an ASCII letter after which no Han character occurs.
func splitPair(line string) (zh, en string, ok bool) {
	lastHan := -1
	for i, r := range line {
		if unicode.Is(unicode.Han, r) {
			lastHan = i
		}
	}
	if lastHan < 0 {
		return "", "", false
	}
	for p := lastHan; p+1 < len(line); {
		_, size := utf8.DecodeRuneInString(line[p:])
		if line[p] == ' ' && (line[p+1] >= 'a' && line[p+1] <= 'z' || line[p+1] >= 'A' && line[p+1] <= 'Z') {
			return strings.TrimSpace(line[:p]), strings.TrimSpace(line[p+1:]), true
		}
		p += size
	}
	return "", "", false
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}
