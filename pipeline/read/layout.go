package read

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/transcheck/transcheck/pipeline/detect"
)

// The layouts of docs trees: how the files found under a folder are
// grouped into translations of the same document. Each layout found is a
// localeSet; every file joins at most one group, tried in this order:
//
//  1. Docusaurus sites: docs/R beside i18n/LOCALE/docusaurus-plugin-
//     content-docs/current/R, and the blog, pages and versions likewise
//     (see docusaurusSite);
//  2. language folders: a folder whose subfolders are named by language
//     (en/, zh-cn/, d.cn/) groups the files with the same path below them,
//     and with the same path beside them when they are the root locale
//     (docs/guide/a.md, docs/zh/guide/a.md);
//  3. NAME.LANG.EXT: files of one folder with the same name but for a
//     language before the extension (guide.en.md, guide.zh-CN.md); the
//     file with no language (guide.md) is the default language, as in
//     Hugo, when a sibling has one. A NAME.LANG.EXT file with no sibling
//     is a missing or orphan translation when other files under the
//     folder checked pair with its locale's name (index.en-US.md alone
//     where other folders hold index.en-US.md and index.zh-CN.md);
//  4. every other file stands alone.
//
// Only files read as documents of one language are grouped (text,
// Markdown, Ddoc, line-aligned corpora): TMX, XLIFF, PO, TSV and CSV
// files hold both languages and stand alone wherever they are.

// locale is one language version in a layout.
type locale struct {
	name string // as the folder or file name writes it: "zh-CN", "d.cn"
	lang string // its ISO 639-1 language
}

// member is one file of a group of translations of the same document.
type member struct {
	path string
	loc  locale
}

// localeSet is one instance of a layout: the locales its documents are
// kept in, and which of them is the default locale, the one the others
// translate.
type localeSet struct {
	locales []locale // the default locale first, then the others by name
	origin  bool     // locales[0] is the default locale
}

// newLocaleSet makes a set of the named locales, and of the default
// locale when def is not nil.
func newLocaleSet(def *locale, names map[string]string) *localeSet {
	s := &localeSet{}
	for name, lang := range names {
		if def == nil || name != def.name {
			s.locales = append(s.locales, locale{name, lang})
		}
	}
	sort.Slice(s.locales, func(i, j int) bool { return s.locales[i].name < s.locales[j].name })
	if def != nil {
		s.locales = append([]locale{*def}, s.locales...)
		s.origin = true
	}
	return s
}

func (s *localeSet) has(lang string) bool {
	for _, l := range s.locales {
		if l.lang == lang {
			return true
		}
	}
	return false
}

// sourceLang picks the source language of the set: the one configured
// when the set has it, else the default locale's, else English, else the
// first in alphabetical order. The default locale's language may be ""
// (unknown): the pipeline then tells it from the text.
func (s *localeSet) sourceLang(opt Options) string {
	if want := detect.Normalize(opt.Source); want != "" && s.has(want) {
		return want
	}
	if s.origin {
		return s.locales[0].lang
	}
	if s.has("en") {
		return "en"
	}
	first := s.locales[0].lang
	for _, l := range s.locales {
		if l.lang < first {
			first = l.lang
		}
	}
	return first
}

// inputs makes the source→target inputs of a group of translations of one
// document, one per target locale of the set (only those of the
// configured target language when one is set): a pair when the locale has
// the file, a missing translation when it has not; when the source file
// is missing, each translation is an orphan.
func (s *localeSet) inputs(ms []member, opt Options) []Input {
	src := s.sourceLang(opt)
	want := detect.Normalize(opt.Target)
	var from *member
	for i := range ms {
		if ms[i].loc.lang == src {
			from = &ms[i]
			break
		}
	}
	var out []Input
	if from == nil {
		for _, m := range ms {
			if m.loc.lang != src && (want == "" || m.loc.lang == want) {
				out = append(out, Input{Target: m.path, SourceLang: src, TargetLang: m.loc.lang, Paired: true})
			}
		}
		return out
	}
	missing := map[string]bool{} // one missing translation per language, even when two locales share it
	for _, l := range s.locales {
		if l.lang == src || want != "" && l.lang != want {
			continue
		}
		to := ""
		for _, m := range ms {
			if m.loc == l {
				to = m.path
				break
			}
		}
		if to == "" {
			if missing[l.lang] {
				continue
			}
			missing[l.lang] = true
		}
		out = append(out, Input{Source: from.path, Target: to, SourceLang: src, TargetLang: l.lang, Paired: true})
	}
	return out
}

// ambiguous are language codes that are also words or abbreviations met
// as folder names or file extensions in code and docs trees ("it", "id",
// "ts" for TypeScript, "cs" for C#, "ca" for certificates): a folder so
// named is a language folder only beside one whose name is not ambiguous.
var ambiguous = map[string]bool{
	"it": true, "is": true, "be": true, "so": true, "he": true, "hi": true, "yo": true, "la": true, "et": true,
	"id": true, "ca": true, "ms": true, "ar": true, "mr": true, "cs": true, "ts": true, "sw": true, "tl": true,
	"eu": true, "lg": true, "cy": true, "ga": true, "hr": true, "fa": true, "nn": true, "nb": true, "az": true,
	"bg": true, "vi": true, "uk": true, "st": true, "el": true,
	// File extensions of source code: Perl, makefiles.
	"pl": true, "mk": true,
}

// folderLocale returns the language of a folder named "en", "zh-cn",
// "d.en", "docs_zh" …, or "", and whether the name says so without doubt
// (see ambiguous).
func folderLocale(name string) (lang string, sure bool) {
	code := name
	lang = LangOfName(name)
	if lang == "" {
		i := strings.LastIndexAny(name, "._-")
		if i <= 0 {
			return "", false
		}
		code = name[i+1:]
		lang = LangOfName(code)
	}
	return lang, lang != "" && !ambiguous[strings.ToLower(code)]
}

// fileLocale splits "guide.zh-CN.md" into ("guide.md", "zh-CN", "zh"),
// and the line-aligned "corpus.zh" into ("corpus", "zh", "zh").
func fileLocale(base string) (stem, name, lang string) {
	ext := filepath.Ext(base)
	if l := LangOfName(strings.TrimPrefix(ext, ".")); l != "" {
		return strings.TrimSuffix(base, ext), ext[1:], l
	}
	rest := strings.TrimSuffix(base, ext)
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 {
		return base, "", ""
	}
	if l := LangOfName(rest[i+1:]); l != "" {
		return rest[:i] + ext, rest[i+1:], l
	}
	return base, "", ""
}

// pairable reports whether a file holds one language version of a
// document, to be grouped with its translations; files of container
// formats hold both languages.
func pairable(path string) bool {
	f, _ := formatFor(path)
	switch f.Name {
	case "text", "markdown", "ddoc", "asciidoc", linesFormat.Name:
		return true
	}
	return false
}

// langTree is a folder whose language subfolders hold translations of
// the same files, and, when the files beside them are translated in them
// (VitePress, mkdocs: docs/guide/a.md and docs/zh/guide/a.md), whose own
// files are the root locale.
type langTree struct {
	subs map[string]locale // language subfolder → its locale
	root *locale           // the root locale, nil when there is none
	// mirrored are the names beside the language subfolders that are part
	// of the root locale: those the subfolders translate; nil for all.
	mirrored map[string]bool
	set      *localeSet
}

// findTrees returns the language trees under root, by their folder's
// slash path relative to root ("" for root itself). A folder is one when
// its subfolders holding files name two languages or more, one of them
// without doubt (see ambiguous); or when a language subfolder translates
// the files beside it: at least half of its files have a counterpart
// there. That subfolder's name must leave no doubt unless the folder is a
// VitePress site (it holds .vitepress/), where every file beside the
// language subfolders is in the root locale; elsewhere only those under
// the names the subfolders translate are (a zh/ that holds README.md
// does not make the rest of the project English pages to translate).
func findTrees(root string, rels [][]string, opt Options) map[string]*langTree {
	type sub struct {
		loc  locale
		sure bool
	}
	subs := map[string]map[string]sub{}
	for _, parts := range rels {
		for i := 0; i+1 < len(parts); i++ {
			if l, sure := folderLocale(parts[i]); l != "" {
				dir := strings.Join(parts[:i], "/")
				if subs[dir] == nil {
					subs[dir] = map[string]sub{}
				}
				subs[dir][parts[i]] = sub{locale{parts[i], l}, sure}
			}
		}
	}
	// The files of each folder with language subfolders: in one of them,
	// or beside them.
	in := map[string]map[string][]string{} // folder → language subfolder → paths below it
	beside := map[string]map[string]bool{} // folder → paths below it not in a language subfolder
	for _, parts := range rels {
		for i := 0; i < len(parts); i++ {
			dir := strings.Join(parts[:i], "/")
			ss := subs[dir]
			if ss == nil {
				continue
			}
			if _, ok := ss[parts[i]]; ok && i+1 < len(parts) {
				if in[dir] == nil {
					in[dir] = map[string][]string{}
				}
				in[dir][parts[i]] = append(in[dir][parts[i]], strings.Join(parts[i+1:], "/"))
				continue
			}
			if beside[dir] == nil {
				beside[dir] = map[string]bool{}
			}
			beside[dir][strings.Join(parts[i:], "/")] = true
		}
	}
	trees := map[string]*langTree{}
	for dir, ss := range subs {
		langs := map[string]bool{}
		sure := false
		for _, s := range ss {
			langs[s.loc.lang] = true
			sure = sure || s.sure
		}
		tree := len(langs) >= 2 && sure
		vitepress := isDir(filepath.Join(root, filepath.FromSlash(dir), ".vitepress"))
		t := &langTree{subs: map[string]locale{}}
		taken := map[string]bool{}
		for name, s := range ss {
			if tree || vitepress || s.sure {
				t.subs[name] = s.loc
				taken[s.loc.lang] = true
			}
		}
		if len(t.subs) == 0 {
			continue
		}
		matched, total := 0, 0
		mirrored := map[string]bool{}
		for name := range t.subs {
			for _, rel := range in[dir][name] {
				total++
				if beside[dir][rel] {
					matched++
				}
				first, _, _ := strings.Cut(rel, "/")
				mirrored[first] = true
			}
		}
		if matched > 0 && 2*matched >= total {
			lang, _ := defaultLang(taken, opt, "")
			t.root = &locale{"", lang}
			if !vitepress {
				t.mirrored = mirrored
			}
		} else if !tree {
			continue
		}
		names := map[string]string{}
		for name, l := range t.subs {
			names[name] = l.lang
		}
		t.set = newLocaleSet(t.root, names)
		trees[dir] = t
	}
	return trees
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// groupKey names the group of translations a file belongs to.
type groupKey struct {
	kind     byte   // 'd' Docusaurus site, 't' language tree, 's' NAME.LANG.EXT, 0 a file on its own
	dir, rel string // the layout's folder and the document's path in it
}

type docGroup struct {
	members []member
	set     *localeSet // the layout's locales; for NAME.LANG.EXT groups, set once all are placed
	hugo    string     // the Hugo section of a file with no language in its name
}

// group sorts the files found under root (sorted) into the inputs to
// check, in the order of the files.
func group(root string, files []string, opt Options) []Input {
	rels := make([][]string, len(files))
	for i, f := range files {
		rel, _ := filepath.Rel(root, f)
		rels[i] = strings.Split(filepath.ToSlash(rel), "/")
	}
	lay := layouts{sites: findDocusaurus(root, rels, opt), trees: findTrees(root, rels, opt)}
	hugo := findHugo(root, rels)
	type placed struct {
		key   groupKey
		m     member
		set   *localeSet
		plain bool   // a file with no language in its name, that joins the NAME.LANG.EXT group of its name if there is one
		hugo  string // the Hugo section of a file placed by name, "" outside Hugo sites
		def   string // the default language of its Hugo site
	}
	places := make([]placed, len(files))
	named := map[groupKey]map[string]bool{} // NAME.LANG.EXT groups → the languages of their files
	for i, f := range files {
		p := &places[i]
		p.key, p.m = groupKey{dir: f}, member{path: f}
		if !pairable(f) {
			continue
		}
		if k, m, set, ok := lay.place(rels[i], f); ok {
			p.key, p.m, p.set = k, m, set
			continue
		}
		p.hugo, p.def, _ = hugoSection(hugo, rels[i])
		stem, name, lang := fileLocale(filepath.Base(f))
		p.key = groupKey{'s', filepath.Dir(f), stem}
		if lang == "" {
			p.plain = true
			continue
		}
		p.m.loc = locale{name, lang}
		if named[p.key] == nil {
			named[p.key] = map[string]bool{}
		}
		named[p.key][lang] = true
	}
	groups := map[groupKey]*docGroup{}
	var order []groupKey
	for _, p := range places {
		lone := false // a file with no language in its name and no sibling with one
		if p.plain {
			if lang, ok := defaultLang(named[p.key], opt, p.def); ok {
				p.m.loc = locale{"", lang}
			} else {
				lone = len(named[p.key]) == 0
				p.key = groupKey{dir: p.m.path}
			}
		}
		g, ok := groups[p.key]
		if !ok {
			g = &docGroup{set: p.set}
			if lone {
				g.hugo = p.hugo
			}
			groups[p.key] = g
			order = append(order, p.key)
		}
		g.members = append(g.members, p.m)
		if p.key.kind == 's' && p.plain {
			g.hugo = p.hugo
		}
	}
	// The locales of the NAME.LANG.EXT groups of two files or more are the
	// layout of the whole folder checked, that a file alone is missing from.
	// In a Hugo site, those of the pages of a section with no language in
	// their name are the layout of the section.
	whole := map[string]string{}
	var wholeDef *locale
	sections := map[string]*localeSet{}
	sectionNames := map[string]map[string]string{}
	sectionDef := map[string]*locale{}
	for _, k := range order {
		g := groups[k]
		if k.kind != 's' {
			continue
		}
		var def *locale
		names := map[string]string{}
		for i, m := range g.members {
			if m.loc.name == "" {
				def = &g.members[i].loc
			}
			names[m.loc.name] = m.loc.lang
		}
		g.set = newLocaleSet(def, names)
		if len(g.members) < 2 {
			continue
		}
		for name, lang := range names {
			if _, ok := whole[name]; !ok {
				whole[name] = lang
			}
		}
		if def != nil && wholeDef == nil {
			wholeDef = def
		}
		if def != nil && g.hugo != "" {
			if sectionNames[g.hugo] == nil {
				sectionNames[g.hugo], sectionDef[g.hugo] = map[string]string{}, def
			}
			for name, lang := range names {
				sectionNames[g.hugo][name] = lang
			}
		}
	}
	for sec, names := range sectionNames {
		sections[sec] = newLocaleSet(sectionDef[sec], names)
	}
	var inputs []Input
	for _, k := range order {
		g := groups[k]
		var in []Input
		switch {
		case k.kind == 0 && sections[g.hugo] != nil:
			m := member{g.members[0].path, sections[g.hugo].locales[0]}
			in = sections[g.hugo].inputs([]member{m}, opt)
		case k.kind == 0:
			inputs = append(inputs, Input{Source: g.members[0].path})
			continue
		case k.kind == 's' && len(g.members) == 1:
			if _, ok := whole[g.members[0].loc.name]; ok && len(whole) > 1 {
				in = newLocaleSet(wholeDef, whole).inputs(g.members, opt)
			}
		default:
			in = g.set.inputs(g.members, opt)
		}
		if len(in) == 0 && (opt.Target == "" || k.kind == 's' && len(g.members) == 1) {
			// A NAME.LANG.EXT file alone, or a group with no target
			// (zh-CN beside zh-TW): each file is a document of its own.
			for _, m := range g.members {
				in = append(in, Input{Source: m.path})
			}
		}
		inputs = append(inputs, in...)
	}
	return inputs
}

// layouts are the layouts found under one folder checked, by their
// folder's slash path relative to it ("" for itself).
type layouts struct {
	sites map[string]*docusaurusSite
	trees map[string]*langTree
}

// place finds the outermost layout that holds a file; in one folder, a
// Docusaurus site before a language tree (its i18n/ holds language
// folders).
func (l layouts) place(parts []string, path string) (groupKey, member, *localeSet, bool) {
	for i := 0; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		if s := l.sites[dir]; s != nil {
			if rel, loc, set, ok := s.place(parts[i:]); ok {
				return groupKey{'d', dir, rel}, member{path, loc}, set, true
			}
		}
		t := l.trees[dir]
		if t == nil {
			continue
		}
		if loc, ok := t.subs[parts[i]]; ok && i+1 < len(parts) {
			return groupKey{'t', dir, strings.Join(parts[i+1:], "/")}, member{path, loc}, t.set, true
		}
		if t.root != nil && (t.mirrored == nil || t.mirrored[parts[i]]) {
			return groupKey{'t', dir, strings.Join(parts[i:], "/")}, member{path, *t.root}, t.set, true
		}
	}
	return groupKey{}, member{}, nil, false
}

// defaultLang returns the language of a file with no language in its
// name (guide.md) that has siblings with one (guide.zh.md, in langs): the
// site's configured default, else the configured source, else English,
// when no sibling has it; else unknown
// (""), which is only clear enough when the siblings have one language
// (README.md beside README.en.md is in some other language). ok is false
// when the file has no such sibling, or when its language is unknown
// beside siblings in two languages or more.
func defaultLang(langs map[string]bool, opt Options, configured string) (lang string, ok bool) {
	if len(langs) == 0 {
		return "", false
	}
	for _, l := range []string{configured, detect.Normalize(opt.Source), "en"} {
		if l != "" && !langs[l] {
			return l, true
		}
	}
	return "", len(langs) == 1
}
