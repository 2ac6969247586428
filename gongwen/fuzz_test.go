package gongwen

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWriteDOCX writes documents with arbitrary text: the result must be a
// zip whose every part is well-formed XML, and the body must carry the
// text with only what XML cannot hold left out.
func FuzzWriteDOCX(f *testing.F) {
	f.Add("青禾街道2024年工作总结", "（2024年12月20日）", "（一）坚持党建引领。正文", 2, 30)
	f.Add("", "", "", 0, 0)
	f.Add("a<b>&c", "\x00\x01", "x\ty\r\nz\rw\n", 1, 1)
	f.Add("\xff\xfe", "\ufffe\uffff", "\U0001F600𠀀\u0085\x7f]]>", 4, 2)
	f.Add("]]><!--", "&amp;", "<w:p>", 9, -5)
	f.Fuzz(func(t *testing.T, title, subtitle, text string, level, head int) {
		d := &Doc{Title: title, Subtitle: subtitle, Blocks: []Block{
			{Level: level, Text: text, Head: head},
			{Text: text},
		}}
		var buf bytes.Buffer
		if err := WriteDOCX(&buf, d); err != nil {
			t.Fatal(err)
		}
		p, err := open(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		ps := p.paragraphs(t)
		if len(ps) < 2 {
			t.Fatalf("%d paragraphs", len(ps))
		}
		want := kept(text)
		for _, para := range ps[len(ps)-2:] {
			if got := para.text(); got != want {
				t.Fatalf("paragraph text %q, want %q", got, want)
			}
		}
		if strings.TrimSpace(title) != "" {
			if got := ps[0].text(); got != kept(title) {
				t.Fatalf("title %q, want %q", got, kept(title))
			}
		}
	})
}

// kept returns what of s a paragraph shows: characters XML cannot hold
// dropped, CR LF and CR as line feeds.
func kept(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == '\t' || r == '\n' || !(r == utf8.RuneError && size == 1) && validXMLChar(r) {
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}
