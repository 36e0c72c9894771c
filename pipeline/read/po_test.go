package read

import (
	"errors"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
)

func TestPO(t *testing.T) {
	runContainerCases(t, PO, "po", []containerCase{
		{file: "po/basic.po", source: "en", target: "zh", directed: true, units: []string{
			`L10 tu "Open file" : source:en"Open file"@10 *target:zh"打开文件"@11`,
			`L15 tu "Saved %d bytes" fuzzy: source:en"Saved %d bytes"@15 *target:zh"已保存 %d 字节"@16`,
			`L19 tu "Not translated yet" : source:en"Not translated yet"@19`,
			`L22 tu "menu\x04Multi-line message with \"quotes\",\ta tab\nand a \\ backslash" : source:en"Multi-line message with \"quotes\",\ta tab\nand a \\ backslash"@23 *target:zh"多行消息"@27`,
			`L32 tu "%d file saved." : source:en"%d file saved."@32 source:en"%d files saved."@33 *target:zh"已保存 %d 个文件。"@34`,
			`L37 tu "Fuzzy but empty" fuzzy: source:en"Fuzzy but empty"@37`,
			`L40 obsolete "Old message" : source:"Old message"@40(skip obsolete)`,
			`L44 obsolete "Old fuzzy" : source:"Old fuzzy"@44(skip obsolete)`,
		}},
		{file: "po/broken.po", source: "en", target: "zh", directed: true, units: []string{
			`L4 tu "First" : source:en"First"@4 *target:zh"第一"@5`,
			`L10 tu "Third" : source:en"Third"@10 *target:zh"第三"@11`,
			`L13 tu "Fourth" : source:en"Fourth"@13 *target:zh"第四"@14`,
			`L20 tu "Sixth" : source:en"Sixth"@20 *target:zh"第六"@21`,
		}, problems: []string{
			`testdata/po/broken.po:7: unterminated string`,
			`testdata/po/broken.po:15: unexpected keyword "msgtxt"`,
			`testdata/po/broken.po:18: text after the closing quote: "extra"`,
		}},
	})
}

func TestPOSyntax(t *testing.T) {
	tests := []struct {
		name, text string
		units      int
		problem    string // prefix, "" for none
	}{
		{"no header: source en, not directed", "msgid \"a\"\nmsgstr \"b\"\n", 1, ""},
		{"bad escape", "msgid \"a\\q\"\nmsgstr \"b\"\n\nmsgid \"c\"\nmsgstr \"d\"\n", 1, `p.po:1: invalid escape \q`},
		{"octal and hex escapes", "msgid \"\\101\\x42\"\nmsgstr \"ab\"\n", 1, ""},
		{"string without keyword", "\"loose\"\nmsgid \"a\"\nmsgstr \"b\"\n", 1, `p.po:1: string with no keyword`},
		{"msgid without msgstr", "msgid \"a\"\n\nmsgid \"c\"\nmsgstr \"d\"\n", 1, `p.po:1: msgid has no msgstr`},
		{"plural out of order", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n", 0, `p.po:3: msgstr[1] out of order`},
		{"keyword without string", "msgid\nmsgstr \"b\"\n", 0, `p.po:1: "msgid" must be followed by a quoted string`},
		{"CRLF", "msgid \"a\"\r\nmsgstr \"b\"\r\n", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := PO("p.po", tt.text)
			checkInvariants(t, doc, "p.po", tt.text)
			if len(doc.Units) != tt.units {
				t.Errorf("%d units, want %d: %q", len(doc.Units), tt.units, describeUnits(doc))
			}
			switch {
			case tt.problem == "" && len(doc.Problems) > 0:
				t.Errorf("problems %v, want none", doc.Problems)
			case tt.problem != "" && (len(doc.Problems) != 1 || !strings.HasPrefix(doc.Problems[0].Error(), tt.problem)):
				t.Errorf("problems %v, want one starting %q", doc.Problems, tt.problem)
			}
		})
	}
	if doc := PO("p.po", "msgid \"\\101\\x42\"\nmsgstr \"ab\"\n"); doc.Units[0].ID != "AB" || doc.Directed {
		t.Errorf("ID %q directed %v, want AB and not directed (no Language header)", doc.Units[0].ID, doc.Directed)
	}
}

// poStats counts messages as msgfmt --statistics does: a message with a
// translation is fuzzy or translated, one without is untranslated.
func poStats(doc *document.Document) (translated, fuzzy, untranslated, obsolete int) {
	for _, u := range doc.Units {
		if u.Kind == "obsolete" {
			obsolete++
			continue
		}
		hasTarget := false
		for _, s := range u.Segments {
			hasTarget = hasTarget || s.Role == document.RoleTarget
		}
		switch {
		case !hasTarget:
			untranslated++
		case u.State == "fuzzy":
			fuzzy++
		default:
			translated++
		}
	}
	return
}

// msgfmtStats returns what msgfmt --statistics counts in a file:
// translated, fuzzy and untranslated messages; without msgfmt, the
// figures it printed before for that file.
func msgfmtStats(t *testing.T, path string, printed [3]int) [3]int {
	t.Helper()
	msgfmt, err := exec.LookPath("msgfmt")
	if errors.Is(err, exec.ErrNotFound) {
		t.Logf("msgfmt not installed: comparing with the figures it printed before")
		return printed
	} else if err != nil {
		t.Fatal(err)
	}
	// The compiled catalogue goes to a file of the test's own, never to
	// /dev/null: msgfmt may remove its output file when it finds errors,
	// and a test runs as root in CI.
	mo := filepath.Join(t.TempDir(), "messages.mo")
	out, err := exec.Command(msgfmt, "--statistics", "-o", mo, path).CombinedOutput()
	if err != nil {
		t.Fatalf("msgfmt: %v: %s", err, out)
	}
	var got [3]int
	for i, re := range []string{`(\d+) translated`, `(\d+) fuzzy`, `(\d+) untranslated`} {
		if m := regexp.MustCompile(re).FindSubmatch(out); m != nil {
			got[i], _ = strconv.Atoi(string(m[1]))
		}
	}
	return got
}

// TestPOStatistics checks that translated, fuzzy and untranslated messages
// are told apart as msgfmt --statistics tells them, on the fixture and on
// Geany's Chinese catalogue (msgfmt 0.21 printed for it "1276 translated
// messages, 67 fuzzy translations, 34 untranslated messages.").
func TestPOStatistics(t *testing.T) {
	tests := []struct {
		name    string
		file    func(t *testing.T) (string, string)
		printed [3]int
	}{
		{"fixture", func(t *testing.T) (string, string) { return containerFixture(t, "po/basic.po") }, [3]int{3, 1, 2}},
		{"geany", func(t *testing.T) (string, string) { return realFile(t, "formats/po/geany.zh_CN.po") }, [3]int{1276, 67, 34}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, text := tt.file(t)
			doc := PO(path, text)
			checkInvariants(t, doc, path, text)
			want := msgfmtStats(t, path, tt.printed)
			tr, fz, un, ob := poStats(doc)
			if got := [3]int{tr, fz, un}; got != want {
				t.Errorf("translated, fuzzy, untranslated = %v, msgfmt says %v", got, want)
			}
			if n := len(regexp.MustCompile(`(?m)^#~ msgid `).FindAllStringIndex(text, -1)); ob != n {
				t.Errorf("%d obsolete units, want %d (the #~ msgid lines)", ob, n)
			}
			if doc.Source != "en" || doc.Target != "zh" || !doc.Directed {
				t.Errorf("languages %q→%q directed %v, want en→zh directed", doc.Source, doc.Target, doc.Directed)
			}
			if len(doc.Problems) > 0 {
				t.Errorf("problems on a valid file: %v", doc.Problems)
			}
		})
	}
}

func FuzzPO(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, PO("f.po", text), "f.po", text)
	})
}

// BenchmarkPOLongMessage reads a message of 50,000 continuation lines,
// which took seconds while each line was appended to a string.
func BenchmarkPOLongMessage(b *testing.B) {
	text := "msgid \"\"\n" + strings.Repeat("\"abcdefghij\"\n", 50000) + "msgstr \"x\"\n"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if doc := PO("b.po", text); len(doc.Units) != 1 {
			b.Fatalf("%d units, want 1", len(doc.Units))
		}
	}
}
