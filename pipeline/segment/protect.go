package segment

import (
	"regexp"
	"sort"
	"strings"
)

// protectedRE matches text that is not prose in any language: URLs, e-mail
// addresses, inline code, and format placeholders. Such spans count as
// neutral when runs are split and are kept verbatim for carry-over checks.
var protectedRE = regexp.MustCompile("" +
	"`[^`\n]+`" + // inline code
	`|\b(?:https?|ftp)://[^\s<>()\[\]"'` + "`" + `，。、）（]+` + // URLs
	`|\bwww\.[^\s<>()\[\]"'，。、）（]+` +
	`|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b` + // e-mail addresses
	`|%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdfgeExXcoqvtTp%]` + // printf placeholders
	`|\{\{[^{}\n]*\}\}|\{[A-Za-z_][\w.]*\}` + // {{x}}, {name}
	`|\$\d+` + // $1
	`|</?[A-Za-z][^<>\n]*>` + // HTML tags
	`|&[a-z]+;|&#\d+;` + // HTML entities
	`|\$\((?:C|CODE|D_CODE|SHELL|SHELL_SMALL|IX) [^()]*\)` + // Ddoc inline code
	`|\$\([A-Z_][A-Z_0-9]*`) // Ddoc macro names

// protectedTriggers holds a character of every protected form but URLs,
// which need "://" or "www.": text without any of them has no protected
// span, and the regular expression, which backtracks, need not run.
const protectedTriggers = "`@{$<&%" // '%' last: see Protected

// printfRE is the printf alternative of protectedRE, anchored.
var printfRE = regexp.MustCompile(`^%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdfgeExXcoqvtTp%]`)

// placeholders returns what Protected returns for text whose only trigger
// is '%' (percentages, mostly): the printf placeholders, found from each
// '%' instead of by the whole expression at every position. Only the printf
// alternative can match there: no other one starts with or spans a '%'.
func placeholders(text string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '%')
		if j < 0 {
			break
		}
		i += j
		if m := printfRE.FindStringIndex(text[i:]); m != nil {
			out = append(out, [2]int{i, i + m[1]})
			i += m[1]
			continue
		}
		i++
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Protected returns the spans of text that are not prose: URLs, e-mail
// addresses, inline code, placeholders, HTML tags and entities, and Ddoc
// macro names and inline code.
func Protected(text string) [][2]int {
	if !strings.ContainsAny(text, protectedTriggers) && !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		return nil
	}
	if !strings.ContainsAny(text, protectedTriggers[:len(protectedTriggers)-1]) && !strings.Contains(text, "://") && !strings.Contains(text, "www.") {
		return placeholders(text)
	}
	locs := protectedRE.FindAllStringIndex(text, -1)
	out := make([][2]int, len(locs))
	for i, l := range locs {
		out[i] = [2]int{l[0], l[1]}
	}
	return out
}

// HasProse reports whether text[start:end] holds a letter outside the
// protected spans (in order, as Protected returns them): whether there is
// anything to translate. Its time is linear in end-start, not in the
// number of spans, so that a huge line of inline code checks piece by
// piece in linear time.
func HasProse(text string, start, end int, protected [][2]int) bool {
	k := sort.Search(len(protected), func(k int) bool { return protected[k][1] > start })
	for i, r := range text[start:end] {
		at := start + i
		for k < len(protected) && protected[k][1] <= at {
			k++
		}
		if !IsLetter(r) {
			continue
		}
		if k == len(protected) || at < protected[k][0] {
			return true
		}
	}
	return false
}
