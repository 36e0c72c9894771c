package metrics

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/segment"
)

// Names reports Latin-letter names, acronyms and codes of the source that
// the target neither keeps nor renders by a known translation: in Chinese
// text every Latin token (GDP, IOT, 3D, eReader), in English ones those
// shaped like code (Node.js, MP3, camelCase). Translators rightly
// translate most of them (PM → 总理, 37mm → 37 毫米, OK → 好的), so the
// check is opt-in (judged precision 0.04–0.07 as part of carryover). A
// known translation is accepted: an expansion whose initials spell the
// acronym ("three-dimensional" for 3D, "Internet of Things" for IOT), a
// dictionary entry, a glossary term, or a menu accelerator of its own.
var Names = &Metric{
	Name:       "names",
	Doc:        "Latin names, acronyms and codes in the source should be kept or rendered by a known translation",
	Severity:   Info,
	Confidence: 0.1,
	OptIn:      true,
	Run:        names,
}

// latinTokenRE finds Latin-letter tokens with digits or inner dots and
// dashes: "GDP", "3D", "COVID-19", "Node.js".
var latinTokenRE = regexp.MustCompile(`[A-Za-z0-9](?:[A-Za-z0-9._+#-]*[A-Za-z0-9+#])?`)

func isCJK(lang string) bool { return lang == "zh" || lang == "ja" || lang == "ko" }

// nameTokens lists the Latin names, acronyms and codes of a source text,
// outside URLs, code, placeholders, tags, link destinations and template
// syntax, which the carryover check compares.
func nameTokens(text, lang string) []string {
	skip := segment.Protected(text)
	for _, m := range mdLinkRE.FindAllStringSubmatchIndex(text, -1) {
		skip = append(skip, [2]int{m[2], m[3]})
	}
	for _, m := range templateRE.FindAllStringIndex(text, -1) {
		skip = append(skip, [2]int{m[0], m[1]})
	}
	skipped := func(i int) bool {
		for _, p := range skip {
			if p[0] <= i && i < p[1] {
				return true
			}
		}
		return false
	}
	var out []string
	for _, loc := range latinTokenRE.FindAllStringIndex(text, -1) {
		if skipped(loc[0]) {
			continue
		}
		tok := text[loc[0]:loc[1]]
		if !strings.ContainsFunc(tok, unicode.IsLetter) {
			continue // numbers are the numbers check's
		}
		if isCJK(lang) || codeLike(tok) {
			out = append(out, tok)
		}
	}
	return out
}

func names(p *Pass) {
	doc := p.Doc
	lex := p.lexiconFor()
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		src := joinText(segmentsOf(doc, b.Source))
		tgt := joinText(segmentsOf(doc, b.Target))
		srcLang, tgtLang := doc.Segment(b.Source[0]).Lang, doc.Segment(b.Target[0]).Lang
		var missing []string
		for _, tok := range nameTokens(src, srcLang) {
			if nameIn(tok, tgt) || mnemonic(tok, tgt) || knownTranslation(tok, tgt, tgtLang, lex, p.Config.Glossary) {
				continue
			}
			missing = append(missing, tok)
		}
		if len(missing) == 0 {
			continue
		}
		sside, tside := SideOf(doc.Segment(b.Source[0])), SideOf(doc.Segment(b.Target[0]))
		sside.Text, tside.Text = src, tgt
		what := "name"
		if len(missing) > 1 {
			what = "names"
		}
		p.Report(Finding{Severity: p.Metric.Severity, Source: sside, Target: tside,
			Message: fmt.Sprintf("%s %s neither kept nor translated by a known rendering in the target", what, quoteList(missing))})
	}
}

// codeLike reports whether an English token must survive translation into
// any language: an acronym (GDP), a code with digits (MP3, COVID-19), or an
// identifier (camelCase, snake_case, file.ext).
func codeLike(tok string) bool {
	upper, lower, digit := 0, 0, 0
	for _, r := range tok {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		}
	}
	switch {
	case upper >= 2 && lower == 0:
		return true // GDP, IOT, WTO
	case digit > 0 && upper+lower > 0:
		return true // MP3, 3D, COVID-19
	case strings.ContainsAny(tok, "._#+") && upper+lower > 2:
		return true // Node.js, C++, snake_case
	case !strings.Contains(tok, "-") && lowerThenUpper(tok):
		return true // camelCase, but not "non-Unicode"
	}
	return false
}

func lowerThenUpper(tok string) bool {
	prev := ' '
	for _, r := range tok {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return true
		}
		prev = r
	}
	return false
}

// mnemonic reports whether tok is a menu label with a keyboard accelerator
// ("I_nsert", "&File") and the target has an accelerator of its own, as
// GTK and Qt translations write it: 插入(_N). The translator may pick
// another key.
func mnemonic(tok, tgt string) bool {
	for _, mark := range []string{"_", "&"} {
		i := strings.Index(tok, mark)
		if i < 0 || strings.Count(tok, mark) != 1 || i+1 >= len(tok) {
			continue
		}
		for j := strings.Index(tgt, mark); j >= 0 && j+1 < len(tgt); {
			if c := tgt[j+1]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
				return true
			}
			k := strings.Index(tgt[j+1:], mark)
			if k < 0 {
				break
			}
			j += 1 + k
		}
	}
	return false
}

// nameIn reports whether the target holds the name as a whole word,
// ignoring case (IOT may be written IoT), or a link with its locale
// changed (d.en → d.cn).
func nameIn(tok, tgt string) bool {
	if linkLike(tok) && sameLink(tok, tgt) {
		return true
	}
	if key := localeSegment.ReplaceAllString(tok, ""); key != tok && containsWord(localeSegment.ReplaceAllString(tgt, ""), key) {
		return true // d.en → d.cn
	}
	// The word itself, or the plural or possessive of an acronym: "ICTs",
	// "GDP's".
	return containsWord(tgt, tok) || containsWord(tgt, tok+"s") || containsWord(tgt, tok+"'s")
}

var digitWords = map[rune][]string{'1': {"one", "single", "first", "uni", "mono"}, '2': {"two", "double", "second", "bi", "dual"},
	'3': {"three", "third", "tri"}, '4': {"four", "fourth", "quad"}, '5': {"five", "fifth"}, '6': {"six", "sixth"},
	'7': {"seven", "seventh"}, '8': {"eight", "eighth"}, '9': {"nine", "ninth"}}

// knownTranslation accepts a name or acronym rendered by its expansion
// (initials), a dictionary entry whose glosses the target holds, or a
// glossary term.
func knownTranslation(tok, tgt, tgtLang string, lex *lexicon.Lexicon, g *Glossary) bool {
	if g != nil && g.Covers(tok, tgt) {
		return true
	}
	if expands(tok, tgt) {
		return true
	}
	if lex == nil {
		return false
	}
	if isCJK(tgtLang) {
		// GDP in English, 国内生产总值 in Chinese: a target word whose
		// glosses hold the token.
		want := strings.ToLower(tok)
		letters := []rune(want)
		for _, t := range lex.Segment(tgt) {
			tr := lex.Translations(t.Text)
			for _, s := range tr {
				if s == want {
					return true
				}
			}
			// 国内生产总值 glosses as "gross domestic product": its
			// initials spell GDP.
			if len(letters) >= 2 && matchInitials(letters, tr) {
				return true
			}
		}
	}
	return false
}

// expands reports whether some run of target words has initials that
// spell the token, digits standing for number words: "3D" is
// "three-dimensional", "IOT" is "Internet of Things".
func expands(tok, tgt string) bool {
	letters := []rune(strings.ToLower(tok))
	if len(letters) < 2 || len(letters) > 8 {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(tgt), func(r rune) bool { return !unicode.IsLetter(r) })
	for start := range words {
		if matchInitials(letters, words[start:]) {
			return true
		}
	}
	return false
}

var skippable = map[string]bool{"of": true, "and": true, "the": true, "for": true, "in": true, "on": true, "to": true, "a": true}

func matchInitials(letters []rune, words []string) bool {
	if len(letters) == 0 {
		return true
	}
	if len(words) == 0 {
		return false
	}
	w := words[0]
	l := letters[0]
	if ws, ok := digitWords[l]; ok {
		for _, d := range ws {
			if strings.HasPrefix(w, d) && matchInitials(letters[1:], words[1:]) {
				return true
			}
		}
		return false
	}
	if []rune(w)[0] == l && matchInitials(letters[1:], words[1:]) {
		return true
	}
	// Function words may stand between the initials of an expansion.
	return len(letters) < len(words) && skippable[w] && matchInitials(letters, words[1:]) && letters[0] != []rune(w)[0]
}
