package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/history"
	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/read"
)

// Config is what a run needs to know.
type Config struct {
	Source, Target string   // ISO 639-1 codes; empty to infer per document
	Languages      []string // languages the detector tells apart; default source, target, zh, en
	Read           read.Options
	Jobs           int // documents checked at once; 0 means the number of CPUs
	Metrics        []*metrics.Metric
	MetricConfig   *metrics.Config
	// Lexicon is a user word list for its own language pair (its source
	// and target are Source and Target); Chinese–English uses the
	// embedded CC-CEDICT without it.
	Lexicon *lexicon.Lexicon
	// Progress, when set, is called after each document with the number
	// done and the total.
	Progress func(done, total int)
	// KeepDocuments keeps each checked document in its DocumentReport, for
	// reports that show the text (HTML). Without it a run holds only
	// counts and findings, so memory does not grow with the corpus.
	KeepDocuments bool
	// History says where the sources' history is (another repository)
	// and the time of the run; it is read when the stale check runs.
	History history.Options
	// Detector, when set, is the language detector the run shares with
	// others (runners of one filter run over files of different
	// languages); Languages is then ignored.
	Detector *detect.Detector
}

// Runner holds what every document of a run shares: the configuration and
// one language detector.
type Runner struct {
	cfg      Config
	detector *detect.Detector
	// Container files over streamMin bytes are read and checked in chunks
	// of chunkUnits units (see Run); tests lower them.
	streamMin  int64
	chunkUnits int
}

// StreamMin is the size above which a TMX, TSV or CSV file is read as a
// stream of chunks checked in parallel, not whole: a file this size holds
// tens of thousands of units, more than one worker should take alone.
// Smaller files are read and checked whole, as one document.
const StreamMin = 4 << 20

// NewRunner validates the configuration and builds the shared detector.
func NewRunner(cfg Config) (*Runner, error) {
	langs := cfg.Languages
	if len(langs) == 0 {
		langs = []string{"zh", "en"}
	}
	d := cfg.Detector
	if d == nil {
		var err error
		if d, err = detect.New(langs, cfg.Source, cfg.Target); err != nil {
			return nil, err
		}
	}
	if cfg.Metrics == nil {
		cfg.Metrics = metrics.All
	}
	if cfg.MetricConfig == nil {
		cfg.MetricConfig = metrics.DefaultConfig()
	}
	r := &Runner{cfg: cfg, streamMin: StreamMin, chunkUnits: read.DefaultChunkUnits}
	if cfg.MetricConfig.Lexicon == nil {
		cfg.MetricConfig.Lexicon = r.lexiconFor
	}
	cfg.Source, cfg.Target = detect.Normalize(cfg.Source), detect.Normalize(cfg.Target)
	cfg.Read.Source, cfg.Read.Target = cfg.Source, cfg.Target
	r.cfg, r.detector = cfg, d
	return r, nil
}

// Detector returns the run's shared language detector.
func (r *Runner) Detector() *detect.Detector { return r.detector }

// Process runs every stage and the metrics over one document.
//
// The checks that judge a pair against its document's norms (the length
// ratio, dictionary coverage) take the norms from the document's first
// read.DefaultChunkUnits units, as a file read in chunks takes them from
// its first chunk: the report of a large file does not depend on how it
// was read.
func (r *Runner) Process(doc *document.Document) DocumentReport {
	rep, _ := r.process(doc, r.ownNorms)
	return rep
}

// ProcessWith runs every stage over one document and the checks against
// basis, and returns the report and the norms it judged against (those it
// estimated included). A caller that judges units one at a time, as
// transcheck filter does, estimates the norms once from a file's first
// units with Basis{Units: read.DefaultChunkUnits} and passes them on as
// Basis{Norms: norms}.
func (r *Runner) ProcessWith(doc *document.Document, basis metrics.Basis) (DocumentReport, metrics.Norms) {
	return r.process(doc, func() metrics.Basis { return basis })
}

// ownNorms is the basis of a document judged against its own norms.
func (r *Runner) ownNorms() metrics.Basis { return metrics.Basis{Units: r.chunkUnits} }

// process runs every stage over one document and the metrics against the
// norms that basis returns (called once the stages are done); it returns
// the report and the norms it judged against.
func (r *Runner) process(doc *document.Document, basis func() metrics.Basis) (DocumentReport, metrics.Norms) {
	for _, st := range Stages {
		st.Run(r, doc)
	}
	return r.measure(doc, basis())
}

// Measure runs the checks over a document that went through every stage
// (see Stages), judged against its own norms, and returns its report.
func (r *Runner) Measure(doc *document.Document) DocumentReport {
	rep, _ := r.measure(doc, r.ownNorms())
	return rep
}

// measure runs the checks against the norms of basis.
func (r *Runner) measure(doc *document.Document, basis metrics.Basis) (DocumentReport, metrics.Norms) {
	findings, measures, norms := metrics.RunMeasures(doc, r.cfg.Metrics, r.cfg.MetricConfig, basis)
	// What the document asks to suppress goes first: a finding both
	// suppressed and below the confidence is counted once, as suppressed.
	findings, suppressed := suppress(doc.Suppressions, findings)
	hidden := 0
	if min := r.cfg.MetricConfig.MinConfidence; min > 0 {
		kept := findings[:0]
		for _, f := range findings {
			if f.Confidence < min {
				hidden++
				continue
			}
			kept = append(kept, f)
		}
		findings = kept
	}
	metrics.SortFindings(findings)
	counts := countDocument(doc, findings)
	counts.Hidden = hidden
	counts.Suppressed = suppressed
	rep := DocumentReport{
		Name: doc.Name, Paths: doc.Paths, Format: doc.Format,
		Source: doc.Source, Target: doc.Target,
		Counts:   counts,
		Findings: findings,
		Problems: []string{},
		Doc:      doc,
		measures: measures,
	}
	rep.Measures = roundMeasures(measures)
	if rep.Findings == nil {
		rep.Findings = []metrics.Finding{}
	}
	for _, p := range doc.Problems {
		rep.Problems = append(rep.Problems, p.Error())
	}
	rep.Problems = append(rep.Problems, directiveProblems(doc.Directives)...)
	return rep, norms
}

// roundMeasures gives the figures as reports show them; nil when none.
func roundMeasures(ms map[string]metrics.Measure) map[string]float64 {
	var out map[string]float64
	for k, m := range ms {
		if m.Weight == 0 {
			continue
		}
		if out == nil {
			out = map[string]float64{}
		}
		out[k] = m.Value()
	}
	return out
}

// Run checks every document under paths and returns the aggregated report
// with every document's report in Documents, in discovery order whatever
// the number of jobs. Stream does the same without holding them.
func (r *Runner) Run(ctx context.Context, paths []string) (*Report, error) {
	var docs []DocumentReport
	rep, err := r.Stream(ctx, paths, func(d *DocumentReport) error {
		docs = append(docs, *d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Documents = docs
	if rep.Documents == nil {
		rep.Documents = []DocumentReport{}
	}
	return rep, nil
}

// Stream checks every document under paths and hands each document's
// report to emit as soon as it and every document discovered before it are
// checked: in discovery order, whatever the number of jobs, from one
// goroutine at a time. It returns the aggregate (totals, the problems that
// belong to no document) with no Documents. Memory holds the documents
// being checked and the reports waiting for an earlier one, at most a few
// per job: a run does not grow with the corpus. An error from emit stops
// the run and is returned.
//
// Documents are checked concurrently, Config.Jobs at a time. A TMX, TSV
// or CSV file over StreamMin bytes is read as a stream of chunks
// (read.OpenChunks) and its chunks are checked by all the workers at once;
// their reports merge into the file's one DocumentReport, in chunk order,
// so the report does not depend on the number of jobs and at most a few
// chunks are in memory at a time. Checks that judge a pair against its
// document's norms (the length ratio, dictionary coverage) judge every
// chunk against the first chunk's, as Process judges a whole document
// against its first units'. With KeepDocuments every file is read whole:
// the reports that want documents want them whole.
func (r *Runner) Stream(ctx context.Context, paths []string, emit func(*DocumentReport) error) (*Report, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	found := read.Walk(paths, r.cfg.Read)
	files := found.Inputs
	rep := &Report{Version: SchemaVersion, Problems: []string{}, Unread: found.Unread}
	for _, p := range found.Problems {
		rep.Problems = append(rep.Problems, p.Error())
	}
	// The history of every pair of files is read once, before any is
	// checked: one git log walk per repository, not one per file.
	hist := r.readHistory(ctx, files)
	if hist != nil {
		rep.Problems = append(rep.Problems, hist.Problems()...)
	}
	jobs := r.cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	var mu sync.Mutex
	done := 0
	progress := func() {
		if r.cfg.Progress != nil {
			mu.Lock()
			done++
			r.cfg.Progress(done, len(files))
			mu.Unlock()
		}
	}
	// The window holds a token for each document sent to the workers and
	// not yet emitted; the feeder waits for one before sending the next.
	window := make(chan struct{}, 2*jobs+2)
	finished := make(chan finishedDoc, jobs)
	emitted := make(chan error, 1)
	go func() {
		emitted <- r.emitInOrder(finished, window, emit, &rep.Totals, cancel)
	}()

	work := make(chan task)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range work {
				if t.chunk != nil {
					var dr DocumentReport
					if t.first {
						var norms metrics.Norms
						dr, norms = r.process(t.chunk, r.ownNorms)
						t.file.setNorms(norms)
					} else {
						dr, _ = r.process(t.chunk, t.file.basis)
					}
					dr.Doc = nil
					t.out.DocumentReport = dr
					if t.file.chunkDone() {
						finished <- finishedDoc{t.file.index, mergeChunks(files[t.file.index], t.file.parts)}
						progress()
					}
					continue
				}
				in := files[t.file.index]
				doc := read.File(in, r.cfg.Read)
				hist.Attach(ctx, doc, history.Pair{Source: in.Source, Target: in.Target})
				dr := r.Process(doc)
				if !r.cfg.KeepDocuments {
					dr.Doc = nil
				}
				finished <- finishedDoc{t.file.index, dr}
				progress()
			}
		}()
	}
feed:
	for i := range files {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			break feed
		}
		f := &chunkedFile{index: i}
		if !r.cfg.KeepDocuments {
			if c, ok := read.OpenChunks(files[i], r.cfg.Read, r.streamMin, r.chunkUnits); ok {
				stopped := r.feedChunks(ctx, c, f, work)
				c.Close()
				if f.fed() {
					finished <- finishedDoc{i, mergeChunks(files[i], f.parts)}
					progress()
				}
				if stopped {
					break feed
				}
				continue
			}
		}
		select {
		case work <- task{file: f}:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	close(finished)
	if err := <-emitted; err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return rep, nil
}

// readHistory reads the git history of the pairs of files among the
// inputs when the stale check runs; nil when it does not.
func (r *Runner) readHistory(ctx context.Context, inputs []read.Input) *history.History {
	runs := false
	for _, m := range r.cfg.Metrics {
		runs = runs || m == metrics.Stale && r.cfg.MetricConfig.Runs(m)
	}
	if !runs {
		return nil
	}
	var pairs []history.Pair
	for _, in := range inputs {
		if in.Paired && in.Source != "" && in.Target != "" {
			pairs = append(pairs, history.Pair{Source: in.Source, Target: in.Target})
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	return history.Read(ctx, pairs, r.cfg.History)
}

// finishedDoc is a checked document and its place in discovery order.
type finishedDoc struct {
	index int
	rep   DocumentReport
}

// emitInOrder hands the finished documents to emit in discovery order,
// adding their counts to totals and giving back a window token for each.
// After an error from emit it cancels the run and drains the rest.
func (r *Runner) emitInOrder(finished <-chan finishedDoc, window <-chan struct{}, emit func(*DocumentReport) error, totals *Counts, cancel func()) error {
	waiting := map[int]DocumentReport{}
	next := 0
	var err error
	for fd := range finished {
		waiting[fd.index] = fd.rep
		for {
			d, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-window
			if err != nil {
				continue
			}
			totals.Add(d.Counts)
			if err = emit(&d); err != nil {
				cancel()
			}
		}
	}
	return err
}

// task is one document for a worker: a whole file (chunk is nil) or one
// chunk of a streamed file, whose report goes to out; the file's first
// chunk sets the norms its other chunks are judged against.
type task struct {
	file  *chunkedFile
	chunk *document.Document
	first bool
	out   *chunkReport
}

// feedChunks sends the chunks of a streamed file to the workers as they
// are read; it reports whether the run was cancelled.
func (r *Runner) feedChunks(ctx context.Context, c *read.Chunks, f *chunkedFile, work chan<- task) bool {
	f.normsSet = make(chan struct{})
	for first := true; c.Scan(); first = false {
		doc := c.Document()
		out := &chunkReport{}
		if len(doc.Units) > 0 {
			out.line = doc.Units[0].Pos.Line
		}
		f.parts = append(f.parts, out) // only this goroutine appends; the merge comes after the last chunk
		f.add()
		select {
		case work <- task{file: f, chunk: doc, first: first, out: out}:
		case <-ctx.Done():
			f.chunkDone()
			if first {
				f.setNorms(metrics.Norms{})
			}
			return true
		}
	}
	return false
}
