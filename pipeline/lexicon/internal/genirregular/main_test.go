package main

import (
	"reflect"
	"strings"
	"testing"
)

// Single-word forms keep their bases in WordNet's order; multi-word forms
// and a base equal to its form are left out; a form with no base is an
// error naming the line.
func TestParse(t *testing.T) {
	bases := map[string][]string{}
	err := parse(strings.NewReader("went go\nlay lie lay\nran_away run_away\nabetted abet\n\n"), bases)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"went": {"go"}, "lay": {"lie"}, "abetted": {"abet"}}
	if !reflect.DeepEqual(bases, want) {
		t.Errorf("parse = %v, want %v", bases, want)
	}
	if err := parse(strings.NewReader("went go\nalone\n"), map[string][]string{}); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("parse of a form with no base: %v, want an error at line 2", err)
	}
}
