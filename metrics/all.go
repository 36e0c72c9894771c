package metrics

// All lists every metric in the order it runs and reports.
var All = []*Metric{
	MissingFile,
	Omission,
	Untranslated,
	Numbers,
	Carryover,
	Names,
	Terms,
	Coverage,
	State,
	LengthRatio,
	Language,
	CodeChanged,
	Stale,
}

// ByName returns the metric with the given name, or nil.
func ByName(name string) *Metric {
	for _, m := range All {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// SubChecks are the names findings carry besides metric names: checks that
// a metric reports under a more precise name. Each can have its own
// severity in the configuration.
var SubChecks = []string{"addition", "partial_omission", "missing_section", "missing_translation", "orphan_translation"}

// parents gives the metric that reports each sub-check.
var parents = map[string]string{
	"addition": "omission", "missing_section": "omission",
	"partial_omission":    "coverage",
	"missing_translation": "missing_file", "orphan_translation": "missing_file",
}

// MetricOf returns the metric that reports findings named check (a metric
// name or a sub-check), or nil.
func MetricOf(check string) *Metric {
	if p, ok := parents[check]; ok {
		check = p
	}
	return ByName(check)
}
