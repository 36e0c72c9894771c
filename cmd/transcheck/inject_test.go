package main

// The injection half of make precision: defects planted in copies of the
// dev corpora, and the share of them the default checks find. Precision
// gains must not cost recall.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/transcheck/transcheck/metrics"
	"github.com/transcheck/transcheck/pipeline/segment"
)

// injection is one planted defect: the file and lines it changed, the
// document it belongs to, and the checks meant to find it.
type injection struct {
	kind     string
	path     string // relative to the corpus copy's parent
	from, to int    // lines of path the defect is on
	doc      string // the document, when the defect is found by document
	checks   []string
}

// injectionKinds are the kinds planted and the checks that count as
// finding each.
var injectionKinds = map[string][]string{
	"number":       {"numbers"},
	"deletion":     {"omission", "addition", "missing_section", "partial_omission", "length_ratio"},
	"untranslated": {"untranslated"},
	"placeholder":  {"carryover"},
}

// perKind is how many defects of each kind are planted per corpus.
const perKind = 60

var (
	digitsRE    = regexp.MustCompile(`\d+`)
	printfVerb  = regexp.MustCompile(`%[sdu]`)
	fenceRE     = regexp.MustCompile("^\\s*(```|~~~)")
	yamlish     = regexp.MustCompile(`^\s*[\w-]+:\s`) // front matter, CSS in a style block
	markdownish = regexp.MustCompile(`^\s*(#|\||<|!\[|\[[^\]]*\]:|- \[|\{\{|\$\{)`)
)

// changeNumber returns s with the first number of at least two digits
// that keep appears in changed to a value that appears nowhere in keep.
func changeNumber(s, keep string) (string, bool) {
	if strings.Contains(s, "://") {
		return s, false // a number in a link is an address, not a value
	}
	for _, loc := range digitsRE.FindAllStringIndex(s, -1) {
		num := s[loc[0]:loc[1]]
		if len(num) < 2 || !strings.Contains(keep, num) || !standalone(s, loc[0], loc[1]) {
			continue
		}
		// The leading digit changes (100 → 200, 2019 → 3019): a change
		// no hedge ("at least", "nearly") or rounding covers.
		for d := byte(1); d < 9; d++ {
			repl := string('1'+(num[0]-'0'+d-1)%9) + num[1:]
			if !strings.Contains(keep, repl) && !strings.Contains(s, repl) {
				return s[:loc[0]] + repl + s[loc[1]:], true
			}
		}
	}
	return s, false
}

// standalone reports whether s[i:j] is a number of its own: not part of
// a code or a name (U18, v5, #123) nor of a longer number (3,600, 1.5).
func standalone(s string, i, j int) bool {
	stuck := func(r rune) bool {
		return unicode.IsLetter(r) && r < 0x2E80 || unicode.IsDigit(r) || strings.ContainsRune("#/.,_-:$%", r)
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if stuck(r) {
			return false
		}
	}
	if j < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if stuck(r) {
			return false
		}
	}
	return true
}

// dropSentence returns s without one of its sentences, as the segmenter
// splits them (the longest of at least minLen characters that is not the
// first), or false when s has fewer than two.
func dropSentence(s string, minLen int) (string, bool) {
	spans := segment.Sentences(s)
	if len(spans) < 2 {
		return s, false
	}
	best := -1
	for i := 1; i < len(spans); i++ {
		n := utf8.RuneCountInString(s[spans[i].Start:spans[i].End])
		if n >= minLen && (best < 0 || n > utf8.RuneCountInString(s[spans[best].Start:spans[best].End])) {
			best = i
		}
	}
	if best < 0 {
		return s, false
	}
	// From the end of the sentence before to the end of this one: the
	// space between them goes too.
	return s[:spans[best-1].End] + s[spans[best].End:], true
}

// spread picks up to n of the candidates, evenly over the list.
func spread[T any](cands []T, n int) []T {
	if len(cands) <= n {
		return cands
	}
	out := make([]T, 0, n)
	for i := range n {
		out = append(out, cands[i*len(cands)/n])
	}
	return out
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

func writeLines(t *testing.T, path string, lines []string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

// plantWMT plants defects of one kind in a copy of the WMT22 files under
// root, the side named target being the translation.
func plantWMT(t *testing.T, dir, root, kind, source, target string) []injection {
	base := "formats/line-aligned/wmt22-zh-en/generaltest2022."
	src := readLines(t, filepath.Join(dir, base+source))
	tgt := readLines(t, filepath.Join(dir, base+target))
	var cands []int
	edit := map[int]string{}
	for i := range tgt {
		if i >= len(src) || strings.TrimSpace(tgt[i]) == "" {
			continue
		}
		var s string
		ok := false
		switch kind {
		case "number":
			s, ok = changeNumber(tgt[i], src[i])
		case "deletion":
			if target == "en" {
				s, ok = dropSentence(tgt[i], 30)
			} else {
				s, ok = dropSentence(tgt[i], 12)
			}
		case "untranslated":
			s, ok = src[i], len([]rune(src[i])) >= 20
		}
		if ok {
			cands = append(cands, i)
			edit[i] = s
		}
	}
	var out []injection
	for _, i := range spread(cands, perKind) {
		tgt[i] = edit[i]
		out = append(out, injection{kind: kind, path: base + target, from: i + 1, to: i + 1, checks: injectionKinds[kind]})
	}
	writeLines(t, filepath.Join(root, base+source), src)
	writeLines(t, filepath.Join(root, base+target), tgt)
	return out
}

// plantPO plants defects in a copy of the Geany PO file: a msgstr set to
// its msgid (untranslated), a number changed, a printf verb dropped.
func plantPO(t *testing.T, dir, root, kind string) []injection {
	const rel = "formats/po/geany.zh_CN.po"
	lines := readLines(t, filepath.Join(dir, rel))
	type entry struct{ id, str int } // line indexes of one-line msgid and msgstr
	var cands []entry
	edit := map[int]string{}
	for i := 0; i+1 < len(lines); i++ {
		if !strings.HasPrefix(lines[i], `msgid "`) || !strings.HasPrefix(lines[i+1], `msgstr "`) || lines[i] == `msgid ""` || lines[i+1] == `msgstr ""` {
			continue
		}
		if i > 0 && strings.HasPrefix(lines[i-1], "#,") && strings.Contains(lines[i-1], "fuzzy") {
			continue
		}
		id := strings.TrimPrefix(lines[i], "msgid ")
		str := strings.TrimPrefix(lines[i+1], "msgstr ")
		var s string
		ok := false
		switch kind {
		case "untranslated":
			s, ok = "msgstr "+id, len(id) >= 20 && strings.Count(id, " ") >= 2
		case "number":
			if v, changed := changeNumber(str, id); changed {
				s, ok = "msgstr "+v, true
			}
		case "placeholder":
			if loc := printfVerb.FindStringIndex(str); loc != nil && strings.Contains(id, str[loc[0]:loc[1]]) {
				s, ok = "msgstr "+str[:loc[0]]+str[loc[1]:], true
			}
		}
		if ok {
			cands = append(cands, entry{i, i + 1})
			edit[i+1] = s
		}
	}
	var out []injection
	for _, e := range spread(cands, perKind) {
		lines[e.str] = edit[e.str]
		out = append(out, injection{kind: kind, path: rel, from: e.id + 1, to: e.str + 1, checks: injectionKinds[kind]})
	}
	writeLines(t, filepath.Join(root, rel), lines)
	return out
}

// plantDocs plants at most one defect per page pair of ant-design, in the
// Chinese page: a sentence dropped from a paragraph, or a number that the
// English page holds changed. The defect is looked for in the page's
// document.
func plantDocs(t *testing.T, dir, root, kind string) []injection {
	const tree = "docs-dev/ant-design"
	var zhPages []string
	err := filepath.WalkDir(filepath.Join(dir, tree), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".zh-CN.md") {
			zhPages = append(zhPages, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(zhPages)
	type cand struct {
		rel  string
		line int
		text string
	}
	var cands []cand
	for _, p := range zhPages {
		en := strings.TrimSuffix(p, ".zh-CN.md") + ".en-US.md"
		enText, err := os.ReadFile(en)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(dir, p)
		lines := readLines(t, p)
		inCode, front := false, len(lines) > 0 && lines[0] == "---"
		for i, l := range lines {
			if front {
				front = i == 0 || l != "---"
				continue
			}
			if fenceRE.MatchString(l) {
				inCode = !inCode
				continue
			}
			if inCode || markdownish.MatchString(l) || yamlish.MatchString(l) || strings.Contains(l, "`") {
				continue
			}
			var s string
			ok := false
			switch kind {
			case "deletion":
				s, ok = dropSentence(l, 12)
			case "number":
				s, ok = changeNumber(l, string(enText))
			}
			if ok {
				cands = append(cands, cand{rel, i, s})
				break
			}
		}
	}
	// Copy the tree, then edit the chosen pages.
	if err := os.CopyFS(filepath.Join(root, tree), os.DirFS(filepath.Join(dir, tree))); err != nil {
		t.Fatal(err)
	}
	var out []injection
	for _, c := range spread(cands, perKind) {
		lines := readLines(t, filepath.Join(root, c.rel))
		lines[c.line] = c.text
		writeLines(t, filepath.Join(root, c.rel), lines)
		out = append(out, injection{kind: kind, path: c.rel, from: c.line + 1, to: c.line + 1,
			doc: strings.TrimSuffix(c.rel, ".zh-CN.md"), checks: injectionKinds[kind]})
	}
	return out
}

// findingKey identifies a finding across two runs of the same files.
func findingKey(f metrics.Finding) string {
	return f.Check + "\x00" + f.Fingerprint()
}

// found reports whether a finding of the run that the baseline run did not
// have finds the injection: one of its checks, on the defect's lines or,
// for a defect found by document, in its document.
func (inj injection) found(f metrics.Finding) bool {
	if !slices.Contains(inj.checks, f.Check) {
		return false
	}
	for _, s := range []*metrics.Side{f.Source, f.Target, f.After} {
		if s == nil {
			continue
		}
		p := filepath.ToSlash(s.Path)
		if inj.doc != "" {
			if strings.HasPrefix(p, inj.doc+".") {
				return true
			}
			continue
		}
		if p == inj.path && s.Line >= inj.from && s.Line <= inj.to {
			return true
		}
		// A one-file pair (PO) names its file on both sides.
		if strings.HasSuffix(inj.path, ".po") && p == inj.path && s.Line >= inj.from-1 && s.Line <= inj.to+1 {
			return true
		}
	}
	return false
}

func TestInjection(t *testing.T) {
	dir := precisionDir(t)
	type plant struct {
		corpus devCorpus
		kind   string
		plant  func(root string) []injection
	}
	var plants []plant
	for _, kind := range []string{"number", "deletion", "untranslated"} {
		plants = append(plants,
			plant{devCorpus{name: "wmt22-zh-en", args: zhEN, path: "formats/line-aligned"}, kind,
				func(root string) []injection { return plantWMT(t, dir, root, kind, "zh", "en") }},
			plant{devCorpus{name: "wmt22-en-zh", args: enZH, path: "formats/line-aligned"}, kind,
				func(root string) []injection { return plantWMT(t, dir, root, kind, "en", "zh") }})
	}
	// The Geany PO file has no numbers of two digits standing alone in
	// its translations: numbers are planted in the others.
	for _, kind := range []string{"untranslated", "placeholder"} {
		plants = append(plants, plant{devCorpus{name: "po", path: "formats/po"}, kind,
			func(root string) []injection { return plantPO(t, dir, root, kind) }})
	}
	for _, kind := range []string{"number", "deletion"} {
		plants = append(plants, plant{devCorpus{name: "ant-design", path: "docs-dev/ant-design"}, kind,
			func(root string) []injection { return plantDocs(t, dir, root, kind) }})
	}
	type score struct{ planted, found, errors int }
	byKind := map[string]*score{}
	var rows, misses strings.Builder
	fmt.Fprintf(&rows, "%-12s %-13s %7s %6s %7s  %s\n", "corpus", "kind", "planted", "found", "recall", "found as error")
	for _, p := range plants {
		// The clean copy and the planted copy sit at the same relative
		// paths, so that their findings compare.
		clean, planted := t.TempDir(), t.TempDir()
		if err := os.CopyFS(filepath.Join(clean, p.corpus.path), os.DirFS(filepath.Join(dir, p.corpus.path))); err != nil {
			t.Fatal(err)
		}
		injs := p.plant(planted)
		if len(injs) == 0 {
			t.Errorf("%s %s: nothing planted", p.corpus.name, p.kind)
			continue
		}
		cleanRun := checkCorpus(t, clean, p.corpus)
		before := map[string]bool{}
		for _, f := range cleanRun.findings {
			before[findingKey(f)] = true
		}
		after := checkCorpus(t, planted, p.corpus)
		s := score{planted: len(injs)}
		missed := 0
		for _, inj := range injs {
			asError, hit := false, false
			for _, f := range after.findings {
				if before[findingKey(f)] || !inj.found(f) {
					continue
				}
				hit = true
				asError = asError || f.Severity == metrics.Error
			}
			if hit {
				s.found++
			} else if missed < 3 {
				missed++
				fmt.Fprintf(&misses, "  missed %s %s: %s:%d\n", p.corpus.name, p.kind, inj.path, inj.from)
			}
			if asError {
				s.errors++
			}
		}
		if byKind[p.kind] == nil {
			byKind[p.kind] = &score{}
		}
		k := byKind[p.kind]
		k.planted += s.planted
		k.found += s.found
		k.errors += s.errors
		fmt.Fprintf(&rows, "%-12s %-13s %7d %6d %7.2f  %d\n", p.corpus.name, p.kind, s.planted, s.found, float64(s.found)/float64(s.planted), s.errors)
	}
	fmt.Fprintf(&rows, "\n")
	for _, kind := range []string{"number", "deletion", "untranslated", "placeholder"} {
		if k := byKind[kind]; k != nil {
			fmt.Fprintf(&rows, "%-12s %-13s %7d %6d %7.2f  %d\n", "all", kind, k.planted, k.found, float64(k.found)/float64(k.planted), k.errors)
		}
	}
	fmt.Fprintf(&rows, "\nExamples of defects not found:\n%s", misses.String())
	t.Log("\nRecall of planted defects (found: a finding of a check meant for the kind, on the defect's lines or in its page, that the clean copy does not have):\n\n" + rows.String())
}
