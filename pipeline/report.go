package pipeline

import (
	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/document"
)

// SchemaVersion is the version of the JSON report; it changes when a field
// is removed or changes meaning, not when one is added.
const SchemaVersion = 1

// Counts accounts for every segment read: Segments = Paired + Unpaired +
// Skipped.
type Counts struct {
	Segments int `json:"segments"`
	Paired   int `json:"paired"`
	Unpaired int `json:"unpaired"`
	Skipped  int `json:"skipped"`
	// Pairs is the number of beads that link both sides.
	Pairs int `json:"pairs"`
	// SourceSegments and SourcePaired give completeness: the share of
	// source segments that have a counterpart (of segments in either
	// language when the direction is inferred).
	SourceSegments int `json:"source_segments"`
	SourcePaired   int `json:"source_paired"`
	Errors         int `json:"errors"`
	Warnings       int `json:"warnings"`
	Infos          int `json:"infos"`
	// Hidden counts the findings not reported because their confidence is
	// below the configured minimum (--min-confidence).
	Hidden int `json:"hidden,omitempty"`
	// Suppressed counts the findings not reported because a suppression
	// comment of their file asked for it (transcheck-disable).
	Suppressed int `json:"suppressed,omitempty"`
	// SkippedBy gives the reason for each skipped segment ("code", ...).
	SkippedBy map[string]int `json:"skipped_by,omitempty"`
}

// Completeness is the percentage of source segments that have a
// counterpart; 100 when there is no source text.
func (c Counts) Completeness() float64 {
	if c.SourceSegments == 0 {
		return 100
	}
	return 100 * float64(c.SourcePaired) / float64(c.SourceSegments)
}

// Add adds o to c, as a run adds up its documents into its totals.
func (c *Counts) Add(o Counts) {
	c.Segments += o.Segments
	c.Paired += o.Paired
	c.Unpaired += o.Unpaired
	c.Skipped += o.Skipped
	c.Pairs += o.Pairs
	c.SourceSegments += o.SourceSegments
	c.SourcePaired += o.SourcePaired
	c.Errors += o.Errors
	c.Warnings += o.Warnings
	c.Infos += o.Infos
	c.Hidden += o.Hidden
	c.Suppressed += o.Suppressed
	for k, v := range o.SkippedBy {
		if c.SkippedBy == nil {
			c.SkippedBy = map[string]int{}
		}
		c.SkippedBy[k] += v
	}
}

// DocumentReport is what the run found in one document.
type DocumentReport struct {
	Name     string   `json:"name"`
	Paths    []string `json:"paths"`
	Format   string   `json:"format"`
	Source   string   `json:"source"`
	Target   string   `json:"target"`
	Counts   Counts   `json:"counts"`
	Problems []string `json:"problems"`
	// Findings are in document order: by the path and line of the side
	// each is about, then check and message (metrics.SortFindings).
	Findings []metrics.Finding `json:"findings"`
	// Measures are per-document figures: "coverage" (mean share of source
	// words whose dictionary translation the target holds) and
	// "length_ratio" (estimated target/source characters).
	Measures map[string]float64 `json:"measures,omitempty"`
	Doc      *document.Document `json:"-"` // the checked document, for reports that show it whole
	// measures are the Measures before rounding, which the chunks of a
	// file add up.
	measures map[string]metrics.Measure
}

// Gate is the CI verdict, decided by the command on the aggregated report
// and shown by the reports.
type Gate struct {
	Passed  bool     `json:"passed"`
	Reasons []string `json:"reasons"` // why it failed; empty when it passed
}

// Report is the aggregate of a run.
type Report struct {
	Version int  `json:"version"`
	Gate    Gate `json:"gate"`
	// Documents holds the documents' reports when they are in memory (Run);
	// a run that streams them (Stream) keeps them in a Spool instead. Use
	// EachDocument and DocumentCount, which read either.
	Documents []DocumentReport `json:"documents"`
	Totals    Counts           `json:"totals"`
	// Problems that belong to no document (a path that does not exist).
	Problems []string `json:"problems"`
	// Unread counts the files found in the folders checked that no reader
	// knows, by lower-case extension ("" for none): not read, not counted
	// as segments, said here so that nothing goes unmentioned.
	Unread map[string]int `json:"unread"`

	spool *Spool
}

// UseSpool makes the report read its documents from s, in place of
// Documents.
func (r *Report) UseSpool(s *Spool) { r.spool = s }

// EachDocument calls fn with each document's report in order, from memory
// or from the spool; it stops at the first error fn returns. A report from
// the spool is valid during the call only.
func (r *Report) EachDocument(fn func(*DocumentReport) error) error {
	if r.spool != nil {
		return r.spool.Each(fn)
	}
	for i := range r.Documents {
		if err := fn(&r.Documents[i]); err != nil {
			return err
		}
	}
	return nil
}

// DocumentCount returns the number of documents.
func (r *Report) DocumentCount() int {
	if r.spool != nil {
		return r.spool.Len()
	}
	return len(r.Documents)
}

// Findings returns the number of findings at or above a severity, from
// the totals.
func (r *Report) Findings(min metrics.Severity) int {
	n := r.Totals.Errors
	if min <= metrics.Warning {
		n += r.Totals.Warnings
	}
	if min <= metrics.Info {
		n += r.Totals.Infos
	}
	return n
}

func countDocument(doc *document.Document, findings []metrics.Finding) Counts {
	var c Counts
	paired := metrics.PairedSegments(doc)
	for _, s := range doc.Segments() {
		c.Segments++
		switch {
		case s.Skip != "":
			c.Skipped++
			if c.SkippedBy == nil {
				c.SkippedBy = map[string]int{}
			}
			c.SkippedBy[s.Skip]++
		case paired[s.ID]:
			c.Paired++
		default:
			c.Unpaired++
		}
		// Completeness counts the source side when the direction is given,
		// both sides when it is inferred.
		if s.Skip == "" && s.Lang != "" && (s.Lang == doc.Source || !doc.Directed && s.Lang == doc.Target) {
			c.SourceSegments++
			if paired[s.ID] {
				c.SourcePaired++
			}
		}
	}
	for _, b := range doc.Beads {
		if len(b.Source) > 0 && len(b.Target) > 0 {
			c.Pairs++
		}
	}
	for _, f := range findings {
		switch f.Severity {
		case metrics.Error:
			c.Errors++
		case metrics.Warning:
			c.Warnings++
		default:
			c.Infos++
		}
	}
	return c
}
