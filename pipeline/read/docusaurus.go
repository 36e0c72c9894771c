package read

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// docusaurusSite is a Docusaurus site: a folder whose i18n/LOCALE/ holds
// the translations of the content of its plugins, by the plugin's name:
//
//	docs/R                         i18n/LOCALE/docusaurus-plugin-content-docs/current/R
//	versioned_docs/version-X/R     i18n/LOCALE/docusaurus-plugin-content-docs/version-X/R
//	ID/R (docs plugin of id ID)    i18n/LOCALE/docusaurus-plugin-content-docs-ID/current/R
//	ID_versioned_docs/version-X/R  i18n/LOCALE/docusaurus-plugin-content-docs-ID/version-X/R
//	blog/R                         i18n/LOCALE/docusaurus-plugin-content-blog/R
//	src/pages/R                    i18n/LOCALE/docusaurus-plugin-content-pages/R
//
// A section of the site (docs, a version, the blog) is in the layout only
// when some locale translates it: a site that translates its docs and not
// its blog has no missing blog posts.
type docusaurusSite struct {
	def      locale                        // the default locale, whose files are in docs/, blog/ …
	sections map[string]*docusaurusSection // by their folder in the site: "docs", "versioned_docs/version-1.0"
	order    []string                      // sections, deepest first, to match the paths of the default locale
}

type docusaurusSection struct {
	locales map[string]locale // by the name of their folder in i18n/
	set     *localeSet
}

const docusaurusPlugin = "docusaurus-plugin-content-"

// i18nSection returns the section of the site that a folder of
// i18n/LOCALE/ translates and the path in that section of the file at
// rest below it.
func i18nSection(plugin string, rest []string) (section string, rel []string, ok bool) {
	if !strings.HasPrefix(plugin, docusaurusPlugin) {
		return "", nil, false
	}
	kind, id, _ := strings.Cut(strings.TrimPrefix(plugin, docusaurusPlugin), "-")
	switch kind {
	case "docs":
		if len(rest) < 2 {
			return "", nil, false
		}
		current, versions := "docs", "versioned_docs"
		if id != "" {
			current, versions = id, id+"_versioned_docs"
		}
		switch {
		case rest[0] == "current":
			return current, rest[1:], true
		case strings.HasPrefix(rest[0], "version-"):
			return versions + "/" + rest[0], rest[1:], true
		}
	case "blog", "pages":
		if len(rest) < 1 {
			return "", nil, false
		}
		section := id
		if id == "" {
			section = map[string]string{"blog": "blog", "pages": "src/pages"}[kind]
		}
		return section, rest, true
	}
	return "", nil, false
}

// findDocusaurus returns the Docusaurus sites under root, by their
// folder's slash path relative to root.
func findDocusaurus(root string, rels [][]string, opt Options) map[string]*docusaurusSite {
	found := map[string]map[string]map[string]string{} // site → section → locale folder → language
	for _, parts := range rels {
		for i := 0; i+3 < len(parts); i++ {
			if parts[i] != "i18n" {
				continue
			}
			lang := LangOfName(parts[i+1])
			section, _, ok := i18nSection(parts[i+2], parts[i+3:])
			if lang == "" || !ok {
				continue
			}
			dir := strings.Join(parts[:i], "/")
			if found[dir] == nil {
				found[dir] = map[string]map[string]string{}
			}
			if found[dir][section] == nil {
				found[dir][section] = map[string]string{}
			}
			found[dir][section][parts[i+1]] = lang
			break
		}
	}
	sites := map[string]*docusaurusSite{}
	for dir, sections := range found {
		s := &docusaurusSite{sections: map[string]*docusaurusSection{}}
		name := configuredLocale(filepath.Join(root, filepath.FromSlash(dir)))
		if lang := LangOfName(name); lang != "" {
			s.def = locale{name, lang}
		} else {
			taken := map[string]bool{}
			for _, locs := range sections {
				for _, l := range locs {
					taken[l] = true
				}
			}
			lang, _ := defaultLang(taken, opt, "")
			s.def = locale{"", lang}
		}
		for section, locs := range sections {
			sec := &docusaurusSection{locales: map[string]locale{}}
			names := map[string]string{}
			for name, lang := range locs {
				// i18n/en/ in a site whose default locale is English holds
				// no translation.
				if s.def.lang == "" || lang != s.def.lang {
					sec.locales[name] = locale{name, lang}
					names[name] = lang
				}
			}
			if len(names) == 0 {
				continue
			}
			sec.set = newLocaleSet(&s.def, names)
			s.sections[section] = sec
			s.order = append(s.order, section)
		}
		if len(s.order) == 0 {
			continue
		}
		sort.Slice(s.order, func(i, j int) bool {
			di, dj := strings.Count(s.order[i], "/"), strings.Count(s.order[j], "/")
			if di != dj {
				return di > dj
			}
			return s.order[i] < s.order[j]
		})
		sites[dir] = s
	}
	return sites
}

// place finds the document and the locale of a file of the site, at the
// path q below the site's folder.
func (s *docusaurusSite) place(q []string) (rel string, loc locale, set *localeSet, ok bool) {
	if len(q) >= 4 && q[0] == "i18n" {
		section, r, ok := i18nSection(q[2], q[3:])
		if sec := s.sections[section]; ok && sec != nil {
			if loc, ok := sec.locales[q[1]]; ok {
				return section + "/" + strings.Join(r, "/"), loc, sec.set, true
			}
		}
		return "", locale{}, nil, false
	}
	for _, section := range s.order {
		sp := strings.Split(section, "/")
		if len(q) > len(sp) && strings.Join(q[:len(sp)], "/") == section {
			return strings.Join(q, "/"), s.def, s.sections[section].set, true
		}
	}
	return "", locale{}, nil, false
}

var defaultLocaleRE = regexp.MustCompile("defaultLocale\\s*:\\s*['\"`]([^'\"`]+)['\"`]")

// configuredLocale returns the defaultLocale of the Docusaurus config in
// dir, "" when there is none.
func configuredLocale(dir string) string {
	for _, name := range []string{"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs", "docusaurus.config.mts"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		if m := defaultLocaleRE.FindSubmatch(data); m != nil {
			return string(m[1])
		}
		return ""
	}
	return ""
}
