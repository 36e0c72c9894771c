package metrics

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// Severity ranks findings; the CI gate compares against it.
type Severity int

// Severities, in increasing order.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = []string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", int(s))
	}
	return severityNames[s]
}

// MarshalText encodes the severity by name, as JSON and YAML carry it.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText accepts a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(name string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(name, n) {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (use info, warning or error)", name)
}

// Severity bands: an error needs a confidence of ErrorConfidence or more,
// a warning WarningConfidence; below, a finding is info. A finding's
// confidence is the judged precision of its kind (testdata/precision), so
// an error is a defect about nine times in ten and a warning more often
// than not.
const (
	ErrorConfidence   = 0.8
	WarningConfidence = 0.6
)

// Cap lowers a severity to the band its confidence earns (never raises
// it: a fuzzy unit stays a warning however sure).
func Cap(sev Severity, confidence float64) Severity {
	switch {
	case confidence < WarningConfidence:
		return min(sev, Info)
	case confidence < ErrorConfidence:
		return min(sev, Warning)
	}
	return sev
}

// Side is one side of a finding: where the text stands and what it says.
type Side struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Lang string `json:"lang"`
	Text string `json:"text"`
	// Omitted holds the byte ranges of Text that the translation leaves
	// out (a partial omission found by word alignment), in order.
	Omitted [][2]int `json:"omitted,omitempty"`
}

// String returns the side's position as path:line, the form editors jump
// to; the path alone when the line is 0.
func (s *Side) String() string {
	if s.Line == 0 {
		return s.Path
	}
	return fmt.Sprintf("%s:%d", s.Path, s.Line)
}

// Finding is one problem that a metric found.
type Finding struct {
	Check    string   `json:"check"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Source   *Side    `json:"source,omitempty"`
	Target   *Side    `json:"target,omitempty"`
	// After is, for source text of a pair of files that has no
	// translation, the segment of the translation after which its
	// translation belongs (Line 0: at the start of the file): where the
	// translator adds it.
	After *Side `json:"after,omitempty"`
	// Confidence is how likely the finding is to be a real defect, from 0
	// to 1: the precision measured by reading findings of its kind on the
	// judged dev corpora (testdata/precision), lowered or raised by the
	// evidence of the case. --min-confidence hides findings below a
	// threshold.
	Confidence float64 `json:"confidence"`
	// Baselined marks a finding recorded in the baseline file: reported,
	// but not failing the gate.
	Baselined bool `json:"baselined,omitempty"`
	// Behind says, for a stale translation, how far behind its source
	// it is; nil for other findings.
	Behind *Behind `json:"behind,omitempty"`
}

// Behind is how far a translation is behind its source, as a stale
// finding reports it for tables (the Markdown report's "Behind the
// source").
type Behind struct {
	Commits int  `json:"commits"`            // source commits after the translation's base
	AtLeast bool `json:"at_least,omitempty"` // the history is shallow: Commits or more
	Days    int  `json:"days"`               // since the oldest of those commits
	// Since is the date of the translation's base (YYYY-MM-DD): its last
	// change, or the source commit its marker names.
	Since string `json:"since"`
	// Lines are the source lines changed in text ("40-52"), Sections the
	// lines of the translation where the matching blocks start.
	Lines    []string `json:"lines"`
	Sections []int    `json:"sections"`
}

// targetChecks are the checks whose finding is about the target text:
// reports point at the target side first.
var targetChecks = map[string]bool{"addition": true, "untranslated": true, "orphan_translation": true}

// Where returns the side a finding is about: the target for checks on
// the translation, else the source; whichever is present.
func (f Finding) Where() *Side {
	if f.Target != nil && (targetChecks[f.Check] || f.Source == nil) {
		return f.Target
	}
	return f.Source
}

// CompareFindings orders findings by where they stand in their document:
// by the path and line of the side they are about (Where), then by check
// name and message. A report read from the top of each file down lists
// them in this order, whatever order the checks ran in. Findings about no
// side come first.
func CompareFindings(a, b Finding) int {
	var ap, bp string
	var al, bl int
	if w := a.Where(); w != nil {
		ap, al = w.Path, w.Line
	}
	if w := b.Where(); w != nil {
		bp, bl = w.Path, w.Line
	}
	return cmp.Or(strings.Compare(ap, bp), cmp.Compare(al, bl),
		strings.Compare(a.Check, b.Check), strings.Compare(a.Message, b.Message))
}

// SortFindings puts findings in document order (see CompareFindings);
// findings that compare equal keep their order.
func SortFindings(fs []Finding) { slices.SortStableFunc(fs, CompareFindings) }

// FixAt returns the place a reader edits to fix a finding, where CI
// annotations point: the target side when there is one, since a
// translation is fixed in the translation and a pull request that edits
// only the translation shows annotations on its own lines; for source text
// with no translation, the place in the translation where it belongs
// (After); else the side the finding is about (Where). Nil when the
// finding has no side.
func (f Finding) FixAt() *Side {
	switch {
	case f.Target != nil:
		return f.Target
	case f.After != nil:
		return f.After
	}
	return f.Where()
}

// Fingerprint is a stable hash of what a finding is about, not where: the
// check, the file and the text with white space and case folded, never the
// line, so that edits elsewhere in the file keep it. Baselines and SARIF
// partial fingerprints both use it.
func (f Finding) Fingerprint() string {
	path, text := "", ""
	if w := f.Where(); w != nil {
		path = filepath.ToSlash(filepath.Clean(w.Path))
		text = strings.ToLower(strings.Join(strings.Fields(w.Text), " "))
	}
	sum := sha256.Sum256([]byte(f.Check + "\x00" + path + "\x00" + text))
	return hex.EncodeToString(sum[:])[:20]
}

// Metric is one check. Run inspects the document held by the Pass and
// reports findings through it.
type Metric struct {
	Name     string   // identifier used in reports, config and findings
	Doc      string   // one sentence: what the check finds
	Severity Severity // default severity of its findings
	// Confidence is the default confidence of its findings (see
	// Finding.Confidence); a finding may set its own.
	Confidence float64
	// OptIn marks a check that runs only when the configuration enables
	// it by name: its judged precision does not earn it a place among the
	// defaults.
	OptIn bool
	Run   func(*Pass)
}

// Config carries the settings metrics read. The zero value is not useful:
// use DefaultConfig.
type Config struct {
	// Severity overrides a metric's default severity, by metric name.
	Severity map[string]Severity
	// Disabled turns metrics off, by name.
	Disabled map[string]bool
	// Enabled turns opt-in metrics on, by name (see Metric.OptIn).
	Enabled map[string]bool
	// MinConfidence hides findings whose confidence is below it; the
	// report counts them.
	MinConfidence float64
	// LengthZ is the |z| beyond which a pair's length ratio is reported.
	LengthZ float64
	// CoverageFraction: a pair whose dictionary coverage is below this
	// share of the document's mean (and whose target is short) is a
	// partial omission.
	CoverageFraction float64
	// Lexicon returns the bilingual dictionary for a language pair, or nil
	// when there is none; checks that need one skip documents without.
	Lexicon func(source, target string) *lexicon.Lexicon
	// Glossary holds the user's terms; nil when none was given.
	Glossary *Glossary
	// StaleDays is the number of days a translation may be behind its
	// source before a stale finding is a warning; until then it is info.
	// 0 reports every stale translation at warning.
	StaleDays int
	// StaleFail makes stale findings errors, so that the gate fails on a
	// translation behind its source.
	StaleFail bool
	// NoMeasures leaves out the per-document figures (Pass.Measure) of
	// a caller that shows none: transcheck filter judges a pair at a
	// time and would build and drop a map of them per pair.
	NoMeasures bool
}

// Runs reports whether the configuration runs a metric: not disabled, and
// enabled by name when it is opt-in.
func (c *Config) Runs(m *Metric) bool {
	return !c.Disabled[m.Name] && (!m.OptIn || c.Enabled[m.Name])
}

// lexiconFor returns the configured dictionary for the document's pair.
func (p *Pass) lexiconFor() *lexicon.Lexicon {
	if p.Config.Lexicon == nil || p.Doc.Source == "" || p.Doc.Target == "" {
		return nil
	}
	return p.Config.Lexicon(p.Doc.Source, p.Doc.Target)
}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() *Config {
	return &Config{LengthZ: 3.5, CoverageFraction: 0.35}
}

// Pass gives a metric one document and collects what it reports.
type Pass struct {
	Doc      *document.Document
	Config   *Config
	Metric   *Metric
	findings []Finding
	paired   []bool
	measures map[string]Measure
	shared   *shared
	basis    Basis
}

// shared holds what several metrics derive from the same document, worked
// out once.
type shared struct {
	lengths []lengthPair
	norms   Norms
	other   map[string]string // otherText, by language or role
	beadOf  []int             // bead index by segment ID, for misalignedNear
}

// lengthPairs returns the character lengths of the document's pairs.
func (p *Pass) lengthPairs() []lengthPair {
	if p.shared.lengths == nil {
		p.shared.lengths = pairLengths(p.Doc)
		if p.shared.lengths == nil {
			p.shared.lengths = []lengthPair{}
		}
	}
	return p.shared.lengths
}

// Measure records a per-document figure (mean coverage, the estimated
// length ratio) that reports show beside the counts, as the mean value
// over weight items.
func (p *Pass) Measure(name string, value, weight float64) {
	if p.Config.NoMeasures {
		return
	}
	if p.measures == nil {
		p.measures = map[string]Measure{}
	}
	p.measures[name] = Measure{Sum: value * weight, Weight: weight}
}

// Report records a finding; Check and Severity are filled in from the
// metric when empty.
func (p *Pass) Report(f Finding) {
	if f.Check == "" {
		f.Check = p.Metric.Name
	}
	if p.Config.Disabled[f.Check] {
		return
	}
	for _, side := range []*Side{f.Source, f.Target, f.After} {
		if side != nil {
			// A copy: the text may be a slice of the whole file, which a
			// finding kept until the report is written must not hold.
			full := side.Text
			side.Text = strings.Clone(clip(full))
			if len(side.Text) != len(full) { // clipped: the ellipsis is no part of the text
				side.Omitted = clipSpans(side.Omitted, len(side.Text)-len("…"))
			}
		}
	}
	if f.Confidence == 0 {
		f.Confidence = p.Metric.Confidence
	}
	f.Severity = Cap(f.Severity, f.Confidence)
	if sev, ok := p.Config.Severity[f.Check]; ok {
		f.Severity = sev // the user's word is final
	}
	p.findings = append(p.findings, f)
}

// Paired reports whether the segment takes part in a bead with a
// counterpart on the other side.
func (p *Pass) Paired(s *document.Segment) bool { return p.paired[s.ID] }

// MaxSideText is the most characters of text a finding side carries: it
// shows the reader which text is meant (path and line say where the rest
// is) while a run over a large corpus keeps its findings small.
const MaxSideText = 400

func clip(s string) string {
	if len(s) <= MaxSideText {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxSideText-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// clipSpans keeps the parts of spans that fall in the first n bytes.
func clipSpans(spans [][2]int, n int) [][2]int {
	var out [][2]int
	for _, sp := range spans {
		if sp[0] < n && sp[1] > sp[0] {
			out = append(out, [2]int{sp[0], min(sp[1], n)})
		}
	}
	return out
}

// SideOf describes a segment as a finding side.
func SideOf(s *document.Segment) *Side {
	return &Side{Path: s.Pos.Path, Line: s.Pos.Line, Lang: s.Lang, Text: s.Text}
}

// PairedSegments marks, by segment ID, the segments that belong to a bead
// with both sides non-empty.
func PairedSegments(doc *document.Document) []bool {
	paired := make([]bool, len(doc.Segments()))
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 {
			continue
		}
		for _, id := range b.Source {
			paired[id] = true
		}
		for _, id := range b.Target {
			paired[id] = true
		}
	}
	return paired
}

// Run runs the enabled metrics over a paired document and returns their
// findings in metric order.
func Run(doc *document.Document, list []*Metric, cfg *Config) []Finding {
	f, _, _ := RunMeasures(doc, list, cfg, Basis{})
	return f
}

// RunMeasures is Run that judges the document against the norms of basis
// and also returns the figures the metrics measured (by name; nil when
// none) and the norms it judged against, those it estimated included.
func RunMeasures(doc *document.Document, list []*Metric, cfg *Config, basis Basis) ([]Finding, map[string]Measure, Norms) {
	paired := PairedSegments(doc)
	sh := &shared{norms: basis.Norms}
	var out []Finding
	var measures map[string]Measure
	p := new(Pass) // one for all the metrics: none keeps it
	for _, m := range list {
		if !cfg.Runs(m) {
			continue
		}
		*p = Pass{Doc: doc, Config: cfg, Metric: m, paired: paired, shared: sh, basis: basis, measures: p.measures}
		clear(p.measures)
		m.Run(p)
		out = append(out, p.findings...)
		for k, v := range p.measures {
			if measures == nil {
				measures = map[string]Measure{}
			}
			measures[k] = v
		}
	}
	return out, measures, sh.norms
}

// joinText joins the texts of segments for display.
func joinText(segs []*document.Segment) string {
	parts := make([]string, len(segs))
	for i, s := range segs {
		parts[i] = s.Text
	}
	return strings.Join(parts, " ")
}
