// Package filter sorts the translation units of parallel corpora (TSV,
// CSV, TMX, XLIFF, line-aligned files) into kept and rejected pairs, for
// cleaning machine-translation training data. It judges each pair alone
// with the same stages and checks as a check run (package pipeline and
// package metrics), so a pair's verdict does not depend on its
// neighbours, on how the file was cut, or on the number of workers.
//
// The flow, in order:
//
//  1. read:   each input is read as a stream of chunks of units
//     (read.OpenChunks' readers, read.LinePairChunks); formats that
//     cannot be streamed are read whole and cut into chunks.
//  2. norms:  the first chunk of a file goes through the pipeline as one
//     document, as a check run reads it: it fixes the file's languages
//     (given, declared, or inferred) and the norms (the length model)
//     every pair of the file is judged against (Pipeline.Norms).
//  3. judge:  every unit becomes a document of one pair that runs through
//     the pipeline's stages and the checks named in Config.RejectOn,
//     against those norms (Judge); a finding of a named check at or above
//     Config.MinConfidence is a reason to reject the pair.
//  4. write:  verdicts come back in input order, whatever the number of
//     workers; duplicates are marked (Config.Dedup), kept pairs are
//     copied byte for byte to their output (Copier), rejected and
//     unreadable ones written as JSON Lines (Record), and counted
//     (Summary).
//
// Every unit read is kept, rejected or unreadable (a row the reader could
// not parse, a line that is not valid UTF-8): Read = Kept + Rejected +
// Unreadable.
package filter
