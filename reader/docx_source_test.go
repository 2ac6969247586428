package reader

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"zongjie/document"
	"zongjie/internal/docxsrc"
)

// sourceInvariants checks a source against the File read with it: the
// File is the one Read gives, At covers the text, and every character
// with an atom is what the XML holds at the atom's bytes: the character
// itself (or a reference to it) in a w:t, or an element read as it.
func sourceInvariants(data []byte, f *document.File, src *docxsrc.Source) error {
	plain, err := Read(f.Path, data)
	if err != nil {
		return fmt.Errorf("Read fails where ReadSource reads: %v", err)
	}
	if plain.Text != f.Text || !reflect.DeepEqual(plain.Paragraphs, f.Paragraphs) {
		return fmt.Errorf("recording changes the reading:\n%q\nwant\n%q", f.Text, plain.Text)
	}
	if len(src.At) != len(f.Text) {
		return fmt.Errorf("At has %d entries for %d bytes of text", len(src.At), len(f.Text))
	}
	for off, r := range f.Text {
		k := src.At[off]
		if k < 0 {
			continue
		}
		for i := 1; i < utf8.RuneLen(r); i++ {
			if src.At[off+i] != k {
				return fmt.Errorf("byte %d of %q at %d has atom %d, not %d", i, r, off, src.At[off+i], k)
			}
		}
		if int(k) >= len(src.Atoms) {
			return fmt.Errorf("%q at %d: atom %d of %d", r, off, k, len(src.Atoms))
		}
		a := src.Atoms[k]
		if a.Start < 0 || a.Start >= a.End || a.End > len(src.Data) {
			return fmt.Errorf("%q at %d: atom bytes [%d,%d) of %d", r, off, a.Start, a.End, len(src.Data))
		}
		raw := string(src.Data[a.Start:a.End])
		switch a.Kind {
		case docxsrc.Char:
			if a.Text < 0 || a.Text >= len(src.Texts) || a.Run != src.Texts[a.Text].Run {
				return fmt.Errorf("%q at %d: char atom with text %d", r, off, a.Text)
			}
			if t := src.Texts[a.Text]; a.Start < t.OpenEnd || a.End > t.Close {
				return fmt.Errorf("%q at %d: bytes [%d,%d) outside its w:t [%d,%d)", r, off, a.Start, a.End, t.OpenEnd, t.Close)
			}
			got, _ := decodeCharData([]byte(raw), 0, nil)
			if len(got) != 1 || got[0].r != r && !(r == ' ' && got[0].r == '\n') {
				return fmt.Errorf("%q at %d reads %q in the XML", r, off, raw)
			}
		case docxsrc.Elem:
			name := rawName([]byte(raw), 0)
			if i := strings.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			switch name {
			case "tab", "ptab", "noBreakHyphen", "sym", "br", "cr", "t":
			default:
				return fmt.Errorf("%q at %d is read from %q", r, off, raw)
			}
		}
		if a.Run < 0 || a.Run >= len(src.Runs) {
			return fmt.Errorf("%q at %d: run %d", r, off, a.Run)
		}
		if run := src.Runs[a.Run]; a.Start < run.OpenEnd || a.End > run.End {
			return fmt.Errorf("%q at %d: bytes [%d,%d) outside its run [%d,%d)", r, off, a.Start, a.End, run.OpenEnd, run.End)
		}
	}
	// What has no atom: line feeds, generated markers, the separators of
	// table rows, notes. Every other character of a body paragraph has
	// one.
	for i, p := range f.Paragraphs {
		if p.Kind != document.Body {
			continue
		}
		for off := p.Span.Start; off < p.Span.End; off++ {
			if src.At[off] < 0 && !p.Generated.Contains(off) {
				return fmt.Errorf("paragraph %d: byte %d (%q) has no atom", i, off, f.Text[off:p.Span.End])
			}
		}
	}
	return nil
}

// Ensure the source of every sample and of a document written by
// LibreOffice places each character of the text where the XML holds it,
// and that recording does not change what is read.
func TestReadSource(t *testing.T) {
	docs := map[string][]byte{}
	for _, name := range sampleNames() {
		docs[name] = sampleDocs[name].build(t)
	}
	lo, err := os.ReadFile("testdata/numbered.docx")
	if err != nil {
		t.Fatal(err)
	}
	docs["numbered.docx"] = lo
	for name, data := range docs {
		f, src, err := ReadSource(name+".docx", data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := sourceInvariants(data, f, src); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if src.Part != "word/document.xml" {
			t.Errorf("%s: part %q", name, src.Part)
		}
	}
}

// Ensure the places of the constructs that change characters: an entity,
// a character reference, a carriage return, white space trimmed from a
// w:t, a tab element, a break in a table cell, a CDATA section (placed as
// its whole w:t), a numbering marker (no place), a text box (its own
// paragraph, hosted by the body one).
func TestReadSourcePlaces(t *testing.T) {
	body := `<w:p><w:r><w:t>  a&amp;b&#x4E00;  </w:t><w:tab/><w:t xml:space="preserve">c&#13;d</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t><![CDATA[e<f]]></w:t></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>g</w:t><w:br/><w:t>h</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		numPara(1, 0, "总体") +
		`<w:p><w:r><w:t>前</w:t></w:r>` + textBoxRun("框") + `</w:p>`
	data := testDocx{styles: sampleStyles, numbering: sampleNumbering, body: body}.build(t)
	f, src, err := ReadSource("p.docx", data)
	if err != nil {
		t.Fatal(err)
	}
	if err := sourceInvariants(data, f, src); err != nil {
		t.Fatal(err)
	}
	at := func(s string) (docxsrc.Atom, string) {
		t.Helper()
		i := strings.Index(f.Text, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, f.Text)
		}
		if src.At[i] < 0 {
			return docxsrc.Atom{Start: -1}, ""
		}
		a := src.Atoms[src.At[i]]
		return a, string(src.Data[a.Start:a.End])
	}
	for _, tt := range []struct {
		char string
		kind docxsrc.AtomKind
		raw  string // the bytes of the atom; "" for none
	}{
		{"a", docxsrc.Char, "a"},
		{"&", docxsrc.Char, "&amp;"},
		{"一", docxsrc.Char, "&#x4E00;"},
		{"\t", docxsrc.Elem, "<w:tab/>"},
		{"c", docxsrc.Char, "c"},
		{"d", docxsrc.Char, "d"},
		{"e", docxsrc.Elem, "<w:t><![CDATA[e<f]]></w:t>"},
		{"g h", docxsrc.Char, "g"},
		{" h", docxsrc.Elem, "<w:br/>"},
		{"一、", 0, ""},
		{"总体", docxsrc.Char, "总"},
		{"框", docxsrc.Char, "框"},
	} {
		a, raw := at(tt.char)
		if raw != tt.raw || raw != "" && a.Kind != tt.kind {
			t.Errorf("%q: read from %q (kind %d), want %q (kind %d)", tt.char, raw, a.Kind, tt.raw, tt.kind)
		}
	}
	// The carriage return reference is dropped, the trimmed blanks are
	// not in the text.
	if !strings.Contains(f.Text, "a&b一\tcd") {
		t.Errorf("text %q", f.Text)
	}
	box, _ := at("框")
	front, _ := at("前")
	if host := src.Paras[src.Runs[box.Run].Para].Host; host != src.Runs[front.Run].Para {
		t.Errorf("text box paragraph hosted by %d, want %d", host, src.Runs[front.Run].Para)
	}
	if h := src.Paras[src.Runs[front.Run].Para].Host; h != -1 {
		t.Errorf("body paragraph hosted by %d", h)
	}
}

// Ensure ReadSource refuses what has no source: a text file, and a main
// part in UTF-16 (which Read reads).
func TestReadSourceRefuses(t *testing.T) {
	if _, _, err := ReadSource("a.txt", []byte("纯文本")); err == nil {
		t.Error("a .txt: no error")
	}
	doc := `<?xml version="1.0" encoding="UTF-16"?><w:document ` + wNS + `><w:body>` + para("", "双字节") + `</w:body></w:document>`
	raw := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(doc)) {
		raw = append(raw, byte(u), byte(u>>8))
	}
	data := buildZip(t, []zipPart{{"word/document.xml", string(raw)}})
	if _, err := Read("u.docx", data); err != nil {
		t.Fatalf("Read: %v", err)
	}
	_, _, err := ReadSource("t.docx", data)
	wantError(t, err, "UTF-16")
	// A byte-order mark in UTF-8 shifts every place by three bytes.
	bom := buildZip(t, []zipPart{{"word/document.xml", "\ufeff" + wordPart("document", "<w:body>"+para("", "有标记")+"</w:body>")}})
	f, src, err := ReadSource("b.docx", bom)
	if err != nil {
		t.Fatal(err)
	}
	if err := sourceInvariants(bom, f, src); err != nil {
		t.Error(err)
	}
	if a := src.Atoms[src.At[0]]; !bytes.Equal(src.Data[a.Start:a.End], []byte("有")) {
		t.Errorf("first character read from %q", src.Data[a.Start:a.End])
	}
}
