package reports

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/transcheck/transcheck/pipeline"
)

// HTMLSiteIndex is the name of the site's first page.
const HTMLSiteIndex = "index.html"

// WriteHTMLSite writes the HTML report as a folder of pages, for runs too
// large for one page: HTMLSiteIndex ("index.html") shows the verdict, the
// totals, the filter by check and severity and one line per document
// (name and counts), the documents with findings first, in the run's
// order, each linking to its page; then one page per document with
// findings, with the section NewHTML shows for it (findings, chart, text
// side by side), its own filter and links to the index and to the previous
// and next documents with findings. Documents without findings have no
// page. Every page is self-contained, as NewHTML's.
//
// A page's file name is derived from the document's place in the run and
// its file name: "docs/guide.en.md", the 42nd document, gets
// doc-00042-guide-en-md.html (plain ASCII, no folder, unique in the run,
// the same for the same run).
//
// opts are the printers' options; the pages need none of them today.
// create is called once per file, one at a time, the documents' pages
// first, in the run's order, and index.html last; it must call write with
// the file's writer and return its error (the command writes each file
// atomically into the folder). write buffers what it writes. The first
// error stops the site and is returned, naming the file. The documents are
// read three times through r.EachDocument, one at a time: memory holds one
// or two documents' pages, not the corpus.
func WriteHTMLSite(r *pipeline.Report, opts Options, create func(name string, write func(io.Writer) error) error) error {
	var tally htmlTally
	// A page is written once the next document with findings is known,
	// for its link to it.
	var pending *htmlSitePage
	flush := func(next *htmlLink) error {
		if pending == nil {
			return nil
		}
		p := pending
		p.head.Next = next
		if err := create(p.file, buffered(p.write)); err != nil {
			return fmt.Errorf("writing %s: %w", p.file, err)
		}
		return nil
	}
	i := 0
	err := r.EachDocument(func(d *pipeline.DocumentReport) error {
		defer func() { i++ }()
		tally.add(d)
		if len(d.Findings) == 0 {
			return nil
		}
		var prev *htmlLink
		if pending != nil {
			prev = &htmlLink{Href: pending.file, Name: pending.name}
		}
		page, err := htmlSitePageOf(r, i, d, prev)
		if err != nil {
			return err
		}
		if err := flush(&htmlLink{Href: page.file, Name: page.name}); err != nil {
			return err
		}
		pending = page
		return nil
	})
	if err != nil {
		return err
	}
	if err := flush(nil); err != nil {
		return err
	}
	head := htmlRunPage(r, &tally)
	err = create(HTMLSiteIndex, buffered(func(w io.Writer) error { return htmlSiteIndex(w, r, head) }))
	if err != nil {
		return fmt.Errorf("writing %s: %w", HTMLSiteIndex, err)
	}
	return nil
}

// buffered returns write with its output buffered: the templates write in
// small pieces.
func buffered(write func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		b := bufio.NewWriterSize(w, 64<<10)
		if err := write(b); err != nil {
			return err
		}
		return b.Flush()
	}
}

// htmlSiteIndex writes the index: the head, a line per document with
// findings, linking to its page, then a line per document without.
func htmlSiteIndex(w io.Writer, r *pipeline.Report, head htmlPage) error {
	if err := htmlTemplate.ExecuteTemplate(w, "head", head); err != nil {
		return err
	}
	if head.WithFindings > 0 {
		if err := htmlTemplate.ExecuteTemplate(w, "findings-start", head.WithFindings); err != nil {
			return err
		}
		lw := htmlLineWriter{w: w, kind: "findings"}
		i := 0
		err := r.EachDocument(func(d *pipeline.DocumentReport) error {
			defer func() { i++ }()
			if len(d.Findings) == 0 {
				return nil
			}
			return lw.line(htmlLineOf(d, htmlPageName(i, d.Name)))
		})
		if err != nil {
			return err
		}
		if err := htmlTemplate.ExecuteTemplate(w, "lines-end", nil); err != nil {
			return err
		}
	}
	if err := htmlCleanLines(w, r, head.Clean); err != nil {
		return err
	}
	return htmlTemplate.ExecuteTemplate(w, "tail", head)
}

// htmlSitePage is a document's page, its section rendered and its head
// waiting for the link to the next page.
type htmlSitePage struct {
	file, name string
	head       htmlPage
	section    []byte
}

// htmlSitePageOf renders the page of the i-th document; prev links to the
// page before it.
func htmlSitePageOf(r *pipeline.Report, i int, d *pipeline.DocumentReport, prev *htmlLink) (*htmlSitePage, error) {
	var t htmlTally
	t.add(d)
	head := htmlPage{Title: d.Name + " · transcheck report", Home: HTMLSiteIndex, Prev: prev}
	head.Verdict, head.VerdictClass = htmlVerdict(r)
	head.Checks, head.Severities, head.FindingCount = t.filters()
	var b bytes.Buffer
	// The section refers to the report's findings and problems: it is
	// rendered before the report goes.
	if err := htmlTemplate.ExecuteTemplate(&b, "document", htmlDocumentOf(i, d)); err != nil {
		return nil, err
	}
	return &htmlSitePage{file: htmlPageName(i, d.Name), name: d.Name, head: head, section: b.Bytes()}, nil
}

// write writes the page.
func (p *htmlSitePage) write(w io.Writer) error {
	if err := htmlTemplate.ExecuteTemplate(w, "head", p.head); err != nil {
		return err
	}
	if _, err := w.Write(p.section); err != nil {
		return err
	}
	return htmlTemplate.ExecuteTemplate(w, "tail", p.head)
}

// htmlSlugMax is the most characters of a document's name a page's file
// name keeps.
const htmlSlugMax = 40

// htmlPageName returns the file name of the page of the i-th document
// (from 0): "doc-", its number from 1 in five digits or more, then its
// file name (without folders) in lower-case ASCII letters and digits,
// other characters as hyphens, the end kept when it is long. The number makes it
// unique in the run and the same for the same run; the name can neither
// leave the folder nor be index.html.
func htmlPageName(i int, name string) string {
	var b strings.Builder
	hyphen := false
	// The file's name, not its folders: the index links to every page,
	// and its size is what keeps it usable.
	if k := strings.LastIndexAny(name, `/\`); k >= 0 {
		name = name[k+1:]
	}
	for _, c := range strings.ToLower(name) {
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			hyphen = false
			continue
		}
		hyphen = true
	}
	slug := b.String()
	if len(slug) > htmlSlugMax {
		// The end of the name, from a whole word.
		cut := len(slug) - htmlSlugMax
		if slug[cut-1] != '-' {
			if k := strings.IndexByte(slug[cut:], '-'); k >= 0 {
				cut += k
			}
		}
		slug = strings.TrimLeft(slug[cut:], "-")
	}
	if slug == "" {
		return fmt.Sprintf("doc-%05d.html", i+1)
	}
	return fmt.Sprintf("doc-%05d-%s.html", i+1, slug)
}
