package reports

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeCells returns the cells of a Markdown table row as GitHub splits
// them: at every pipe not escaped with a backslash, code spans included.
func readmeCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, strings.TrimSpace(row[start:i]))
			start = i + 1
		}
	}
	return append(cells, strings.TrimSpace(row[start:]))
}

var readmeSeparator = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// The README's tables render on GitHub as written: each starts with a
// header and a separator, each row has the header's cells (a pipe in a
// cell, in code too, is escaped), no row stands apart from its table; and
// the Reports table has a row for every format.
func TestREADMETables(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	formats := map[string]bool{}
	section := ""
	for i := 0; i < len(lines); {
		if strings.HasPrefix(lines[i], "## ") || strings.HasPrefix(lines[i], "### ") {
			section = strings.TrimLeft(lines[i], "# ")
		}
		if !strings.HasPrefix(lines[i], "|") {
			i++
			continue
		}
		j := i
		for j < len(lines) && strings.HasPrefix(lines[j], "|") {
			j++
		}
		block := lines[i:j]
		if len(block) < 2 || !readmeSeparator.MatchString(block[1]) {
			t.Errorf("README.md:%d (%s): %q stands outside a table (no header and separator above it): move it into its table", i+1, section, block[0])
			i = j
			continue
		}
		n := len(readmeCells(block[0]))
		for k, row := range block[2:] {
			cells := readmeCells(row)
			if len(cells) != n {
				t.Errorf("README.md:%d (%s): %d cells where the header has %d: escape a pipe inside a cell as \\|", i+3+k, section, len(cells), n)
			}
			if section == "Reports" {
				formats[strings.Trim(cells[0], "`")] = true
			}
		}
		i = j
	}
	for _, name := range Names() {
		if !formats[name] {
			t.Errorf("README.md: the Reports table has no row for the format %s", name)
		}
	}
}
