// Package segment splits paragraphs into language runs and sentences.
//
// Runs are found from scripts, not from a language detector: a paragraph
// that holds "中美在网络空间拥有共同利益 The US and China's shared interests"
// is cut where the script changes, with punctuation, quotes and digits kept
// with the run they belong to, and short stretches of one script inside the
// other ("3D打印", "GDP") left where they stand. Sentences are then cut with
// rules for CJK (。！？；…) and for alphabetic scripts (. ! ? with
// abbreviations and decimals handled).
package segment
