package main

import (
	"encoding/json"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/transcheck/transcheck/pipeline/filter"
)

// The elements that move between steps are encoded as JSON: transcheck's
// types carry JSON tags, and some hold what Beam's schema coder does not
// take (metrics.Norms' word model pointer). Each type has its own pair of
// named functions: a worker of a distributed runner finds a coder's
// functions by their names (instances of one generic function would
// share one).
func init() {
	beam.RegisterCoder(reflect.TypeFor[filter.Pair](), encPair, decPair)
	beam.RegisterCoder(reflect.TypeFor[filter.Norms](), encNorms, decNorms)
	beam.RegisterCoder(reflect.TypeFor[filter.Summary](), encSummary, decSummary)
	beam.RegisterCoder(reflect.TypeFor[inputRef](), encInputRef, decInputRef)
	beam.RegisterCoder(reflect.TypeFor[problem](), encProblem, decProblem)
	beam.RegisterCoder(reflect.TypeFor[position](), encPosition, decPosition)
	beam.RegisterCoder(reflect.TypeFor[firstOf](), encFirstOf, decFirstOf)
	beam.RegisterCoder(reflect.TypeFor[firstUnits](), encFirstUnits, decFirstUnits)
	beam.RegisterCoder(reflect.TypeFor[docInput](), encDocInput, decDocInput)
	beam.RegisterCoder(reflect.TypeFor[docReport](), encDocReport, decDocReport)
	beam.RegisterCoder(reflect.TypeFor[unread](), encUnread, decUnread)
}

func encPair(v filter.Pair) ([]byte, error) { return json.Marshal(v) }

func decPair(b []byte) (v filter.Pair, err error) { return v, json.Unmarshal(b, &v) }

func encNorms(v filter.Norms) ([]byte, error) { return json.Marshal(v) }

func decNorms(b []byte) (v filter.Norms, err error) { return v, json.Unmarshal(b, &v) }

func encSummary(v filter.Summary) ([]byte, error) { return json.Marshal(v) }

func decSummary(b []byte) (v filter.Summary, err error) { return v, json.Unmarshal(b, &v) }

func encInputRef(v inputRef) ([]byte, error) { return json.Marshal(v) }

func decInputRef(b []byte) (v inputRef, err error) { return v, json.Unmarshal(b, &v) }

func encProblem(v problem) ([]byte, error) { return json.Marshal(v) }

func decProblem(b []byte) (v problem, err error) { return v, json.Unmarshal(b, &v) }

func encPosition(v position) ([]byte, error) { return json.Marshal(v) }

func decPosition(b []byte) (v position, err error) { return v, json.Unmarshal(b, &v) }

func encFirstOf(v firstOf) ([]byte, error) { return json.Marshal(v) }

func decFirstOf(b []byte) (v firstOf, err error) { return v, json.Unmarshal(b, &v) }

func encFirstUnits(v firstUnits) ([]byte, error) { return json.Marshal(v) }

func decFirstUnits(b []byte) (v firstUnits, err error) { return v, json.Unmarshal(b, &v) }

func encDocInput(v docInput) ([]byte, error) { return json.Marshal(v) }

func decDocInput(b []byte) (v docInput, err error) { return v, json.Unmarshal(b, &v) }

func encDocReport(v docReport) ([]byte, error) { return json.Marshal(v) }

func decDocReport(b []byte) (v docReport, err error) { return v, json.Unmarshal(b, &v) }

func encUnread(v unread) ([]byte, error) { return json.Marshal(v) }

func decUnread(b []byte) (v unread, err error) { return v, json.Unmarshal(b, &v) }
