package reports

import (
	"bytes"
	"testing"

	"github.com/transcheck/transcheck/pipeline"
)

// spooled returns a copy of rep whose documents are read back from a
// pipeline.Spool, as the command's runs give them to the printers; the
// spool is removed when the test ends.
func spooled(t testing.TB, rep *pipeline.Report) *pipeline.Report {
	t.Helper()
	s, err := pipeline.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i := range rep.Documents {
		if err := s.Add(&rep.Documents[i]); err != nil {
			t.Fatal(err)
		}
	}
	out := *rep
	out.Documents = nil
	out.UseSpool(s)
	return &out
}

// Every format prints the same bytes from a spool as from memory.
func TestSpooledSameBytes(t *testing.T) {
	rep := seedReport(t)
	for _, name := range Names() {
		var mem, spool bytes.Buffer
		if err := Formats[name](&mem, Options{}).Print(rep); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := Formats[name](&spool, Options{}).Print(spooled(t, rep)); err != nil {
			t.Fatalf("%s from a spool: %v", name, err)
		}
		if mem.String() != spool.String() {
			t.Errorf("%s: %d bytes from memory, %d from a spool, and they differ", name, mem.Len(), spool.Len())
		}
	}
}
