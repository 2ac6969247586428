package document_test

import (
	"strings"
	"testing"

	"zongjie/document"
	"zongjie/reader"
)

// Ensure fixes move the paragraphs with them: an insertion at a
// paragraph's end stays in it, a deleted paragraph becomes empty, a
// replacement at a paragraph's start is in the paragraph.
func TestFileApply(t *testing.T) {
	f, err := reader.Read("a.txt", []byte("第一段没有句号\n下载 打印\n第三段3-6岁\n第四段\n"))
	if err != nil {
		t.Fatal(err)
	}
	span := func(s string) document.Span {
		i := strings.Index(f.Text, s)
		return document.Span{Start: i, End: i + len(s)}
	}
	end := span("第一段没有句号").End
	edits := []document.Edit{
		{Span: document.Span{Start: end, End: end}, Text: "。"},
		{Span: span("下载 打印\n"), Text: ""},
		{Span: span("3-6"), Text: "3—6"},
		{Span: span("第四"), Text: "第4"},
	}
	before := f.Text
	g := f.Apply(edits)
	if f.Text != before || f.Slice(f.Paragraphs[1].Span) != "下载 打印" {
		t.Errorf("Apply changed its file: %q", f.Text)
	}
	var got []string
	for _, p := range g.Paragraphs {
		got = append(got, g.Slice(p.Span))
	}
	want := []string{"第一段没有句号。", "", "第三段3—6岁", "第4段"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs %q, want %q (text %q)", got, want, g.Text)
	}
}
