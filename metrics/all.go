package metrics

// All lists every metric in the order it runs and reports.
var All = []*Metric{
	MissingFile,
	Omission,
	Untranslated,
	Numbers,
	Carryover,
	Terms,
	Coverage,
	State,
	LengthRatio,
	Language,
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
