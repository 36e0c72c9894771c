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

// add records every finding of a document; nil records nothing.
func (b *baselineFile) add(d *pipeline.DocumentReport) {
	if b == nil {
		return
	}
	for _, f := range d.Findings {
		e := baselineEntry{Fingerprint: f.Fingerprint(), Check: f.Check}
		if w := f.Where(); w != nil {
			e.Path, e.Text = filepath.ToSlash(w.Path), shortLine(w.Text, 80)
		}
		b.Findings = append(b.Findings, e)
	}
}

// write writes the baseline, its entries sorted by fingerprint.
func (b *baselineFile) write(path string) error {
	sort.SliceStable(b.Findings, func(i, j int) bool { return b.Findings[i].Fingerprint < b.Findings[j].Fingerprint })
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	return writeFileOutput(path, append(data, '\n'))
}

// baselineSet is a baseline read for a run: how many findings of each
// fingerprint it still covers.
type baselineSet struct{ left map[string]int }

// loadBaseline reads a baseline file.
func loadBaseline(path string) (*baselineSet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w (create it with --write-baseline %s)", err, path)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a transcheck baseline: %v (write a new one with --write-baseline)", path, err)
	}
	left := map[string]int{}
	for _, e := range b.Findings {
		left[e.Fingerprint]++
	}
	return &baselineSet{left}, nil
}

// apply marks the findings of a document that the baseline holds; each
// entry covers one finding, so a second copy of a baselined problem is
// still new. A nil set marks nothing.
func (s *baselineSet) apply(d *pipeline.DocumentReport) {
	if s == nil {
		return
	}
	for i := range d.Findings {
		fp := d.Findings[i].Fingerprint()
		if s.left[fp] > 0 {
			s.left[fp]--
			d.Findings[i].Baselined = true
		}
	}
}

func shortLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
