package metrics

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Untranslated reports target text that is still in the source language
// or identical to its source. When most of a translation file is in the
// source language, one finding says the file was not translated.
var Untranslated = &Metric{
	Name:       "untranslated",
	Doc:        "target text must be in the target language and differ from its source",
	Severity:   Error,
	Confidence: 0.8, // judged 9 of 11
	Run:        untranslated,
}

// untranslatedFileShare is the share of a translation's segments in the
// source language above which the whole file counts as untranslated.
const untranslatedFileShare = 0.8

func untranslated(p *Pass) {
	doc := p.Doc
	if !doc.Directed || doc.Source == doc.Target {
		return
	}
	var targets, inSource []*document.Segment
	for _, s := range doc.Segments() {
		if s.Role != document.RoleTarget || s.Skip != "" || s.Lang == "" {
			continue
		}
		targets = append(targets, s)
		if s.Lang == doc.Source {
			inSource = append(inSource, s)
		}
	}
	reported := map[int]bool{}
	if !doc.Paired && len(targets) >= 3 && float64(len(inSource)) >= untranslatedFileShare*float64(len(targets)) {
		side := SideOf(inSource[0])
		p.Report(Finding{Severity: p.Metric.Severity, Target: side, Confidence: 0.95,
			Message: fmt.Sprintf("translation is in %s, not %s: %d of %d segments untranslated",
				LanguageName(doc.Source), LanguageName(doc.Target), len(inSource), len(targets))})
		return
	}
	for _, s := range inSource {
		src := sourceOf(doc, s.ID)
		if !wordy(s.Prose()) || src != nil && SameWords(src.Text, s.Text) {
			continue // short names and copies are left to the identical-text warning below
		}
		// A Chinese sentence that names English products, APIs or links
		// is Chinese: text with letters of a wide target script is
		// translated, whatever the detector made of its English words.
		if isCJK(doc.Target) && !isCJK(doc.Source) && hasWideLetter(s.Prose()) {
			continue
		}
		// A name, a link label or a type cut from a translated block (a
		// table row whose description is Chinese, a sentence that starts
		// with a product name) is not untranslated text; nor is prose that
		// reads as a name or as code.
		if unitHasLang(doc, s, doc.Target) || nameLike(s.Prose()) || codeish(s.Prose()) {
			continue
		}
		// A citation keeps its title: the label of a link to an English
		// page ("Hacker News: [Show HN: Antd – …](https://…)") is the
		// page's own title. What is left outside link labels must be
		// English prose.
		if rest := linkLabelRE.ReplaceAllString(s.Text, ""); !wordy(rest) || nameLike(rest) {
			continue
		}
		reported[s.ID] = true
		p.Report(Finding{Severity: p.Metric.Severity, Target: SideOf(s), Source: src,
			Message: fmt.Sprintf("target is in %s, the source language", LanguageName(doc.Source))})
	}
	// Identical pairs in a row make a passage kept verbatim on purpose (a
	// list of commit titles quoted in a changelog, a table of option
	// names): each of those is info, a lone identical sentence a warning.
	var run []Finding
	flush := func() {
		for _, f := range run {
			if len(run) >= identicalRun && !doc.Paired {
				f.Severity, f.Confidence = Info, 0.1
			}
			p.Report(f)
		}
		run = nil
	}
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 || reported[b.Target[0]] {
			continue
		}
		src, tgt := joinText(segmentsOf(doc, b.Source)), joinText(segmentsOf(doc, b.Target))
		if !SameWords(src, tgt) {
			flush()
			continue
		}
		first := doc.Segment(b.Source[0])
		// A source already in the target language (English entries of a
		// Chinese changelog) has nothing to translate; names, titles and
		// links (prose that reads as a name) rightly stay as they are.
		prose := segmentsProse(segmentsOf(doc, b.Source))
		if first.Lang != "" && first.Lang != doc.Source || !wordy(prose) {
			continue
		}
		f := Finding{Severity: Warning, Confidence: 0.6, Source: SideOf(first), Target: SideOf(doc.Segment(b.Target[0])),
			Message: "target is identical to the source"}
		if doc.Paired {
			// A translation unit (PO, XLIFF, TMX, TSV, a line of a
			// line-aligned corpus) whose target copies its source is an
			// untranslated unit: menu labels in Title Case included.
			f.Severity, f.Confidence = Error, 0.9
		} else if nameLike(prose) {
			continue
		} else {
			// In documentation, text kept identical is most often kept
			// on purpose (option headings, quoted titles, API lines):
			// judged 1 of 13 on the docs trees.
			f.Severity, f.Confidence = Info, 0.15
		}
		run = append(run, f)
	}
	flush()
}

// linkLabelRE finds a Markdown link's label with its destination, masked
// or not: [label](…).
var linkLabelRE = regexp.MustCompile(`!?\[[^\]]*\]\([^)]*\)`)

// identicalRun is the number of identical pairs in a row that make a
// passage kept verbatim.
const identicalRun = 4

// sourceOf returns the source side of the bead that holds a target segment.
func sourceOf(doc *document.Document, target int) *Side {
	for _, b := range doc.Beads {
		for _, id := range b.Target {
			if id == target && len(b.Source) > 0 {
				side := SideOf(doc.Segment(b.Source[0]))
				side.Text = joinText(segmentsOf(doc, b.Source))
				return side
			}
		}
	}
	return nil
}

// SameWords reports whether a and b hold the same words, in the same
// order, case and white space aside: whether they are equal lowered with
// their white space runs made single spaces and trimmed, compared without
// building either.
func SameWords(a, b string) bool {
	a, b = strings.TrimFunc(a, unicode.IsSpace), strings.TrimFunc(b, unicode.IsSpace)
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		if unicode.IsSpace(ra) || unicode.IsSpace(rb) {
			if !unicode.IsSpace(ra) || !unicode.IsSpace(rb) {
				return false
			}
			a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
			continue
		}
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
	}
	return a == "" && b == ""
}

// wordy reports whether text has at least three words of letters: a copied
// product name, command or code ("OK", "adb forward", "%s") is not an
// untranslated sentence.
func wordy(s string) bool {
	wide, words := proseCounts(s)
	return words+wide/2 >= 3 // two Chinese characters make about a word
}

// unitHasLang reports whether another segment of s's unit is in lang.
func unitHasLang(doc *document.Document, s *document.Segment, lang string) bool {
	if s.Unit < 0 || s.Unit >= len(doc.Units) {
		return false
	}
	for _, o := range doc.Units[s.Unit].Segments {
		if o != s && o.Skip == "" && o.Lang == lang {
			return true
		}
	}
	return false
}

// codeish reports whether prose reads as code rather than a sentence:
// brackets, operators or separators of a signature or a type
// ("(direction, event): void", "boolean | function(...)").
func codeish(prose string) bool {
	return strings.Count(prose, "(")+strings.Count(prose, "[")+strings.Count(prose, "{")+
		strings.Count(prose, "=")+strings.Count(prose, "|")+strings.Count(prose, "<")+strings.Count(prose, ";") >= 2
}
