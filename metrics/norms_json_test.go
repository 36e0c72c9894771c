package metrics

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestNormsJSON: norms survive encoding, so a distributed run judges
// against the figures the first chunk gave; a word model refuses.
func TestNormsJSON(t *testing.T) {
	for _, n := range []Norms{
		{},
		{Length: &LengthModel{C: 0.31, S2: 2.5, Pairs: 4000}},
		{Length: &LengthModel{C: 3, S2: 6.8, Pairs: 12}, Coverage: &CoverageNorm{Mean: 0.4, Std: 0.1, Pairs: 12}},
	} {
		b, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		var got Norms
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, n) {
			t.Errorf("%s decodes to %+v, want %+v", b, got, n)
		}
	}
	if _, err := json.Marshal(Norms{Words: &WordModel{}}); err == nil {
		t.Error("norms with a word model encoded")
	}
}
