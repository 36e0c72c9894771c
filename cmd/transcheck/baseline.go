package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline"
)

// baselineFile records findings a team has accepted, by fingerprints that
// survive unrelated edits: the check, the path and the normalised text of
// the segment, never the line number.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Check       string `json:"check"`
	Path        string `json:"path"`
	Text        string `json:"text"`
}

// writeBaseline records every finding of the report.
func writeBaseline(path string, rep *pipeline.Report) error {
	b := baselineFile{Version: 1, Findings: []baselineEntry{}}
	for _, d := range rep.Documents {
		for _, f := range d.Findings {
			e := baselineEntry{Fingerprint: f.Fingerprint(), Check: f.Check}
			if w := f.Where(); w != nil {
				e.Path, e.Text = filepath.ToSlash(w.Path), shortLine(w.Text, 80)
			}
			b.Findings = append(b.Findings, e)
		}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool { return b.Findings[i].Fingerprint < b.Findings[j].Fingerprint })
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'))
}

// applyBaseline marks the findings the baseline holds; each entry covers
// one finding, so a second copy of a baselined problem is still new.
func applyBaseline(path string, rep *pipeline.Report) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading baseline: %w (create it with --write-baseline %s)", err, path)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return fmt.Errorf("%s: not a transcheck baseline: %v (write a new one with --write-baseline)", path, err)
	}
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	for di := range rep.Documents {
		fs := rep.Documents[di].Findings
		for i := range fs {
			fp := fs[i].Fingerprint()
			if left[fp] > 0 {
				left[fp]--
				fs[i].Baselined = true
			}
		}
	}
	return nil
}

func shortLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
