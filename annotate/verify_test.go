package annotate

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"zongjie/check"
	"zongjie/document"
	"zongjie/reader"
)

// This file checks an annotated copy against its source, independently of
// how Docx works: through the reader and the standard XML decoder.

// testDate is the date of the comments of the tests.
var testDate = time.Date(2025, 3, 1, 8, 30, 0, 0, time.UTC)

// outcome is what should become of one diagnostic.
type outcome int

const (
	outExact   outcome = iota // anchored on its span
	outApprox                 // a point at the start of a paragraph
	outSkipped                // left out
)

// tcase is one diagnostic of a test and what should become of it.
type tcase struct {
	d    check.Diagnostic
	want string // the text the reader reads between the range markers
	out  outcome
	// field says the range holds the result of a field, which LibreOffice
	// computes anew: its text there is not compared.
	field bool
}

// diag returns a diagnostic of rule on span s of f.
func diag(f *document.File, s document.Span, rule, msg string, fixes ...check.Fix) check.Diagnostic {
	d := check.Diagnostic{Rule: rule, Severity: check.Error, Message: msg, Span: s, Fixes: fixes}
	if validSpan(s, len(f.Text)) {
		d.Text = f.Text[s.Start:s.End]
	}
	return d
}

// find returns the span of the n-th (0-based) occurrence of sub in f.
func find(tb testing.TB, f *document.File, sub string, n int) document.Span {
	tb.Helper()
	from := 0
	for {
		i := strings.Index(f.Text[from:], sub)
		if i < 0 {
			tb.Fatalf("%q (#%d) not in the text", sub, n)
		}
		if n == 0 {
			return document.Span{Start: from + i, End: from + i + len(sub)}
		}
		n--
		from += i + 1
	}
}

// annotateAndVerify annotates src with the diagnostics of cases and checks
// the copy: (a) the reader reads the same text from it; (b) there is one
// new comment per placed diagnostic, with the right text, and the old
// comments are kept; (c) the range of each new comment holds the expected
// text; (d) the entries Docx must not touch are identical, in the same
// order; and document.xml only gained elements.
func annotateAndVerify(t *testing.T, name string, src []byte, f *document.File, cases []tcase) []byte {
	t.Helper()
	ds := make([]check.Diagnostic, len(cases))
	for i, c := range cases {
		ds[i] = c.d
	}
	out, res, err := Annotator{Author: "zongjie", Date: testDate}.Docx(src, f, ds)
	if err != nil {
		t.Fatal(err)
	}
	var wantApprox, wantSkipped []int
	wantExact := 0
	for i, c := range cases {
		switch c.out {
		case outExact:
			wantExact++
		case outApprox:
			wantApprox = append(wantApprox, i)
		case outSkipped:
			wantSkipped = append(wantSkipped, i)
		}
	}
	if res.Exact != wantExact || !reflect.DeepEqual(res.Approx, wantApprox) || !reflect.DeepEqual(res.Skipped, wantSkipped) {
		t.Errorf("result %+v, want exact %d, approx %v, skipped %v", res, wantExact, wantApprox, wantSkipped)
	}
	sameReading(t, name, f, out)
	ids := checkComments(t, src, out, f, cases)
	for k, id := range ids {
		c := cases[k]
		if c.out == outSkipped {
			continue
		}
		if got := rangeText(t, name, out, id); got != c.want {
			t.Errorf("comment %s (%s on %q): range holds %q, want %q", id, c.d.Rule, c.d.Text, got, c.want)
		}
	}
	checkEntries(t, src, out)
	checkInsertOnly(t, entry(unzip(t, src), "word/document.xml"), entry(unzip(t, out), "word/document.xml"))
	return out
}

// sameReading checks (a): comments do not change the text the reader sees.
func sameReading(t *testing.T, name string, f *document.File, out []byte) {
	t.Helper()
	g, err := reader.Read(name, out)
	if err != nil {
		t.Fatalf("reading the annotated copy: %v", err)
	}
	if g.Text != f.Text {
		t.Fatalf("text changed:\n%q\nwant\n%q", g.Text, f.Text)
	}
	if !reflect.DeepEqual(g.Paragraphs, f.Paragraphs) {
		t.Errorf("paragraphs changed:\n%+v\nwant\n%+v", g.Paragraphs, f.Paragraphs)
	}
}

// xmlComment is a comment as found in comments.xml.
type xmlComment struct {
	id, author, initials, date, text string
}

// parseComments returns the comments of a comments part; paragraphs are
// joined by "\n".
func parseComments(t *testing.T, data string) []xmlComment {
	t.Helper()
	var cs []xmlComment
	d := xml.NewDecoder(strings.NewReader(data))
	paras, inT := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return cs
		}
		if err != nil {
			t.Fatalf("comments.xml: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch tk.Name.Local {
			case "comment":
				c := xmlComment{}
				for _, a := range tk.Attr {
					switch a.Name.Local {
					case "id":
						c.id = a.Value
					case "author":
						c.author = a.Value
					case "initials":
						c.initials = a.Value
					case "date":
						c.date = a.Value
					}
				}
				cs, paras = append(cs, c), 0
			case "p":
				if paras++; paras > 1 {
					cs[len(cs)-1].text += "\n"
				}
			case "t":
				inT = true
			case "br":
				cs[len(cs)-1].text += "\n"
			case "tab":
				cs[len(cs)-1].text += "\t"
			}
		case xml.EndElement:
			inT = inT && tk.Name.Local != "t"
		case xml.CharData:
			if inT {
				cs[len(cs)-1].text += string(tk)
			}
		}
	}
}

// wantComment returns the text the comment of c must have.
func wantComment(f *document.File, c tcase) string {
	s := fmt.Sprintf("[%s %s] %s", c.d.Rule, c.d.Severity.Chinese(), c.d.Message)
	if len(c.d.Fixes) > 0 {
		if r := c.d.Fixes[0].Replacement; r != "" {
			s += "\n建议：" + r
		} else {
			s += "\n建议：删除"
		}
	}
	if c.out == outApprox {
		s += "\n原文：「" + c.d.Text + "」"
	}
	return s
}

// checkComments checks (b) and returns the id of the comment of each case
// ("" for skipped ones).
func checkComments(t *testing.T, src, out []byte, f *document.File, cases []tcase) []string {
	t.Helper()
	before := parseComments(t, entry(unzip(t, src), "word/comments.xml"))
	after := parseComments(t, entry(unzip(t, out), "word/comments.xml"))
	if len(after) < len(before) || len(before) > 0 && !reflect.DeepEqual(after[:len(before)], before) {
		t.Fatalf("existing comments changed:\n%+v\nwant\n%+v", after, before)
	}
	added := after[len(before):]
	ids := make([]string, len(cases))
	seen := map[string]bool{}
	for _, c := range before {
		seen[c.id] = true
	}
	k := 0
	for i, c := range cases {
		if c.out == outSkipped {
			continue
		}
		if k >= len(added) {
			t.Fatalf("%d new comments, want more", len(added))
		}
		a := added[k]
		k++
		if seen[a.id] {
			t.Errorf("comment id %s used twice", a.id)
		}
		seen[a.id] = true
		if a.author != "zongjie" || a.initials != "ZJ" || a.date != "2025-03-01T08:30:00Z" {
			t.Errorf("comment %s: author %q, initials %q, date %q", a.id, a.author, a.initials, a.date)
		}
		if want := wantComment(f, c); a.text != want {
			t.Errorf("comment %s: text %q, want %q", a.id, a.text, want)
		}
		ids[i] = a.id
	}
	if k != len(added) {
		t.Errorf("%d new comments, want %d", len(added), k)
	}
	return ids
}

// rangeText checks (c) for one comment: it turns the range markers into
// visible sentinel characters and returns what the reader reads between
// them.
func rangeText(t *testing.T, name string, out []byte, id string) string {
	t.Helper()
	parts := unzip(t, out)
	doc := entry(parts, "word/document.xml")
	start := `<w:commentRangeStart w:id="` + id + `"/>`
	end := `<w:commentRangeEnd w:id="` + id + `"/>`
	ref := `<w:commentReference w:id="` + id + `"/>`
	if strings.Count(doc, start) != 1 || strings.Count(doc, end) != 1 || strings.Count(doc, ref) != 1 {
		t.Fatalf("comment %s: want one start, one end and one reference in document.xml", id)
	}
	if strings.Index(doc, start) > strings.Index(doc, end) || strings.Index(doc, end) > strings.Index(doc, ref) {
		t.Errorf("comment %s: start, end and reference out of order", id)
	}
	doc = strings.Replace(doc, start, `<w:r><w:t>⟦</w:t></w:r>`, 1)
	doc = strings.Replace(doc, end, `<w:r><w:t>⟧</w:t></w:r>`, 1)
	g, err := reader.Read(name, zipParts(t, replaced(parts, "word/document.xml", doc)))
	if err != nil {
		t.Fatal(err)
	}
	i, j := strings.Index(g.Text, "⟦"), strings.Index(g.Text, "⟧")
	if i < 0 || j < i {
		t.Fatalf("comment %s: sentinels not found in order in %q", id, g.Text)
	}
	return g.Text[i+len("⟦") : j]
}

// checkEntries checks (d): the same entries in the same order, with new
// ones at the end, and every entry but the four Docx edits identical in
// content and compression method.
func checkEntries(t *testing.T, src, out []byte) {
	t.Helper()
	editable := map[string]bool{"word/document.xml": true, "word/comments.xml": true,
		"word/_rels/document.xml.rels": true, "[Content_Types].xml": true}
	in, got := zipFiles(t, src), zipFiles(t, out)
	if len(got) < len(in) {
		t.Fatalf("%d entries, want at least %d", len(got), len(in))
	}
	for i, f := range in {
		g := got[i]
		if g.name != f.name || g.method != f.method {
			t.Errorf("entry %d: %s (method %d), want %s (method %d)", i, g.name, g.method, f.name, f.method)
		}
		if !editable[f.name] && g.body != f.body {
			t.Errorf("entry %s changed", f.name)
		}
	}
	for _, g := range got[len(in):] {
		if !editable[g.name] {
			t.Errorf("unexpected new entry %s", g.name)
		}
	}
	for _, g := range got {
		if editable[g.name] {
			if err := wellFormed(g.body); err != nil {
				t.Errorf("%s: %v", g.name, err)
			}
		}
	}
	types := entryOf(got, "[Content_Types].xml")
	if !strings.Contains(types, `PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"`) {
		t.Errorf("no content type for the comments part:\n%s", types)
	}
	if rels := entryOf(got, "word/_rels/document.xml.rels"); strings.Count(rels, "relationships/comments") != 1 {
		t.Errorf("want one comments relationship:\n%s", rels)
	}
}

// zipFile is an entry with its compression method.
type zipFile struct {
	name   string
	method uint16
	body   string
}

// zipFiles returns the entries of a zip with their methods.
func zipFiles(t *testing.T, data []byte) []zipFile {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, data)
	files := make([]zipFile, len(parts))
	for i, f := range zr.File {
		files[i] = zipFile{f.Name, f.Method, parts[i].body}
	}
	return files
}

// entryOf returns the body of the named entry.
func entryOf(files []zipFile, name string) string {
	for _, f := range files {
		if f.name == name {
			return f.body
		}
	}
	return ""
}

// wellFormed reports a syntax error in an XML document.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// checkInsertOnly checks that the annotated document.xml is the original
// with elements inserted: the original bytes are all there in order, the
// character data (text and white space between elements) is the same, and
// every character of every w:t has the same run formatting as before.
func checkInsertOnly(t *testing.T, in, out string) {
	t.Helper()
	j := 0
	for i := 0; i < len(in); i++ {
		for j < len(out) && out[j] != in[i] {
			j++
		}
		if j == len(out) {
			t.Fatalf("document.xml: original byte %d (%q…) is gone", i, in[i:min(i+40, len(in))])
		}
		j++
	}
	if a, b := charData(t, in), charData(t, out); a != b {
		t.Errorf("document.xml: character data changed:\n%q\nwant\n%q", b, a)
	}
	a, b := formattedChars(t, in), formattedChars(t, out)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("document.xml: text formatting changed")
	}
	if !strings.HasPrefix(out, in[:strings.Index(in, "<w:body>")]) {
		t.Errorf("document.xml: the declaration or the root element changed")
	}
}

// charData returns all character data of an XML document.
func charData(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		if c, ok := tok.(xml.CharData); ok {
			b.Write(c)
		}
	}
}

// formattedChar is one character of a w:t and the properties of its run.
type formattedChar struct {
	r     rune
	props string
}

// formattedChars returns the characters of every w:t with a canonical
// form of their run's w:rPr.
func formattedChars(t *testing.T, s string) []formattedChar {
	t.Helper()
	var out []formattedChar
	var props []string // per open w:r
	inProps, inT := 0, false
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			switch {
			case inProps > 0:
				inProps++
				props[len(props)-1] += fmt.Sprint("<", tk.Name.Local, tk.Attr, ">")
			case tk.Name.Local == "r":
				props = append(props, "")
			case tk.Name.Local == "rPr" && len(props) > 0:
				inProps = 1
			case tk.Name.Local == "t":
				inT = true
			}
		case xml.EndElement:
			switch {
			case inProps > 0:
				inProps--
			case tk.Name.Local == "r" && len(props) > 0:
				props = props[:len(props)-1]
			case tk.Name.Local == "t":
				inT = false
			}
		case xml.CharData:
			if inT && len(props) > 0 {
				for _, r := range string(tk) {
					out = append(out, formattedChar{r, props[len(props)-1]})
				}
			}
		}
	}
}
