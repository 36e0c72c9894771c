// Command transcheck-beam runs transcheck's checks as an Apache Beam
// pipeline: on one machine with the Prism runner, or on Flink, Spark or
// Dataflow, where the data lives.
//
// Pairs mode (transcheck-beam pairs) does what transcheck filter does to
// parallel corpora, as Beam transforms:
//
//  1. expand:  the --input globs become inputs (Beam's filesystems list
//     them; NAME.zh beside NAME.en is one line-aligned input), numbered
//     in the order given.
//  2. norms:   each input's first chunk (the ChunkUnits first units) is
//     read by transcheck's own readers (filter.Pipeline.ReadPairs); a
//     combine per file keeps the units of lowest index and fixes the
//     file's languages and norms from them (filter.Pipeline.NormsOf), as
//     filter does from its first chunk. They are a side input of step 4.
//  3. repeats: with --dedup, every pair's key (filter.Pair.DedupKey) and
//     position; a combine per key keeps the first and the count, and the
//     keys of more than one pair are a side input of step 4.
//  4. filter:  each input is read again, whole, and each unit judged alone
//     against its file's norms (filter.Pipeline.JudgePair); the repeats
//     but the first are marked; the kept pairs and the rejected records
//     (filter.Record) are written as the input is read, in its order.
//  5. summary: the files' counts combine into a filter.Summary, written as
//     JSON and Markdown with the input problems.
//
// The inputs are read two or three times so that no step holds a
// corpus's pairs: a runner keeps every element that waits for a side
// input.
//
// Documents mode (transcheck-beam docs) checks a tree of documents as
// transcheck check does: the documents read.Walk finds are one element
// each, checked by the pipeline's runner (pipeline.Runner.Process); their
// findings go to JSON Lines shards and their reports into the Markdown and
// JSON reports of package reports.
//
// Beam's functions and coders are registered in init functions, as Beam
// requires: a distributed runner starts this binary as a worker that finds
// them by name.
package main
