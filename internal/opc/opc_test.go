package opc

import "testing"

func TestPartKey(t *testing.T) {
	for in, want := range map[string]string{
		"word/document.xml":   "word/document.xml",
		"/Word/Document.XML":  "word/document.xml",
		`word\_rels\doc.rels`: "word/_rels/doc.rels",
		"[Content_Types].xml": "[content_types].xml",
		"word/media/图片 1.png": "word/media/图片 1.png",
	} {
		if got := PartKey(in); got != want {
			t.Errorf("PartKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveTarget(t *testing.T) {
	for _, c := range []struct{ dir, target, want string }{
		{"word", "comments.xml", "word/comments.xml"},
		{"word", "/word/Comments.xml", "word/comments.xml"},
		{"word", "../customXml/item1.xml", "customxml/item1.xml"},
		{".", "word/document.xml", "word/document.xml"},
		{"", "word/document.xml", "word/document.xml"},
		{"word", "media/image%201.png", "word/media/image 1.png"},
		{"word", "footnotes.xml#frag", "word/footnotes.xml"},
		{"word", `sub\notes.xml?x=1`, "word/sub/notes.xml"},
		// Targets that leave the package resolve to nothing.
		{"word", "../../etc/passwd", ""},
		{".", "../x.xml", ""},
		{"word", "..", ""},
		{"", ".", ""},
	} {
		if got := ResolveTarget(c.dir, c.target); got != c.want {
			t.Errorf("ResolveTarget(%q, %q) = %q, want %q", c.dir, c.target, got, c.want)
		}
	}
}
