package metrics

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/transcheck/transcheck/pipeline/document"
)

// Stale reports a translation whose source changed, in git, after the
// translation was last updated (or after the source commit its marker
// names), and which of its sections the changed source lines map to.
var Stale = &Metric{
	Name:       "stale",
	Doc:        "a translation must keep up with its source: no source commit in git after the translation's last change (or the source commit its marker names)",
	Severity:   Warning,
	Confidence: confStale,
	Run:        stale,
}

// Confidences of stale findings. A source commit the translation lacks
// that changed text is a page to update unless a translator judged the
// change needs none and did not stamp it; dates compared across two
// repositories are a weaker sign than ancestry in one; a change of white
// space or link destinations alone rarely needs a new translation.
const (
	confStale       = 0.85
	confStaleByDate = 0.8
	confStaleNoDiff = 0.8
	confStaleMinor  = 0.3
)

// maxStaleRanges is how many changed ranges a message lists.
const maxStaleRanges = 6

func stale(p *Pass) {
	doc := p.Doc
	h := doc.History
	if h == nil || len(h.Behind) == 0 || len(doc.Paths) < 2 {
		return
	}
	if len(h.Changes) == 0 && h.DiffError == "" {
		// The source's text is as it was at the base: renamed only, or
		// changed and changed back.
		return
	}
	srcPath, tgtPath := doc.Paths[0], doc.Paths[1]
	var text []document.Change
	minor := map[document.ChangeKind]bool{}
	for _, c := range h.Changes {
		if c.Kind == document.ChangeText {
			text = append(text, c)
		} else {
			minor[c.Kind] = true
		}
	}
	m := newSectionMap(doc)
	behind := &Behind{Commits: len(h.Behind), AtLeast: h.AtLeast, Days: h.Days, Since: h.Base.Time.Format(time.DateOnly)}
	f := Finding{Severity: p.Metric.Severity, Confidence: confStale, Behind: behind}
	if h.ByDate {
		f.Confidence = confStaleByDate
	}
	shown := text
	if len(text) == 0 {
		shown = h.Changes
	}
	var ranges []string
	for _, c := range shown {
		r := fmt.Sprint(max(c.From, 1))
		if c.To > c.From {
			r = fmt.Sprintf("%d-%d", c.From, c.To)
		}
		ranges = append(ranges, r)
		if sec := m.target(c); sec > 0 && !slices.Contains(behind.Sections, sec) {
			behind.Sections = append(behind.Sections, sec)
		}
	}
	if len(text) > 0 {
		behind.Lines = ranges
	}
	f.Source = &Side{Path: srcPath, Lang: doc.Source}
	if len(shown) > 0 {
		f.Source.Line = max(shown[0].From, 1)
		if s := m.sourceAt(shown[0]); s != nil {
			f.Source.Text = s.Text
		}
	}
	f.Target = &Side{Path: tgtPath, Line: 1, Lang: doc.Target}
	if h.Marker > 0 {
		f.Target.Line = h.Marker
	}
	if len(behind.Sections) > 0 {
		f.Target.Line = behind.Sections[0]
		if s := m.targetAt(behind.Sections[0]); s != nil {
			f.Target.Text = s.Text
		}
	}

	where := srcPath
	if len(ranges) > 0 {
		list := ranges
		if len(list) > maxStaleRanges {
			list = append(list[:maxStaleRanges:maxStaleRanges], fmt.Sprintf("and %d more", len(ranges)-maxStaleRanges))
		}
		where += ":" + strings.Join(list, ", ")
	}
	n := fmt.Sprintf("%d %s", len(h.Behind), plural(len(h.Behind), "commit", "commits"))
	if h.AtLeast {
		n = "at least " + n
	}
	since := fmt.Sprintf("%s was last updated on %s", tgtPath, behind.Since)
	if h.Marker > 0 {
		since = fmt.Sprintf("commit %s of %s, the source %s:%d names as its base", h.Base.Short(), behind.Since, tgtPath, h.Marker)
	}
	days := fmt.Sprintf("%d %s behind", h.Days, plural(h.Days, "day", "days"))
	msg := fmt.Sprintf("%s changed in %s since %s (%s)", where, n, since, days)
	if h.ByDate {
		msg += " (dates compared across two repositories)"
	}
	switch {
	case h.DiffError != "":
		f.Confidence = min(f.Confidence, confStaleNoDiff)
		msg += fmt.Sprintf("; which lines is not known (%s)", h.DiffError)
	case len(text) == 0:
		f.Severity, f.Confidence = Info, confStaleMinor
		msg += fmt.Sprintf(", in %s only: the translation probably needs no change (transcheck stamp %s records it as current)", minorKinds(minor), tgtPath)
	case len(behind.Sections) == 1:
		msg += fmt.Sprintf("; the matching section starts at %s:%d", tgtPath, behind.Sections[0])
	case len(behind.Sections) > 1:
		secs := make([]string, len(behind.Sections))
		for i, l := range behind.Sections {
			secs[i] = fmt.Sprint(l)
		}
		msg += fmt.Sprintf("; the matching sections start at %s:%s", tgtPath, strings.Join(secs, ", "))
	default:
		msg += fmt.Sprintf("; no block of %s is aligned with them", tgtPath)
	}
	if len(text) > 0 && len(minor) > 0 {
		msg += fmt.Sprintf(" (other changes: %s only)", minorKinds(minor))
	}
	if h.AtLeast {
		msg += "; history is shallow: the translation's last change is before the oldest commit here"
	}
	if f.Severity > Info {
		switch {
		case p.Config.StaleDays > 0 && h.Days <= p.Config.StaleDays:
			f.Severity = Info
			msg += fmt.Sprintf("; within the %d %s allowed", p.Config.StaleDays, plural(p.Config.StaleDays, "day", "days"))
		case p.Config.StaleFail:
			f.Severity = Error
		}
	}
	f.Message = msg
	p.Report(f)
}

// minorKinds names the kinds of change that need no translation.
func minorKinds(kinds map[document.ChangeKind]bool) string {
	switch {
	case kinds[document.ChangeSpace] && kinds[document.ChangeLink]:
		return "white space and link destinations"
	case kinds[document.ChangeLink]:
		return "link destinations"
	}
	return "white space"
}

// sectionMap maps source lines to the translation's blocks through the
// document's beads.
type sectionMap struct {
	src, tgt []*document.Segment // by line, each side in document order
	// to gives, by source segment ID, the first target segment it is
	// paired with; nil when it has none.
	to map[int]*document.Segment
}

func newSectionMap(doc *document.Document) *sectionMap {
	m := &sectionMap{to: map[int]*document.Segment{}}
	for _, s := range doc.Segments() {
		switch s.Role {
		case document.RoleSource:
			m.src = append(m.src, s)
		case document.RoleTarget:
			m.tgt = append(m.tgt, s)
		}
	}
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		first := doc.Segment(b.Target[0])
		for _, id := range b.Target[1:] {
			if t := doc.Segment(id); t.Pos.Line < first.Pos.Line {
				first = t
			}
		}
		for _, id := range b.Source {
			if cur, ok := m.to[id]; !ok || first.Pos.Line < cur.Pos.Line {
				m.to[id] = first
			}
		}
	}
	return m
}

// span returns the change's span in the source: a removal stands between
// its line and the next.
func span(c document.Change) (int, int) {
	if c.Removed {
		return max(c.From, 1), c.From + 1
	}
	return c.From, c.To
}

// overlaps returns the source segments whose lines meet the change.
func (m *sectionMap) overlaps(c document.Change) []*document.Segment {
	from, to := span(c)
	var out []*document.Segment
	for _, s := range m.src {
		first := s.Pos.Line
		last := first + strings.Count(s.Text, "\n")
		if first <= to && last >= from {
			out = append(out, s)
		}
	}
	return out
}

// sourceAt returns the first source segment the change meets, nil when
// none.
func (m *sectionMap) sourceAt(c document.Change) *document.Segment {
	for _, s := range m.overlaps(c) {
		if s.Skip == "" {
			return s
		}
	}
	if segs := m.overlaps(c); len(segs) > 0 {
		return segs[0]
	}
	return nil
}

// target returns the line of the translation where the block aligned with
// the changed source lines starts: the first changed segment's
// counterpart; for lines with none (new text, code), the counterpart of
// the nearest paired segment before them, else after them. 0 when the
// document pairs nothing.
func (m *sectionMap) target(c document.Change) int {
	from, _ := span(c)
	for _, s := range m.overlaps(c) {
		if t := m.to[s.ID]; t != nil {
			return t.Pos.Line
		}
	}
	var after *document.Segment
	for i := len(m.src) - 1; i >= 0; i-- {
		s := m.src[i]
		t := m.to[s.ID]
		if t == nil {
			continue
		}
		if s.Pos.Line < from {
			return t.Pos.Line
		}
		after = t
	}
	if after != nil {
		return after.Pos.Line
	}
	return 0
}

// targetAt returns the target segment that starts at the line.
func (m *sectionMap) targetAt(line int) *document.Segment {
	for _, s := range m.tgt {
		if s.Pos.Line == line && s.Skip == "" {
			return s
		}
	}
	return nil
}
