package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/transcheck/transcheck/pipeline"
)

type jsonPrinter struct {
	w    io.Writer
	opts Options
}

// NewJSON returns a printer of the versioned JSON report described in the
// README: lists are always arrays, never null. It writes the documents one
// at a time, as the report gives them, so a large run is never held whole
// as one JSON value.
func NewJSON(w io.Writer, opts Options) Printer { return jsonPrinter{w: w, opts: opts} }

// Print writes, field by field, what encoding/json would write for
//
//	{version, gate, documents: [...], totals, completeness, problems, unread}
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
		return writeDocument(w, in, d)
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
	if err := field("problems", problems, false); err != nil {
		return err
	}
	unread := r.Unread
	if unread == nil {
		unread = map[string]int{}
	}
	if err := field("unread", unread, true); err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

// writeDocument writes a document's report as encoding/json would write
// it at the depth of the report's documents,
//
//	{name, paths, format, source, target, counts, problems, findings,
//	 measures (when any), completeness}
//
// one finding at a time: a translation memory of a million units has tens
// of thousands of findings, which are never held as one JSON value.
func writeDocument(w *bufio.Writer, in *indenter, d *pipeline.DocumentReport) error {
	const field, item = "      ", "        "
	fields := []struct {
		name string
		v    any
	}{
		{"name", d.Name}, {"paths", d.Paths}, {"format", d.Format}, {"source", d.Source},
		{"target", d.Target}, {"counts", d.Counts}, {"problems", d.Problems},
	}
	w.WriteString("{")
	for _, f := range fields {
		w.WriteString("\n" + field + `"` + f.name + `": `)
		if err := in.write(w, f.v, field); err != nil {
			return err
		}
		w.WriteString(",")
	}
	w.WriteString("\n" + field + `"findings": [`)
	for i, f := range d.Findings {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n" + item)
		if err := in.write(w, f, item); err != nil {
			return err
		}
	}
	if len(d.Findings) > 0 {
		w.WriteString("\n" + field)
	}
	w.WriteString("],")
	if len(d.Measures) > 0 {
		w.WriteString("\n" + field + `"measures": `)
		if err := in.write(w, d.Measures, field); err != nil {
			return err
		}
		w.WriteString(",")
	}
	w.WriteString("\n" + field + `"completeness": `)
	if err := in.write(w, round1(d.Counts.Completeness()), field); err != nil {
		return err
	}
	_, err := w.WriteString("\n    }")
	return err
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
