// Command genpinyin writes the readings of single Han characters from
// CC-CEDICT to pinyin.gz, which package lexicon embeds: how a Chinese name
// is spelt in English (田霏宇 Tian Feiyu, 王琦瑶 Wang Qiyao).
//
// It is run by go generate from the lexicon package directory:
//
//	go generate ./pipeline/lexicon/
//
// Output format (UTF-8, gzip, '#' lines are comments): one character a
// line, its readings without tones, lower-case, ü written u, most common
// first (the order of CC-CEDICT's entries), space-separated:
//
//	character<TAB>reading reading...
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/lexicon/internal/table"
)

func main() {
	in := flag.String("in", "../../../shared/data/lexicon/cedict_ts.u8", "CC-CEDICT source file")
	out := flag.String("out", "pinyin.gz", "output file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genpinyin:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("open source: %w", err)
	}
	defer f.Close()
	readings, err := parse(f)
	if err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	size, err := table.Write(out, []string{
		"Readings of single characters from CC-CEDICT, MDBG, https://www.mdbg.net/chinese/dictionary?page=cc-cedict",
		"Licence: CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/ (see CEDICT-LICENSE.md)",
	}, readings)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genpinyin: %d characters, %d bytes compressed -> %s\n", len(readings), size, out)
	return nil
}

// parse reads CC-CEDICT lines "TRAD SIMP [pin1 yin1] /gloss/" and returns,
// for each single-character headword (both forms), its toneless readings.
func parse(r io.Reader) (map[string][]string, error) {
	out := map[string][]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		trad, rest, ok1 := strings.Cut(line, " ")
		simp, rest, ok2 := strings.Cut(rest, " ")
		open, close := strings.IndexByte(rest, '['), strings.IndexByte(rest, ']')
		if !ok1 || !ok2 || open < 0 || close < open {
			continue
		}
		reading := toneless(rest[open+1 : close])
		if reading == "" || strings.Contains(reading, " ") {
			continue
		}
		for _, c := range []string{simp, trad} {
			if utf8.RuneCountInString(c) != 1 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(c)
			if !unicode.Is(unicode.Han, r) {
				continue
			}
			if !contains(out[c], reading) {
				out[c] = append(out[c], reading)
			}
		}
	}
	return out, sc.Err()
}

// toneless lower-cases a CC-CEDICT reading and drops its tone digits; u:
// (ü) becomes u, as English spells names (Lü → Lu).
func toneless(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "u:", "u"))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == ' ':
			b.WriteRune(r)
		case r >= '0' && r <= '9':
		default:
			return "" // a letter reading (3C) or a symbol
		}
	}
	return strings.TrimSpace(b.String())
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
