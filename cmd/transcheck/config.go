package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/filter"
	"github.com/transcheck/transcheck/reports"
)

// configName is the file transcheck looks for in the current folder and
// its parents.
const configName = ".transcheck.yaml"

// fileConfig is the content of .transcheck.yaml. Every key is documented
// in the README and in the file that `transcheck init` writes.
type fileConfig struct {
	Languages struct {
		Source string   `yaml:"source"`
		Target string   `yaml:"target"`
		Detect []string `yaml:"detect"`
	} `yaml:"languages"`
	Paths   []string `yaml:"paths"`
	Exclude []string `yaml:"exclude"`
	Pairs   []struct {
		Source string `yaml:"source"`
		Target string `yaml:"target"`
	} `yaml:"pairs"`
	Encoding string                  `yaml:"encoding"`
	Glossary string                  `yaml:"glossary"`
	Lexicon  string                  `yaml:"lexicon"`
	Checks   map[string]*checkConfig `yaml:"checks"`
	Gate     struct {
		FailOn          string   `yaml:"fail_on"`
		MinCompleteness *float64 `yaml:"min_completeness"`
		MaxFindings     *int     `yaml:"max_findings"`
		FailOnStale     *bool    `yaml:"fail_on_stale"`
	} `yaml:"gate"`
	// SourceRepo is the git work tree holding the sources' history
	// (--source-repo).
	SourceRepo string `yaml:"source_repo"`
	Baseline   string `yaml:"baseline"`
	Outputs    []struct {
		Format string `yaml:"format"`
		Path   string `yaml:"path"`
	} `yaml:"outputs"`
	Jobs int `yaml:"jobs"`
	// MinConfidence hides findings below it (--min-confidence).
	MinConfidence *float64 `yaml:"min_confidence"`
	// Filter configures transcheck filter.
	Filter struct {
		RejectOn      []string `yaml:"reject_on"`
		MinConfidence *float64 `yaml:"min_confidence"`
		MaxZ          *float64 `yaml:"max_z"`
		Dedup         *bool    `yaml:"dedup"`
	} `yaml:"filter"`

	path  string
	lines map[string]int // key path → line, for messages about values
}

// checkConfig configures one check.
type checkConfig struct {
	Enabled     *bool    `yaml:"enabled"`
	Severity    string   `yaml:"severity"`
	MaxZ        *float64 `yaml:"max_z"`        // length_ratio
	MinCoverage *float64 `yaml:"min_coverage"` // coverage
	MaxDays     *int     `yaml:"max_days"`     // stale
	line        int
}

// thresholdKeys says which check each threshold belongs to.
var thresholdKeys = map[string]string{"max_z": "length_ratio", "min_coverage": "coverage", "max_days": "stale"}

// configNames are the names transcheck looks for, in the current folder
// and its parents; the first is the one `init` writes.
var configNames = []string{configName, ".transcheck.yml"}

// findConfig returns the path of .transcheck.yaml (or .yml) in dir or the
// nearest parent that has one, or "". Both in one folder is an error: which
// one is meant cannot be told.
// configFile returns the configuration a command runs with: the file at
// path, or the .transcheck.yaml findConfig finds from the working folder
// when path is empty; with found false when there is none (fc is then
// the empty configuration). An unreadable or invalid file is a usage
// error.
func configFile(path string) (fc *fileConfig, found bool, err error) {
	if path == "" {
		if wd, err := os.Getwd(); err == nil {
			if path, err = findConfig(wd); err != nil {
				return nil, false, usageErr("%v", err)
			}
		}
	}
	if path == "" {
		return &fileConfig{}, false, nil
	}
	if fc, err = loadConfig(path); err != nil {
		return nil, false, usageErr("%v", err)
	}
	return fc, true, nil
}

func findConfig(dir string) (string, error) {
	for {
		var found []string
		for _, name := range configNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("%s and %s both exist: keep one (or pass --config)", found[0], found[1])
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// loadConfig reads and validates a configuration file. Unknown keys and
// bad values are errors that name the file, the line and the key.
func loadConfig(path string) (*fileConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	cfg := &fileConfig{path: path, lines: map[string]int{}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s (see 'transcheck init' for every key)", path, yamlError(err))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err == nil {
		recordLines(&root, "", cfg.lines)
	}
	return cfg, cfg.validate()
}

// yamlError turns yaml.v3's "line N: field x not found in type main.y"
// into a message about the key.
func yamlError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n  ")
	if i := strings.Index(msg, " not found in type"); i >= 0 {
		msg = strings.Replace(msg[:i], "field ", "unknown key ", 1)
	}
	return strings.ReplaceAll(msg, "\n  ", "; ")
}

func recordLines(n *yaml.Node, prefix string, out map[string]int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			recordLines(c, prefix, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if prefix != "" {
				key = prefix + "." + key
			}
			out[key] = n.Content[i].Line
			recordLines(n.Content[i+1], key, out)
		}
	}
}

func (c *fileConfig) errorf(key, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s: %s", c.path, c.lines[key], key, fmt.Sprintf(format, args...))
}

func (c *fileConfig) validate() error {
	known := map[string]bool{}
	for _, m := range metrics.All {
		known[m.Name] = true
	}
	for _, sub := range metrics.SubChecks {
		known[sub] = true
	}
	names := make([]string, 0, len(c.Checks))
	for name := range c.Checks {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		cc := c.Checks[name]
		key := "checks." + name
		if !known[name] {
			return c.errorf(key, "unknown check (checks are %s)", strings.Join(checkNames(), ", "))
		}
		if cc == nil {
			continue
		}
		if cc.Severity != "" {
			if _, err := metrics.ParseSeverity(cc.Severity); err != nil {
				return c.errorf(key+".severity", "%v", err)
			}
		}
		if cc.MaxZ != nil {
			if name != thresholdKeys["max_z"] {
				return c.errorf(key+".max_z", "max_z belongs to length_ratio")
			}
			if *cc.MaxZ <= 0 {
				return c.errorf(key+".max_z", "must be above 0 (a z-score; default 3.5)")
			}
		}
		if cc.MaxDays != nil {
			if name != thresholdKeys["max_days"] {
				return c.errorf(key+".max_days", "max_days belongs to stale")
			}
			if *cc.MaxDays < 0 {
				return c.errorf(key+".max_days", "must be 0 (report every stale translation) or more days")
			}
		}
		if cc.MinCoverage != nil {
			if name != thresholdKeys["min_coverage"] {
				return c.errorf(key+".min_coverage", "min_coverage belongs to coverage")
			}
			if *cc.MinCoverage <= 0 || *cc.MinCoverage >= 1 {
				return c.errorf(key+".min_coverage", "must be between 0 and 1 (a share of the document's mean; default 0.35)")
			}
		}
	}
	if f := c.Gate.FailOn; f != "" && f != "never" {
		if s, err := metrics.ParseSeverity(f); err != nil || s == metrics.Info {
			return c.errorf("gate.fail_on", "use error, warning or never, not %q", f)
		}
	}
	if m := c.Gate.MinCompleteness; m != nil && (*m < 0 || *m > 100) {
		return c.errorf("gate.min_completeness", "a percentage from 0 to 100, not %g", *m)
	}
	if m := c.Gate.MaxFindings; m != nil && *m < -1 {
		return c.errorf("gate.max_findings", "must be 0 or more, or -1 for no limit")
	}
	for i, o := range c.Outputs {
		if _, err := reports.New(o.Format, nil, reports.Options{}); err != nil {
			return c.errorf("outputs", "entry %d: %v", i+1, err)
		}
	}
	if c.Jobs < 0 {
		return c.errorf("jobs", "must be 0 (all cores) or more")
	}
	if m := c.MinConfidence; m != nil && (*m < 0 || *m > 1) {
		return c.errorf("min_confidence", "a number from 0 to 1, not %g", *m)
	}
	for _, name := range c.Filter.RejectOn {
		if !filter.Known(name) {
			return c.errorf("filter.reject_on", "unknown check %q (checks are %s)", name, strings.Join(filter.Names(), ", "))
		}
	}
	if m := c.Filter.MinConfidence; m != nil && (*m < 0 || *m > 1) {
		return c.errorf("filter.min_confidence", "a number from 0 to 1, not %g", *m)
	}
	if m := c.Filter.MaxZ; m != nil && *m <= 0 {
		return c.errorf("filter.max_z", "must be above 0 (a z-score; default %g)", float64(filter.DefaultLengthZ))
	}
	return nil
}

// enableCheck turns on the metric that reports the check name, an opt-in
// one included (enabling partial_omission runs coverage).
func enableCheck(mc *metrics.Config, name string) error {
	m := metrics.MetricOf(name)
	if m == nil {
		return fmt.Errorf("unknown check %q (checks are %s)", name, strings.Join(checkNames(), ", "))
	}
	if mc.Enabled == nil {
		mc.Enabled = map[string]bool{}
	}
	mc.Enabled[m.Name] = true
	delete(mc.Disabled, m.Name)
	return nil
}

func checkNames() []string {
	var names []string
	for _, m := range metrics.All {
		names = append(names, m.Name)
	}
	return append(names, metrics.SubChecks...)
}

// relative resolves a path from the config file against the folder that
// holds it, so a config works from any working directory. The result is
// relative to the working directory when it can be, so messages stay short.
func (c *fileConfig) relative(p string) string {
	if p == "" || filepath.IsAbs(p) || c.path == "" {
		return p
	}
	abs, err := filepath.Abs(filepath.Join(filepath.Dir(c.path), p))
	if err != nil {
		return p
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return abs
}

// defaultConfig is what `transcheck init` writes: every key, commented.
const defaultConfig = `# transcheck configuration. Flags given on the command line override it.
# Found in the current folder or above it, or given with --config FILE.

languages:
  source: ""          # ISO 639-1 code of the original (e.g. en); empty: inferred per document
  target: ""          # ISO 639-1 code of the translation (e.g. zh)
  detect: [zh, en]    # languages the detector tells apart; add fr, de, ... to catch them

paths: []             # what 'transcheck check' reads when no PATH is given
exclude: []           # glob patterns of files and folders to skip (e.g. "drafts", "*.tmp.md")
pairs: []             # explicit pairs, e.g. [{source: docs/en, target: docs/zh}]
encoding: ""          # encoding of files without a byte-order mark (e.g. gb18030); empty: UTF-8
glossary: ""          # CSV, TSV or TBX glossary for the terms check
lexicon: ""           # TSV word list for pairs other than Chinese-English (needs languages.source/target)

checks:               # each check: enabled, and optionally severity (info, warning or error) and thresholds.
                      # A check grades each finding by its evidence (see transcheck checks and the README);
                      # severity: here overrides that grade for every finding of the check.
  missing_file: {enabled: true}
  omission: {enabled: true}
  untranslated: {enabled: true}
  state: {enabled: true}
  numbers: {enabled: true}
  carryover: {enabled: true}
  terms: {enabled: true}
  coverage: {enabled: true, min_coverage: 0.35} # flag pairs under this share of the document's mean
  length_ratio: {enabled: true, max_z: 3.5}     # flag pairs beyond this Gale-Church z-score
  language: {enabled: true}
  code_changed: {enabled: true}
  stale: {enabled: true, max_days: 0}           # a translation behind its source in git; info until this many days behind (0: warn at once)
  names: {enabled: false}                       # opt-in: Latin names and acronyms inside Chinese text

min_confidence: 0      # hide findings whose confidence is below this (0 to 1); the reports count them

gate:
  fail_on: error       # lowest severity that fails the run: error, warning or never
  min_completeness: 0  # percent of source segments with a counterpart, per document and overall
  max_findings: -1     # fail when more findings than this (not counting baselined ones); -1: no limit
  fail_on_stale: false # make stale translations errors, so the gate fails on them

source_repo: ""        # git work tree holding the sources' history when they are not in it (e.g. a copy of the English pages)

baseline: ""           # findings recorded by --write-baseline are reported but do not fail the gate

filter:                # transcheck filter: which checks reject a pair of a corpus
  reject_on: [language, untranslated, omission, empty, numbers, length_ratio, carryover]
  min_confidence: 0    # a finding below this confidence does not reject
  max_z: 5             # length ratio: reject beyond this Gale-Church z-score
  dedup: false         # reject pairs that came earlier

outputs: []            # e.g. [{format: markdown, path: report.md}, {format: junit, path: junit.xml}]
jobs: 0                # documents checked at once; 0: number of CPUs
`

// apply sets the checks' configuration: enabled, severity, thresholds.
func (c *fileConfig) apply(mc *metrics.Config) error {
	for name, cc := range c.Checks {
		if cc == nil {
			continue
		}
		if cc.Enabled != nil && !*cc.Enabled {
			if mc.Disabled == nil {
				mc.Disabled = map[string]bool{}
			}
			mc.Disabled[name] = true
		}
		if cc.Enabled != nil && *cc.Enabled {
			if err := enableCheck(mc, name); err != nil {
				return c.errorf("checks."+name+".enabled", "%v", err)
			}
		}
		if cc.Severity != "" {
			sev, err := metrics.ParseSeverity(cc.Severity)
			if err != nil {
				return c.errorf("checks."+name+".severity", "%v", err)
			}
			if mc.Severity == nil {
				mc.Severity = map[string]metrics.Severity{}
			}
			mc.Severity[name] = sev
		}
		if cc.MaxZ != nil {
			mc.LengthZ = *cc.MaxZ
		}
		if cc.MinCoverage != nil {
			mc.CoverageFraction = *cc.MinCoverage
		}
		if cc.MaxDays != nil {
			mc.StaleDays = *cc.MaxDays
		}
	}
	if c.Gate.FailOnStale != nil {
		mc.StaleFail = *c.Gate.FailOnStale
	}
	return nil
}
