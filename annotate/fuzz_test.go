package annotate

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/document"
	"zongjie/reader"
)

// FuzzDocx annotates documents with fuzzed bodies on every paragraph, every
// cell and random spans: Docx must not panic, and the reader must read the
// same text from the copy as from the source.
func FuzzDocx(f *testing.F) {
	for _, p := range strings.Split(syntheticBody, "\r\n") {
		f.Add(p, uint64(1))
	}
	f.Add(syntheticBody, uint64(2))
	f.Add(`<w:p><w:r><w:t xml:space="preserve"> a&#13;b&#10;c&#x9;d </w:t><w:cr/><w:t><![CDATA[x<y]]></w:t><w:sym w:char="4E00"/><w:noBreakHyphen/></w:r></w:p>`, uint64(3))
	f.Add(`<w:p><w:r><w:t>外</w:t><w:p><w:r><w:t>内</w:t></w:r></w:p><w:t>层</w:t></w:r></w:p>`, uint64(4))
	f.Add(`<w:tbl><w:tr><w:p><w:r><w:t>无格</w:t></w:r></w:p><w:tc><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, uint64(5))
	parts := syntheticParts()
	f.Fuzz(func(t *testing.T, body string, seed uint64) {
		doc := header + `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`
		src := zipParts(t, replaced(parts, "word/document.xml", doc))
		file, err := reader.Read("f.docx", src)
		if err != nil {
			return
		}
		var ds []check.Diagnostic
		for _, p := range file.Paragraphs {
			ds = append(ds, check.Diagnostic{Rule: "P", Span: p.Span})
			for _, c := range p.Cells {
				ds = append(ds, check.Diagnostic{Rule: "C", Span: c})
			}
		}
		rng := rand.New(rand.NewPCG(seed, seed))
		for range 20 {
			n := len(file.Text) + 2
			ds = append(ds, check.Diagnostic{Rule: "R", Span: document.Span{Start: rng.IntN(n) - 1, End: rng.IntN(n) - 1}})
		}
		out, res, err := Annotator{Date: testDate}.Docx(src, file, ds)
		if err != nil {
			return
		}
		if res.Placed()+len(res.Skipped) != len(ds) {
			t.Fatalf("%+v does not account for %d diagnostics", res, len(ds))
		}
		g, err := reader.Read("f.docx", out)
		if err != nil {
			t.Fatalf("the annotated copy does not read: %v", err)
		}
		if g.Text != file.Text || !reflect.DeepEqual(g.Paragraphs, file.Paragraphs) {
			t.Fatalf("text changed:\n%q\nwant\n%q\ndocument.xml:\n%s", g.Text, file.Text, entry(unzip(t, out), "word/document.xml"))
		}
	})
}
