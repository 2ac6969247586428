package reader

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/document"
)

// sampleNames returns the names of the sample documents in order.
func sampleNames() []string {
	names := make([]string, 0, len(sampleDocs))
	for name := range sampleDocs {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// FuzzDocx feeds damaged and arbitrary zips to Read: it must never panic
// or hang, must fail only with an *Error, and on success must give valid
// UTF-8 text with sorted, non-overlapping paragraph spans inside it.
func FuzzDocx(f *testing.F) {
	for _, name := range sampleNames() {
		d := sampleDocs[name]
		data := d.build(f)
		f.Add(data)
		f.Add(data[:len(data)/2])
		f.Add(data[:len(data)-10])
		flipped := bytes.Clone(data)
		flipped[len(flipped)/3] ^= 0xFF
		f.Add(flipped)
		// Uncompressed entries without checksums keep the XML open to
		// mutation.
		f.Add(rawStoredParts(f, d.parts()))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data)
	})
}

// FuzzDocxParts fuzzes the XML of the main, styles, numbering and
// footnotes parts of an otherwise well-formed package, so that mutations
// that change lengths reach the XML walkers too.
func FuzzDocxParts(f *testing.F) {
	for _, name := range sampleNames() {
		d := sampleDocs[name]
		f.Add(wordPart("document", "<w:body>"+d.body+"</w:body>"), wordPart("styles", d.styles),
			wordPart("numbering", d.numbering), wordPart("footnotes", d.footnotes))
	}
	f.Fuzz(func(t *testing.T, doc, styles, numbering, footnotes string) {
		data := rawStoredParts(t, []zipPart{
			{"word/document.xml", doc}, {"word/styles.xml", styles},
			{"word/numbering.xml", numbering}, {"word/footnotes.xml", footnotes},
		})
		checkRead(t, data)
	})
}

// checkRead reads data and checks the outcome: an *Error, or a document
// that satisfies the invariants.
func checkRead(t *testing.T, data []byte) {
	doc, err := Read("f.docx", data)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v (%T) is not an *Error", err, err)
		}
		return
	}
	if err := spanInvariants(doc); err != nil {
		t.Fatalf("%v\ntext: %q", err, doc.Text)
	}
	// Mutated input may be read as another format (plain text); the
	// stricter rules are the .docx reader's.
	if doc.Format == document.FormatDocx {
		if err := docxInvariants(doc); err != nil {
			t.Fatalf("%v\ntext: %q", err, doc.Text)
		}
		// The walk that records the source reads the same.
		f, src, err := ReadSource("f.docx", data)
		if err != nil {
			if !strings.Contains(err.Error(), "UTF-16") {
				t.Fatalf("ReadSource: %v", err)
			}
			return
		}
		if err := sourceInvariants(data, f, src); err != nil {
			t.Fatal(err)
		}
	}
}

// spanInvariants checks what holds for every format: valid UTF-8 text and
// sorted, non-overlapping paragraph spans inside it.
func spanInvariants(doc *document.File) error {
	if !utf8.ValidString(doc.Text) {
		return fmt.Errorf("text is not valid UTF-8")
	}
	prev := 0
	for i, p := range doc.Paragraphs {
		if p.Span.Start < prev || p.Span.End < p.Span.Start || p.Span.End > len(doc.Text) {
			return fmt.Errorf("paragraph %d: bad span %v (previous end %d, text %d bytes)", i, p.Span, prev, len(doc.Text))
		}
		prev = p.Span.End
	}
	return nil
}
