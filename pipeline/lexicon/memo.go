package lexicon

import (
	"sync"
	"sync/atomic"
)

// memoMax bounds a memo: when it is full it starts afresh, so memory stays
// bounded whatever the corpus, while the sentences of the document being
// checked — read by the aligner, then by the checks — are still found.
const memoMax = 8192

// memo remembers the tokens of recent texts. Safe for concurrent use.
type memo struct {
	mu    sync.RWMutex
	m     map[string][]Token
	hits  atomic.Int64
	calls atomic.Int64
}

func (c *memo) get(text string) ([]Token, bool) {
	c.calls.Add(1)
	c.mu.RLock()
	toks, ok := c.m[text]
	c.mu.RUnlock()
	if ok {
		c.hits.Add(1)
	}
	return toks, ok
}

func (c *memo) put(text string, toks []Token) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= memoMax {
		c.m = make(map[string][]Token, 256)
	}
	c.m[text] = toks
	c.mu.Unlock()
}
