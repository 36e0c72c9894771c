package reports

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type sarifPrinter struct{ w io.Writer }

// NewSARIF returns the printer of SARIF 2.1.0, the format code-scanning
// services (GitHub, GitLab, Azure DevOps) read: one run whose rules are the
// checks and whose results are the findings, with stable fingerprints so
// that a finding keeps its identity when lines move.
func NewSARIF(w io.Writer) Printer { return sarifPrinter{w} }

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

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
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

func (p sarifPrinter) Print(r *pipeline.Report) error {
	rules, index := sarifRules(r)
	run := sarifRun{
		Tool:        sarifTool{sarifDriver{Name: "transcheck", InformationURI: informationURI, Rules: rules}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: []sarifNotification{}}},
		Results:     []sarifResult{},
	}
	for _, prob := range allProblems(r) {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{prob}})
	}
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			run.Results = append(run.Results, sarifResultOf(d.Name, f, index[f.Check]))
		}
	}
	enc := json.NewEncoder(p.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: SARIFVersion, Runs: []sarifRun{run}})
}

// sarifRules lists a rule for every metric, every derived check, and any
// other check name the findings use, in that order; index maps a check
// name to its rule's position.
func sarifRules(r *pipeline.Report) ([]sarifRule, map[string]int) {
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
	seen := map[string]metrics.Severity{}
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if _, ok := index[f.Check]; !ok {
				if _, dup := seen[f.Check]; !dup {
					other = append(other, f.Check)
				}
				seen[f.Check] = max(seen[f.Check], f.Severity)
			}
		}
	}
	sort.Strings(other)
	for _, name := range other {
		add(name, "findings of the check "+name, seen[name])
	}
	return rules, index
}

func sarifResultOf(doc string, f metrics.Finding, ruleIndex int) sarifResult {
	res := sarifResult{RuleID: f.Check, RuleIndex: ruleIndex, Level: sarifLevel(f.Severity),
		Message: sarifText{f.Message}, Locations: []sarifLocation{}}
	if f.Baselined {
		res.BaselineState = "unchanged"
	}
	where := f.Where()
	if where != nil {
		res.Locations = append(res.Locations, sarifLocationOf(where, nil))
		// The other side, when there is one, is where the counterpart is.
		other := f.Source
		if where == f.Source {
			other = f.Target
		}
		if other != nil {
			id := 1
			res.RelatedLocations = []sarifLocation{sarifLocationOf(other, &id)}
		}
	} else {
		res.Locations = append(res.Locations, sarifLocation{PhysicalLocation: sarifPhysical{
			ArtifactLocation: sarifArtifact{sarifURI(doc)}, Region: sarifRegion{StartLine: 1}}})
	}
	res.PartialFingerprints = map[string]string{"transcheck/v1": f.Fingerprint()}
	return res
}

func sarifLocationOf(s *metrics.Side, id *int) sarifLocation {
	loc := sarifLocation{ID: id, PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{sarifURI(s.Path)},
		Region:           sarifRegion{StartLine: max(s.Line, 1)},
	}}
	if s.Text != "" {
		loc.PhysicalLocation.Region.Snippet = &sarifText{s.Text}
	}
	if id != nil {
		loc.Message = &sarifText{"counterpart (" + s.Lang + ")"}
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
