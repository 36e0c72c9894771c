package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/transcheck/transcheck/pipeline"
)

type jsonPrinter struct{ w io.Writer }

// NewJSON returns a printer of the versioned JSON report described in the
// README: lists are always arrays, never null. It writes the documents one
// at a time, as the report gives them, so a large run is never held whole
// as one JSON value.
func NewJSON(w io.Writer) Printer { return jsonPrinter{w} }

type jsonDocument struct {
	*pipeline.DocumentReport
	Completeness float64 `json:"completeness"`
}

// Print writes, field by field, what encoding/json would write for
//
//	{version, gate, documents: [...], totals, completeness, problems}
//
// indented by two spaces.
func (p jsonPrinter) Print(r *pipeline.Report) error {
	w := bufio.NewWriter(p.w)
	gate := r.Gate
	if gate.Reasons == nil {
		gate.Reasons = []string{}
	}
	problems := r.Problems
	if problems == nil {
		problems = []string{}
	}
	in := newIndenter()
	field := func(name string, v any, last bool) error {
		w.WriteString("  \"" + name + "\": ")
		if err := in.write(w, v, "  "); err != nil {
			return err
		}
		if !last {
			w.WriteString(",")
		}
		w.WriteString("\n")
		return nil
	}
	w.WriteString("{\n")
	if err := field("version", r.Version, false); err != nil {
		return err
	}
	if err := field("gate", gate, false); err != nil {
		return err
	}
	w.WriteString(`  "documents": [`)
	n := 0
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		if n > 0 {
			w.WriteString(",")
		}
		n++
		w.WriteString("\n    ")
		return in.write(w, jsonDocument{d, round1(d.Counts.Completeness())}, "    ")
	})
	if err != nil {
		return err
	}
	if n > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("],\n")
	if err := field("totals", r.Totals, false); err != nil {
		return err
	}
	if err := field("completeness", round1(r.Totals.Completeness()), false); err != nil {
		return err
	}
	if err := field("problems", problems, true); err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

// indenter writes values as encoding/json indents them by two spaces
// inside an enclosing value whose lines start with a prefix, without HTML
// escapes and without the encoder's final newline: the JSON and SARIF
// printers write their outer value themselves and each document's part
// with it, as they come.
type indenter struct {
	buf bytes.Buffer
	enc *json.Encoder
}

func newIndenter() *indenter {
	in := &indenter{}
	in.enc = json.NewEncoder(&in.buf)
	in.enc.SetEscapeHTML(false)
	return in
}

// write writes v to w, each line after the first starting with prefix.
func (in *indenter) write(w io.Writer, v any, prefix string) error {
	in.buf.Reset()
	in.enc.SetIndent(prefix, "  ")
	if err := in.enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(in.buf.Bytes(), []byte("\n")))
	return err
}

func round1(x float64) float64 { return float64(int(x*10+0.5)) / 10 }
