package metrics

import (
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Omission reports text with no counterpart in the other language. When
// the direction is given, source text with no target is an omission and
// target text with no source an addition; when it is inferred, all such
// text is an omission, named by its language.
var Omission = &Metric{
	Name:       "omission",
	Doc:        "every paragraph or sentence must have a counterpart in the other language",
	Severity:   Error,
	Confidence: 0.65, // each finding is graded by its evidence (evidence.go); this is a lone block's
	Run:        omission,
}

func omission(p *Pass) {
	doc := p.Doc
	if doc.Missing != document.RoleNone {
		return // the whole file is missing: missing_file reports it once
	}
	files := hasFiles(doc)
	asFiles := files || sectioned(doc)
	var where map[int]place
	if files {
		where = placeOfUnpaired(doc)
	}
	// A heading with no counterpart and every block under it is one
	// missing section, not a finding per sentence.
	inSection := missingSections(p, where)
	inRun := unpairedRuns(p)
	loose := sharePaired(p) < looseSharePaired
	for ui, u := range doc.Units {
		if inSection[ui] {
			continue
		}
		// A unit whose other sentences are paired lost only part of its
		// text: a partial omission, as the aligner found it.
		partial := false
		for _, s := range u.Segments {
			partial = partial || p.Paired(s)
		}
		// One finding per unit and language: a paragraph of three
		// untranslated sentences is one omission, not three.
		var group []*document.Segment
		flush := func() {
			if len(group) == 0 {
				return
			}
			lang := group[0].Lang
			f := Finding{Severity: p.Metric.Severity}
			side := SideOf(group[0])
			side.Text = joinText(group)
			what := "sentence"
			if len(group) == len(u.Segments) {
				what = u.Kind
			} else if len(group) > 1 {
				what = fmt.Sprintf("%d sentences", len(group))
			}
			other := otherLanguage(doc, lang)
			f.Message = fmt.Sprintf("%s %s has no %s counterpart", LanguageName(lang), what, LanguageName(other))
			prose := segmentsProse(group)
			switch {
			case doc.Paired && u.ID != "" && lang != doc.Target:
				// A translation unit of a TMX, XLIFF, PO or TSV file whose
				// target is empty or missing.
				f.Message = fmt.Sprintf("unit %s has no %s translation (empty or missing target)", shortID(u.ID), LanguageName(other))
				grade(&f, confMissingUnit)
			case partial && !files:
				f.Check = "partial_omission"
				f.Message = fmt.Sprintf("%s %s has no %s counterpart in the paired paragraph", LanguageName(lang), what, LanguageName(other))
				grade(&f, confBilingualSentence)
			case doc.Directed && lang == doc.Target:
				f.Check = "addition"
				f.Message = fmt.Sprintf("%s %s has no %s source", LanguageName(lang), what, LanguageName(other))
			}
			// In one-file bilingual text the convention is that every
			// paragraph holds both languages: only short text and names in
			// lists, tables and headings are doubtful there.
			// A one-file document with a section per language (## zh-CN …
			// ## en-US) pairs its sections as two files pair.
			listLike := u.Kind == "list" || u.Kind == "table" || u.Kind == "heading"
			if f.Confidence == 0 {
				evidence := judgeAnchors(side.Text, func() string { return p.otherText(group[0]) }, !isCJK(lang))
				switch {
				case short(prose) || nameLike(prose) && (asFiles || listLike) || u.Kind == "paragraph" && leadIn(prose):
					grade(&f, confFragment)
				case !asFiles && !doc.Paired && loose:
					grade(&f, confLoose)
				case asFiles && evidence == anchorsFound || p.misalignedNear(group, lang, u.Kind == "paragraph"),
					!files && judgeAnchors(side.Text, func() string { return p.unpairedOtherText(group[0]) }, !isCJK(lang)) == anchorsFound:
					grade(&f, confMoved)
				case inRun[ui] || evidence == anchorsAbsent:
					grade(&f, confAbsent)
				case partial:
					grade(&f, confSentence)
				case asFiles:
					grade(&f, confBlock)
				default:
					grade(&f, confBilingual)
				}
			}
			reportUnpaired(p, f, side, lang, where, group[0].ID)
			group = nil
		}
		for _, s := range u.Segments {
			if s.Skip != "" || p.Paired(s) || !inPlay(doc, s.Lang) && s.Role == document.RoleNone {
				flush()
				continue
			}
			if len(group) > 0 && (group[0].Lang != s.Lang || group[0].Role != s.Role) {
				flush()
			}
			group = append(group, s)
		}
		flush()
	}
}

// reportUnpaired reports text with no counterpart, saying where in the
// other file it belongs when the document is a pair of files. The side
// follows the language, so a reader finds English text under the target
// when the document goes zh→en.
func reportUnpaired(p *Pass, f Finding, side *Side, lang string, where map[int]place, first int) {
	if w, ok := where[first]; ok {
		f.Message += " (" + w.text + ")"
		f.After = w.after
	}
	if lang == p.Doc.Target {
		f.Target = side
	} else {
		f.Source = side
	}
	p.Report(f)
}

// hasFiles reports whether the document pairs a source file with a target
// file, so that its segments carry roles.
func hasFiles(doc *document.Document) bool {
	return len(doc.Paths) == 2
}

// place is where a segment left out of the alignment of two files
// belongs in the other file: in words, and for a source segment as the
// position in the translation (Finding.After).
type place struct {
	text  string
	after *Side
}

// placeOfUnpaired says, for each segment left out of the alignment of two
// files, after which aligned line of the other file it belongs, so a
// reader can find the place.
func placeOfUnpaired(doc *document.Document) map[int]place {
	out := map[int]place{}
	var prev *document.Bead
	for i, b := range doc.Beads {
		if len(b.Source) > 0 && len(b.Target) > 0 {
			prev = &doc.Beads[i]
			continue
		}
		p := place{text: "belongs at the start of the other file"}
		if prev != nil {
			other := prev.Target
			if len(b.Source) == 0 {
				other = prev.Source
			}
			seg := doc.Segment(other[len(other)-1])
			p.text = "belongs after " + seg.Pos.String()
			if len(b.Source) > 0 {
				p.after = SideOf(seg)
			}
		} else if len(b.Source) > 0 {
			p.after = &Side{Path: doc.Paths[1], Lang: doc.Target}
		}
		for _, id := range append(append([]int{}, b.Source...), b.Target...) {
			out[id] = p
		}
	}
	return out
}

// inPlay reports whether lang is one of the document's two languages (the
// language metric reports the others).
func inPlay(doc *document.Document, lang string) bool {
	return lang != "" && (lang == doc.Source || lang == doc.Target)
}

func otherLanguage(doc *document.Document, lang string) string {
	if lang == doc.Source {
		return doc.Target
	}
	return doc.Source
}

// shortID shortens a unit identifier for messages; PO identifiers hold the
// whole msgid.
func shortID(id string) string {
	id = strings.ReplaceAll(id, "\x04", " | ")
	if r := []rune(id); len(r) > 40 {
		return "“" + string(r[:39]) + "…”"
	}
	return "“" + id + "”"
}

// missingSections reports each section whose heading and every prose
// segment below it (up to the next heading of the same or a higher level)
// have no counterpart: as one missing_section finding for source text, or
// one addition for target text when the direction is known. It returns
// the units it covered, which the per-unit findings then skip.
func missingSections(p *Pass, where map[int]place) map[int]bool {
	doc := p.Doc
	covered := map[int]bool{}
	// unpaired returns the language and role of a unit whose prose is all
	// unpaired, and whether it has prose at all.
	unpaired := func(u *document.Unit) (lang string, role document.Role, prose, ok bool) {
		for _, s := range u.Segments {
			if s.Skip != "" {
				continue
			}
			if p.Paired(s) || !inPlay(doc, s.Lang) && s.Role == document.RoleNone {
				return "", 0, true, false
			}
			if prose && (s.Lang != lang || s.Role != role) {
				return "", 0, true, false
			}
			lang, role, prose = s.Lang, s.Role, true
		}
		return lang, role, prose, true
	}
	for i := 0; i < len(doc.Units); i++ {
		h := doc.Units[i]
		if h.Kind != "heading" {
			continue
		}
		lang, role, prose, ok := unpaired(h)
		if !prose || !ok {
			continue
		}
		end, blocks, whole := i+1, 0, true
		for ; end < len(doc.Units); end++ {
			u := doc.Units[end]
			if u.Kind == "heading" && u.Level <= h.Level {
				break
			}
			// A section ends where the file (of a pair) does.
			if role != document.RoleNone && firstRole(u) != document.RoleNone && firstRole(u) != role {
				break
			}
			l, r, uprose, uok := unpaired(u)
			if !uprose {
				continue // code, comments: they go with the section
			}
			if !uok || l != lang || r != role {
				whole = false
				break
			}
			blocks++
		}
		if !whole || blocks == 0 {
			continue
		}
		last := doc.Units[end-1]
		lastLine := last.Pos.Line
		if n := len(last.Segments); n > 0 {
			seg := last.Segments[n-1]
			lastLine = seg.Pos.Line + strings.Count(seg.Text, "\n")
		}
		var head *document.Segment
		for _, s := range h.Segments {
			if s.Skip == "" {
				head = s
				break
			}
		}
		side := SideOf(head)
		side.Text = unitText(h)
		other := otherLanguage(doc, lang)
		f := Finding{Check: "missing_section"}
		what := fmt.Sprintf("%s section %q (lines %d–%d, %d %s)", LanguageName(lang), shorten(side.Text, 60), head.Pos.Line, lastLine,
			blocks, plural(blocks, "block", "blocks"))
		f.Message = fmt.Sprintf("%s has no %s counterpart", what, LanguageName(other))
		if doc.Directed && lang == doc.Target {
			f.Check = "addition"
			f.Message = fmt.Sprintf("%s has no %s source", what, LanguageName(other))
		}
		grade(&f, confMissingUnit)
		reportUnpaired(p, f, side, lang, where, head.ID)
		for k := i; k < end; k++ {
			covered[k] = true
		}
		i = end - 1
	}
	return covered
}

// firstRole is the role of a unit's first segment.
func firstRole(u *document.Unit) document.Role {
	if len(u.Segments) == 0 {
		return document.RoleNone
	}
	return u.Segments[0].Role
}

// unitText is the prose of a unit's segments, joined.
func unitText(u *document.Unit) string {
	var parts []string
	for _, s := range u.Segments {
		if s.Skip == "" {
			parts = append(parts, strings.TrimSpace(s.Prose()))
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// shorten cuts s to n characters, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
