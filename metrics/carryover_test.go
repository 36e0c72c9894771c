package metrics

import (
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
	"github.com/transcheck/transcheck/pipeline/lexicon"
)

func zhEnLexicon(t *testing.T) func(string, string) *lexicon.Lexicon {
	lex, err := lexicon.ZhEn()
	if err != nil {
		t.Fatal(err)
	}
	return func(s, tg string) *lexicon.Lexicon { return lex }
}

// formatDoc builds a document of the given format whose units each hold
// one pair. A pair text may hold several segments separated by "¶": in
// Markdown the sentences of a paragraph, the first of which the aligner
// paired; in other formats the variants of a message (msgid and
// msgid_plural), all in the pair the format declares.
func formatDoc(format, source, target string, pairs [][2]string) *document.Document {
	markdown := format == "markdown"
	doc := &document.Document{Format: format, Source: source, Target: target, Directed: true, Paired: !markdown}
	for i, p := range pairs {
		u := &document.Unit{Kind: "paragraph"}
		for j, text := range p {
			for _, s := range strings.Split(text, "¶") {
				u.Segments = append(u.Segments, &document.Segment{Text: s, Lang: []string{source, target}[j],
					Role: document.Role(j + 1), Pos: document.Position{Path: "d." + format, Line: i + 1}})
			}
		}
		doc.Units = append(doc.Units, u)
	}
	doc.Index()
	for _, u := range doc.Units {
		var src, tgt []int
		for _, s := range u.Segments {
			switch {
			case s.Role == document.RoleSource && (src == nil || !markdown):
				src = append(src, s.ID)
			case s.Role == document.RoleTarget && (tgt == nil || !markdown):
				tgt = append(tgt, s.ID)
			}
		}
		doc.Beads = append(doc.Beads, document.Bead{Source: src, Target: tgt, Score: 1})
	}
	return doc
}

// TestCarryover keeps true and false cases side by side: a case with a
// want must be found with that severity, a case without must not.
func TestCarryover(t *testing.T) {
	type tc struct {
		name, src, tgt string
		want           string // "" for no finding, else substrings of the message separated by "|"
		severity       Severity
	}
	run := func(t *testing.T, format, source, target string, tests []tc) {
		t.Helper()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				doc := formatDoc(format, source, target, [][2]string{{tt.src, tt.tgt}})
				cfg := DefaultConfig()
				fs := Run(doc, []*Metric{Carryover}, cfg)
				if tt.want == "" {
					if len(fs) != 0 {
						t.Errorf("unexpected finding: %s", fs[0].Message)
					}
					return
				}
				if len(fs) != 1 {
					t.Fatalf("got %d findings, want one %v naming %s", len(fs), tt.severity, tt.want)
				}
				for _, w := range strings.Split(tt.want, "|") {
					if !strings.Contains(fs[0].Message, w) {
						t.Errorf("message %q does not say %q", fs[0].Message, w)
					}
				}
				if fs[0].Severity != tt.severity {
					t.Errorf("severity %v, want %v (%s)", fs[0].Severity, tt.severity, fs[0].Message)
				}
				if fs[0].Confidence <= 0 || fs[0].Confidence > 1 {
					t.Errorf("confidence %v out of (0, 1]", fs[0].Confidence)
				}
			})
		}
	}
	t.Run("po", func(t *testing.T) {
		run(t, "po", "en", "zh", []tc{
			{"printf kept", "Deleted %d files.", "已删除 %d 个文件。", "", 0},
			{"printf dropped", "Deleted %d files in %s.", "已删除 %d 个文件。", "placeholder “%s” missing from the target", Error},
			{"printf dropped, real", `Enter custom text to append to the command "%s":`, "在这里输入自定义文本，所有输入的文本将追加到命令上。", "placeholder “%s” missing", Error},
			{"positional reorder", "Setting indentation width to %d for %s.", "为 %2$s 设置缩进宽度 %1$d。", "", 0},
			{"positional reorder of one verb", "Setting %s indentation mode for %s.", "为 %2$s 设置 %1$s 缩进模式。", "", 0},
			{"positional dropped", "Copy %1$s to %2$s", "复制 %1$s 到 %1$s", "“%2$s” changed to “%1$s”", Error},
			{"printf changed", "%d files", "%s 个文件", "placeholder “%d” changed to “%s”", Error},
			{"printf added", "Saved.", "已保存 %s。", "placeholder “%s” in the target is not in the source", Error},
			{"escaped percent kept", "failed to substitute %%%c: document has no path", "无法替换 %%%c：文档没有路径", "", 0},
			{"escaped percent, conversion dropped", "failed to substitute %%%c: document has no path", "无法替代 %%p，没有活动的项目", "placeholder “%c” missing", Error},
			{"width and length", "%-20s %ld items", "%-20s %ld 项", "", 0},
			{"percent of", "90% of the work is done", "90% 的工作已完成", "", 0},
			{"percent customer", "100% customer satisfaction", "客户满意度百分之百", "", 0},
			{"percent positive", "with 95% positive comments", "获得了95%的好评率", "", 0},
			{"spaced percent", "more than 23 % of the fish", "超过23%的鱼", "", 0},
			{"python mapping key", "%(count)d files", "%(count)d 个文件", "", 0},
			{"python mapping key dropped", "%(count)d files", "%d 个文件", "“%(count)d” changed to “%d”", Error},
			{"icu kept", "Hello, {name}!", "你好，{name}！", "", 0},
			{"icu translated", "Hello, {name}!", "你好，{名字}！", "placeholder “{name}” missing", Error},
			{"icu number", "Page {0} of {1}", "第 {0} 页，共 {1} 页", "", 0},
			{"icu number dropped", "Page {0} of {1}", "第 {0} 页", "placeholder “{1}” missing", Error},
			{"icu plural", "{count, plural, one {# file} other {# files}}", "{count, plural, other {# 个文件}}", "", 0},
			{"icu plural, nested argument dropped", "{count, plural, one {# file by {user}} other {# files by {user}}}", "{count, plural, other {# 个文件}}", "placeholder “{user}” missing", Error},
			{"icu plural with translated keyword", "{n, plural, one {# file} other {# files}}", "{number, plural, other {# 个文件}}", "“{n}” changed to “{number}”", Error},
			{"JavaScript object", "Use { a: 1 } here", "在此使用对象", "", 0},
			{"mustache kept", "Welcome, {{user.name}}", "欢迎，{{ user.name }}", "", 0},
			{"mustache dropped", "Welcome, {{name}}", "欢迎", "placeholder “{{name}}” missing", Error},
			{"dollar placeholder dropped", "Replace with $1", "替换为", "placeholder “$1” missing", Error},
			{"dollar placeholder kept", "Replace with $1", "替换为 $1", "", 0},
			{"money", "an income of US $20 billion", "200亿美元的收入", "", 0},
			{"money with digits", "It costs $5 per month.", "每月 5 美元。", "", 0},
			{"tags kept", "<b>Warning:</b> %s", "<b>警告：</b>%s", "", 0},
			{"tags dropped", "\n<i>Other plugins depend on this.</i>\n", "\n有其他插件依赖于该插件。\n", "inline tag “<i>” missing|inline tag “</i>” missing", Error},
			{"siblings reordered", "<b>a</b> and <i>b</i>", "<i>乙</i>和<b>甲</b>", "", 0},
			{"tag closed before it opens", "<b>bold</b> text", "</b>粗体<b>文字", "out of order", Error},
			{"tags crossed", "<b><i>x</i></b>", "<b><i>甲</b></i>", "out of order", Error},
			{"br forms", "Line one<br>line two", "第一行<br />第二行", "", 0},
			{"usage metavariables", "Usage: %s -g <Tags File> <File list>", "用法：%s -g <标记文件> <文件列表>", "", 0},
			{"usage argument", "Usage: %s <file>", "用法：%s <文件>", "", 0},
			{"url kept", "Report bugs to https://github.com/geany/geany/issues.", "到 https://github.com/geany/geany/issues 报告问题。", "", 0},
			{"url dropped", "Specify a format for the {date} wildcard. See https://docs.gtk.org/glib/method.DateTime.format.html.", "定义 {date} (日期) 通配符的格式。", "link “https://docs.gtk.org/glib/method.DateTime.format.html” missing", Warning},
			{"email dropped", "Mail %s to bugs@example.org", "将 %s 发送给我们", "e-mail address “bugs@example.org” missing", Warning},
			{"acronym is not carried", "Overwrite (OVR)", "覆盖", "", 0},
			{"plural forms", "%d file saved.¶%d files saved.", "%d 个文件已保存。", "", 0},
			{"plural forms, singular without the number", "One file saved in %s.¶%d files saved in %s.", "%d 个文件已保存到 %s。", "", 0},
			{"plural forms, mapping key dropped", "%(count)d file¶%(count)d files", "%d 个文件", "“%(count)d” changed to “%d”", Error},
			{"plural forms, placeholder dropped", `Found %d match for "%s".¶Found %d matches for "%s".`, "找到 %d 个匹配项。", "placeholder “%s” missing", Error},
		})
	})
	t.Run("xliff", func(t *testing.T) {
		run(t, "xliff", "en", "zh", []tc{
			{"inline codes kept", "{1}Click{/1} here", "在此{1}点击{/1}", "", 0},
			{"inline codes dropped", "{1}Click{/1} here to save", "点击此处保存", "inline tag “{1}” missing|inline tag “{/1}” missing", Error},
			{"inline codes reordered", "{1}Click{/1} here", "{/1}点击{1}此处", "out of order", Error},
			{"x tag kept", `<x id="1"/> files`, `<x id="1"/> 个文件`, "", 0},
			{"x tag changed", `<x id="1"/> files`, `<x id="2"/> 个文件`, `inline tag “<x id="1"/>” missing`, Error},
			{"positional placeholder dropped", "Copy %1$s to %2$s", "复制到 %2$s", "placeholder “%1$s” missing", Error},
			{"named placeholder dropped", "Hello, {name}! You have {count, plural, one {# message} other {# messages}}.", "你好！你有 {count, plural, other {# 条消息}}。", "placeholder “{name}” missing", Error},
			{"paired inline code with an id", "{source1}Define Bliss functions{/source1}", "{source1}定义 Bliss 的功能{/source1}", "", 0},
			{"paired inline code with an id dropped", "{source1}Define Bliss functions{/source1}", "定义 Bliss 的功能", "inline tag “{source1}” missing", Error},
			{"symfony plural", "It should have {{ limit }} character or more.|It should have {{ limit }} characters or more.", "长度不可少于 {{ limit }} 个字符。", "", 0},
			{"symfony plural, placeholder dropped", "It should have {{ limit }} character or more.|It should have {{ limit }} characters or more.", "长度太短。", "placeholder “{{ limit }}” missing", Error},
		})
	})
	t.Run("markdown", func(t *testing.T) {
		run(t, "markdown", "zh", "en", []tc{
			{"code kept", "运行 `go vet` 检查", "Run `go vet` to check", "", 0},
			{"code dropped", "运行 `go vet` 和 `go test` 检查", "Run `go test` to check", "inline code “go vet” missing", Info}, // judged 3 of 33 real on the docs trees
			{"code dropped from a different sentence", "运行 `go vet` 检查", "Something else entirely.", "", 0},
			{"placeholder dropped from a different sentence", "参见 ${name} 的说明", "Something else entirely.", "placeholder “${name}” missing", Info},
			{"code in Chinese is a term", "`dataZoom` 通过 `数据过滤` 实现 `数据窗口缩放`", "`dataZoom` works through data filtering", "", 0},
			{"identifier of a glossed term", "建议使用 `透明度（opacity）` 而非 `颜色透明度（colorAlpha）`", "`opacity` is recommended, rather than `colorAlpha`", "", 0},
			{"url dropped", "见 [文档](https://example.com/docs/a) 中 `foo` 的说明", "See the description of `foo`.", "link “https://example.com/docs/a” missing", Info},
			{"url localised", "参见 [series.data](https://echarts.apache.org/option.html#series-line.data)", "See [time in series.data](https://ecomfe.github.io/echarts-doc/public/en/option.html#series-line.data)", "", 0},
			{"url replaced by a site link", "默认从全局调色盘 [option.color](https://echarts.apache.org/zh/option.html#color) 获取颜色", "Color is taken from [option.color Palette](~color) by default.", "", 0},
			{"url locale", "见 [API](https://developer.mozilla.org/zh-CN/docs/Web/API)", "See [API](https://developer.mozilla.org/en-US/docs/Web/API)", "", 0},
			{"encoded anchor", "参见 [个性化图表的样式](~%E4%B8%AA%E6%80%A7%E5%8C%96)。", "See [Customized Chart Styles](~Customized%20Chart%20Styles).", "", 0},
			{"template variable", "参见 [align](~${componentType}.axisLabel.align) 与 ${name} 的说明", "See [align](~${componentType}.axisLabel.align) for details", "placeholder “${name}” missing", Error},
			{"template variable with filter", "#${prefix} title(Object)", "#${prefix|default('#')} title(Object)", "", 0},
			{"template statements", "{{ target: partial-x }} 颜色 {{ if: ${useColor} }} 默认 {{ else }} 无 {{ /if }} {{ use: partial-y(name = 1) }} {{ /target }}", "Color.", "", 0},
			{"handlebars statements", "{{#if x}}颜色{{else}}无{{/if}}", "Color", "", 0},
			{"br is layout", "这类页面一般会提供两类导航形式。<br/>", "This type of page generally provides two types of navigation forms.", "", 0},
			{"percent of", "占比 100% customer", "100% of customers", "", 0},
			{"code rendered in words", "修复 `label.formatter` 与 `smoothMonotone` 不起作用的问题", "Fix label formatter and monotone smooth not working", "", 0},
			{"code changed", "从 `series.data` 或者 `dataset.source` 中自动收集", "collected from `series.data` or `dataset.soruce`", "inline code “dataset.source” changed to “dataset.soruce”", Info},
			{"changelog entries paired wrongly", "+ [Fix] [stack] 修复数字 `getPrecisionSafe` 在科学符号上执行不正确。", "+ [Fix] [label] Ensure the label of the temporary symbol is in front.", "", 0},
			{"code in another case", "使用 `yyyy-mm-dd` 格式", "In the `YYYY-MM-DD` format", "", 0},
			{"plain word in backticks", "在 `multiple` 模式下 `ReactNode` 的渲染", "Render function of ReactNode in the mode", "inline code “multiple” missing", Info},
			{"JavaScript object in a table", "| styles | (info: { props }) => Record |", "| styles | (info) => Record |", "", 0},
			{"anchor", "所以我们称之为组件级方案。 <a name=\"W668Z\"></a>", "So we call it a component-level solution.", "", 0},
			{"component", "<ImagePreview>重复元素可以是一条粗线</ImagePreview>", "The repetitive element may be a thick rule", "", 0},
			{"inline html dropped", "按 <kbd>Ctrl</kbd> 键运行 `go vet`", "Press Ctrl to run `go vet`", "inline tag “<kbd>” missing|inline tag “</kbd>” missing", Warning}, // an HTML tag in a page: judged 0 of 1 real
		})
	})
	t.Run("markdown en-zh", func(t *testing.T) {
		run(t, "markdown", "en", "zh", []tc{
			{"ui text in backticks", "| placeholder | Display when there's no value | `Select a time` |", "| placeholder | 没有值的时候显示的内容 | `请选择时间` |", "", 0},
			{"ui text translated in backticks", "| tooltips | Custom tooltip text | [`Copy`, `Copied`] |", "| tooltips | 自定义提示文案 | [`复制`, `复制成功`] |", "", 0},
			{"code example translated", "Things like `_this_` will reproduce verbatim in `godoc`", "像 `_这样_` 的东西在 `godoc` 中将按照原样输出", "", 0},
			{"prose in backticks", "only work in `Menu mode` of `FloatButton`", "仅在 `FloatButton` 菜单模式中有效", "", 0},
			{"link localised to another site", "Visit `Vite` at its [User Guide](https://vite.dev/).", "参考 `Vite` 的[官方文档](https://cn.vitejs.dev/)。", "", 0},
			{"link scheme", "- [Tencent](http://www.tencent.com) and `x`", "- [腾讯](https://tencent.com) 和 `x`", "", 0},
			{"link query locale", "[Documentation](https://ai.google.dev/gemini-api/docs?hl=en) `x`", "[文档](https://ai.google.dev/gemini-api/docs?hl=zh-cn) `x`", "", 0},
			{"link dropped", "In this [RFC](https://github.com/ant-design/ant-design/discussions/44654), all tokens of `antd` are mapped.", "在这篇 RFC 中，`antd` 所有 token 都映射到 CSS 变量。", "link “https://github.com/ant-design/ant-design/discussions/44654” missing", Info},
		})
	})
}

// TestCarryoverParagraph: a token the aligner put in the next sentence of
// the same paragraph is not missing.
func TestCarryoverParagraph(t *testing.T) {
	doc := formatDoc("markdown", "en", "zh", [][2]string{{
		"[#58006](https://github.com/ant-design/ant-design/pull/58006) [@ug-hero](https://github.com/ug-hero)",
		"修复问题。¶[#58006](https://github.com/ant-design/ant-design/pull/58006) [@ug-hero](https://github.com/ug-hero)",
	}})
	if fs := Run(doc, []*Metric{Carryover}, DefaultConfig()); len(fs) != 0 {
		t.Errorf("link in the next sentence of the paragraph reported: %+v", fs)
	}
}

// TestCarryoverDoNotTranslate: a do-not-translate glossary term is
// carryover's when the terms check is off; with it on, terms reports it
// once.
func TestCarryoverDoNotTranslate(t *testing.T) {
	g, err := ParseGlossary(strings.NewReader("source,target,flags\nWeChat,WeChat,dnt\n"), "g.csv", "en", "zh")
	if err != nil {
		t.Fatal(err)
	}
	doc := formatDoc("po", "en", "zh", [][2]string{{"Share on WeChat", "分享到微信"}, {"Share on WeChat", "分享到 WeChat"}})
	cfg := DefaultConfig()
	cfg.Glossary = g
	cfg.Disabled = map[string]bool{"terms": true}
	fs := Run(doc, []*Metric{Carryover}, cfg)
	if len(fs) != 1 || fs[0].Source.Line != 1 || !strings.Contains(fs[0].Message, "do-not-translate term “WeChat” missing") || fs[0].Severity != Warning {
		t.Fatalf("want one warning for WeChat on line 1, got %+v", fs)
	}
	cfg.Disabled = nil
	if fs := Run(doc, []*Metric{Carryover, Terms}, cfg); len(fs) != 1 || fs[0].Check != "terms" {
		t.Fatalf("want the terms check alone to report it, got %+v", fs)
	}
}

// TestCarryoverLeavesNames: Latin names and acronyms are the opt-in names
// check's; translators rightly translate them.
func TestCarryoverLeavesNames(t *testing.T) {
	doc := pairedDoc([][2]string{{"占GDP的4.7%", "accounted for 4.7% of its output"}, {"调用 parseFlags 函数", "Call the function."}})
	if fs := Run(doc, []*Metric{Carryover}, DefaultConfig()); len(fs) != 0 {
		t.Errorf("carryover reports names: %+v", fs)
	}
}

func TestGlossaryAndTerms(t *testing.T) {
	g, err := ParseGlossary(strings.NewReader("source,target,flags\n网络空间,cyberspace\n习近平,Xi Jinping|President Xi,case-sensitive\nWeChat,WeChat,dnt\n"), "g.csv", "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 3 || !g.Terms[1].CaseSensitive || !g.Terms[2].DoNotTranslate {
		t.Fatalf("parsed %+v", g.Terms)
	}
	doc := pairedDoc([][2]string{
		{"网络空间是新生事物。", "Cyberspaces are a new thing."},
		{"网络空间不是法外之地。", "The online world is not lawless."},
		{"习近平主席访美。", "President xi jinping visited the US."},
	})
	cfg := DefaultConfig()
	cfg.Glossary = g
	fs := Run(doc, []*Metric{Terms}, cfg)
	var lines []int
	for _, f := range fs {
		lines = append(lines, f.Source.Line)
	}
	if len(fs) != 2 || lines[0] != 2 || lines[1] != 3 || !strings.Contains(fs[0].Message, "g.csv:2") {
		t.Fatalf("want findings on lines 2 (cyberspace missing) and 3 (case-sensitive Xi Jinping), got %+v", fs)
	}
}

func TestGlossaryErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"g.csv", "a,b\nlonely\n", "g.csv:2: a glossary row needs a source term and a target term"},
		{"g.csv", "a,b,sometimes\n", `g.csv:1: unknown flag "sometimes"`},
		{"g.csv", "a,\"b\n", "g.csv:1:"},
		{"g.tbx", "<martif><text><body><termEntry>", "g.tbx:1:"},
	}
	for _, tt := range tests {
		_, err := ParseGlossary(strings.NewReader(tt.text), tt.name, "zh", "en")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.want)
		}
	}
}

func TestTBX(t *testing.T) {
	tbx := `<?xml version="1.0"?><martif type="TBX-Basic"><text><body>
<termEntry id="1"><langSet xml:lang="zh-CN"><tig><term>网络空间</term></tig></langSet><langSet xml:lang="en"><tig><term>cyberspace</term></tig></langSet></termEntry>
</body></text></martif>`
	g, err := ParseGlossary(strings.NewReader(tbx), "g.tbx", "zh", "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Terms) != 1 || g.Terms[0].Source != "网络空间" || g.Terms[0].Targets[0] != "cyberspace" {
		t.Fatalf("parsed %+v", g.Terms)
	}
}

func TestCoveragePartialOmission(t *testing.T) {
	pairs := [][2]string{
		{"中美同为世界上两个最大的经济体,也是信息技术飞速发展的最大受益者。", "As the two biggest economies, the US and China are the biggest beneficiaries of the rapid development of information technology."},
		{"网络空间是人类共同的活动空间,网络安全攸关各国主权、安全和发展利益。", "Cyberspace is a common space of human activities, and cyber security bears on the sovereignty, security and development interests of all countries."},
		{"恐怖主义与互联网结合,是当前暴力恐怖活动主要源头。", "Terrorism, coupled with the Internet, is now the main source of violent terrorist activities."},
		{"中美在网络安全问题上并非事事都看法一致,但这不应影响双方的合作。", "The US and China may not agree on every cyber security issue, but this should not affect cooperation between the two sides."},
		{"网络攻击和网络犯罪大幅增长,这损害各国人民权益。", "Cyber attacks and cyber crime have grown sharply, which harms the rights and interests of people of all countries."},
		{"中国主张以和平、主权、共治、普惠的基本原则治理网络空间。", "China advocates governing cyberspace on the basic principles of peace, sovereignty, shared governance and shared benefits."},
		{"互联网为全球经济社会发展带来巨大数字机遇和红利,同时也带来前所未有的挑战,网络安全威胁和风险日益突出。", "The Internet has brought digital opportunities."},
	}
	doc := pairedDoc(pairs)
	cfg := DefaultConfig()
	cfg.Lexicon = zhEnLexicon(t)
	fs, measures, _ := RunMeasures(doc, []*Metric{Coverage}, cfg, Basis{})
	if c := measures["coverage"].Value(); c <= 0.2 || c >= 1 {
		t.Errorf("document coverage %.2f is not a share between the pairs' figures", c)
	}
	if len(fs) != 1 || fs[0].Check != "partial_omission" || fs[0].Source.Line != 7 {
		t.Fatalf("want one partial_omission on line 7, got %+v", fs)
	}
	for _, w := range []string{"挑战", "威胁"} {
		if !strings.Contains(fs[0].Message, w) {
			t.Errorf("message %q does not name the dropped word %s", fs[0].Message, w)
		}
	}
}

// Links are localised: the locale segment and the anchor may change, and
// the site may be the translation's own (a mirror with the same pages);
// the host and the path may not otherwise.
func TestCarryoverLocalisedLinks(t *testing.T) {
	for _, tt := range []struct {
		tok, tgt string
		want     bool
	}{
		{"/docs/react/getting-started#install", "请先阅读快速上手 /docs/react/getting-started-cn#安装 。", true},
		{"customize-theme#how-to-avoid-modifying-global-styles", "见 customize-theme-cn#如何避免修改全局样式", true},
		{"https://developer.mozilla.org/en-US/docs/Web/API", "https://developer.mozilla.org/zh-CN/docs/Web/API", true},
		{"https://ant.design/docs/en/guide", "https://ant.design/docs/zh/guide", true},
		{"#size", "见尺寸", true},
		{"https://echarts.apache.org/option.html#dataZoom", "in [dataZoom](https://ecomfe.github.io/echarts-doc/public/en/option.html#dataZoom).", true},
		{"/docs/react/getting-started", "/docs/react/introduce-cn", false},
		{"https://ant.design/components/button", "https://ant.design/components/input", false},
		{"https://example.com/a", "https://example.org/a", false},
		{"https://example.com/", "https://example.org/", false},
	} {
		if got := linkIn(tt.tok, tt.tgt); got != tt.want {
			t.Errorf("linkIn(%q, %q) = %v, want %v", tt.tok, tt.tgt, got, tt.want)
		}
	}
}

// TestCarryoverSplitTag: a tag whose opening the sentence splitter left
// in the previous sentence (at the 。 of a translated attribute) is
// neither missing nor out of order.
func TestCarryoverSplitTag(t *testing.T) {
	doc := &document.Document{Format: "markdown", Source: "en", Target: "zh", Directed: true}
	seg := func(text, lang string, role document.Role) *document.Segment {
		return &document.Segment{Text: text, Lang: lang, Role: role, Pos: document.Position{Path: "d.md", Line: 1}}
	}
	doc.Units = []*document.Unit{
		{Kind: "html", Segments: []*document.Segment{seg(`<code src="./demo/basic" description="The most basic pagination.">Few Pages</code>`, "en", document.RoleSource)}},
		{Kind: "html", Segments: []*document.Segment{seg(`<code src="./demo/basic" description="最基础的分页。`, "zh", document.RoleTarget), seg(`">少量页面</code>`, "zh", document.RoleTarget)}},
	}
	doc.Index()
	doc.Beads = []document.Bead{{Source: []int{0}, Target: []int{2}, Score: 0.5}}
	if fs := Run(doc, []*Metric{Carryover}, DefaultConfig()); len(fs) != 0 {
		t.Errorf("tag split across sentences reported: %+v", fs)
	}
}

// mayCarry's single pass agrees with the expression it replaced.
func FuzzMayCarry(f *testing.F) {
	for _, s := range []string{"plain prose.", "see https://x", "www.x.org", "[a](b)", "50%", "{x}", "`c`", "a@b", "<b>", "$5", "ww.", ":/", "]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.ContainsAny(s, "`@{%$<") || strings.Contains(s, "://") ||
			strings.Contains(s, "www.") || strings.Contains(s, "](")
		if got := mayCarry(s); got != want {
			t.Errorf("mayCarry(%q) = %v, want %v", s, got, want)
		}
	})
}
