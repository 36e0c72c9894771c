package reports

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

type sarifParsed struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name           string  `json:"name"`
				Version        *string `json:"version"`
				InformationURI string  `json:"informationUri"`
				Rules          []struct {
					ID               string `json:"id"`
					Name             string `json:"name"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
					Help struct {
						Text string `json:"text"`
					} `json:"help"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ToolExecutionNotifications []struct {
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations           []sarifParsedLocation `json:"locations"`
			RelatedLocations    []sarifParsedLocation `json:"relatedLocations"`
			BaselineState       string                `json:"baselineState"`
			PartialFingerprints map[string]string     `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

type sarifParsedLocation struct {
	ID               int `json:"id"`
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine int `json:"startLine"`
		} `json:"region"`
	} `json:"physicalLocation"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// String is the location as uri:line.
func (l sarifParsedLocation) String() string {
	return fmt.Sprintf("%s:%d", l.PhysicalLocation.ArtifactLocation.URI, l.PhysicalLocation.Region.StartLine)
}

func parseSARIF(t *testing.T, out string) sarifParsed {
	t.Helper()
	var s sarifParsed
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("SARIF does not parse: %v", err)
	}
	if s.Version != "2.1.0" || s.Schema != "https://json.schemastore.org/sarif-2.1.0.json" {
		t.Errorf("version %q, schema %q", s.Version, s.Schema)
	}
	if len(s.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(s.Runs))
	}
	return s
}

// checkSARIF asserts what code-scanning services reject a log for: a
// result whose rule is not declared, a level they do not know, a location
// without a relative URI or a line.
func checkSARIF(t *testing.T, s sarifParsed, findings int) {
	t.Helper()
	run := s.Runs[0]
	d := run.Tool.Driver
	if d.Name != "transcheck" || d.InformationURI == "" {
		t.Errorf("driver %q %q", d.Name, d.InformationURI)
	}
	rules := map[string]int{}
	for i, r := range d.Rules {
		if r.ID == "" || r.Name == "" || r.ShortDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %d incomplete: %+v", i, r)
		}
		if _, dup := rules[r.ID]; dup {
			t.Errorf("rule %s twice", r.ID)
		}
		rules[r.ID] = i
		if !map[string]bool{"error": true, "warning": true, "note": true}[r.DefaultConfiguration.Level] {
			t.Errorf("rule %s level %q", r.ID, r.DefaultConfiguration.Level)
		}
	}
	for _, m := range metrics.All {
		if i, ok := rules[m.Name]; !ok || d.Rules[i].ShortDescription.Text != m.Doc {
			t.Errorf("metric %s has no rule with its Doc", m.Name)
		}
	}
	for _, name := range []string{"addition", "partial_omission"} {
		if _, ok := rules[name]; !ok {
			t.Errorf("no rule for the derived check %s", name)
		}
	}
	if len(run.Results) != findings {
		t.Errorf("%d results, want %d", len(run.Results), findings)
	}
	for _, res := range run.Results {
		i, ok := rules[res.RuleID]
		if !ok || res.RuleIndex != i {
			t.Errorf("result rule %q index %d: not the declared rule (%d, %v)", res.RuleID, res.RuleIndex, i, ok)
		}
		if !map[string]bool{"error": true, "warning": true, "note": true}[res.Level] {
			t.Errorf("result level %q", res.Level)
		}
		if res.Message.Text == "" || len(res.PartialFingerprints["transcheck/v1"]) != 20 {
			t.Errorf("result without message or fingerprint: %+v", res)
		}
		if len(res.Locations) == 0 {
			t.Errorf("result %s without location", res.RuleID)
		}
		for _, l := range res.Locations {
			uri, line := l.PhysicalLocation.ArtifactLocation.URI, l.PhysicalLocation.Region.StartLine
			if uri == "" || strings.Contains(uri, `\`) || strings.HasPrefix(uri, "/") || strings.HasPrefix(uri, "./") || line < 1 {
				t.Errorf("location %q line %d", uri, line)
			}
		}
	}
}

func TestSARIFSeed(t *testing.T) {
	rep := seedReport(t)
	for _, c := range memAndSpoolReports(t, rep) {
		t.Run(c.name, func(t *testing.T) {
			s := parseSARIF(t, render(t, "sarif", c.rep))
			checkSARIF(t, s, rep.Findings(metrics.Info))
			for _, res := range s.Runs[0].Results {
				if uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "testdata/seed/cyberspace-article.zh-en.txt" {
					t.Errorf("uri %q, want the path as given", uri)
				}
			}
		})
	}
}

func TestSARIFTricky(t *testing.T) {
	rep := tricky()
	rep.Documents[0].Findings = append(rep.Documents[0].Findings,
		metrics.Finding{Check: "made_up", Severity: metrics.Warning, Message: "a check no metric declares",
			Source: &metrics.Side{Path: `docs\win dows.md`, Line: 0, Text: "x"}})
	for _, c := range memAndSpoolReports(t, rep) {
		t.Run(c.name, func(t *testing.T) { checkSARIFTricky(t, c.rep) })
	}
}

// checkSARIFTricky checks the log of tricky with a made-up check added.
func checkSARIFTricky(t *testing.T, rep *pipeline.Report) {
	t.Helper()
	s := parseSARIF(t, render(t, "sarif", rep))
	checkSARIF(t, s, 6)
	run := s.Runs[0]
	byRule := map[string]int{}
	for _, res := range run.Results {
		byRule[res.RuleID]++
	}
	if byRule["made_up"] != 1 || byRule["state"] != 1 {
		t.Errorf("results by rule: %v", byRule)
	}
	if got := len(run.Invocations[0].ToolExecutionNotifications); got != 2 {
		t.Errorf("%d notifications, want the 2 input problems", got)
	}
	last := run.Results[len(run.Results)-1]
	if loc := last.Locations[0].PhysicalLocation; loc.Region.StartLine != 1 {
		t.Errorf("line 0 became %d, want 1", loc.Region.StartLine)
	}
	if run.Results[4].BaselineState != "unchanged" || run.Results[0].BaselineState != "" {
		t.Errorf("baseline states %q %q", run.Results[4].BaselineState, run.Results[0].BaselineState)
	}
}

func TestSARIFEmptyArrays(t *testing.T) {
	out := sameBytesFromSpool(t, "sarif", &pipeline.Report{Version: pipeline.SchemaVersion})
	if strings.Contains(out, "null") {
		t.Errorf("an empty report has null in SARIF:\n%s", out)
	}
	if !strings.Contains(out, `"results": []`) {
		t.Errorf("results should be an empty array:\n%s", out)
	}
}

// TestSARIFSpooled prints a report of several documents from a spool: the
// same bytes as from memory, a valid log with every finding's result in
// the documents' order, and a rule for the check no metric declares.
func TestSARIFSpooled(t *testing.T) {
	rep := severalDocuments(t)
	s := parseSARIF(t, sameBytesFromSpool(t, "sarif", rep))
	checkSARIF(t, s, rep.Findings(metrics.Info))
	run := s.Runs[0]
	i := 0
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			if i < len(run.Results) && (run.Results[i].RuleID != f.Check || !strings.HasPrefix(run.Results[i].Message.Text, f.Message)) {
				t.Errorf("result %d is %s %q, want %s %q", i, run.Results[i].RuleID, run.Results[i].Message.Text, f.Check, f.Message)
			}
			i++
		}
	}
	rules := run.Tool.Driver.Rules
	if last := rules[len(rules)-1]; last.ID != "made_up" || last.DefaultConfiguration.Level != "error" {
		t.Errorf("last rule %s at %s, want made_up at error", last.ID, last.DefaultConfiguration.Level)
	}
	var problems int
	for _, d := range rep.Documents {
		problems += len(d.Problems)
	}
	if got, want := len(run.Invocations[0].ToolExecutionNotifications), len(rep.Problems)+problems; got != want {
		t.Errorf("%d notifications, want %d", got, want)
	}
}

// TestSARIFFingerprint checks that a finding keeps its fingerprint when
// its line moves or its white space changes, and not when its text does.
func TestSARIFFingerprint(t *testing.T) {
	f := func(line int, text string) metrics.Finding {
		return metrics.Finding{Check: "omission", Target: &metrics.Side{Path: "a.md", Line: line, Text: text}}
	}
	base := f(3, "Some text.").Fingerprint()
	if f(30, "Some  text.").Fingerprint() != base {
		t.Errorf("fingerprint changed with the line or spacing")
	}
	if f(3, "Other text.").Fingerprint() == base {
		t.Errorf("fingerprint did not change with the text")
	}
	g := f(3, "Some text.")
	g.Check = "addition"
	if g.Fingerprint() == base {
		t.Errorf("fingerprint did not change with the check")
	}
}
