package reader

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/document"
)

// TestRewrite splices edits into files of every encoding and line ending
// the reader takes, and checks that nothing else changes.
func TestRewrite(t *testing.T) {
	const text = "青禾街道2023年工作总结\r\n一、主要工作\r\n截止目前，完成投资1.2亿元,同比增长5%。\r\n\r\n二、2023年工作计划\r\n"
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(text)
	u16 := func(little bool) string {
		var b bytes.Buffer
		if little {
			b.Write([]byte{0xFF, 0xFE})
		} else {
			b.Write([]byte{0xFE, 0xFF})
		}
		for _, u := range utf16.Encode([]rune(text)) {
			if little {
				b.Write([]byte{byte(u), byte(u >> 8)})
			} else {
				b.Write([]byte{byte(u >> 8), byte(u)})
			}
		}
		return b.String()
	}
	files := []struct {
		name, data string
		enc        string
	}{
		{"crlf.txt", text, "UTF-8"},
		{"lf.txt", strings.ReplaceAll(text, "\r\n", "\n"), "UTF-8"},
		{"cr.txt", strings.ReplaceAll(text, "\r\n", "\r"), "UTF-8"},
		{"bom.md", "\xEF\xBB\xBF" + text, "UTF-8 BOM"},
		{"gbk.txt", gb, "GB18030"},
		{"le.txt", u16(true), "UTF-16LE"},
		{"be.txt", u16(false), "UTF-16BE"},
	}
	for _, tt := range files {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(tt.name, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if f.Encoding != tt.enc {
				t.Fatalf("encoding %s, want %s", f.Encoding, tt.enc)
			}
			span := func(s string, nth int) document.Span {
				i := -1
				for range nth + 1 {
					j := strings.Index(f.Text[i+1:], s)
					if j < 0 {
						t.Fatalf("%q not in text", s)
					}
					i += 1 + j
				}
				return document.Span{Start: i, End: i + len(s)}
			}
			edits := []document.Edit{
				{Span: span("截止", 0), Text: "截至"},
				{Span: span(",", 0), Text: "，"},
				{Span: span("2023", 1), Text: "2024"},
				{Span: span("\n", 3), Text: ""}, // join a line: crosses a line ending
				{Span: document.Span{Start: len(f.Text), End: len(f.Text)}, Text: "（完）\n"},
			}
			out, err := Rewrite(f, []byte(tt.data), edits)
			if err != nil {
				t.Fatal(err)
			}
			g, err := Read(tt.name, out)
			if err != nil {
				t.Fatal(err)
			}
			want := document.Apply(f.Text, document.SortEdits(edits, len(f.Text)))
			if g.Text != want {
				t.Errorf("text\n%q\nwant\n%q", g.Text, want)
			}
			if g.Encoding != f.Encoding {
				t.Errorf("encoding %s, want %s", g.Encoding, f.Encoding)
			}
			// Every line ending the edits did not touch is kept as it was.
			if strings.Contains(tt.data, "\r\n") && strings.Count(string(out), "\n") != strings.Count(string(out), "\r\n") {
				t.Errorf("mixed line endings after rewrite: %q", out)
			}
		})
	}
}

func TestRewriteRefuses(t *testing.T) {
	f, err := Read("a.txt", []byte("第一行\n第二行\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Rewrite(f, []byte("第一行\n第二行改\n"), nil); err == nil {
		t.Error("rewrote data that is not what the file was read from")
	}
	f.Format = document.FormatDocx
	if _, err := Rewrite(f, []byte("第一行\n第二行\n"), nil); err == nil {
		t.Error("rewrote a .docx")
	}
}

func FuzzRewrite(f *testing.F) {
	f.Add([]byte("一、总体\r\n截止目前,完成\r\n"), 3, 9, "改")
	f.Add([]byte("\xEF\xBB\xBF第一\r第二\n"), 0, 4, "\n")
	f.Fuzz(func(t *testing.T, data []byte, start, end int, repl string) {
		file, err := Read("f.txt", data)
		if err != nil {
			return
		}
		if start < 0 || end < start || end > len(file.Text) {
			return
		}
		e := []document.Edit{{Span: document.Span{Start: start, End: end}, Text: repl}}
		out, err := Rewrite(file, data, e)
		if err != nil {
			return // refusing is allowed; writing something wrong is not
		}
		g, err := Read("f.txt", out)
		if err != nil {
			if strings.TrimSpace(document.Apply(file.Text, e)) == "" {
				return
			}
			t.Fatalf("rewritten file unreadable: %v", err)
		}
		if g.Text != document.Apply(file.Text, e) {
			t.Fatalf("text %q, want %q", g.Text, document.Apply(file.Text, e))
		}
	})
}
