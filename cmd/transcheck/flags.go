package main

import (
	"os"
	"strings"

	"github.com/spf13/pflag"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/lexicon"
	"github.com/transcheck/transcheck/pipeline/read"
)

// commonFlags are the flags of the commands that read documents. Each
// command registers only the groups that mean something to it, so a flag
// it would ignore is refused.
type commonFlags struct {
	source, target, languages, encoding string
	glossary, lexicon                   string
	exclude, pairs                      []string
	maxFileSize, maxSegment             int
	sourceRepo                          string
}

// registerLanguages adds --source and --target.
func (c *commonFlags) registerLanguages(fs *pflag.FlagSet) {
	fs.StringVar(&c.source, "source", "", "language of the original, an ISO 639-1 `LANG` code (e.g. en); inferred per document when empty")
	fs.StringVar(&c.target, "target", "", "language of the translation, an ISO 639-1 `LANG` code (e.g. zh); inferred when empty")
}

// registerRead adds the flags every reading command takes: languages,
// encoding and size limits.
func (c *commonFlags) registerRead(fs *pflag.FlagSet) {
	c.registerLanguages(fs)
	fs.StringVar(&c.languages, "languages", "", "languages the detector tells apart, a comma-separated `LIST` (default: zh,en plus source and target)")
	fs.StringVar(&c.encoding, "encoding", "", "encoding `NAME` of files without a byte-order mark (e.g. gb18030); default UTF-8")
	fs.IntVar(&c.maxFileSize, "max-file-size", read.DefaultMaxFileSize>>20, "largest file read whole, in `MB`; a bigger one is reported and not read (TMX, TSV and CSV are streamed instead)")
	fs.IntVar(&c.maxSegment, "max-segment", read.DefaultMaxSegment, "longest segment, in `CHARS`; a longer one is reported and checked in pieces")
}

// registerDiscovery adds the flags that choose files in folders.
func (c *commonFlags) registerDiscovery(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.exclude, "exclude", nil, "skip files or folders matching `GLOB` (repeatable)")
}

// registerPairs adds --pair.
func (c *commonFlags) registerPairs(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.pairs, "pair", nil, "check TARGET as the translation of SOURCE, files or folders, given as `SOURCE=TARGET` (repeatable)")
}

// registerSourceRepo adds --source-repo.
func (c *commonFlags) registerSourceRepo(fs *pflag.FlagSet) {
	fs.StringVar(&c.sourceRepo, "source-repo", "", "git work tree `PATH` that holds the sources' history, when it is not the one the source files are in (stale check)")
}

// registerGlossary adds --glossary.
func (c *commonFlags) registerGlossary(fs *pflag.FlagSet) {
	fs.StringVar(&c.glossary, "glossary", "", "glossary of terms, a CSV or TSV `FILE` (source, target[|target], flags) or TBX")
}

// registerLexicon adds --lexicon.
func (c *commonFlags) registerLexicon(fs *pflag.FlagSet) {
	fs.StringVar(&c.lexicon, "lexicon", "", "bilingual word list, a TSV `FILE` (source<TAB>target...), for pairs other than Chinese–English; needs --source and --target")
}

// fromFile takes the configuration file's values for the flags that were
// not given.
func (c *commonFlags) fromFile(fc *fileConfig, set func(string) bool) {
	str := func(flag string, dst *string, v string) {
		if !set(flag) && v != "" {
			*dst = v
		}
	}
	str("source", &c.source, fc.Languages.Source)
	str("target", &c.target, fc.Languages.Target)
	str("languages", &c.languages, strings.Join(fc.Languages.Detect, ","))
	str("encoding", &c.encoding, fc.Encoding)
	str("glossary", &c.glossary, fc.relative(fc.Glossary))
	str("lexicon", &c.lexicon, fc.relative(fc.Lexicon))
	str("source-repo", &c.sourceRepo, fc.relative(fc.SourceRepo))
	c.exclude = append(c.exclude, fc.Exclude...)
	if !set("pair") {
		for _, p := range fc.Pairs {
			c.pairs = append(c.pairs, fc.relative(p.Source)+"="+fc.relative(p.Target))
		}
	}
}

func (c *commonFlags) config() (pipeline.Config, error) {
	cfg := pipeline.Config{Source: c.source, Target: c.target, MetricConfig: metrics.DefaultConfig()}
	for _, p := range c.pairs {
		src, tgt, ok := strings.Cut(p, "=")
		if !ok || src == "" || tgt == "" {
			return cfg, commandLineErr("--pair %q: use SOURCE=TARGET", p)
		}
		cfg.Read.Pairs = append(cfg.Read.Pairs, read.Pair{Source: src, Target: tgt})
	}
	if c.languages != "" {
		for _, l := range strings.Split(c.languages, ",") {
			if l = strings.TrimSpace(l); l != "" {
				cfg.Languages = append(cfg.Languages, l)
			}
		}
	}
	if c.sourceRepo != "" && !isDir(c.sourceRepo) {
		return cfg, usageErr("--source-repo %s: no such folder (name the work tree of the source's git repository)", c.sourceRepo)
	}
	cfg.History.SourceRepo = c.sourceRepo
	cfg.Read.Encoding = c.encoding
	cfg.Read.Exclude = c.exclude
	if c.maxFileSize <= 0 || c.maxSegment <= 0 {
		return cfg, commandLineErr("--max-file-size and --max-segment must be positive")
	}
	cfg.Read.MaxFileSize = int64(c.maxFileSize) << 20
	cfg.Read.MaxSegment = c.maxSegment
	if c.glossary != "" {
		f, err := os.Open(c.glossary)
		if err != nil {
			return cfg, usageErr("--glossary: %v", err)
		}
		defer f.Close()
		g, err := metrics.ParseGlossary(f, c.glossary, detect.Normalize(c.source), detect.Normalize(c.target))
		if err != nil {
			return cfg, usageErr("%v", err)
		}
		cfg.MetricConfig.Glossary = g
	}
	if c.lexicon != "" {
		if c.source == "" || c.target == "" {
			return cfg, commandLineErr("--lexicon needs --source and --target")
		}
		f, err := os.Open(c.lexicon)
		if err != nil {
			return cfg, usageErr("--lexicon: %v", err)
		}
		defer f.Close()
		lex, err := lexicon.Load(f, c.lexicon, detect.Normalize(c.source), detect.Normalize(c.target))
		if err != nil {
			return cfg, usageErr("%v", err)
		}
		cfg.Lexicon = lex
	}
	return cfg, nil
}
