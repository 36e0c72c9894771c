package read

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

// adocMarked shows a segment's text with its markup spans between ⟦ and ⟧,
// the form the tests below write what they expect in.
func adocMarked(s *document.Segment) string {
	var b strings.Builder
	at := 0
	for _, m := range s.Markup {
		b.WriteString(s.Text[at:m[0]])
		b.WriteString("⟦" + s.Text[m[0]:m[1]] + "⟧")
		at = m[1]
	}
	b.WriteString(s.Text[at:])
	return b.String()
}

// adocBlanked returns what Prose must return for a marked text: the text with
// every byte between ⟦ and ⟧ turned into a space.
func adocBlanked(marked string) string {
	var b strings.Builder
	in := false
	for _, r := range marked {
		switch {
		case r == '⟦':
			in = true
		case r == '⟧':
			in = false
		case in:
			b.WriteString(strings.Repeat(" ", len(string(r))))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// adocDescribe gives a unit as "LINE KIND" with its level, anchor, info and
// skip reason when set, then its text with the markup marked.
func adocDescribe(u *document.Unit) string {
	s := u.Segments[0]
	d := fmt.Sprintf("%d %s", s.Pos.Line, u.Kind)
	if u.Kind == "heading" {
		d += fmt.Sprintf(" L%d", u.Level)
	}
	if u.Anchor != "" {
		d += " #" + u.Anchor
	}
	if u.Info != "" {
		d += " info=" + u.Info
	}
	if s.Skip != "" {
		return d + " skip=" + s.Skip
	}
	return d + ": " + adocMarked(s)
}

// checkAsciiDoc reads text and checks every unit against want (see
// describe), each segment's position (checkText), its prose, and that its
// markup spans are in order, inside the text and disjoint.
func checkAsciiDoc(t *testing.T, text string, want []string) {
	t.Helper()
	doc := AsciiDoc("a.adoc", text)
	if doc.Format != "asciidoc" {
		t.Errorf("format %q", doc.Format)
	}
	checkText(t, doc, "a.adoc", text)
	checkDisjoint(t, doc)
	checkMarkupSpans(t, doc)
	var got []string
	for _, u := range doc.Units {
		got = append(got, adocDescribe(u))
		s := u.Segments[0]
		if s.Skip == "" {
			if p := s.Prose(); p != adocBlanked(adocMarked(s)) {
				t.Errorf("line %d: Prose() = %q, want %q", s.Pos.Line, p, adocBlanked(adocMarked(s)))
			}
		} else if strings.TrimSpace(s.Prose()) != "" {
			t.Errorf("line %d: skipped unit has prose %q", s.Pos.Line, s.Prose())
		}
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("units\n--- got\n%s\n--- want\n%s", g, w)
	}
}

// checkDisjoint checks that the units are in file order and that no two
// hold the same byte: a block is read once.
func checkDisjoint(t *testing.T, doc *document.Document) {
	t.Helper()
	end := 0
	for _, u := range doc.Units {
		if u.Pos.Start < end {
			t.Fatalf("unit at line %d (bytes %d-%d) overlaps or precedes the unit before it (ending at %d)", u.Pos.Line, u.Pos.Start, u.Pos.End, end)
		}
		end = u.Pos.End
	}
}

// checkMarkupSpans checks that every segment's markup spans are in order,
// non-empty, disjoint and inside its text.
func checkMarkupSpans(t *testing.T, doc *document.Document) {
	t.Helper()
	for _, u := range doc.Units {
		for _, s := range u.Segments {
			prev := -1
			for _, m := range s.Markup {
				if m[0] <= prev || m[0] >= m[1] || m[1] > len(s.Text) {
					t.Fatalf("line %d: markup %v out of order, empty or outside the %d bytes of %q", s.Pos.Line, s.Markup, len(s.Text), s.Text)
				}
				prev = m[1]
			}
		}
	}
}

func TestAsciiDocHeadings(t *testing.T) {
	checkAsciiDoc(t, `= Pro Git
Scott Chacon; Ben Straub
v2.1, 2014-10-01
:doctype: book

[[_intro]]
== Introduction

[#setup.lead]
=== Setup ===

[appendix,id=tools]
==== Tools

===== Inline [[inline-id]]anchor

## Markdown style
`, []string{
		"1 heading L0: ⟦=⟧ Pro Git",
		"2 markup skip=attribute",
		"3 markup skip=attribute",
		"4 attribute skip=attribute",
		"6 markup skip=markup",
		"7 heading L1 #_intro: ⟦==⟧ Introduction",
		"9 markup skip=markup",
		"10 heading L2 #setup: ⟦===⟧ Setup ⟦===⟧",
		"12 markup skip=markup",
		"13 heading L3 #tools: ⟦====⟧ Tools",
		"15 heading L4 #inline-id: ⟦=====⟧ Inline ⟦[[inline-id]]⟧anchor",
		"17 heading L1: ⟦##⟧ Markdown style",
	})
}

func TestAsciiDocBlocks(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"paragraphs", "First line\nsecond line.\n\nAnother paragraph.\n", []string{
			"1 paragraph: First line\nsecond line.",
			"4 paragraph: Another paragraph.",
		}},
		{"lists", "* one\n** two\n- three\n. four\n1. five\na. six\n* [x] done\nCPU:: the processor\nRAM;;\n  the memory\n", []string{
			"1 list: ⟦*⟧ one",
			"2 list: ⟦**⟧ two",
			"3 list: ⟦-⟧ three",
			"4 list: ⟦.⟧ four",
			"5 list: ⟦1.⟧ five",
			"6 list: ⟦a.⟧ six",
			"7 list: ⟦*⟧ ⟦[x]⟧ done",
			"8 list: CPU⟦::⟧ the processor",
			"9 list: RAM⟦;;⟧\n  the memory",
		}},
		{"list item continued", "* an item\nthat goes on\n+\nAn attached paragraph.\n* next\n", []string{
			"1 list: ⟦*⟧ an item\nthat goes on",
			"3 markup skip=markup",
			"4 paragraph: An attached paragraph.",
			"5 list: ⟦*⟧ next",
		}},
		{"admonitions", "NOTE: Take *care*.\n\n[TIP]\n====\nA tip.\n\nMore of it.\n====\n\n[WARNING]\nA warning paragraph.\n", []string{
			"1 admonition: ⟦NOTE:⟧ Take ⟦*⟧care⟦*⟧.",
			"3 markup skip=markup",
			"4 markup skip=markup",
			"5 admonition: A tip.",
			"7 admonition: More of it.",
			"8 markup skip=markup",
			"10 markup skip=markup",
			"11 admonition: A warning paragraph.",
		}},
		{"block title and image", ".A diagram\nimage::images/local.png[Local version control, 300]\n\nimage::x.png[\"Alt, with a comma\"]\n\ntoc::[]\n", []string{
			"1 title: ⟦.⟧A diagram",
			"2 image: ⟦image::images/local.png[⟧Local version control⟦, 300]⟧",
			"4 image: ⟦image::x.png[\"⟧Alt, with a comma⟦\"]⟧",
			"6 markup skip=markup",
		}},
		{"code", ":source-language: ruby\n\n[source,go]\n----\nfunc main() {}\n----\n\n[source]\n----\nputs 1\n----\n\n....\nliteral\n....\n\n```python\nprint(1)\n```\n\n  indented literal\n  paragraph\n\n[source,sh]\n$ git status\n\n[,c]\n--\nint x;\n--\n", []string{
			"1 attribute skip=attribute",
			"3 markup skip=markup",
			"4 code info=go skip=code",
			"8 markup skip=markup",
			"9 code info=ruby skip=code",
			"13 code skip=code",
			"17 code info=python skip=code",
			"21 code skip=code",
			"24 markup skip=markup",
			"25 code info=sh skip=code",
			"27 markup skip=markup",
			"28 code info=c skip=code",
		}},
		{"unclosed code runs to the end", "----\ncode\n\nmore code\n", []string{
			"1 code skip=code",
		}},
		{"table", "[cols=\"1,2\"]\n|===\n| Command | Purpose\n\n| `git init`\n| Creates a\nnew repository.\n\n2+| Spans *two* columns\na| An AsciiDoc cell\nm| git log\n|\n|===\n", []string{
			"1 markup skip=markup",
			"2 markup skip=markup",
			"3 table: ⟦|⟧ Command",
			"3 table: ⟦|⟧ Purpose",
			"5 table skip=code",
			"6 table: ⟦|⟧ Creates a\nnew repository.",
			"9 table: ⟦2+|⟧ Spans ⟦*⟧two⟦*⟧ columns",
			"10 table: ⟦a|⟧ An AsciiDoc cell",
			"11 table skip=code",
			"12 table skip=markup",
			"13 markup skip=markup",
		}},
		{"csv table", ",===\nName,Meaning\nHEAD,the current commit\n,===\n", []string{
			"1 markup skip=markup",
			"2 table: Name⟦,⟧Meaning",
			"3 table: HEAD⟦,⟧the current commit",
			"4 markup skip=markup",
		}},
		{"quotes, sidebars, examples", "____\nA quote.\n____\n\n[quote, Linus]\nTalk is cheap.\n\n> Markdown\n> quote.\n\n****\nIn a sidebar.\n****\n\n.An example\n====\nIn an example.\n====\n", []string{
			"1 markup skip=markup",
			"2 quote: A quote.",
			"3 markup skip=markup",
			"5 markup skip=markup",
			"6 quote: Talk is cheap.",
			"8 quote: ⟦>⟧ Markdown\n⟦>⟧ quote.",
			"11 markup skip=markup",
			"12 paragraph: In a sidebar.",
			"13 markup skip=markup",
			"15 title: ⟦.⟧An example",
			"16 markup skip=markup",
			"17 paragraph: In an example.",
			"18 markup skip=markup",
		}},
		{"nested blocks", "****\n____\nQuoted in a sidebar.\n____\nAfter the quote.\n****\n", []string{
			"1 markup skip=markup",
			"2 markup skip=markup",
			"3 quote: Quoted in a sidebar.",
			"4 markup skip=markup",
			"5 paragraph: After the quote.",
			"6 markup skip=markup",
		}},
		{"skipped lines", "// a comment\n// goes on\n////\nblock\ncomment\n////\n:name: a long \\\n  value\n:!other:\ninclude::other.adoc[]\nifdef::env-github[]\nOn GitHub.\nendif::[]\n'''\n<<<\n[comment]\nHidden paragraph.\n\n++++\n<b>raw</b>\n++++\n", []string{
			"1 comment skip=comment",
			"3 comment skip=comment",
			"7 attribute skip=attribute",
			"9 attribute skip=attribute",
			"10 include skip=include",
			"11 markup skip=markup",
			"12 paragraph: On GitHub.",
			"13 markup skip=markup",
			"14 markup skip=markup",
			"15 markup skip=markup",
			"16 markup skip=markup",
			"17 comment skip=comment",
			"19 passthrough skip=markup",
		}},
		{"comment inside a paragraph", "One line,\n// a remark\nthen another.\n", []string{
			"1 paragraph: One line,\n⟦// a remark⟧\nthen another.",
		}},
		{"a paragraph ends at a block attribute line", "Text\n[NOTE]\nA note.\n", []string{
			"1 paragraph: Text",
			"2 markup skip=markup",
			"3 admonition: A note.",
		}},
		{"blocks with no prose are skipped", "* `git status`\n* {product}\n\nimage::logo.png[]\n", []string{
			"1 list skip=code",
			"2 list skip=markup",
			"4 image skip=markup",
		}},
		{"callouts", "----\nx <1>\n----\n<1> The x.\n<.> Auto.\n", []string{
			"1 code skip=code",
			"4 list: ⟦<1>⟧ The x.",
			"5 list: ⟦<.>⟧ Auto.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkAsciiDoc(t, tt.text, tt.want) })
	}
}

func TestAsciiDocInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"See <<_git_config>> now.", "See ⟦<<_git_config>>⟧ now."},
		{"See <<_git_config,Git Configuration>>.", "See ⟦<<_git_config,⟧Git Configuration⟦>>⟧."},
		{"Read xref:ch02.adoc#_x[the chapter].", "Read ⟦xref:ch02.adoc#_x[⟧the chapter⟦]⟧."},
		{"Read link:https://x.org/a[the docs^].", "Read ⟦link:https://x.org/a[⟧the docs⟦^]⟧."},
		{"Read link:a.html[\"Docs, all\",window=_blank].", "Read ⟦link:a.html[\"⟧Docs, all⟦\",window=_blank]⟧."},
		{"Go to https://git-scm.com/ now.", "Go to ⟦https://git-scm.com/⟧ now."},
		{"Go to https://git-scm.com.", "Go to ⟦https://git-scm.com⟧."},
		{"Go to https://git-scm.com[the site].", "Go to ⟦https://git-scm.com[⟧the site⟦]⟧."},
		{"An image:icon.png[Git icon,16] here.", "An ⟦image:icon.png[⟧Git icon⟦,16]⟧ here."},
		{"Press kbd:[Ctrl+C] now.", "Press ⟦kbd:[Ctrl+C]⟧ now."},
		{"Click btn:[Save] in menu:File[Save As].", "Click ⟦btn:[⟧Save⟦]⟧ in ⟦menu:File[⟧Save As⟦]⟧."},
		{"Text.footnote:[A *short* note.]", "Text.⟦footnote:[⟧A ⟦*⟧short⟦*⟧ note.⟦]⟧"},
		{"The {product-name} name.", "The ⟦{product-name}⟧ name."},
		{"An [[anchor]]anchor and [[[bib]]] entry.", "An ⟦[[anchor]]⟧anchor and ⟦[[[bib]]]⟧ entry."},
		{"Raw +++<br>+++ and pass:[<u>x</u>] here.", "Raw ⟦+++<br>+++⟧ and ⟦pass:[<u>x</u>]⟧ here."},
		{"Literal +{x}+ and ++*y*++.", "Literal ⟦+⟧{x}⟦+⟧ and ⟦++⟧*y*⟦++⟧."},
		{"Use `git status` and ``co de``s.", "Use ⟦`git status`⟧ and ⟦``co de``⟧s."},
		{"A *bold*, _italic_ and **un**constrained #mark#.", "A ⟦*⟧bold⟦*⟧, ⟦_⟧italic⟦_⟧ and ⟦**⟧un⟦**⟧constrained ⟦#⟧mark⟦#⟧."},
		{"Not*bold* here, 5 * 3 and snake_case_name.", "Not*bold* here, 5 * 3 and snake_case_name."},
		{"C# and F# and C++ code.", "C# and F# and C++ code."},
		{"What is \"`version control`\" and '`this`'?", "What is ⟦\"`⟧version control⟦`\"⟧ and ⟦'`⟧this⟦`'⟧?"},
		{"Git`'s history.", "Git⟦`⟧'s history."},
		{"A [.term]#Git# role.", "A ⟦[.term]#⟧Git⟦#⟧ role."},
		{"x^2^ and H~2~O, but ~/.gitconfig.", "x⟦^⟧2⟦^⟧ and H⟦~⟧2⟦~⟧O, but ~/.gitconfig."},
		{"(((index, term))) hidden and ((visible)) term.", "⟦(((index, term)))⟧ hidden and ⟦((⟧visible⟦))⟧ term."},
		{`Escaped \*not bold* and \{x} here.`, `Escaped ⟦\⟧*not bold* and ⟦\⟧{x} here.`},
		{"Mail johndoe@example.com today.", "Mail ⟦johndoe@example.com⟧ today."},
		{"Line one +\nline two", "Line one ⟦+⟧\nline two"},
		{"&copy; 2024 &#169;", "⟦&copy;⟧ 2024 ⟦&#169;⟧"},
		{"Bit shift a << b and a >> b.", "Bit shift a << b and a >> b."},
		// Translators write marks right next to Han text.
		{"运行`git status`命令，**注意**这里。", "运行⟦`git status`⟧命令，⟦**⟧注意⟦**⟧这里。"},
		{"使用 *粗体* 和 _斜体_。", "使用 ⟦*⟧粗体⟦*⟧ 和 ⟦_⟧斜体⟦_⟧。"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			checkAsciiDoc(t, tt.in, []string{"1 paragraph: " + tt.want})
		})
	}
}

// Line ends are CRLF in files written on Windows: texts and positions
// still match the file's bytes, and "\r" is never prose nor markup.
func TestAsciiDocCRLF(t *testing.T) {
	checkAsciiDoc(t, "== Title\r\n\r\nA *bold*\r\nline.\r\n\r\n----\r\ncode\r\n----\r\n", []string{
		"1 heading L1: ⟦==⟧ Title",
		"3 paragraph: A ⟦*⟧bold⟦*⟧\r\nline.",
		"6 code skip=code",
	})
}

// A tree of AsciiDoc files is found and read: the format is registered
// for the extensions Asciidoctor books use.
func TestAsciiDocDiscovered(t *testing.T) {
	for _, ext := range []string{".adoc", ".asc", ".asciidoc"} {
		f, ok := formatFor("ch01" + ext)
		if !ok || f.Name != "asciidoc" {
			t.Errorf("%s: format %q, %v; want asciidoc", ext, f.Name, ok)
		}
	}
	inputs, probs := Discover([]string{"testdata/asciidoc/book"}, Options{})
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	var got []string
	for _, in := range inputs {
		got = append(got, in.Name()+" "+in.SourceLang+"→"+in.TargetLang)
	}
	want := []string{
		"testdata/asciidoc/book/en/ch01-getting-started.asc → testdata/asciidoc/book/zh/ch01-getting-started.asc en→zh",
		"testdata/asciidoc/book/en/ch02-git-basics.asc → testdata/asciidoc/book/zh/ch02-git-basics.asc en→zh",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inputs\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Every non-blank line of a file is in exactly one unit: nothing is
// dropped, nothing is read twice.
func TestAsciiDocCoversEveryLine(t *testing.T) {
	for _, path := range []string{"testdata/asciidoc/book/en/ch01-getting-started.asc", "testdata/asciidoc/book/zh/ch02-git-basics.asc"} {
		doc := readFile(path, Options{})
		if len(doc.Problems) > 0 {
			t.Fatalf("%s: %v", path, doc.Problems)
		}
		covered := map[int]int{}
		for _, u := range doc.Units {
			p := u.Segments[0].Pos
			for i := p.Start; i < p.End; i++ {
				covered[i]++
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(data); i++ {
			if covered[i] > 1 {
				t.Fatalf("%s: byte %d is in %d units", path, i, covered[i])
			}
			if covered[i] == 0 && !strings.ContainsRune(" \t\r\n", rune(data[i])) {
				t.Fatalf("%s: byte %d (%q) is in no unit", path, i, data[i:min(len(data), i+20)])
			}
		}
	}
}

// FuzzAsciiDoc: any text reads without a panic into units whose segments
// are the file's bytes at their positions, with markup spans in order,
// inside the text and disjoint.
func FuzzAsciiDoc(f *testing.F) {
	for _, seed := range []string{
		"= T\nA\n:a: b\n\n[[x]]\n== S ==\n\n* a *b*\n** c\nt:: d\n+\n----\ncode\n----\n",
		"|===\n|a |b\n2+|c\n|===\n,===\na,b\n,===\n",
		"[NOTE]\n====\n****\n____\nq\n____\n====\n",
		"<<a,b>> xref:c[d] link:e[f^] https://g[h] image:i[j,k] kbd:[l] footnote:[*m*] {n} [[o]] +++p+++ pass:[q] `r` _s_ #t# ^u^ ~v~ (((w))) ((x)) \\*y* z@example.com &amp; +\n",
		"\"`a`\" '`b`' c`'s [.r]#d# **e** __f__ ``g`` ++h++ +i+\n",
		"////\nunclosed\n", "[source]\n", "image::\n", "|===\n|", "\r\n\r\n.\r\n", "[\n]\n", "x\n|===",
	} {
		f.Add(seed)
	}
	for _, p := range []string{"testdata/asciidoc/book/en/ch01-getting-started.asc", "testdata/asciidoc/book/zh/ch02-git-basics.asc"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := AsciiDoc("f.adoc", text)
		checkText(t, doc, "f.adoc", text)
		checkDisjoint(t, doc)
		checkMarkupSpans(t, doc)
	})
}

// BenchmarkAsciiDoc reads a book-like file and a paragraph of marks that
// never close, whose closing marks must be searched for once, not once per
// opening mark.
func BenchmarkAsciiDoc(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"book", strings.Repeat("[[_id]]\n== Title\n\nA *bold* paragraph with `code`, a link:https://x.org[link], <<_id,a reference>> and {attr}.\nSecond line.footnote:[A note.]\n\n* item one\n* item two\n\n[source,go]\n----\nx := 1\n----\n\n", 10000)},
		{"unclosed-marks", strings.Repeat("*a _b `c link:d[ <<e ((f \"`g +h ", 20000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			for i := 0; i < b.N; i++ {
				AsciiDoc("b.adoc", bc.text)
			}
		})
	}
}

// A paragraph over the segment limit is cut into pieces whose markup is
// their own: each piece's prose is the paragraph's prose at its place.
func TestCutKeepsMarkup(t *testing.T) {
	text := strings.Repeat("See <<_a,the *first* part>> and `code` here. ", 40)
	doc := AsciiDoc("a.adoc", text)
	prose := doc.Units[0].Segments[0].Prose()
	cutLong(doc, 100)
	if len(doc.Units) < 10 {
		t.Fatalf("got %d pieces, want the paragraph cut", len(doc.Units))
	}
	checkText(t, doc, "a.adoc", text)
	checkDisjoint(t, doc)
	checkMarkupSpans(t, doc)
	for _, u := range doc.Units {
		s := u.Segments[0]
		if want := prose[s.Pos.Start:s.Pos.End]; s.Prose() != want {
			t.Fatalf("piece at %d: prose %q, want %q", s.Pos.Start, s.Prose(), want)
		}
	}
}
