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
//  2. read:    each input is read by transcheck's own readers, as filter
//     reads it (filter.Pipeline.ReadPairs): one element per unit, with
//     its file, its place in the file and its line.
//  3. norms:   a combine per file gathers the units of its first chunk
//     (the ChunkUnits first) and fixes the file's languages and norms
//     (filter.Pipeline.NormsOf); they reach the next step as a side input.
//  4. judge:   every unit is judged alone against its file's norms
//     (filter.Pipeline.JudgePair); with --dedup, a group by pair marks
//     all but the first of its input order as duplicates.
//  5. write:   kept pairs to shards per input, rejected ones to JSON Lines
//     shards of filter.Record, and a summary (filter.Summary, as JSON and
//     Markdown).
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
