package reports

import (
	"bufio"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type sarifPrinter struct {
	w    io.Writer
	opts Options
}

// NewSARIF returns the printer of SARIF 2.1.0, the format code-scanning
// services (GitHub, GitLab, Azure DevOps) read: one run whose rules are the
// checks and whose results are the findings, with stable fingerprints so
// that a finding keeps its identity when lines move. It streams the
// results one document at a time, as the report gives them, so a large run
// is never held whole as one JSON value. The driver's version is
// opts.Version, left out when empty.
func NewSARIF(w io.Writer, opts Options) Printer { return sarifPrinter{w: w, opts: opts} }

// SARIFSchema and SARIFVersion identify the SARIF version written.
const (
	SARIFSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	SARIFVersion = "2.1.0"
)

// informationURI is where the tool and its checks are described.
const informationURI = "https://github.com/transcheck/transcheck"

// derivedChecks are the check names findings use that are not metric
// names: variants a metric reports under a name of its own. Their level is
// the one they are usually reported at.
var derivedChecks = []struct {
	name, doc string
	severity  metrics.Severity
}{
	{"addition", "target text must have a counterpart in the source: text in the target language with no source was added", metrics.Error},
	{"partial_omission", "every sentence of a paired paragraph must be rendered in its translation", metrics.Warning},
	{"missing_translation", "every source file must have its translation file", metrics.Error},
	{"orphan_translation", "every translation file must have its source file", metrics.Warning},
}

// checkHelp says what to do about a check's findings; checks not listed
// fall back to their description.
var checkHelp = map[string]string{
	"omission":            "Translate the paragraph or sentence that has no counterpart, or remove it if it does not belong in the document.",
	"addition":            "Text in the target language has no source: remove it, or add the source text it translates.",
	"partial_omission":    "Part of the paragraph was left untranslated: compare the two sides and translate the missing sentence or words.",
	"missing_translation": "Add the translation file, or exclude the source file from the check.",
	"orphan_translation":  "Add the source file of this translation, or remove the translation if its source was deleted.",
	"numbers":             "Make the numbers, dates and percentages of the target match the source by value.",
	"length_ratio":        "The target is much longer or shorter than its source compared with the rest of the document: check that nothing was left out or added.",
	"language":            "The segment is in neither the source nor the target language: translate it, or pass --languages if the language is expected.",
	"untranslated":        "The target repeats its source or is in the source language: translate it.",
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	BaselineState       string            `json:"baselineState,omitempty"` // "unchanged" for findings in the baseline file
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          sarifProperties   `json:"properties"`
}

// sarifProperties are the result's own fields beyond SARIF's.
type sarifProperties struct {
	Confidence float64 `json:"confidence"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine int        `json:"startLine"`
	Snippet   *sarifText `json:"snippet,omitempty"`
}

// Print writes, part by part, what encoding/json would write for
//
//	{$schema, version, runs: [{tool, invocations, results: [...]}]}
//
// indented by two spaces and without HTML escapes. A first pass over the
// documents gathers the rules and the input problems; a second writes each
// document's results as it reads them, one document at a time.
func (p sarifPrinter) Print(r *pipeline.Report) error {
	rules, index, problems, err := sarifScan(r)
	if err != nil {
		return err
	}
	notes := make([]sarifNotification, 0, len(problems))
	for _, prob := range problems {
		notes = append(notes, sarifNotification{Level: "error", Message: sarifText{prob}})
	}
	w := bufio.NewWriter(p.w)
	in := newIndenter()
	// The run is the only element of "runs": its fields are at depth 3,
	// its results at depth 4.
	const field, item = "      ", "        "
	w.WriteString("{\n  \"$schema\": ")
	if err := in.write(w, SARIFSchema, "  "); err != nil {
		return err
	}
	w.WriteString(",\n  \"version\": ")
	if err := in.write(w, SARIFVersion, "  "); err != nil {
		return err
	}
	w.WriteString(",\n  \"runs\": [\n    {\n" + field + "\"tool\": ")
	tool := sarifTool{sarifDriver{Name: "transcheck", Version: p.opts.Version, InformationURI: informationURI, Rules: rules}}
	if err := in.write(w, tool, field); err != nil {
		return err
	}
	w.WriteString(",\n" + field + "\"invocations\": ")
	invocations := []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: notes}}
	if err := in.write(w, invocations, field); err != nil {
		return err
	}
	w.WriteString(",\n" + field + "\"results\": [")
	n := 0
	err = r.EachDocument(func(d *pipeline.DocumentReport) error {
		for _, f := range d.Findings {
			if n > 0 {
				w.WriteString(",")
			}
			n++
			w.WriteString("\n" + item)
			if err := in.write(w, sarifResultOf(d.Name, f, index[f.Check]), item); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n > 0 {
		w.WriteString("\n" + field)
	}
	w.WriteString("]\n    }\n  ]\n}\n")
	return w.Flush()
}

// sarifScan reads the documents once for what comes before the results:
// the rules (see sarifRules) with the index of each check name, and the
// run's input problems, those of no document first.
func sarifScan(r *pipeline.Report) (rules []sarifRule, index map[string]int, problems []string, err error) {
	problems = append([]string(nil), r.Problems...)
	seen := map[string]metrics.Severity{}
	err = r.EachDocument(func(d *pipeline.DocumentReport) error {
		problems = append(problems, d.Problems...)
		for _, f := range d.Findings {
			seen[f.Check] = max(seen[f.Check], f.Severity)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	rules, index = sarifRules(seen)
	return rules, index, problems, nil
}

// sarifRules lists a rule for every metric, every derived check, and any
// other check name the findings use (checks maps each name used to its
// highest severity), in that order; index maps a check name to its
// rule's position.
func sarifRules(checks map[string]metrics.Severity) ([]sarifRule, map[string]int) {
	rules := []sarifRule{}
	index := map[string]int{}
	add := func(name, doc string, sev metrics.Severity) {
		if _, ok := index[name]; ok {
			return
		}
		help := checkHelp[name]
		if help == "" {
			help = doc
		}
		index[name] = len(rules)
		rules = append(rules, sarifRule{ID: name, Name: ruleName(name), ShortDescription: sarifText{doc},
			Help: sarifText{help}, DefaultConfiguration: sarifConfig{sarifLevel(sev)}})
	}
	for _, m := range metrics.All {
		add(m.Name, m.Doc, m.Severity)
	}
	for _, c := range derivedChecks {
		add(c.name, c.doc, c.severity)
	}
	var other []string
	for name := range checks {
		if _, ok := index[name]; !ok {
			other = append(other, name)
		}
	}
	sort.Strings(other)
	for _, name := range other {
		add(name, "findings of the check "+name, checks[name])
	}
	return rules, index
}

// sarifResultOf is a finding as a result. Its location is where the fix
// is made (metrics.Finding.FixAt: the translation, for a finding about a
// pair), so that code scanning shows it on the lines a pull request edits;
// the message names the source's position, and the other sides are
// related locations.
func sarifResultOf(doc string, f metrics.Finding, ruleIndex int) sarifResult {
	at := f.FixAt()
	msg := f.Message
	if f.Source != nil && f.Source != at {
		msg += "\n" + ciDetail(f, at, 200)
	}
	res := sarifResult{RuleID: f.Check, RuleIndex: ruleIndex, Level: sarifLevel(f.Severity),
		Message: sarifText{msg}, Locations: []sarifLocation{}}
	if f.Baselined {
		res.BaselineState = "unchanged"
	}
	if at != nil {
		res.Locations = append(res.Locations, sarifLocationOf(at, nil, ""))
		for _, s := range []struct {
			side *metrics.Side
			name string
		}{{f.Source, "source"}, {f.Target, "target"}} {
			if s.side != nil && s.side != at {
				id := len(res.RelatedLocations) + 1
				res.RelatedLocations = append(res.RelatedLocations, sarifLocationOf(s.side, &id, s.name))
			}
		}
	} else {
		res.Locations = append(res.Locations, sarifLocation{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{sarifURI(doc)}, Region: sarifRegion{StartLine: 1}}})
	}
	res.PartialFingerprints = map[string]string{"transcheck/v1": f.Fingerprint()}
	res.Properties.Confidence = f.Confidence
	return res
}

// sarifLocationOf is a side as a location; a related location (id set)
// says which side it is and in what language.
func sarifLocationOf(s *metrics.Side, id *int, name string) sarifLocation {
	loc := sarifLocation{ID: id, PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{sarifURI(s.Path)},
		Region:           sarifRegion{StartLine: max(s.Line, 1)},
	}}
	if s.Text != "" {
		loc.PhysicalLocation.Region.Snippet = &sarifText{s.Text}
	}
	if id != nil {
		loc.Message = &sarifText{name + " (" + s.Lang + ")"}
	}
	return loc
}

// sarifURI turns a path into a relative URI reference with forward
// slashes, as code-scanning services match it against the repository.
func sarifURI(path string) string {
	p := filepath.ToSlash(filepath.Clean(path))
	p = strings.TrimPrefix(p, "./")
	u := url.URL{Path: p}
	if filepath.IsAbs(path) {
		u.Scheme = "file"
	}
	return u.String()
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s metrics.Severity) string {
	switch {
	case s >= metrics.Error:
		return "error"
	case s == metrics.Warning:
		return "warning"
	}
	return "note"
}

// ruleName turns a check name into the PascalCase name SARIF viewers show.
func ruleName(check string) string {
	var b strings.Builder
	up := true
	for _, r := range check {
		if r == '_' || r == '-' {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
