package read

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/transcheck/transcheck/pipeline/document"
	"golang.org/x/text/encoding/unicode"
)

// sharedData is the shared data folder, relative to this package.
const sharedData = "../../../shared/data"

// rootRel names a path relative to this package as the repository root
// sees it, for messages: ../../../shared/data is ../shared/data from there.
func rootRel(path string) string { return filepath.ToSlash(filepath.Join("pipeline/read", path)) }

// fixture returns the text of a file under testdata.
func containerFixture(t testing.TB, name string) (string, string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, string(data)
}

// realFile returns the decoded text of a file of the shared data, skipping
// the test when the shared data is absent.
func realFile(t *testing.T, rel string) (string, string) {
	t.Helper()
	path := filepath.Join(sharedData, rel)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s not found (clone the shared data beside the repository to run this test)", rootRel(path))
	}
	if err != nil {
		t.Fatal(err)
	}
	text, _, prob := Decode(path, data, "")
	if prob != nil {
		t.Fatal(prob)
	}
	return path, text
}

// describe renders each unit as one line: its line, kind, ID, state and
// segments, each as role:declared-language"text"@line, the target
// marked with * when a bead links it to the unit's source.
func describeUnits(doc *document.Document) []string {
	linked := map[int]bool{}
	for _, b := range doc.Beads {
		for _, id := range b.Target {
			linked[id] = true
		}
	}
	var out []string
	for _, u := range doc.Units {
		s := fmt.Sprintf("L%d %s %q %s:", u.Pos.Line, u.Kind, u.ID, u.State)
		for _, seg := range u.Segments {
			mark := ""
			if linked[seg.ID] {
				mark = "*"
			}
			s += fmt.Sprintf(" %s%s:%s%q@%d", mark, seg.Role, seg.Declared, seg.Text, seg.Pos.Line)
			if seg.Skip != "" {
				s += "(skip " + seg.Skip + ")"
			}
		}
		out = append(out, s)
	}
	return out
}

// checkInvariants checks what must hold for any input: positions inside
// the file and on the line of their first byte, beads linking a unit's
// source to its target, problems naming the file and a line.
func checkInvariants(t testing.TB, doc *document.Document, path, text string) {
	t.Helper()
	lines := newLineIndex(text)
	checkPos := func(what string, p document.Position) {
		t.Helper()
		if p.Path != path {
			t.Fatalf("%s: path %q, want %q", what, p.Path, path)
		}
		if p.Start < 0 || p.Start > p.End || p.End > len(text) {
			t.Fatalf("%s: bytes %d-%d outside the file (%d bytes)", what, p.Start, p.End, len(text))
		}
		if p.Line != lines.line(p.Start) {
			t.Fatalf("%s: line %d, but byte %d is on line %d", what, p.Line, p.Start, lines.line(p.Start))
		}
	}
	if !doc.Paired {
		t.Fatalf("document not marked Paired")
	}
	for i, u := range doc.Units {
		checkPos(fmt.Sprintf("unit %d", i), u.Pos)
		if len(u.Segments) == 0 {
			t.Fatalf("unit %d has no segment", i)
		}
		for j, s := range u.Segments {
			checkPos(fmt.Sprintf("unit %d segment %d", i, j), s.Pos)
			if s.Pos.Start < u.Pos.Start || s.Pos.End > u.Pos.End {
				t.Fatalf("unit %d segment %d: bytes %d-%d outside its unit %d-%d", i, j, s.Pos.Start, s.Pos.End, u.Pos.Start, u.Pos.End)
			}
		}
	}
	segs := doc.Segments()
	for _, b := range doc.Beads {
		if len(b.Source) == 0 || len(b.Target) == 0 || b.Score != 1 {
			t.Fatalf("bead %+v: want both sides and score 1", b)
		}
		unit := -1
		for _, ids := range [][]int{b.Source, b.Target} {
			for _, id := range ids {
				if id < 0 || id >= len(segs) {
					t.Fatalf("bead %+v: segment %d does not exist", b, id)
				}
				if unit >= 0 && segs[id].Unit != unit {
					t.Fatalf("bead %+v links segments of different units", b)
				}
				unit = segs[id].Unit
			}
		}
		for _, id := range b.Source {
			if segs[id].Role != document.RoleSource {
				t.Fatalf("bead %+v: source segment %d has role %v", b, id, segs[id].Role)
			}
		}
		for _, id := range b.Target {
			if segs[id].Role != document.RoleTarget {
				t.Fatalf("bead %+v: target segment %d has role %v", b, id, segs[id].Role)
			}
		}
	}
	for _, p := range doc.Problems {
		if p.Pos.Path != path || p.Pos.Line < 1 || p.Pos.Line > len(lines) {
			t.Fatalf("problem %q: want path %s and a line in 1..%d", p.Error(), path, len(lines))
		}
	}
}

// containerCase is one fixture and what a reader must make of it.
type containerCase struct {
	file     string
	source   string
	target   string
	directed bool
	units    []string // describe's lines
	problems []string // prefixes of the problems, in order
}

func runContainerCases(t *testing.T, read func(path, text string) *document.Document, format string, cases []containerCase) {
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			path, text := containerFixture(t, tc.file)
			doc := read(path, text)
			checkInvariants(t, doc, path, text)
			if doc.Format != format {
				t.Errorf("format %q, want %q", doc.Format, format)
			}
			if doc.Source != tc.source || doc.Target != tc.target || doc.Directed != tc.directed {
				t.Errorf("languages %q→%q directed %v, want %q→%q directed %v",
					doc.Source, doc.Target, doc.Directed, tc.source, tc.target, tc.directed)
			}
			got := describeUnits(doc)
			if strings.Join(got, "\n") != strings.Join(tc.units, "\n") {
				t.Errorf("units:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tc.units, "\n     "))
			}
			if len(doc.Problems) != len(tc.problems) {
				t.Fatalf("problems %v, want %d", doc.Problems, len(tc.problems))
			}
			for i, p := range doc.Problems {
				if !strings.HasPrefix(p.Error(), tc.problems[i]) {
					t.Errorf("problem %d = %q, want prefix %q", i, p.Error(), tc.problems[i])
				}
			}
		})
	}
}

func TestTMX(t *testing.T) {
	runContainerCases(t, TMX, "tmx", []containerCase{
		{file: "tmx/basic.tmx", source: "en", target: "zh", directed: true, units: []string{
			`L5 tu "greet" : source:en"Hello, {1}world{/1}!"@6 *target:zh"你好，{1}世界{/1}！"@7`,
			`L9 tu "reversed" : source:en"Total {1} files, {2}important{/2}"@15 *target:zh"共 {1} 个文件，{2}重要{/2}"@12`,
			`L18 tu "untranslated" : source:en"Only English here."@19`,
			`L21 tu "empty" : source:en"Empty target."@22`,
			`L25 tu "" : source:en"{3}Italic ends{2}"@26 *target:zh"{3}斜体结束{2}"@27`,
		}},
		{file: "tmx/omegat11.tmx", source: "en", target: "zh", directed: true, units: []string{
			`L7 tu "" : source:en"$(C !is) is the opposite of $(C is)."@9 *target:zh"$(C !is) 与 $(C is) 相反。"@12`,
			`L15 tu "" : source:en"Two\nlines."@17 *target:zh"两\n行。"@21`,
		}},
		{file: "tmx/broken.tmx", source: "en", target: "zh", directed: true, units: []string{
			`L5 tu "1" : source:en"One."@6 *target:zh"一。"@7`,
		}, problems: []string{"testdata/tmx/broken.tmx:12: TMX syntax error: element <tuv> closed by </tu>"}},
	})
}

// TestTMXUTF16 reads a UTF-16 file whose XML declaration says so, as
// read.Decode hands it over.
func TestTMXUTF16(t *testing.T) {
	path, text := containerFixture(t, "tmx/omegat11.tmx")
	data, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	decoded, _, prob := Decode(path, data, "")
	if prob != nil {
		t.Fatal(prob)
	}
	want := strings.Join(describeUnits(TMX(path, text)), "\n")
	doc := TMX(path, decoded)
	if len(doc.Problems) > 0 || len(doc.Units) != 2 {
		t.Fatalf("UTF-16 file: %d units, problems %v; want 2 units and no problem", len(doc.Units), doc.Problems)
	}
	if got := strings.Join(describeUnits(doc), "\n"); got != want {
		t.Errorf("UTF-16 file read as\n%s\nwant\n%s", got, want)
	}
}

// TestTMXReal reads the OmegaT project memory of the shared data: every
// <tu> is a unit and every unit has its Chinese translation.
func TestTMXReal(t *testing.T) {
	path, text := realFile(t, "formats/tmx/programming-in-d.project_save.tmx")
	doc := TMX(path, text)
	checkInvariants(t, doc, path, text)
	want := len(regexp.MustCompile(`<tu[\s>]`).FindAllStringIndex(text, -1))
	if len(doc.Units) != want || len(doc.Beads) != want {
		t.Errorf("%d units and %d beads, want %d (the <tu> elements in the file)", len(doc.Units), len(doc.Beads), want)
	}
	if doc.Source != "en" || doc.Target != "zh" || !doc.Directed {
		t.Errorf("languages %q→%q directed %v, want en→zh directed", doc.Source, doc.Target, doc.Directed)
	}
	if len(doc.Problems) > 0 {
		t.Errorf("problems on a valid file: %v", doc.Problems)
	}
}

func FuzzTMX(f *testing.F) {
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, TMX("f.tmx", text), "f.tmx", text)
	})
}
