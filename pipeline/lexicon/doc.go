// Package lexicon provides bilingual word lists, Chinese word segmentation
// and English tokenisation for measuring how much of a source sentence's
// content appears in its translation.
//
// # Data
//
// ZhEn returns a Chinese–English lexicon built from CC-CEDICT (MDBG, release
// 2019-05-27), embedded in the binary as cedict.gz. The file is a reduced
// version of the dictionary: Han-only headwords of at most 8 characters, in
// both simplified and traditional form, each with cleaned English glosses
// (no pinyin, classifiers, surnames, cross-references or parenthesised
// notes). At load time each headword's glosses are reduced to the Snowball
// stems of their content words, so that Translations and Covered are map
// lookups. CC-CEDICT is licensed under CC BY-SA 4.0; the attribution, the
// licence and a description of the reduction are in CEDICT-LICENSE.md beside
// the data, and must travel with it.
//
// Other language pairs can be loaded from a tab-separated word list with
// Load.
//
// # Regenerating cedict.gz
//
// From the repository root, with the CC-CEDICT source file at
// ../shared/data/lexicon/cedict_ts.u8:
//
//	go generate ./pipeline/lexicon/
//
// go generate runs internal/gen in this package's directory; pass another
// source with go run ./internal/gen -in path/to/cedict_ts.u8 -out cedict.gz
// from pipeline/lexicon.
package lexicon
