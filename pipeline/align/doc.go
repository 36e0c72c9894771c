// Package align is a sentence aligner for translated documents that finds
// omissions: it pairs the source sentences of a document with the target
// sentences that translate them, and reports the sentences that have no
// counterpart as null beads.
//
// # Model
//
// An alignment is a monotonic sequence of beads, each pairing a source
// sentences with b target sentences: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1,
// 2-3, 3-2, 1-5, 5-1, and the null beads 1-0 (an omission) and 0-1 (an
// addition). A dynamic programme finds the sequence of least total cost.
// The cost of a bead with two sides is the sum of four terms, all in nats:
//
//  1. Length (Gale and Church 1993): with l1 and l2 the characters (runes
//     that are not spaces) of the two sides, δ = (l2 − c·l1)/√(s²·(l1 +
//     l2/c)/2) and the cost is −ln 2(1 − Φ(|δ|)).
//  2. The prior of the bead's shape, −ln P(a-b).
//  3. Lexical evidence, as a log-likelihood ratio "true bead" against
//     "random pairing". Each sentence is reduced once to items: content
//     words (a Chinese word matches through the stems of its dictionary
//     glosses, an English word through its stem; without a dictionary,
//     Latin-letter tokens such as names, acronyms, codes and URLs match
//     verbatim), numbers by value, and punctuation that translations keep
//     (question and exclamation marks, brackets, semicolons, broken-off speech, and the
//     opening and the closing of a quotation, English single quotes
//     included: a sentence that opens a quotation and the next that closes
//     it are translated by sentences that do the same). An item is matched
//     when one of its keys occurs on the other side of the bead. A matched
//     item of class k adds ln(q1/q0), an unmatched one ln((1−q1)/(1−q0)),
//     where q1 and q0 are the probabilities that the item finds a match in
//     its true partner and in a random sentence. Facing n sentences these
//     become 1−(1−p1)(1−p0)^(n−1) and 1−(1−p0)^n, so a bead gains nothing
//     by swallowing its neighbours' chance matches.
//  4. Sentence endings: the last sentences of the two sides end alike (full
//     stop, question or exclamation mark, closing quotation mark, ellipsis
//     or dash) with probability p1 in a true bead and p0 at random, which
//     adds ln(p1/p0) or ln((1−p1)/(1−p0)). A bead boundary where both
//     sides end a question or a quotation is evidence of its own, which
//     the items, matched anywhere inside a bead, cannot give.
//
// A null bead costs −ln P(null), P(null) being the document's rate of null
// beads on the previous path, smoothed with a weight of 200 beads towards
// 1% (so that each null bead taken makes the next one only a little
// cheaper), times Options.NullPenalty: a sentence is reported as an omission when
// every way of attaching it to a neighbouring bead costs more, which is
// what happens when its words find no match nearby (each unmatched item
// adds ln((1−q1)/(1−q0)) < 0 to the merged bead's ratio).
//
// # Parameters come from the document
//
// c starts as the ratio of the total lengths of the two sides and s² as
// 6.8·c; the match probabilities p0 start from random pairs of the
// document (each source sentence against a target half the document away).
// After each pass they are re-estimated from the path found: c from the
// beads with two sides, s² from the median absolute deviation of δ over the
// 1-1 beads, p1 from the items matched inside the 1-1 beads and p0 from the
// same sentences paired with the targets of 1-1 beads half the path away
// (and the rates of like endings in the same way),
// the shape priors from the path's bead counts smoothed (weight 20)
// towards the initial ones, and the null cost as above.
//
// # Coarse to fine, linear in length
//
// The first pass searches a band of half-width Options.CoarseBand around
// the "length diagonal", the line that pairs equal fractions of the two
// texts' lengths; where its path runs along the edge of the band, the band
// is doubled around the path and the pass repeated. Then Options.Passes
// refinement passes re-estimate the parameters and search a narrow band
// (Options.Band) around the previous path. Pair evidence is precomputed for
// the band only, as 64-bit masks of matched items, so that scoring a bead
// is a few ORs and popcounts. Time and memory are linear in the number of
// sentences times the band width. The doubling can reach the whole table
// when the path strays far (a target that opens with many sentences the
// source lacks); Options.MaxBandCells stops it at a number of cells per
// sentence, as the pipeline does inside one paragraph.
//
// # Scoring
//
// ParseAlign reads gold alignments ("[0,1]:[0]" a line) and Score computes
// the metric of vecalign's and Bertalign's score.py (strict and lax
// precision, recall and F1) plus the precision and recall of the sentences
// left unaligned, against the gold null beads.
package align
