// Package pipeline runs transcheck's stages over every document of a run
// and aggregates what they find into one Report.
//
// The flow, in order (see Stages):
//
//  1. read:    files are found (read.Discover) and read into Documents of
//     units, each unit holding its text as one segment (read.File).
//     When the stale check runs, the git history of every pair of files
//     is read once, before any document (package history: one git log
//     walk per repository), and each document of two files gets its
//     record (Document.History) as it is read.
//  2. segment: each unit's text is split into language runs at script
//     boundaries, then into sentences (package segment).
//  3. detect:  each segment gets a language and a confidence (package
//     detect); segments without letters take their neighbour's language.
//  4. pair:    the document's two languages are fixed (given, or the two
//     most used), and source and target segments are paired into beads:
//     within a unit, then across adjacent one-language units.
//  5. measure: the metrics run over the paired document (package metrics);
//     the findings its suppression comments cover (Document.Suppressions)
//     and those below the minimum confidence are counted, as Suppressed
//     and Hidden, and left out; the rest, sorted in document order
//     (metrics.SortFindings), join the Report with the document's counts.
//
// Documents are checked concurrently; a large TMX, TSV or CSV file is read
// as a stream of chunks of units (read.OpenChunks), checked by all workers
// and merged back into one report for the file (chunks.go).
//
// Nothing is dropped: every segment read is counted as paired, unpaired or
// skipped, and every unpaired one is reported.
package pipeline
