package segment

import "regexp"

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
	`|\$\d+`) // $1

// Protected returns the spans of text that are not prose.
func Protected(text string) [][2]int {
	locs := protectedRE.FindAllStringIndex(text, -1)
	out := make([][2]int, len(locs))
	for i, l := range locs {
		out[i] = [2]int{l[0], l[1]}
	}
	return out
}
