package read

import (
	"testing"
)

const (
	zhDocs  = "i18n/zh-CN/docusaurus-plugin-content-docs/current/"
	zhBlog  = "i18n/zh-CN/docusaurus-plugin-content-blog/"
	zhPages = "i18n/zh-CN/docusaurus-plugin-content-pages/"
)

// Each case is a docs tree as a site generator or a team lays it out: the
// files found, paired source → target with their languages, and a file
// on one side only as a missing translation (-(zh) on the right) or an
// orphan one (-(en) on the left).
func TestLayouts(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		opt   Options
		want  string
	}{
		// Language folders.
		{"hugo content folders with region names",
			[]string{"content/en/_index.md", "content/zh-cn/_index.md", "content/en/posts/a.md", "content/zh-cn/posts/a.md",
				"content/en/posts/b.md", "content/zh-cn/posts/old.md"}, Options{},
			"content/en/_index.md(en)=content/zh-cn/_index.md(zh) content/en/posts/a.md(en)=content/zh-cn/posts/a.md(zh) " +
				"content/en/posts/b.md(en)=-(zh) -(en)=content/zh-cn/posts/old.md(zh)"},
		{"zh-hans, zh_CN and zh-Hant-TW folders",
			[]string{"i/en/a.md", "i/zh-hans/a.md", "j/en/a.md", "j/zh_CN/a.md", "k/en-US/a.md", "k/zh-Hant-TW/a.md"}, Options{},
			"i/en/a.md(en)=i/zh-hans/a.md(zh) j/en/a.md(en)=j/zh_CN/a.md(zh) k/en-US/a.md(en)=k/zh-Hant-TW/a.md(zh)"},
		{"a page missing in two languages is missing in each",
			[]string{"en/a.md", "fr/a.md", "zh/a.md", "en/b.md", "en/c.md", "fr/c.md"}, Options{},
			"en/a.md(en)=fr/a.md(fr) en/a.md(en)=zh/a.md(zh) en/b.md(en)=-(fr) en/b.md(en)=-(zh) " +
				"en/c.md(en)=fr/c.md(fr) en/c.md(en)=-(zh)"},
		{"only the target asked for is missing",
			[]string{"en/a.md", "fr/a.md", "zh/a.md", "en/b.md", "fr/c.md"}, Options{Target: "zh"},
			"en/a.md(en)=zh/a.md(zh) en/b.md(en)=-(zh)"},
		{"two locales of one language: each pairs, one missing Chinese",
			[]string{"en/a.md", "zh-cn/a.md", "zh-tw/a.md", "en/b.md"}, Options{},
			"en/a.md(en)=zh-cn/a.md(zh) en/a.md(en)=zh-tw/a.md(zh) en/b.md(en)=-(zh)"},
		{"translations with no source are orphans in each locale",
			[]string{"zh-cn/a.md", "zh-tw/a.md", "en/b.md"}, Options{},
			"en/b.md(en)=-(zh) -(en)=zh-cn/a.md(zh) -(en)=zh-tw/a.md(zh)"},

		// Docusaurus.
		{"docusaurus: docs, blog and pages",
			[]string{"docusaurus.config.js", "docs/intro.md", "docs/guide/a.mdx", "docs/guide/b.md", "blog/2021-01-01-hello.md",
				"blog/2021-02-02-new.md", "src/pages/about.md", "i18n/zh-CN/code.json",
				zhDocs + "intro.md", zhDocs + "guide/a.mdx", zhDocs + "old.md", zhBlog + "2021-01-01-hello.md", zhPages + "about.md"}, Options{},
			"blog/2021-01-01-hello.md(en)=" + zhBlog + "2021-01-01-hello.md(zh) blog/2021-02-02-new.md(en)=-(zh) " +
				"docs/guide/a.mdx(en)=" + zhDocs + "guide/a.mdx(zh) docs/guide/b.md(en)=-(zh) docs/intro.md(en)=" + zhDocs + "intro.md(zh) " +
				"-(en)=" + zhDocs + "old.md(zh) src/pages/about.md(en)=" + zhPages + "about.md(zh)"},
		{"docusaurus: a blog nobody translates has no missing posts",
			[]string{"blog/2021-01-01-hello.md", "docs/intro.md", zhDocs + "intro.md"}, Options{},
			"blog/2021-01-01-hello.md docs/intro.md(en)=" + zhDocs + "intro.md(zh)"},
		{"docusaurus: versioned docs, the translated version only",
			[]string{"versioned_docs/version-1.0/a.md", "versioned_docs/version-1.0/b.md", "versioned_docs/version-0.9/a.md",
				"i18n/fr/docusaurus-plugin-content-docs/version-1.0/a.md"}, Options{},
			"versioned_docs/version-1.0/a.md(en)=i18n/fr/docusaurus-plugin-content-docs/version-1.0/a.md(fr) " +
				"versioned_docs/version-0.9/a.md versioned_docs/version-1.0/b.md(en)=-(fr)"},
		{"docusaurus: a second docs plugin",
			[]string{"community/support.md", "i18n/ja/docusaurus-plugin-content-docs-community/current/support.md"}, Options{},
			"community/support.md(en)=i18n/ja/docusaurus-plugin-content-docs-community/current/support.md(ja)"},
		{"docusaurus: two locales, a page missing in one",
			[]string{"docs/a.md", "docs/b.md", "i18n/ja/docusaurus-plugin-content-docs/current/a.md", zhDocs + "a.md", zhDocs + "b.md"}, Options{},
			"docs/a.md(en)=i18n/ja/docusaurus-plugin-content-docs/current/a.md(ja) docs/a.md(en)=" + zhDocs + "a.md(zh) " +
				"docs/b.md(en)=-(ja) docs/b.md(en)=" + zhDocs + "b.md(zh)"},
		{"docusaurus: the default locale from the config is the source",
			[]string{"website/docusaurus.config.ts", "website/docs/a.md", "website/i18n/en/docusaurus-plugin-content-docs/current/a.md"}, Options{},
			"website/docs/a.md(zh)=website/i18n/en/docusaurus-plugin-content-docs/current/a.md(en)"},
		{"docusaurus: i18n/en/ and no config: the default locale is told from the text",
			[]string{"docs/a.md", "i18n/en/docusaurus-plugin-content-docs/current/a.md"}, Options{},
			"docs/a.md()=i18n/en/docusaurus-plugin-content-docs/current/a.md(en)"},
		{"docusaurus: --source picks the translation side",
			[]string{"docs/a.md", zhDocs + "a.md"}, Options{Source: "zh"},
			zhDocs + "a.md(zh)=docs/a.md(en)"},

		// A root locale: the default language at the top, the others in
		// subfolders (VitePress, mkdocs).
		{"vitepress: every page beside zh/ is English",
			[]string{"docs/.vitepress/config.ts", "docs/index.md", "docs/guide/a.md", "docs/guide/b.md", "docs/api/x.md",
				"docs/zh/index.md", "docs/zh/guide/a.md", "docs/zh/guide/old.md"}, Options{},
			"docs/api/x.md(en)=-(zh) docs/guide/a.md(en)=docs/zh/guide/a.md(zh) docs/guide/b.md(en)=-(zh) " +
				"docs/index.md(en)=docs/zh/index.md(zh) -(en)=docs/zh/guide/old.md(zh)"},
		{"root locale without a site config: only what zh/ translates",
			[]string{"docs/index.md", "docs/guide/a.md", "docs/guide/b.md", "docs/api/x.md",
				"docs/zh/index.md", "docs/zh/guide/a.md", "docs/zh/guide/old.md"}, Options{},
			"docs/api/x.md docs/guide/a.md(en)=docs/zh/guide/a.md(zh) docs/guide/b.md(en)=-(zh) " +
				"docs/index.md(en)=docs/zh/index.md(zh) -(en)=docs/zh/guide/old.md(zh)"},
		{"root locale and two language folders",
			[]string{"docs/a.md", "docs/b.md", "docs/ja/a.md", "docs/zh/a.md", "docs/zh/b.md"}, Options{},
			"docs/a.md(en)=docs/ja/a.md(ja) docs/a.md(en)=docs/zh/a.md(zh) docs/b.md(en)=-(ja) docs/b.md(en)=docs/zh/b.md(zh)"},
		{"a project's README translated in zh/",
			[]string{"README.md", "CONTRIBUTING.md", "zh/README.md", "src/x/README.md"}, Options{},
			"CONTRIBUTING.md README.md(en)=zh/README.md(zh) src/x/README.md"},
		{"root locale beside en/: its language is told from the text",
			[]string{"docs/README.md", "docs/en/README.md"}, Options{}, "docs/README.md()=docs/en/README.md(en)"},
		{"root locale beside en/ with --source zh",
			[]string{"docs/README.md", "docs/en/README.md"}, Options{Source: "zh"}, "docs/README.md(zh)=docs/en/README.md(en)"},
		{"a language folder that mostly holds other files is no translation of its parent",
			[]string{"README.md", "zh/README.md", "zh/a.md", "zh/b.md"}, Options{},
			"README.md zh/README.md zh/a.md zh/b.md"},
		{"an ambiguous folder is no translation of its parent", []string{"src/README.md", "src/it/README.md"}, Options{},
			"src/README.md src/it/README.md"},
		{"vitepress site: an ambiguous name is its locale", []string{"site/.vitepress/config.js", "site/a.md", "site/it/a.md"}, Options{},
			"site/a.md(en)=site/it/a.md(it)"},

		// Folders named like a language by accident.
		{"it and id folders in a source tree are not languages",
			[]string{"src/it/README.md", "src/id/README.md", "src/utils/README.md"}, Options{},
			"src/id/README.md src/it/README.md src/utils/README.md"},
		{"C# and TypeScript examples are not Czech and Tsonga",
			[]string{"examples/cs/README.md", "examples/ts/README.md", "examples/go/README.md"}, Options{},
			"examples/cs/README.md examples/go/README.md examples/ts/README.md"},
		{"one language folder is not a tree", []string{"docs/de/a.md", "docs/guide/a.md"}, Options{},
			"docs/de/a.md docs/guide/a.md"},
		{"one language folder is not a tree, one ambiguous one neither", []string{"docs/it/a.md", "docs/guide/a.md"}, Options{},
			"docs/guide/a.md docs/it/a.md"},
		{"an ambiguous name is a language beside a sure one", []string{"docs/en/a.md", "docs/it/a.md", "docs/it/b.md"}, Options{},
			"docs/en/a.md(en)=docs/it/a.md(it) -(en)=docs/it/b.md(it)"},

		// NAME.LANG.EXT, and Hugo's translation by file name.
		{"hugo: the file with no language is the default one",
			[]string{"content/posts/a.md", "content/posts/a.zh.md", "content/posts/b/index.md", "content/posts/b/index.zh.md",
				"content/posts/c.zh.md", "content/posts/d.md"}, Options{},
			"content/posts/a.md(en)=content/posts/a.zh.md(zh) content/posts/b/index.md(en)=content/posts/b/index.zh.md(zh) " +
				"-(en)=content/posts/c.zh.md(zh) content/posts/d.md"},
		{"hugo site: an untranslated page of a translated section is missing",
			[]string{"hugo.toml", "README.md", "content/about.md", "content/docs/x.md", "content/posts/a.md", "content/posts/a.zh-cn.md",
				"content/posts/b.md", "content/posts/c/index.md", "content/posts/c/index.zh-cn.md", "content/posts/d/index.md"}, Options{},
			"README.md content/about.md content/docs/x.md content/posts/a.md(en)=content/posts/a.zh-cn.md(zh) content/posts/b.md(en)=-(zh) " +
				"content/posts/c/index.md(en)=content/posts/c/index.zh-cn.md(zh) content/posts/d/index.md(en)=-(zh)"},
		{"hugo site in Chinese: defaultContentLanguage names the language of a.md",
			[]string{"site/config.toml", "site/content/posts/a.md", "site/content/posts/a.en.md", "site/content/posts/b.md"}, Options{},
			"site/content/posts/a.md(zh)=site/content/posts/a.en.md(en) site/content/posts/b.md(zh)=-(en)"},
		{"ant-design: index.en-US.md beside index.zh-CN.md, one-file demos alone",
			[]string{"components/button/index.en-US.md", "components/button/index.zh-CN.md", "components/button/demo/basic.md",
				"components/card/index.en-US.md", "components/tag/index.zh-CN.md", "docs/react/intro.en-US.md", "docs/react/intro.zh-CN.md"}, Options{},
			"components/button/demo/basic.md components/button/index.en-US.md(en)=components/button/index.zh-CN.md(zh) " +
				"components/card/index.en-US.md(en)=-(zh) -(en)=components/tag/index.zh-CN.md(zh) " +
				"docs/react/intro.en-US.md(en)=docs/react/intro.zh-CN.md(zh)"},
		{"every spelling of the suffix",
			[]string{"v1/page.md", "v1/page.zh.md", "v2/page.en.md", "v2/page.zh-CN.md", "v3/page.en-US.md", "v3/page.zh_CN.md",
				"v4/page.md", "v4/page.zh-Hans.md", "v5/page.en.mdx", "v5/page.zh-Hant-TW.mdx"}, Options{},
			"v1/page.md(en)=v1/page.zh.md(zh) v2/page.en.md(en)=v2/page.zh-CN.md(zh) v3/page.en-US.md(en)=v3/page.zh_CN.md(zh) " +
				"v4/page.md(en)=v4/page.zh-Hans.md(zh) v5/page.en.mdx(en)=v5/page.zh-Hant-TW.mdx(zh)"},
		{"README.md beside README.en.md is the source, its language told from its text",
			[]string{"README.md", "README.en.md"}, Options{}, "README.md()=README.en.md(en)"},
		{"README.md beside README.en.md with --source zh",
			[]string{"README.md", "README.en.md"}, Options{Source: "zh"}, "README.md(zh)=README.en.md(en)"},
		{"--source names a suffix: the file with no language is English and a target",
			[]string{"a.md", "a.zh.md"}, Options{Source: "zh"}, "a.zh.md(zh)=a.md(en)"},
		{"a file with no language beside two languages stands alone",
			[]string{"index.md", "index.en.md", "index.zh.md"}, Options{}, "index.en.md(en)=index.zh.md(zh) index.md"},
		{"a suffixed file alone, with no pair under the folder, stands alone",
			[]string{"notes.zh.md", "other.md"}, Options{}, "notes.zh.md other.md"},
		{"a suffixed file alone in a locale no pair uses stands alone",
			[]string{"a.en.md", "a.zh.md", "b.fr.md"}, Options{}, "a.en.md(en)=a.zh.md(zh) b.fr.md"},
		{"two spellings of one language by name: no target, files stand alone",
			[]string{"a.zh-CN.md", "a.zh-TW.md"}, Options{}, "a.zh-CN.md a.zh-TW.md"},

		// Files that hold both languages are never paired.
		{"PO, XLIFF and TMX files stand alone in trees and by name",
			[]string{"en/ui.po", "zh/ui.po", "msgs.en.xlf", "msgs.zh_CN.xlf", "tm.en.tmx", "tm.zh.tmx"}, Options{},
			"en/ui.po msgs.en.xlf msgs.zh_CN.xlf tm.en.tmx tm.zh.tmx zh/ui.po"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{}
			for _, f := range tt.files {
				files[f] = "x"
			}
			if _, ok := files["docusaurus.config.js"]; ok {
				files["docusaurus.config.js"] = "export default {\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', 'zh-CN'],\n  },\n};\n"
			}
			if _, ok := files["hugo.toml"]; ok {
				files["hugo.toml"] = "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n[languages.zh-cn]\nweight = 2\n"
			}
			if _, ok := files["site/config.toml"]; ok {
				files["site/config.toml"] = "DefaultContentLanguage = \"zh-cn\"\n"
			}
			if _, ok := files["website/docusaurus.config.ts"]; ok {
				files["website/docusaurus.config.ts"] = "const config: Config = {\n  i18n: { defaultLocale: \"zh-Hans\", locales: [\"zh-Hans\", \"en\"] },\n};\n"
			}
			dir := writeTree(t, files)
			d := Walk([]string{dir}, tt.opt)
			if len(d.Problems) > 0 {
				t.Fatalf("problems: %v", d.Problems)
			}
			if got := describe(dir, d.Inputs); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
