package reports

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/metrics"
)

func parseCSV(t *testing.T, out string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], CSVHeader) {
		t.Fatalf("header %v", rows[:min(len(rows), 1)])
	}
	return rows
}

func TestCSVSeed(t *testing.T) {
	rep := seedReport(t)
	rows := parseCSV(t, render(t, "csv", rep))
	if n := rep.Findings(metrics.Info); len(rows) != n+1 {
		t.Errorf("%d rows, want %d findings + header", len(rows), n)
	}
	var omissions []string
	for _, r := range rows[1:] {
		if r[1] == "omission" {
			omissions = append(omissions, r[8])
		}
	}
	if got := strings.Join(omissions, ","); got != "1,3,13,15" {
		t.Errorf("omissions at target lines %s, want 1,3,13,15", got)
	}
}

func TestCSVRoundTrip(t *testing.T) {
	rep := tricky()
	rows := parseCSV(t, render(t, "csv", rep))
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 5 findings + header", len(rows))
	}
	want := []string{"docs/a,b:c.md", "omission", "error", "", "", "", "",
		"docs/a,b:c.md", "3", "en", "Fish & <chips>, \"quoted\"\nsecond line", `English <b>paragraph</b> & "more"`}
	if !slices.Equal(rows[1], want) {
		t.Errorf("row 1\n got %q\nwant %q", rows[1], want)
	}
	if rows[2][11] != "50%\nnext" || rows[2][3] != "docs/a,b:c.md" || rows[2][6] != "增长50%。" {
		t.Errorf("row 2: %q", rows[2])
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "- Forward a port": "'- Forward a port", "+1": "'+1", "@x": "'@x", "plain": "plain", "": ""} {
		if got := defuse(in); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}
