package read

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkDdoc reads text as Ddoc and checks every unit against want, in the
// form of adocDescribe, with positions, prose and spans checked as for
// AsciiDoc.
func checkDdoc(t *testing.T, text string, want []string) {
	t.Helper()
	doc := Ddoc("a.d", text)
	checkText(t, doc, "a.d", text)
	checkMarkupSpans(t, doc)
	var got []string
	for _, u := range doc.Units {
		got = append(got, adocDescribe(u))
		s := u.Segments[0]
		if s.Skip == "" && s.Prose() != adocBlanked(adocMarked(s)) {
			t.Errorf("line %d: Prose() = %q, want %q", s.Pos.Line, s.Prose(), adocBlanked(adocMarked(s)))
		}
		if s.Skip != "" && strings.TrimSpace(s.Prose()) != "" {
			t.Errorf("line %d: skipped unit has prose %q", s.Pos.Line, s.Prose())
		}
	}
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("units\n--- got\n%s\n--- want\n%s", g, w)
	}
}

func TestDdocMarkup(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"code macros are markup whole", "Ddoc\n\n$(P The $(C f(x)) call, $(CODE a(b(c))), $(D_CODE x), $(COODE y), $(MONO z) and $(SHELL_SMALL ls (-l)).)\n", []string{
			"1 markup skip=markup",
			"3 paragraph: ⟦$(P⟧ The ⟦$(C f(x))⟧ call, ⟦$(CODE a(b(c)))⟧, ⟦$(D_CODE x)⟧, ⟦$(COODE y)⟧, ⟦$(MONO z)⟧ and ⟦$(SHELL_SMALL ls (-l))⟧.⟦)⟧",
		}},
		{"other macros: names are markup, text is prose", "Ddoc\n\n$(P\nD is a $(I statically typed language) (or $(B strongly) typed).\n)\n", []string{
			"1 markup skip=markup",
			"3 paragraph: ⟦$(P⟧\nD is a ⟦$(I⟧ statically typed language⟦)⟧ (or ⟦$(B⟧ strongly⟦)⟧ typed).\n⟦)⟧",
		}},
		{"index terms and links", "Ddoc\n\n$(H5 $(IX type, conversion) Type conversions)\n\n$(P See the $(LINK2 /ders/d.en/cast.html, $(C cast) chapter) or $(LINK http://dlang.org).)\n", []string{
			"1 markup skip=markup",
			"3 paragraph: ⟦$(H5⟧ ⟦$(IX type, conversion)⟧ Type conversions⟦)⟧",
			"5 paragraph: ⟦$(P⟧ See the ⟦$(LINK2 /ders/d.en/cast.html,⟧ ⟦$(C cast)⟧ chapter⟦)⟧ or ⟦$(LINK http://dlang.org)⟧.⟦)⟧",
		}},
		{"a shell output, blank lines and parentheses inside, is code", "Ddoc\n\n$(SHELL\nError: $(HILITE incompatible types) for ((slice) + (5))\n\nsecond line\n)\n\n$(P After.)\n", []string{
			"1 markup skip=markup",
			"3 code skip=code",
			"6 code skip=code",
			"9 paragraph: ⟦$(P⟧ After.⟦)⟧",
		}},
		{"macros that span blocks close where they balance", "Ddoc\n\n$(DIV_CLASS preface,\n\n$(DERS_BOLUMU_CLASS preface, Preface)\n\n$(UL\n$(LI $(B Initialization)\n\n$(P Text.)\n)\n)\n\n)\n", []string{
			"1 markup skip=markup",
			"3 markup skip=markup",
			"5 paragraph: ⟦$(DERS_BOLUMU_CLASS preface,⟧ Preface⟦)⟧",
			"7 paragraph: ⟦$(UL⟧\n⟦$(LI⟧ ⟦$(B⟧ Initialization⟦)⟧",
			"10 paragraph: ⟦$(P⟧ Text.⟦)⟧\n⟦)⟧\n⟦)⟧",
			"14 markup skip=markup",
		}},
		{"code blocks and macro definitions are skipped", "Ddoc\n\n---\nwriteln((1);  $(DERLEME_HATASI)\n---\n\n$(P x $(C y))\n\nMacros:\n    SUBTITLE=Casts\n", []string{
			"1 markup skip=markup",
			"3 code skip=code",
			"7 paragraph: ⟦$(P⟧ x ⟦$(C y))⟧",
			"9 markup skip=markup",
		}},
		{"an unclosed macro: its name is markup, the rest is read on", "Ddoc\n\n$(P An $(C unclosed call and $(I more) text.\n", []string{
			"1 markup skip=markup",
			"3 paragraph: ⟦$(P⟧ An ⟦$(C⟧ unclosed call and ⟦$(I⟧ more⟦)⟧ text.",
		}},
		{"Chinese text", "Ddoc\n\n$(P\n$(C ?:) 运算符与 $(C if-else) 语句的工作模式很像：\n)\n", []string{
			"1 markup skip=markup",
			"3 paragraph: ⟦$(P⟧\n⟦$(C ?:)⟧ 运算符与 ⟦$(C if-else)⟧ 语句的工作模式很像：\n⟦)⟧",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkDdoc(t, tt.text, tt.want) })
	}
}

// The Programming in D chapters and their Chinese translation: no macro
// syntax is left in any prose, every shell output is a code unit, and both
// sides read into the same sequence of unit kinds.
func TestDdocBook(t *testing.T) {
	dir := filepath.Join(sharedData, "formats/paired-files/programming-in-d")
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		t.Skipf("%s not found: skipping", rootRel(dir))
	} else if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "d.en", "*.d"))
	if len(files) == 0 {
		t.Fatalf("no chapters in %s", dir)
	}
	for _, en := range files {
		var kinds [2]string
		for side, path := range []string{en, filepath.Join(dir, "d.cn", filepath.Base(en))} {
			doc := readFile(path, Options{})
			if len(doc.Problems) > 0 {
				t.Fatalf("%s: %v", path, doc.Problems)
			}
			checkMarkupSpans(t, doc)
			var ks []string
			for _, u := range doc.Units {
				s := u.Segments[0]
				ks = append(ks, u.Kind)
				if s.Skip == "" && strings.Contains(s.Prose(), "$(") {
					t.Errorf("%s:%d: macro syntax left in the prose %q", path, s.Pos.Line, s.Prose())
				}
				if strings.HasPrefix(s.Text, "$(SHELL") && u.Kind != "code" {
					t.Errorf("%s:%d: shell output read as %s", path, s.Pos.Line, u.Kind)
				}
			}
			kinds[side] = strings.Join(ks, " ")
		}
		if kinds[0] != kinds[1] {
			t.Errorf("%s: the two sides read into different units:\n%s\n%s", filepath.Base(en), kinds[0], kinds[1])
		}
	}
}
