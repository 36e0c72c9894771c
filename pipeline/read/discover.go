package read

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pemistahl/lingua-go"
	"github.com/transcheck/transcheck/pipeline/detect"
	"github.com/transcheck/transcheck/pipeline/document"
)

// Pair names a source and its translation explicitly: two files, or two
// folders whose files match by relative path.
type Pair struct{ Source, Target string }

// Input is one document to read: a single (bilingual or container) file,
// or a source file and its translation. When one side of a pair is
// missing, its path is empty and the document reports it.
type Input struct {
	Source, Target         string // paths; Target is "" for single files
	SourceLang, TargetLang string // from the file or folder names, "" when unknown
	Paired                 bool   // a pair of files (even if one side is missing)
}

// Name is how reports show the input.
func (in Input) Name() string {
	switch {
	case !in.Paired:
		return in.Source
	case in.Source == "":
		return in.Target
	case in.Target == "":
		return in.Source
	}
	return in.Source + " → " + in.Target
}

// langAliases maps country codes that name folders to their language, as in
// "d.cn" for Chinese.
var langAliases = map[string]string{"cn": "zh", "tw": "zh", "hk": "zh", "jp": "ja", "kr": "ko", "cz": "cs", "dk": "da", "se": "sv", "gr": "el", "ua": "uk", "br": "pt"}

// LangOfName returns the language a file or folder name part stands for:
// an ISO 639-1 code, optionally followed by a script and/or a region
// ("zh", "zh-CN", "zh_cn", "pt-BR", "zh-Hans", "zh-Hant-TW", "es-419"),
// or a country alias ("cn"); "" otherwise.
func LangOfName(part string) string {
	tags := strings.Split(strings.ReplaceAll(strings.ToLower(part), "_", "-"), "-")
	base := tags[0]
	if len(base) != 2 || len(tags) > 3 {
		return ""
	}
	for _, sub := range tags[1:] {
		if !subtag(sub) {
			return ""
		}
	}
	if a, ok := langAliases[base]; ok && len(tags) == 1 {
		return a
	}
	if lingua.GetIsoCode639_1FromValue(strings.ToUpper(base)) == lingua.UnknownIsoCode639_1 {
		return ""
	}
	return base
}

// scripts are the script subtags met in locale names; any other four
// letters ("en-test", "it-docs") do not make a name a locale.
var scripts = map[string]bool{"hans": true, "hant": true, "latn": true, "cyrl": true, "arab": true, "deva": true,
	"beng": true, "grek": true, "hebr": true, "jpan": true, "kore": true, "thai": true, "taml": true, "mong": true,
	// .NET's legacy Chinese names: zh-CHS, zh-CHT.
	"chs": true, "cht": true}

// subtag reports whether s can follow the language in a locale name: a
// region of two letters ("CN") or three digits ("419"), or a script.
func subtag(s string) bool {
	switch {
	case len(s) == 2:
		return isLetters(s)
	case len(s) == 3 && strings.Trim(s, "0123456789") == "":
		return true
	}
	return scripts[s]
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// Discover expands paths into the inputs to check, in a stable order.
// Folders are walked recursively (hidden folders and excluded paths are
// skipped) and their files grouped into translations of the same document
// by the layouts docs trees use (see group): language folders, NAME.LANG.EXT
// siblings; every other file is a document of its own (bilingual text or
// a container format).
//
// Files named explicitly are kept whatever their extension; explicit
// pairs come from Options.Pairs. Paths that cannot be read come back as
// problems.
func Discover(paths []string, opt Options) ([]Input, []document.Problem) {
	d := Walk(paths, opt)
	return d.Inputs, d.Problems
}

// Discovery is what Walk found.
type Discovery struct {
	Inputs   []Input
	Problems []document.Problem
	// Unread counts the files met in folders and not read because no
	// reader knows their format, by lower-case extension ("" for none).
	Unread map[string]int
}

// Walk is Discover that also counts the files it left unread.
func Walk(paths []string, opt Options) Discovery {
	var inputs []Input
	var problems []document.Problem
	unread := map[string]int{}
	for _, pr := range opt.Pairs {
		in, probs := explicitPair(pr, opt)
		inputs = append(inputs, in...)
		problems = append(problems, probs...)
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			problems = append(problems, document.Problem{Pos: document.Position{Path: root},
				Message: "cannot read: " + errText(err) + " (check the path)"})
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, Input{Source: root})
			continue
		}
		w := walk(root, opt)
		problems = append(problems, w.problems...)
		inputs = append(inputs, group(root, w.files, opt)...)
		for ext, n := range w.unread {
			unread[ext] += n
		}
	}
	return Discovery{Inputs: inputs, Problems: problems, Unread: unread}
}

// walk lists the files under root that have a known format, sorted.
// Symbolic links are followed, to files and to folders; a folder already
// read (a link back to a folder above it, or a second link to the same
// folder) is skipped with a Problem, so that a loop ends and no file is
// read twice. A broken link is a Problem too.
func walk(root string, opt Options) *walker {
	w := &walker{opt: opt, seen: map[string]string{}, unread: map[string]int{}}
	w.dir(root)
	sort.Strings(w.files)
	return w
}

type walker struct {
	opt      Options
	seen     map[string]string // real path of each folder read → the path it was read as
	files    []string
	problems []document.Problem
	unread   map[string]int // files of no known format, by extension
}

func (w *walker) problem(p, msg string) {
	w.problems = append(w.problems, document.Problem{Pos: document.Position{Path: p}, Message: msg})
}

func (w *walker) dir(dir string) {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		w.problem(dir, "cannot read folder: "+errText(err)+" (check the path and permissions)")
		return
	}
	if first, ok := w.seen[real]; ok {
		what := "a symbolic link to a folder already read"
		if strings.HasPrefix(dir, first+string(filepath.Separator)) {
			what = "a symbolic link loop"
		}
		w.problem(dir, fmt.Sprintf("%s (%s): skipped (remove the link, or exclude it)", what, first))
		return
	}
	w.seen[real] = dir
	// ReadDir returns the entries it could read with the error.
	entries, err := os.ReadDir(dir)
	var lines []string // NAME.LANG files, read when a sibling is their translation
	if err != nil {
		w.problem(dir, "cannot read folder: "+errText(err)+" (check the permissions)")
	}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if strings.HasPrefix(e.Name(), ".") || excluded(p, w.opt.Exclude) {
			continue
		}
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				target, _ := os.Readlink(p)
				w.problem(p, fmt.Sprintf("broken symbolic link to %q: %s (fix or remove the link, or exclude it)", target, errText(err)))
				continue
			}
			typ = info.Mode().Type()
		}
		switch {
		case typ.IsDir():
			w.dir(p)
		case typ.IsRegular():
			if f, ok := formatFor(p); !ok {
				w.unread[strings.ToLower(filepath.Ext(p))]++
			} else if f.Name == linesFormat.Name {
				lines = append(lines, p)
			} else {
				w.files = append(w.files, p)
			}
		}
	}
	w.lineAligned(lines)
}

// lineAligned keeps the files of a folder named NAME.LANG that are sides
// of a line-aligned corpus: a sibling has the same NAME and another
// language, and the two extensions are not both source code (config.ts
// beside a Docusaurus site is TypeScript, not Tsonga; hello.cs beside
// hello.ts is no Czech–Tsonga corpus). The others are not read.
func (w *walker) lineAligned(paths []string) {
	type side struct{ lang, ext string }
	byStem := map[string][]side{}
	for _, p := range paths {
		ext := filepath.Ext(p)
		stem := strings.TrimSuffix(p, ext)
		byStem[stem] = append(byStem[stem], side{LangOfName(ext[1:]), strings.ToLower(ext[1:])})
	}
	for _, p := range paths {
		ext := filepath.Ext(p)
		me := side{LangOfName(ext[1:]), strings.ToLower(ext[1:])}
		paired := false
		for _, o := range byStem[strings.TrimSuffix(p, ext)] {
			if o.lang != me.lang && !(ambiguous[o.ext] && ambiguous[me.ext]) {
				paired = true
				break
			}
		}
		if paired {
			w.files = append(w.files, p)
		} else {
			w.unread[strings.ToLower(ext)]++
		}
	}
}

func explicitPair(pr Pair, opt Options) ([]Input, []document.Problem) {
	si, serr := os.Stat(pr.Source)
	ti, terr := os.Stat(pr.Target)
	for _, e := range []struct {
		path string
		err  error
	}{{pr.Source, serr}, {pr.Target, terr}} {
		if e.err != nil {
			return nil, []document.Problem{{Pos: document.Position{Path: e.path},
				Message: fmt.Sprintf("cannot read --pair side: %s (check the path)", errText(e.err))}}
		}
	}
	src, tgt := detect.Normalize(opt.Source), detect.Normalize(opt.Target)
	if !si.IsDir() && !ti.IsDir() {
		return []Input{{Source: pr.Source, Target: pr.Target, SourceLang: src, TargetLang: tgt, Paired: true}}, nil
	}
	if !si.IsDir() || !ti.IsDir() {
		return nil, []document.Problem{{Pos: document.Position{Path: pr.Source},
			Message: "--pair needs two files or two folders"}}
	}
	sw, tw := walk(pr.Source, opt), walk(pr.Target, opt)
	sf, tf := sw.files, tw.files
	probs := append(sw.problems, tw.problems...)
	targets := map[string]string{}
	for _, f := range tf {
		rel, _ := filepath.Rel(pr.Target, f)
		targets[rel] = f
	}
	var out []Input
	for _, f := range sf {
		rel, _ := filepath.Rel(pr.Source, f)
		out = append(out, Input{Source: f, Target: targets[rel], SourceLang: src, TargetLang: tgt, Paired: true})
		delete(targets, rel)
	}
	var orphans []string
	for _, f := range targets {
		orphans = append(orphans, f)
	}
	sort.Strings(orphans)
	for _, f := range orphans {
		out = append(out, Input{Target: f, SourceLang: src, TargetLang: tgt, Paired: true})
	}
	return out, probs
}

// File reads an input into a Document. A pair of files becomes one
// document whose units come from the source file, then the target file,
// each segment marked with its role and declared language; a missing side
// is recorded in Document.Missing.
func File(in Input, opt Options) *document.Document {
	if !in.Paired {
		return readFile(in.Source, opt)
	}
	if in.Source != "" && in.Target != "" {
		if f, _ := formatFor(in.Source); f.Name == linesFormat.Name {
			return lineAligned(in, opt)
		}
	}
	doc := &document.Document{Name: in.Name(), Source: in.SourceLang, Target: in.TargetLang}
	doc.Directed = doc.Source != "" && doc.Target != ""
	for _, side := range []struct {
		path string
		role document.Role
		lang string
	}{{in.Source, document.RoleSource, in.SourceLang}, {in.Target, document.RoleTarget, in.TargetLang}} {
		if side.path == "" {
			doc.Missing = side.role
			continue
		}
		d := readFile(side.path, opt)
		doc.Format = d.Format
		doc.Paths = append(doc.Paths, side.path)
		doc.Problems = append(doc.Problems, d.Problems...)
		doc.Suppressions = append(doc.Suppressions, d.Suppressions...)
		doc.Directives = append(doc.Directives, d.Directives...)
		for _, u := range d.Units {
			for _, s := range u.Segments {
				s.Role, s.Declared = side.role, side.lang
			}
			doc.Units = append(doc.Units, u)
		}
	}
	return doc
}

// lineAligned reads a line-aligned corpus pair: line N of the source
// translates line N of the target, so each line pair is a declared unit.
func lineAligned(in Input, opt Options) *document.Document {
	doc := &document.Document{Name: in.Name(), Paths: []string{in.Source, in.Target}, Format: "lines",
		Source: in.SourceLang, Target: in.TargetLang, Paired: true}
	doc.Directed = doc.Source != "" && doc.Target != ""
	src, tgt := readFile(in.Source, opt), readFile(in.Target, opt)
	doc.Problems = append(append(doc.Problems, src.Problems...), tgt.Problems...)
	if len(src.Units) != len(tgt.Units) && len(src.Units) > 0 && len(tgt.Units) > 0 {
		doc.Problems = append(doc.Problems, document.Problem{Pos: document.Position{Path: in.Target},
			Message: fmt.Sprintf("%d lines, but the source %s has %d: line-aligned files must have as many lines (lines past the shorter file stay unpaired)",
				len(tgt.Units), in.Source, len(src.Units))})
	}
	n := max(len(src.Units), len(tgt.Units))
	for i := 0; i < n; i++ {
		u := &document.Unit{Kind: "line"}
		for _, side := range []struct {
			d    *document.Document
			role document.Role
			lang string
		}{{src, document.RoleSource, in.SourceLang}, {tgt, document.RoleTarget, in.TargetLang}} {
			if i >= len(side.d.Units) {
				continue
			}
			// One segment per line, or several when a long line was cut.
			for _, s := range side.d.Units[i].Segments {
				s.Role, s.Declared = side.role, side.lang
				if u.Segments == nil {
					u.Pos = s.Pos
				}
				u.Segments = append(u.Segments, s)
			}
		}
		doc.Units = append(doc.Units, u)
	}
	return finishPaired(doc)
}
