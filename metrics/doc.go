// Package metrics holds the checks that transcheck runs on a paired
// document. Each check is a value of type Metric, declared in a file of its
// own and listed once in All; a new check is one file and one line there.
//
// A metric reads the document (its segments, their languages and the beads
// that pair them) through a Pass and reports Findings. Metrics never print
// and never decide the exit code.
package metrics
