package reports

import (
	"fmt"
	"strings"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
)

// behindRows is the most pages a "Behind the source" table lists; the
// findings below it list every one.
const behindRows = 100

// behindRow is a row of the "Behind the source" table (Markdown and HTML):
// a translation whose source changed after its last update.
type behindRow struct {
	Page, Commits string
	Days          int
	Sections      string // the lines where the sections to update start
}

// behindRowOf returns the row of a stale finding of d; false for any other
// finding.
func behindRowOf(d *pipeline.DocumentReport, f metrics.Finding) (behindRow, bool) {
	if f.Check != metrics.Stale.Name || f.Behind == nil {
		return behindRow{}, false
	}
	row := behindRow{Page: d.Name, Commits: fmt.Sprint(f.Behind.Commits), Days: f.Behind.Days}
	if f.Target != nil {
		row.Page = f.Target.Path
	}
	if f.Behind.AtLeast {
		row.Commits = "≥ " + row.Commits
	}
	var secs []string
	for _, l := range f.Behind.Sections {
		secs = append(secs, fmt.Sprint(l))
	}
	row.Sections = "line " + strings.Join(secs, ", ")
	switch {
	case len(f.Behind.Lines) == 0 && len(secs) > 0:
		row.Sections = "white space or links only (line " + strings.Join(secs, ", ") + ")"
	case len(secs) > 1:
		row.Sections = "lines " + strings.Join(secs, ", ")
	case len(secs) == 0:
		row.Sections = "not known"
	}
	return row, true
}
