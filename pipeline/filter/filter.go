package filter

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/read"
)

// Checks the filter adds to the metrics' own (see Known).
const (
	// Empty rejects a pair with a side that holds no text.
	Empty = "empty"
	// Duplicate rejects a pair whose source and target (white space and
	// case folded) an earlier pair of the run already had (Config.Dedup).
	Duplicate = "duplicate"
	// Unreadable is the reason given for a unit the reader could not
	// parse: counted apart from the rejected pairs.
	Unreadable = "unreadable"
)

// DefaultRejectOn are the checks that reject a pair by default: what makes
// a pair useless as machine-translation training data. A wrong language
// (language: a side in neither language of the pair, or a source in the
// target language), an untranslated or copied target (untranslated), an
// empty side (omission, which covers addition, and empty), numbers that
// differ, an extreme length ratio, and placeholders or tags that do not
// match (carryover).
var DefaultRejectOn = []string{"language", "untranslated", "omission", Empty, "numbers", "length_ratio", "carryover"}

// DefaultLengthZ is the Gale–Church z-score beyond which the filter calls
// a length ratio extreme: the check command's 3.5 flags a pair for a
// reader to look at, a filter drops it, so it takes more.
const DefaultLengthZ = 5

// MemoryLimit is the soft heap limit a filter run wants (set it with
// pipeline.SetMemoryLimit). lingua's models of the confusers hold about
// 180 MB of map entries that stay live for the whole run; under the check
// command's limit (pipeline.MemoryLimit) the collector would scan them
// after every 25 MB or so allocated, which took 40% of a run's CPU.
// Measured on 100,000 pairs (BenchmarkFilter/100k): 15.0 s of CPU at
// 224 MB, 9.9 s at 512 MB, with a peak RSS of 500 MB; the peak stays there
// at 1,000,000 pairs.
const MemoryLimit = 512 << 20

// Confusers are the languages the detector is built with besides those
// of the pair: the Latin-script languages that most often slip into
// web-crawled English (see detect.NewScreened for what it costs).
var Confusers = []string{"en", "zh", "fr", "de", "es", "it", "pt", "nl"}

// Config says which pairs to reject.
type Config struct {
	// Source and Target are the languages of every input; empty: each
	// file's own (a TSV header, a TMX srclang, the names of line-aligned
	// files), else inferred from its first chunk.
	Source, Target string
	// Languages the detector tells apart besides Source and Target;
	// nil means Confusers.
	Languages []string
	// RejectOn names the checks whose findings reject a pair: metric
	// names (which cover their sub-checks), sub-check names, Empty and
	// Duplicate; nil means DefaultRejectOn.
	RejectOn []string
	// MinConfidence: a finding below it does not reject.
	MinConfidence float64
	// Dedup rejects repeated pairs (Duplicate), as if RejectOn named it.
	Dedup bool
	// LengthZ is the |z| beyond which length_ratio rejects; 0 means
	// DefaultLengthZ.
	LengthZ float64
	// Jobs is how many pairs are judged at once; 0 means the number of
	// CPUs.
	Jobs int
	// Read are the reading options (encoding, segment limits).
	Read read.Options
	// ChunkUnits is how many units a chunk holds; 0 means
	// read.DefaultChunkUnits. The norms come from the first chunk, so a
	// run's verdicts depend on it (as a check run's do); tests lower it.
	ChunkUnits int
}

// Known reports whether name is a check the filter can reject on.
func Known(name string) bool {
	return name == Empty || name == Duplicate || metrics.MetricOf(name) != nil
}

// Names lists the checks the filter can reject on.
func Names() []string {
	var out []string
	for _, m := range metrics.All {
		out = append(out, m.Name)
	}
	return append(append(out, metrics.SubChecks...), Empty, Duplicate)
}

// Pipeline judges pairs: it holds the configuration, the one language
// detector every file shares, and a pipeline.Runner per language pair.
// Safe for concurrent use.
type Pipeline struct {
	cfg    Config
	reject map[string]bool
	list   []*metrics.Metric
	mc     *metrics.Config
	detect *detect.Detector

	mu      sync.Mutex
	runners map[[2]string]*pipeline.Runner
}

// New validates the configuration and prepares the checks.
func New(cfg Config) (*Pipeline, error) {
	if cfg.RejectOn == nil {
		cfg.RejectOn = DefaultRejectOn
	}
	if cfg.LengthZ == 0 {
		cfg.LengthZ = DefaultLengthZ
	}
	if cfg.ChunkUnits <= 0 {
		cfg.ChunkUnits = read.DefaultChunkUnits
	}
	if cfg.Languages == nil {
		cfg.Languages = Confusers
	}
	if cfg.MinConfidence < 0 || cfg.MinConfidence > 1 {
		return nil, fmt.Errorf("minimum confidence %v: use a number from 0 to 1", cfg.MinConfidence)
	}
	cfg.Source, cfg.Target = detect.Normalize(cfg.Source), detect.Normalize(cfg.Target)
	p := &Pipeline{cfg: cfg, reject: map[string]bool{}, runners: map[[2]string]*pipeline.Runner{}}
	p.mc = metrics.DefaultConfig()
	p.mc.LengthZ = cfg.LengthZ
	p.mc.NoMeasures = true // a verdict holds no per-document figures
	run := map[string]bool{}
	for _, name := range cfg.RejectOn {
		name = strings.TrimSpace(name)
		if !Known(name) {
			return nil, fmt.Errorf("unknown check %q (checks are %s)", name, strings.Join(Names(), ", "))
		}
		p.reject[name] = true
		if m := metrics.MetricOf(name); m != nil {
			run[m.Name] = true
			if m.OptIn {
				if p.mc.Enabled == nil {
					p.mc.Enabled = map[string]bool{}
				}
				p.mc.Enabled[m.Name] = true
			}
		}
	}
	if cfg.Dedup {
		p.reject[Duplicate] = true
	}
	// The length model is estimated by length_ratio: a run that rejects on
	// nothing else still needs no norms, so it runs only when named.
	for _, m := range metrics.All {
		if run[m.Name] {
			p.list = append(p.list, m)
		}
	}
	langs := append([]string{}, cfg.Languages...)
	if cfg.Source != "" {
		langs = append(langs, cfg.Source)
	}
	if cfg.Target != "" {
		langs = append(langs, cfg.Target)
	}
	d, err := detect.NewScreened(langs, cfg.Source, cfg.Target)
	if err != nil {
		return nil, err
	}
	// English without function words is told by its words, from the
	// glosses of CC-CEDICT, loaded on first need (ZhEn loads it once).
	d.SetEnglishWords(func(w string) bool {
		lex, err := lexicon.ZhEn()
		return err == nil && lex.IsGlossWord(w)
	})
	p.detect = d
	return p, nil
}

// Config returns the configuration, defaults filled in.
func (p *Pipeline) Config() Config { return p.cfg }

// Rejects reports whether the filter rejects on check (a metric's name
// covers its sub-checks).
func (p *Pipeline) Rejects(check string) bool {
	if p.reject[check] {
		return true
	}
	m := metrics.MetricOf(check)
	return m != nil && m.Name != check && p.reject[m.Name]
}

// runner returns the runner for a language pair ("" when not known).
func (p *Pipeline) runner(source, target string) *pipeline.Runner {
	p.mu.Lock()
	defer p.mu.Unlock()
	key := [2]string{source, target}
	if r, ok := p.runners[key]; ok {
		return r
	}
	// The detector expects the pair's languages (short Latin text is
	// taken to be in the pair's Latin-script one), sharing lingua's model.
	d := p.detect
	if source != "" && target != "" {
		d = d.WithExpected(source, target)
	}
	r, err := pipeline.NewRunner(pipeline.Config{Source: source, Target: target, Detector: d,
		Metrics: p.list, MetricConfig: p.mc, Read: p.cfg.Read, Jobs: 1})
	if err != nil {
		// NewRunner fails only on a detector it builds itself.
		panic(err)
	}
	p.runners[key] = r
	return r
}

// Norms is what every pair of a file is judged against: its languages and
// the norms of its first chunk.
type Norms struct {
	Source, Target string
	Metrics        metrics.Norms
}

// Norms fixes a file's languages and norms from its first chunk, a
// document of translation units as a reader gives it: the languages are
// the configuration's, else the chunk's, else those the pipeline infers
// from the chunk; the norms are those a check run estimates from the same
// units. The chunk's segments are changed (detected, indexed): judge its
// units after.
func (p *Pipeline) Norms(first *document.Document) Norms {
	src, tgt := p.cfg.Source, p.cfg.Target
	if src == "" {
		src = first.Source
	}
	if tgt == "" {
		tgt = first.Target
	}
	if src == "" || tgt == "" {
		// What the file does not say, the pipeline infers from its text.
		first.Source, first.Target = src, tgt
		p.runner("", "").ProcessWith(first, metrics.Basis{Units: p.cfg.ChunkUnits})
		src, tgt = first.Source, first.Target
	}
	first.Source, first.Target, first.Directed = src, tgt, src != "" && tgt != ""
	_, norms := p.runner(src, tgt).ProcessWith(first, metrics.Basis{Units: p.cfg.ChunkUnits})
	// Only the length model is shared between pairs: coverage and the
	// word model are not among the filter's checks, and a word model
	// trained on the chunk would hold its pairs.
	return Norms{Source: src, Target: tgt, Metrics: metrics.Norms{Length: norms.Length}}
}

// Reason is why a pair is rejected: a finding of one of the checks.
type Reason struct {
	Check      string  `json:"check"`
	Message    string  `json:"message"`
	Confidence float64 `json:"confidence"`
}

// Span is the bytes of one file that a unit stands on.
type Span struct {
	Path       string
	Start, End int
}

// Verdict is what the filter decided about one unit.
type Verdict struct {
	Path           string // the file (the source file of a line-aligned corpus)
	Line           int
	Source, Target string
	// Reasons are why the pair is rejected; none: kept.
	Reasons []Reason
	// Unreadable marks a unit the reader could not parse (its reason
	// says why); it is neither kept nor rejected.
	Unreadable bool
	// Spans are where the unit stands, one per file (two for a
	// line-aligned corpus), in file order.
	Spans []Span
	// key identifies the pair for Dedup.
	key string
}

// Kept reports whether the pair passes.
func (v *Verdict) Kept() bool { return !v.Unreadable && len(v.Reasons) == 0 }

// Judge decides one unit of a document of translation units (a chunk as
// a reader gives it, whose Problems tell why a unit of kind "row" could
// not be read) against the file's norms. The unit's segments are changed.
func (p *Pipeline) Judge(chunk *document.Document, u *document.Unit, n Norms) Verdict {
	v := Verdict{Path: u.Pos.Path, Line: u.Pos.Line, Spans: spans(chunk, u)}
	var src, tgt []string
	for _, s := range u.Segments {
		switch s.Role {
		case document.RoleSource:
			src = append(src, s.Text)
		case document.RoleTarget:
			tgt = append(tgt, s.Text)
		}
	}
	v.Source, v.Target = strings.Join(src, " "), strings.Join(tgt, " ")
	if u.Kind == "row" {
		v.Unreadable = true
		v.Reasons = []Reason{{Check: Unreadable, Message: problemAt(chunk, u), Confidence: 1}}
		return v
	}
	if p.reject[Duplicate] {
		v.key = dedupKey(v.Source, v.Target)
	}
	emptySrc, emptyTgt := strings.TrimSpace(v.Source) == "", strings.TrimSpace(v.Target) == ""
	if emptySrc || emptyTgt {
		// Nothing to check in the pair: the readers keep no empty
		// target, and the checks see an empty side as no pair at all.
		if p.reject[Empty] {
			msg := "the target is empty"
			switch {
			case emptySrc && emptyTgt:
				msg = "both sides are empty"
			case emptySrc:
				msg = "the source is empty"
			}
			v.Reasons = append(v.Reasons, Reason{Check: Empty, Message: msg, Confidence: 1})
		}
		return v
	}
	doc := &document.Document{Name: chunk.Name, Paths: chunk.Paths, Format: chunk.Format,
		Source: n.Source, Target: n.Target, Directed: n.Source != "" && n.Target != "", Paired: true,
		Units: []*document.Unit{u}}
	read.FinishPaired(doc)
	rep, _ := p.runner(n.Source, n.Target).ProcessWith(doc, metrics.Basis{Norms: n.Metrics})
	for _, f := range rep.Findings {
		if f.Check == "language" && f.Source != nil && len(strings.Fields(f.Source.Text)) < minLanguageWords {
			continue
		}
		if p.Rejects(f.Check) && f.Confidence >= p.cfg.MinConfidence {
			v.Reasons = append(v.Reasons, Reason{Check: f.Check, Message: f.Message, Confidence: f.Confidence})
		}
	}
	// untranslated leaves a copy of a short text (a name, "OK") to
	// documentation's judgement; in training data a copied pair teaches
	// copying, whatever its length.
	if p.reject["untranslated"] && !hasCheck(v.Reasons, "untranslated") && hasLetter(v.Source) &&
		metrics.SameWords(v.Source, v.Target) {
		v.Reasons = append(v.Reasons, Reason{Check: "untranslated", Message: "target is identical to the source", Confidence: metrics.Untranslated.Confidence})
	}
	// The language check reports a side in neither language; a source
	// written in the target language (a pair entered the wrong way round,
	// or English on both sides) is as useless for training.
	if p.reject["language"] && metrics.Language.Confidence >= p.cfg.MinConfidence && n.Source != n.Target {
		for _, s := range doc.Segments() {
			if s.Role == document.RoleSource && s.Skip == "" && s.Lang != "" && s.Lang == n.Target && wordy(s.Text) {
				v.Reasons = append(v.Reasons, Reason{Check: "language", Confidence: metrics.Language.Confidence,
					Message: fmt.Sprintf("source is in %s (confidence %.2f), the target language, not %s",
						metrics.LanguageName(s.Lang), s.Confidence, metrics.LanguageName(n.Source))})
				break
			}
		}
	}
	return v
}

func hasCheck(rs []Reason, check string) bool {
	for _, r := range rs {
		if r.Check == check {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// minLanguageWords is the fewest words of Latin-script text whose
// language rejects a pair: "OK." or "Hello," in a list of languages that
// share its letters is any of them.
const minLanguageWords = 3

// wordy reports whether text is long enough to be judged for its
// language: minLanguageWords words, or as many Chinese characters.
func wordy(text string) bool {
	if len(strings.Fields(text)) >= minLanguageWords {
		return true
	}
	return utf8.RuneCountInString(text) >= 2*minLanguageWords && !isASCII(text)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// spans returns where a unit stands: the unit's bytes in its file, or,
// for a line-aligned corpus, each side's line in its own file.
func spans(chunk *document.Document, u *document.Unit) []Span {
	if chunk.Format != "lines" {
		return []Span{{Path: u.Pos.Path, Start: u.Pos.Start, End: u.Pos.End}}
	}
	var out []Span
	for _, s := range u.Segments {
		if n := len(out); n > 0 && out[n-1].Path == s.Pos.Path {
			out[n-1].Start = min(out[n-1].Start, s.Pos.Start)
			out[n-1].End = max(out[n-1].End, s.Pos.End)
			continue
		}
		out = append(out, Span{Path: s.Pos.Path, Start: s.Pos.Start, End: s.Pos.End})
	}
	return out
}

// problemAt returns the message of the chunk's problem on the unit's
// line, which says why the reader could not read it.
func problemAt(chunk *document.Document, u *document.Unit) string {
	if pr := problemOf(chunk, u); pr != nil {
		return pr.Error()
	}
	return fmt.Sprintf("%s:%d: the reader could not read this unit", u.Pos.Path, u.Pos.Line)
}

// dedupKey is a pair with white space and case folded.
func dedupKey(source, target string) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(source) + "\x00" + norm(target)
}

// Summary counts what a run did.
type Summary struct {
	Read       int `json:"read"`
	Kept       int `json:"kept"`
	Rejected   int `json:"rejected"`
	Unreadable int `json:"unreadable"`
	// ByCheck counts the rejected pairs per check; a pair rejected by two
	// checks counts under each.
	ByCheck map[string]int `json:"by_check"`
	// Problems are the input problems met, as path:line: message.
	Problems []string `json:"problems"`
}

// Add counts a verdict.
func (s *Summary) Add(v *Verdict) {
	s.Read++
	switch {
	case v.Unreadable:
		s.Unreadable++
	case len(v.Reasons) == 0:
		s.Kept++
	default:
		s.Rejected++
		if s.ByCheck == nil {
			s.ByCheck = map[string]int{}
		}
		seen := map[string]bool{}
		for _, r := range v.Reasons {
			if !seen[r.Check] {
				seen[r.Check] = true
				s.ByCheck[r.Check]++
			}
		}
	}
}

// Merge adds another summary's counts.
func (s *Summary) Merge(o Summary) {
	s.Read += o.Read
	s.Kept += o.Kept
	s.Rejected += o.Rejected
	s.Unreadable += o.Unreadable
	for k, n := range o.ByCheck {
		if s.ByCheck == nil {
			s.ByCheck = map[string]int{}
		}
		s.ByCheck[k] += n
	}
	s.Problems = append(s.Problems, o.Problems...)
}

// Checks returns the checks of ByCheck, most rejections first.
func (s *Summary) Checks() []string {
	var out []string
	for k := range s.ByCheck {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if s.ByCheck[out[i]] != s.ByCheck[out[j]] {
			return s.ByCheck[out[i]] > s.ByCheck[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}
