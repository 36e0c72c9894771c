package align

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/transcheck/transcheck/pipeline/lexicon"
)

// SourceWords returns the content words of a source sentence (in the
// lexicon's source language) with the keys of each word's translations:
// what the aligner matches and what the coverage check counts. Shared
// results: do not modify them. Keys are comparable only with keys of the
// same Vocabulary.
func (v *Vocabulary) SourceWords(lex *lexicon.Lexicon, text string) ([]string, [][]int32) {
	e := v.source(lex, text)
	return e.words, e.keys
}

// source returns the memo entry of a source sentence.
func (v *Vocabulary) source(lex *lexicon.Lexicon, text string) sourceEntry {
	if e, ok := v.sourceMemo.get(text); ok && e.lex == lex {
		return e
	}
	var e sourceEntry
	e.lex = lex
	gap := 0
	for _, tok := range lex.Segment(text) {
		if tok.Stop {
			continue
		}
		if !allDigits(tok.Text) {
			if ks := v.keysOf(lex, tok.Text); len(ks) > 0 {
				light := lightWords[tok.Text]
				e.words = append(e.words, tok.Text)
				e.keys = append(e.keys, ks)
				e.light = append(e.light, light)
				e.gaps = append(e.gaps, gap)
				if !light {
					e.weight += WordWeight(tok.Text)
				}
				gap = 0
				continue
			}
		}
		if !lightWords[tok.Text] {
			gap += WordWeight(tok.Text)
			e.weight += WordWeight(tok.Text)
		}
	}
	e.gaps = append(e.gaps, gap)
	v.sourceMemo.put(text, e)
	return e
}

// TargetWords returns the content words of an English sentence with the
// key of each word's stem. Shared results: do not modify them.
func (v *Vocabulary) TargetWords(text string) ([]string, []int32) {
	e := v.target(text)
	return e.words, e.keys
}

// target returns the memo entry of a target sentence.
func (v *Vocabulary) target(text string) targetEntry {
	if e, ok := v.targetMemo.get(text); ok {
		return e
	}
	var e targetEntry
	for _, tok := range lexicon.EnglishTokens(text) {
		if tok.Stop || allDigits(tok.Text) {
			continue
		}
		k := v.keys.id(tok.Norm)
		j := int32(len(e.words))
		e.words = append(e.words, tok.Text)
		e.keys = append(e.keys, k)
		e.matched = append(e.matched, keyWord{k, j})
		bs := lexicon.BaseNorms(tok.Text)
		if len(bs) > 0 {
			if e.forms == nil {
				e.forms = map[int32][]int32{}
			}
			ks := []int32{k}
			for _, b := range bs {
				kb := v.keys.id(b)
				ks = append(ks, kb)
				e.matched = append(e.matched, keyWord{kb, j})
			}
			e.forms[j] = ks
		}
	}
	slices.SortFunc(e.matched, func(a, b keyWord) int { return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.word, b.word)) })
	for _, m := range e.matched {
		e.mask |= 1 << (uint32(m.key) % 64)
	}
	v.targetMemo.put(text, e)
	return e
}

// keyWord is a key a word of a sentence matches, and the word's index.
type keyWord struct{ key, word int32 }

// wordsWith returns the entries of e.matched whose key is k.
func (e *targetEntry) wordsWith(k int32) []keyWord {
	if e.mask&(1<<(uint32(k)%64)) == 0 {
		return nil
	}
	i, _ := slices.BinarySearchFunc(e.matched, k, func(m keyWord, k int32) int { return cmp.Compare(m.key, k) })
	j := i
	for j < len(e.matched) && e.matched[j].key == k {
		j++
	}
	return e.matched[i:j]
}

type sourceEntry struct {
	lex   *lexicon.Lexicon
	words []string
	keys  [][]int32
	// light[i] tells whether words[i] is one of lightWords.
	light []bool
	// gaps[i] is the weight (WordWeight) of the content words with no
	// translation (numbers, words the lexicon lacks) before words[i];
	// the last, after the last word. weight is the weight of all the
	// content words.
	gaps   []int
	weight int
}

type targetEntry struct {
	words []string
	keys  []int32
	// matched lists the keys each word matches, its own and the bases of
	// an irregular form (lexicon.BaseNorms), sorted by key; mask has bit
	// k%64 set for each, a quick test that rules most keys out.
	matched []keyWord
	mask    uint64
	// forms holds, for the words that have bases (lexicon.BaseNorms),
	// their key and their bases' (shot: shot, shoot), by word index.
	forms map[int32][]int32
}

// memoMax bounds a memo: when full it starts afresh, so memory stays
// bounded while the sentences of the documents being checked — read by the
// aligner, then by the checks — are still found.
const memoMax = 8192

// memo remembers values by sentence. Safe for concurrent use.
type memo[V any] struct {
	mu sync.RWMutex
	m  map[string]V
}

func (c *memo[V]) get(text string) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[text]
	c.mu.RUnlock()
	return v, ok
}

func (c *memo[V]) put(text string, v V) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoMax {
		c.m = make(map[string]V, 256)
	}
	c.m[strings.Clone(text)] = v
	c.mu.Unlock()
}
