package align

import (
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
	if e, ok := v.sourceMemo.get(text); ok && e.lex == lex {
		return e.words, e.keys
	}
	var e sourceEntry
	e.lex = lex
	for _, tok := range lex.Segment(text) {
		if tok.Stop || allDigits(tok.Text) {
			continue
		}
		if ks := v.keysOf(lex, tok.Text); len(ks) > 0 {
			e.words = append(e.words, tok.Text)
			e.keys = append(e.keys, ks)
		}
	}
	v.sourceMemo.put(text, e)
	return e.words, e.keys
}

// TargetWords returns the content words of an English sentence with the
// key of each word's stem. Shared results: do not modify them.
func (v *Vocabulary) TargetWords(text string) ([]string, []int32) {
	if e, ok := v.targetMemo.get(text); ok {
		return e.words, e.keys
	}
	var e targetEntry
	for _, tok := range lexicon.EnglishTokens(text) {
		if tok.Stop || allDigits(tok.Text) {
			continue
		}
		e.words = append(e.words, tok.Text)
		e.keys = append(e.keys, v.keys.id(tok.Norm))
	}
	v.targetMemo.put(text, e)
	return e.words, e.keys
}

type sourceEntry struct {
	lex   *lexicon.Lexicon
	words []string
	keys  [][]int32
}

type targetEntry struct {
	words []string
	keys  []int32
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
