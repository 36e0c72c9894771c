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
}

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
	r := &Runner{cfg: cfg}
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
func (r *Runner) Process(doc *document.Document) DocumentReport {
	for _, st := range Stages {
		st.Run(r, doc)
	}
	findings, measures := r.measure(doc)
	rep := DocumentReport{
		Name: doc.Name, Paths: doc.Paths, Format: doc.Format,
		Source: doc.Source, Target: doc.Target,
		Counts:   countDocument(doc, findings),
		Findings: findings,
		Measures: measures,
		Problems: []string{},
		Doc:      doc,
	}
	if rep.Findings == nil {
		rep.Findings = []metrics.Finding{}
	}
	for _, p := range doc.Problems {
		rep.Problems = append(rep.Problems, p.Error())
	}
	return rep
}

// measure runs the configured metrics over a paired document.
func (r *Runner) measure(doc *document.Document) ([]metrics.Finding, map[string]float64) {
	return metrics.RunMeasures(doc, r.cfg.Metrics, r.cfg.MetricConfig)
}

// Run checks every document under paths and returns the aggregated report.
// Documents are checked concurrently; the report lists them in discovery
// order whatever the number of jobs.
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
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				dr := r.Process(read.File(files[i], r.cfg.Read))
				if !r.cfg.KeepDocuments {
					dr.Doc = nil
				}
				rep.Documents[i] = dr
				if r.cfg.Progress != nil {
					mu.Lock()
					done++
					r.cfg.Progress(done, len(files))
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range files {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, d := range rep.Documents {
		rep.Totals.add(d.Counts)
	}
	return rep, nil
}
