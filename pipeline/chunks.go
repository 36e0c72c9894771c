package pipeline

import (
	"fmt"
	"sync"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/read"
)

// chunkedFile follows one input of a run: a file read whole (index only)
// or a file read in chunks, whose chunk reports it collects in order.
type chunkedFile struct {
	index int
	parts []*chunkReport

	mu      sync.Mutex
	pending int  // chunks sent and not yet checked
	all     bool // every chunk has been sent

	// The first chunk's norms, set before normsSet is closed. The first
	// chunk is sent to the workers before any other, so a worker waiting
	// for them waits for a chunk another worker is checking.
	norms    metrics.Norms
	normsSet chan struct{}
}

// setNorms records the norms of the file's first chunk.
func (f *chunkedFile) setNorms(n metrics.Norms) {
	f.norms = n
	close(f.normsSet)
}

// basis waits for the first chunk's norms and returns them as the basis
// of another chunk.
func (f *chunkedFile) basis() metrics.Basis {
	<-f.normsSet
	return metrics.Basis{Norms: f.norms}
}

// chunkReport is the report of one chunk and the line its first unit
// stands on.
type chunkReport struct {
	DocumentReport
	line int
}

func (f *chunkedFile) add() {
	f.mu.Lock()
	f.pending++
	f.mu.Unlock()
}

// chunkDone records a chunk checked; it reports whether the file is done:
// every chunk sent and checked. Exactly one call of chunkDone or fed says
// so, and its caller merges the file's report.
func (f *chunkedFile) chunkDone() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending--
	return f.all && f.pending == 0
}

// fed records that every chunk has been sent; it reports whether the
// file is done (see chunkDone).
func (f *chunkedFile) fed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.all = true
	return f.pending == 0
}

// mergeChunks joins the reports of a file's chunks, in file order, into
// the file's report: counts summed, problems in chunk order, findings in
// document order (as a whole read gives them), and each measure the mean
// over the whole file. The
// languages are the first chunk's; a chunk that inferred others is a
// problem, since its counts were made with them.
func mergeChunks(in read.Input, parts []*chunkReport) DocumentReport {
	out := DocumentReport{Name: in.Name(), Paths: []string{in.Source}, Problems: []string{}, Findings: []metrics.Finding{}}
	sums := map[string]metrics.Measure{}
	n := 0
	for _, p := range parts {
		n += len(p.Findings)
	}
	// Each part's findings are let go once copied: a file of a million
	// units has tens of thousands.
	out.Findings = make([]metrics.Finding, 0, n)
	for i, p := range parts {
		if i == 0 {
			out.Name, out.Paths, out.Format = p.Name, p.Paths, p.Format
			out.Source, out.Target = p.Source, p.Target
		} else if (p.Source != "" && p.Source != out.Source) || (p.Target != "" && p.Target != out.Target) {
			if out.Source == "" && out.Target == "" {
				out.Source, out.Target = p.Source, p.Target
			} else {
				out.Problems = append(out.Problems, fmt.Sprintf("%s:%d: the units from this line on read as %s → %s, the file's first units as %s → %s: each part is counted with its own languages (pass --source and --target)",
					out.Name, p.line, p.Source, p.Target, out.Source, out.Target))
			}
		}
		out.Counts.Add(p.Counts)
		out.Problems = append(out.Problems, p.Problems...)
		out.Findings = append(out.Findings, p.Findings...)
		p.Findings = nil
		for k, m := range p.measures {
			s := sums[k]
			s.Sum += m.Sum
			s.Weight += m.Weight
			sums[k] = s
		}
	}
	// Each chunk's findings are in order and the chunks follow the file,
	// so this is mostly in order already; sorting keeps the order a
	// property of the report, not of where the file was cut.
	metrics.SortFindings(out.Findings)
	out.measures = sums
	out.Measures = roundMeasures(sums)
	return out
}
