package pipeline

import (
	"context"
	"runtime"
	"sync"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
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
	d, err := detect.New(langs, cfg.Source, cfg.Target)
	if err != nil {
		return nil, err
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

// ownNorms is the basis of a document judged against its own norms.
func (r *Runner) ownNorms() metrics.Basis { return metrics.Basis{Units: r.chunkUnits} }

// process runs every stage over one document and the metrics against the
// norms that basis returns (called once the stages are done); it returns
// the report and the norms it judged against.
func (r *Runner) process(doc *document.Document, basis func() metrics.Basis) (DocumentReport, metrics.Norms) {
	for _, st := range Stages {
		st.Run(r, doc)
	}
	findings, measures, norms := metrics.RunMeasures(doc, r.cfg.Metrics, r.cfg.MetricConfig, basis())
	rep := DocumentReport{
		Name: doc.Name, Paths: doc.Paths, Format: doc.Format,
		Source: doc.Source, Target: doc.Target,
		Counts:   countDocument(doc, findings),
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

// Run checks every document under paths and returns the aggregated report.
// Documents are checked concurrently; the report lists them in discovery
// order whatever the number of jobs.
//
// A TMX, TSV or CSV file over StreamMin bytes is read as a stream of
// chunks (read.OpenChunks) and its chunks are checked by all the workers
// at once; their reports merge into the file's one DocumentReport, in
// chunk order, so the report does not depend on the number of jobs and at
// most a few chunks are in memory at a time. Checks that judge a pair
// against its document's norms (the length ratio, dictionary coverage)
// judge every chunk against the first chunk's, as Process judges a whole
// document against its first units'. With KeepDocuments every file is read whole: the
// reports that want documents want them whole.
func (r *Runner) Run(ctx context.Context, paths []string) (*Report, error) {
	files, problems := read.Discover(paths, r.cfg.Read)
	rep := &Report{Version: SchemaVersion, Documents: make([]DocumentReport, len(files)), Problems: []string{}}
	for _, p := range problems {
		rep.Problems = append(rep.Problems, p.Error())
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
					t.file.chunkDone(progress)
					continue
				}
				dr := r.Process(read.File(files[t.file.index], r.cfg.Read))
				if !r.cfg.KeepDocuments {
					dr.Doc = nil
				}
				rep.Documents[t.file.index] = dr
				progress()
			}
		}()
	}
	var chunked []*chunkedFile
feed:
	for i := range files {
		f := &chunkedFile{index: i}
		if !r.cfg.KeepDocuments {
			if c, ok := read.OpenChunks(files[i], r.cfg.Read, r.streamMin, r.chunkUnits); ok {
				chunked = append(chunked, f)
				stopped := r.feedChunks(ctx, c, f, work)
				c.Close()
				f.fed(progress)
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
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, f := range chunked {
		rep.Documents[f.index] = mergeChunks(files[f.index], f.parts)
	}
	for _, d := range rep.Documents {
		rep.Totals.add(d.Counts)
	}
	return rep, nil
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
		f.parts = append(f.parts, out) // only this goroutine touches parts until Run merges them
		f.add()
		select {
		case work <- task{file: f, chunk: doc, first: first, out: out}:
		case <-ctx.Done():
			f.chunkDone(func() {})
			return true
		}
	}
	return false
}
