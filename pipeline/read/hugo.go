package read

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// hugoSite is a Hugo site (a folder with content/ and a Hugo config),
// which may translate its pages by file name: content/posts/a.md in the
// default language beside content/posts/a.zh.md. There, a page with no
// language in its name and no translation is a missing translation when
// other pages of its section (content/posts/) are translated by file name.
type hugoSite struct {
	lang string // defaultContentLanguage, "" when the config does not say
}

// hugoConfigs are the files that make a folder a Hugo site.
var hugoConfigs = []string{
	"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json",
	"config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/config.toml", "config/_default/config.yaml",
}

var defaultContentLanguageRE = regexp.MustCompile(`(?i)defaultContentLanguage["']?\s*[:=]\s*["']?([a-z]{2}(?:[-_][a-z0-9]+)*)`)

// findHugo returns the Hugo sites under root, by their folder's slash
// path relative to root.
func findHugo(root string, rels [][]string) map[string]*hugoSite {
	sites := map[string]*hugoSite{}
	seen := map[string]bool{}
	for _, parts := range rels {
		for i := 0; i+1 < len(parts); i++ {
			if parts[i] != "content" {
				continue
			}
			dir := strings.Join(parts[:i], "/")
			if seen[dir] {
				continue
			}
			seen[dir] = true
			abs := filepath.Join(root, filepath.FromSlash(dir))
			for _, name := range hugoConfigs {
				data, err := os.ReadFile(filepath.Join(abs, filepath.FromSlash(name)))
				if err != nil {
					continue
				}
				s := &hugoSite{}
				if m := defaultContentLanguageRE.FindSubmatch(data); m != nil {
					s.lang = LangOfName(string(m[1]))
				}
				sites[dir] = s
				break
			}
		}
	}
	return sites
}

// hugoSection returns the site and the section (content/posts/ →
// "posts"; "" for the pages right in content/) of a file, as a key, and
// the site's default language; ok is false outside Hugo sites.
func hugoSection(sites map[string]*hugoSite, parts []string) (key, lang string, ok bool) {
	for i := 0; i+1 < len(parts); i++ {
		if parts[i] != "content" {
			continue
		}
		dir := strings.Join(parts[:i], "/")
		s := sites[dir]
		if s == nil {
			continue
		}
		section := ""
		if i+2 < len(parts) {
			section = parts[i+1]
		}
		return dir + "\x00" + section, s.lang, true
	}
	return "", "", false
}
