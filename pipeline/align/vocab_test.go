package align

import (
	"fmt"
	"reflect"
	"testing"
)

// The process's vocabulary does not grow without end: once it holds
// MaxKeys keys the next caller gets a new one, the alignments made with
// either are the same, and a caller holding the old one can still use it.
func TestVocabularyGenerations(t *testing.T) {
	src, tgt, _, _ := around([][]int{span(1, 6)}, nil)
	before := Align(src, tgt, Options{})

	old := Words()
	for i := old.Size(); i < MaxKeys; i++ {
		old.keys.id(fmt.Sprintf("filler %d", i))
	}
	if old.Size() < MaxKeys {
		t.Fatalf("filled the vocabulary to %d keys, want %d", old.Size(), MaxKeys)
	}
	fresh := Words()
	if fresh == old {
		t.Fatalf("a full vocabulary (%d keys) was not replaced", old.Size())
	}
	if fresh.Size() != 0 {
		t.Errorf("the new vocabulary starts with %d keys, want none", fresh.Size())
	}
	if Words() != fresh {
		t.Error("Words started another vocabulary while the new one has room")
	}
	after := Align(src, tgt, Options{})
	if !reflect.DeepEqual(before, after) {
		t.Errorf("alignment changed with the new vocabulary:\nbefore %s\nafter  %s", formatBeads(before), formatBeads(after))
	}
	// The old vocabulary still hands out the keys it had.
	w, _ := old.TargetWords("The networks are common spaces.")
	w2, _ := fresh.TargetWords("The networks are common spaces.")
	if !reflect.DeepEqual(w, w2) {
		t.Errorf("words %v from the old vocabulary, %v from the new", w, w2)
	}
}
