// Package reports renders a run's aggregated report, one format per file:
// table.go for terminals, markdown.go for pull requests, json.go for
// machines, junit.go and sarif.go for CI systems and code scanning,
// github.go for workflow annotations, csv.go for spreadsheets and html.go
// for reviewers. Each format is a constructor taking an io.Writer,
// registered by name in Formats; renderers never decide the exit code.
package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/transcheck/transcheck/pipeline"
)

// Printer writes a report in one format.
type Printer interface {
	Print(*pipeline.Report) error
}

// Formats maps a format name to its constructor; a new format is its file
// and one line here.
var Formats = map[string]func(io.Writer, Options) Printer{
	"table":    NewTable,
	"markdown": NewMarkdown,
	"json":     NewJSON,
	"junit":    NewJUnit,
	"sarif":    NewSARIF,
	"github":   NewGitHub,
	"csv":      NewCSV,
	"html":     NewHTML,
}

// Names returns the format names, sorted, for help texts.
func Names() []string {
	var names []string
	for n := range Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Options tell a printer about where its output goes. The zero value is
// right for a file.
type Options struct {
	// Width is the terminal's width in columns; 0 when the output is not
	// a terminal. The table fits its text into it.
	Width int
	// Color allows ANSI colours (the output is a terminal and NO_COLOR is
	// not set).
	Color bool
	// Version is the tool's version, for formats that name the tool
	// (SARIF's tool.driver.version).
	Version string
}

// Known reports whether name is a format.
func Known(name string) bool {
	_, ok := Formats[name]
	return ok
}

// New returns the printer for a format name.
func New(name string, w io.Writer, opts Options) (Printer, error) {
	f, ok := Formats[name]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (use one of %s)", name, strings.Join(Names(), ", "))
	}
	return f(w, opts), nil
}

// shorten cuts s to at most n runes, marking the cut, and folds line
// breaks so a cell stays on one line.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// verdict is the gate's decision in words, as the reports show it.
func verdict(r *pipeline.Report) string {
	if r.Gate.Passed {
		return "passed"
	}
	if len(r.Gate.Reasons) == 0 {
		return "failed"
	}
	return "failed: " + strings.Join(r.Gate.Reasons, "; ")
}

// leftOut says how many findings the run found and did not report: those
// suppression comments suppressed and those under --min-confidence;
// "" when none.
func leftOut(c pipeline.Counts) string {
	var parts []string
	if c.Suppressed > 0 {
		parts = append(parts, fmt.Sprintf("%d suppressed", c.Suppressed))
	}
	if c.Hidden > 0 {
		parts = append(parts, fmt.Sprintf("%d hidden below --min-confidence", c.Hidden))
	}
	return strings.Join(parts, ", ")
}

// unreadLine says which files the run found and did not read, by
// extension, most first; "" when none.
func unreadLine(r *pipeline.Report) string {
	n := 0
	exts := make([]string, 0, len(r.Unread))
	for ext, k := range r.Unread {
		n += k
		exts = append(exts, ext)
	}
	if n == 0 {
		return ""
	}
	sort.Slice(exts, func(i, j int) bool {
		if r.Unread[exts[i]] != r.Unread[exts[j]] {
			return r.Unread[exts[i]] > r.Unread[exts[j]]
		}
		return exts[i] < exts[j]
	})
	parts := make([]string, len(exts))
	for i, ext := range exts {
		name := ext
		if name == "" {
			name = "no extension"
		}
		parts[i] = fmt.Sprintf("%s %d", name, r.Unread[ext])
	}
	return fmt.Sprintf("%d %s not read: no reader knows their format (%s); a file named on the command line, or with --pair, is read as text",
		n, plural(n, "file", "files"), strings.Join(parts, ", "))
}
