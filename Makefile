# Makefile for transcheck. `make test` is what CI runs (.ci/run).
GO ?= go
FUZZTIME ?= 5m

.PHONY: all build test vet bench accuracy precision fuzz golden compare test-beam bench-beam

all: build test

build:
	$(GO) build -o bin/transcheck ./cmd/transcheck

vet:
	$(GO) vet ./...

# The default test run: vet, then every test with the race detector.
# Tests that need ../shared/data skip when it is absent.
test: vet
	$(GO) test -race -timeout 15m ./...

# transcheck-beam is a module of its own (cmd/transcheck-beam/go.mod), so
# that Apache Beam's dependencies stay out of the CLI's; go test ./... at
# the root does not reach it. Its tests run pipelines on Prism, in process.
test-beam:
	cd cmd/transcheck-beam && $(GO) vet ./... && $(GO) test -race -timeout 10m ./...

# transcheck-beam pairs on Prism over the 1M generated pairs of the filter
# benchmark, then transcheck filter on the same file, for the overhead
# ratio (each in its own process, one after the other).
bench-beam:
	cd cmd/transcheck-beam && $(GO) test -run '^$$' -bench 'BeamPairs/1000k$$' -benchtime 1x -timeout 60m .
	$(GO) test -run '^$$' -bench 'Filter/1000k$$' -benchtime 1x -timeout 60m ./pipeline/filter

# Rewrite the golden files after an intended change of output.
golden:
	$(GO) test ./cmd/transcheck ./reports -update

# The whole command over each corpus size, in its own process so that its
# peak RSS is its own; then each stage alone at each size, and the rest.
# The corpora (about 10 MB and 100 MB, and a 20 MB file that is one line)
# are generated once into $TMPDIR.
bench:
	$(GO) test -run '^$$' -bench 'CheckCommand/10MB$$' -benchtime 3x ./cmd/transcheck
	$(GO) test -run '^$$' -bench 'CheckCommand/100MB$$' -benchtime 1x ./cmd/transcheck
	$(GO) test -run '^$$' -bench 'Stages/10MB/' -benchtime 2x ./cmd/transcheck
	$(GO) test -run '^$$' -bench 'Stages/100MB/' -benchtime 2x ./cmd/transcheck
	$(GO) test -run '^$$' -bench 'CheckCommandTMX' -benchtime 1x ./cmd/transcheck
	$(GO) test -run '^$$' -bench 'CheckDocs' -benchtime 3x ./cmd/transcheck
	$(GO) test -run '^$$' -bench 'LargeTSV/chunks' -benchtime 1x ./pipeline
	$(GO) test -run '^$$' -bench 'OneLine/20MB$$' -benchtime 1x ./pipeline
	$(GO) test -run '^$$' -bench 'ProcessSeed' ./pipeline
	$(GO) test -run '^$$' -bench 'StaleHistory' -benchtime 3x ./pipeline/history
	$(GO) test -run '^$$' -bench . -benchmem ./pipeline/align ./pipeline/lexicon ./metrics/numeral ./reports
	$(GO) test -run '^$$' -bench 'Filter/1000k$$' -benchtime 1x -timeout 60m ./pipeline/filter

# transcheck filter against OpusFilter-style rules on 100,000 generated MT
# pairs (needs ../shared/data): what each drops, by planted fault, and
# the throughput of each.
compare:
	TRANSCHECK_COMPARE_PAIRS=100000 $(GO) test ./pipeline/filter -run TestCompareOpusFilter -v -count=1 -timeout 30m

# Sentence-alignment accuracy on the gold data in ../shared/data/align.
accuracy:
	TRANSCHECK_ACCURACY=1 $(GO) test ./pipeline/align -run 'TestAccuracy|TestOmissionDev' -v -count=1

# The judged benchmark (testdata/precision/README.md): precision per check
# and severity from the judged findings, findings per 100 documents or
# 1,000 pairs per corpus, and the recall of defects planted in copies of
# the corpora. Needs ../shared/data.
precision:
	TRANSCHECK_PRECISION=1 $(GO) test ./cmd/transcheck -run '^Test(Precision|Injection)$$' -v -count=1 -timeout 30m

# Run every fuzz target for FUZZTIME each.
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$target"; \
	    $(GO) test $$pkg -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) || exit 1; \
	  done; \
	done
