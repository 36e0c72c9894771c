package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedFindings runs check over the seed with extra flags and returns its
// findings and the hidden count.
func seedFindings(t *testing.T, extra ...string) ([]struct {
	Check      string
	Severity   string
	Confidence float64
}, int) {
	t.Helper()
	args := append([]string{"check", "--fail-on", "never", "--format", "json"}, extra...)
	stdout, stderr, code := runIn(t, append(args, "testdata/seed")...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Documents []struct {
			Findings []struct {
				Check      string
				Severity   string
				Confidence float64
			}
		}
		Totals struct{ Hidden int }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.Documents[0].Findings, rep.Totals.Hidden
}

// Every finding says how sure it is, and --min-confidence hides the less
// sure ones while the report counts them.
func TestMinConfidence(t *testing.T) {
	all, hidden := seedFindings(t)
	if hidden != 0 {
		t.Errorf("%d hidden without --min-confidence", hidden)
	}
	below := 0
	for _, f := range all {
		if f.Confidence <= 0 || f.Confidence > 1 {
			t.Errorf("%s finding with confidence %v, want (0, 1]", f.Check, f.Confidence)
		}
		if f.Confidence < 0.6 {
			below++
		}
		// An error is one that reviewers fixed nine times in ten.
		if f.Severity == "error" && f.Confidence < 0.8 || f.Severity == "warning" && f.Confidence < 0.6 {
			t.Errorf("%s %s with confidence %v: under its severity's band", f.Check, f.Severity, f.Confidence)
		}
	}
	if below == 0 {
		t.Fatal("the seed has no finding below 0.6: the test cannot tell hiding from not")
	}
	kept, hidden := seedFindings(t, "--min-confidence", "0.6")
	if len(kept) != len(all)-below || hidden != below {
		t.Errorf("--min-confidence 0.6: %d kept and %d hidden, want %d and %d", len(kept), hidden, len(all)-below, below)
	}
	for _, f := range kept {
		if f.Confidence < 0.6 {
			t.Errorf("%s with confidence %v kept", f.Check, f.Confidence)
		}
	}
}

// An opt-in check runs only when enabled, by flag or configuration, and
// transcheck checks says which are opt-in.
func TestOptInCheck(t *testing.T) {
	dir := t.TempDir()
	tsv := filepath.Join(dir, "pairs.tsv")
	// A Latin acronym inside Chinese that the translation renders in words.
	if err := os.WriteFile(tsv, []byte("我们的GDP增长很快。\tOur economy grows fast.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	names := func(args ...string) int {
		stdout, stderr, code := runIn(t, append(append([]string{"check", "--fail-on", "never", "--format", "json", "--source", "zh", "--target", "en"}, args...), tsv)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return strings.Count(stdout, `"check": "names"`)
	}
	if n := names(); n != 0 {
		t.Errorf("names ran by default: %d findings", n)
	}
	if n := names("--enable", "names"); n != 1 {
		t.Errorf("--enable names: %d names findings, want 1", n)
	}
	cfg := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(cfg, []byte("checks:\n  names: {enabled: true}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if n := names("--config", cfg); n != 1 {
		t.Errorf("names enabled in the configuration: %d findings, want 1", n)
	}
	stdout, _, code := runIn(t, "checks")
	if code != exitOK || !strings.Contains(stdout, "names         opt-in") || !strings.Contains(stdout, "omission      default") {
		t.Errorf("transcheck checks (exit %d):\n%s", code, stdout)
	}
}
