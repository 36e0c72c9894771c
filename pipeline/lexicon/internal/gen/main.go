// Command gen reduces the CC-CEDICT dictionary to the compact, gzip-compressed
// file cedict.gz that package lexicon embeds.
//
// It is run by go generate from the lexicon package directory:
//
//	go generate ./pipeline/lexicon/
//
// Reduction:
//   - only headwords made entirely of Han characters and at most 24 runes long
//     are kept (Latin runs and punctuation never reach the dictionary during
//     segmentation);
//   - entries with the same simplified and traditional headword (different
//     readings) are merged, and the traditional form is written only when it
//     differs from the simplified one;
//   - glosses are cleaned: "CL:" classifier glosses, "surname ...",
//     "see also ...", "used in ...", "also pr. ..." notes are dropped;
//     parenthesised notes, Chinese cross-references with their pinyin and
//     stray pinyin syllables are removed; "lit."/"fig."/"abbr. for" prefixes
//     are stripped; glosses left with no English letter are dropped;
//   - an entry left without glosses whose only content was "variant of X" or
//     "see X" inherits the cleaned glosses of X (one level).
//
// Output format (UTF-8, one entry a line, '#' lines are comments):
//
//	simplified<TAB>traditional-or-empty<TAB>gloss/gloss/...
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

const maxRunes = 24

func main() {
	in := flag.String("in", "../../../shared/data/lexicon/cedict_ts.u8", "CC-CEDICT source file (path relative to the lexicon package directory when run by go generate)")
	out := flag.String("out", "cedict.gz", "output file")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type entry struct {
	simp, trad string
	glosses    []string
	refs       []string // simplified headwords referenced by "variant of"/"see"
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("open source: %w", err)
	}
	defer f.Close()
	entries, date, err := parse(f)
	if err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	resolveRefs(entries)

	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Reduced CC-CEDICT (release %s), MDBG, https://www.mdbg.net/chinese/dictionary?page=cc-cedict\n", date)
	fmt.Fprintf(&buf, "# Licence: CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/ (see CEDICT-LICENSE.md)\n")
	fmt.Fprintf(&buf, "# Format: simplified<TAB>traditional-if-different<TAB>gloss/gloss/...\n")
	n := 0
	for _, k := range keys {
		e := entries[k]
		trad := e.trad
		if trad == e.simp {
			trad = ""
		}
		fmt.Fprintf(&buf, "%s\t%s\t%s\n", e.simp, trad, strings.Join(e.glosses, "/"))
		n++
	}

	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("gzip writer: %w", err)
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress: %w", err)
	}
	if err := os.WriteFile(out, z.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	fmt.Fprintf(os.Stderr, "gen: %d entries, %d bytes uncompressed, %d bytes compressed -> %s\n", n, buf.Len(), z.Len(), out)
	return nil
}

var lineRE = regexp.MustCompile(`^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$`)

func parse(r io.Reader) (map[string]*entry, string, error) {
	entries := make(map[string]*entry)
	date := "unknown"
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			if d, ok := strings.CutPrefix(line, "#! date="); ok && len(d) >= 10 {
				date = d[:10]
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		m := lineRE.FindStringSubmatch(line)
		if m == nil {
			return nil, "", fmt.Errorf("line %d: malformed entry", lineNo)
		}
		trad, simp := m[1], m[2]
		if !allHan(simp) || utf8.RuneCountInString(simp) > maxRunes {
			continue
		}
		if !allHan(trad) {
			trad = simp
		}
		key := simp + "\t" + trad
		e := entries[key]
		if e == nil {
			e = &entry{simp: simp, trad: trad}
			entries[key] = e
		}
		for _, g := range strings.Split(m[4], "/") {
			c, ref := cleanGloss(g)
			if ref != "" {
				e.refs = append(e.refs, ref)
			}
			if c != "" && !contains(e.glosses, c) {
				e.glosses = append(e.glosses, c)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, "", fmt.Errorf("read: %w", err)
	}
	return entries, date, nil
}

// resolveRefs gives entries without glosses the glosses of the words they
// refer to ("variant of X", "see X").
func resolveRefs(entries map[string]*entry) {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic gloss order in the output
	bySimp := make(map[string][]*entry)
	for _, k := range keys {
		e := entries[k]
		bySimp[e.simp] = append(bySimp[e.simp], e)
		if e.trad != e.simp {
			bySimp[e.trad] = append(bySimp[e.trad], e)
		}
	}
	var add []struct {
		e *entry
		g []string
	}
	for _, e := range entries {
		if len(e.glosses) > 0 || len(e.refs) == 0 {
			continue
		}
		var gs []string
		for _, ref := range e.refs {
			for _, t := range bySimp[ref] {
				for _, g := range t.glosses {
					if !contains(gs, g) {
						gs = append(gs, g)
					}
				}
			}
		}
		add = append(add, struct {
			e *entry
			g []string
		}{e, gs})
	}
	for _, a := range add { // apply after the scan: one level only
		a.e.glosses = a.g
	}
}

var (
	// X|Y[pin1 yin1], X[pin1 yin1] or bare X (Han, with joining dots)
	refRE = regexp.MustCompile(`[\p{Han}・·〇]+(?:\|[\p{Han}・·〇]+)?(?:\[[^\]]*\])?`)
	// a reference target at the start of a string: trad|simp[...] or simp[...]
	refTargetRE  = regexp.MustCompile(`^([\p{Han}〇]+)(?:\|([\p{Han}〇]+))?`)
	bracketRE    = regexp.MustCompile(`\[[^\]]*\]`)
	parenRE      = regexp.MustCompile(`\([^()]*\)`)
	pinyinRE     = regexp.MustCompile(`\b[A-Za-züÜ:]+[1-5]\b`)
	variantRE    = regexp.MustCompile(`^(?:(?:old|archaic|erroneous|ancient|Japanese|unofficial|non-standard|obscure|traditional|Taiwan) )*variant of (.*)$`)
	seeRE        = regexp.MustCompile(`^see (.*)$`)
	dropPrefixRE = regexp.MustCompile(`^(?:CL:|surname |see also |also see |used in |also pr\.|pr\. |also written |Kangxi radical|radical in Chinese characters|classifier for |\(classifier)`)
	stripPrefix  = regexp.MustCompile(`^(?:(?:lit\.|fig\.|abbr\. for|abbr\. to|abbr\.|i\.e\.|e\.g\.|esp\.|also called|also known as|same as|also|euphemism for|slang for)\s*)+`)
	spaceRE      = regexp.MustCompile(`\s+`)
	// pronunciation notes left after the pinyin in brackets was removed
	prNoteRE = regexp.MustCompile(`(?i)(?:\b(?:Taiwan|Beijing|also|colloquial|old|dialect)\s+)?\bpr\.(?:\s|$)`)
)

// cleanGloss returns the cleaned English gloss ("" to drop it) and, for
// "variant of X" and "see X" glosses, the simplified headword X.
func cleanGloss(g string) (clean, ref string) {
	g = strings.TrimSpace(g)
	if g == "" {
		return "", ""
	}
	if m := variantRE.FindStringSubmatch(g); m != nil {
		return "", refTarget(m[1])
	}
	if m := seeRE.FindStringSubmatch(g); m != nil && !strings.HasPrefix(g, "see also") {
		return "", refTarget(m[1])
	}
	if dropPrefixRE.MatchString(g) {
		return "", ""
	}
	g = refRE.ReplaceAllString(g, " ")
	g = bracketRE.ReplaceAllString(g, " ")
	for {
		h := parenRE.ReplaceAllString(g, " ")
		if h == g {
			break
		}
		g = h
	}
	if i := strings.IndexByte(g, '('); i >= 0 { // unbalanced
		g = g[:i]
	}
	g = strings.ReplaceAll(g, ")", " ")
	g = strings.TrimSpace(g)
	g = stripPrefix.ReplaceAllString(g, "")
	g = pinyinRE.ReplaceAllString(g, " ")
	g = prNoteRE.ReplaceAllString(g, " ")
	g = spaceRE.ReplaceAllString(g, " ")
	g = strings.NewReplacer(" ,", ",", " ;", ";", " .", ".").Replace(g)
	g = strings.Trim(g, " ,;:.~-|")
	if !hasLetter(g) {
		return "", ""
	}
	return g, ""
}

func refTarget(s string) string {
	m := refTargetRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	if m[2] != "" {
		return m[2]
	}
	return m[1]
}

func allHan(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '〇' {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
