package metrics

import (
	"encoding/json"
	"errors"
)

// normsJSON is the encoded form of Norms.
type normsJSON struct {
	Length   *LengthModel  `json:"length,omitempty"`
	Coverage *CoverageNorm `json:"coverage,omitempty"`
}

// MarshalJSON encodes the length model and the coverage norm, so that
// norms estimated on one machine can judge pairs on another (a side input
// of a distributed run). A word model holds the pairs it trains on and a
// lexicon, not figures: norms that hold one do not encode.
func (n Norms) MarshalJSON() ([]byte, error) {
	if n.Words != nil {
		return nil, errors.New("norms with a word model do not encode: share the pairs it trains on instead")
	}
	return json.Marshal(normsJSON{Length: n.Length, Coverage: n.Coverage})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (n *Norms) UnmarshalJSON(b []byte) error {
	var v normsJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Norms{Length: v.Length, Coverage: v.Coverage}
	return nil
}
