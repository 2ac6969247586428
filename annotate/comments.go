package annotate

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie/check"
	"zongjie/document"
	"zongjie/internal/docxsrc"
)

// quoteRunes caps the length of the quoted text in a comment that could
// not be anchored on its span.
const quoteRunes = 60

// commentParas returns the paragraphs of the comment for d: the rule, its
// severity and the message; the first fix; and, when the comment is not on
// the diagnostic's span, the text it is about.
func commentParas(f *document.File, d check.Diagnostic, exact bool) []string {
	paras := []string{fmt.Sprintf("[%s %s] %s", d.Rule, d.Severity.Chinese(), d.Message)}
	if len(d.Fixes) > 0 {
		if r := d.Fixes[0].Replacement; r != "" {
			paras = append(paras, "建议："+r)
		} else {
			paras = append(paras, "建议：删除")
		}
	}
	if !exact {
		text := d.Text
		if validSpan(d.Span, len(f.Text)) && d.Span.Len() > 0 {
			text = f.Text[runeStart(f.Text, d.Span.Start):runeEnd(f.Text, d.Span.End)]
		}
		if text != "" {
			paras = append(paras, "原文：「"+truncate(text, quoteRunes)+"」")
		}
	}
	return paras
}

// truncate shortens s to n characters, marking the cut with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := 0; k < n; k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "…"
}

// commentMeta is what every new comment carries.
type commentMeta struct {
	author, initials, date string
}

// renderComment writes one w:comment element with the prefix and
// namespace declaration of n.
func renderComment(b *strings.Builder, n ns, m commentMeta, id int64, paras []string) {
	q := n.prefix
	fmt.Fprintf(b, `<%scomment%s %sid="%d" %sauthor="%s" %sdate="%s" %sinitials="%s">`,
		q, n.decl, q, id, q, escape(m.author), q, escape(m.date), q, escape(m.initials))
	for i, p := range paras {
		b.WriteString("<" + q + "p>")
		if i == 0 {
			b.WriteString("<" + q + "r><" + q + "annotationRef/></" + q + "r>")
		}
		b.WriteString("<" + q + "r>")
		for j, line := range strings.Split(p, "\n") {
			if j > 0 {
				b.WriteString("<" + q + "br/>")
			}
			for k, part := range strings.Split(line, "\t") {
				if k > 0 {
					b.WriteString("<" + q + "tab/>")
				}
				if part != "" {
					b.WriteString("<" + q + `t xml:space="preserve">` + escape(part) + "</" + q + "t>")
				}
			}
		}
		b.WriteString("</" + q + "r></" + q + "p>")
	}
	b.WriteString("</" + q + "comment>")
}

// existingComments is what an existing comments part holds.
type existingComments struct {
	rt    root
	space string // namespace of the root element
	maxID int64  // largest w:id, -1 when none
}

// readComments parses an existing comments part.
func readComments(name string, data []byte) (existingComments, error) {
	ec := existingComments{maxID: -1}
	first := true
	rt, err := parseRoot(name, data, func(t xml.StartElement) {
		if first {
			ec.space, first = t.Name.Space, false
		}
		if v, ok := attr(t, "id"); ok {
			if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil && n > ec.maxID {
				ec.maxID = n
			}
		}
	})
	ec.rt = rt
	return ec, err
}

// rootNS returns the writer for children of the comments root rt.
func rootNS(rt root, space string) ns {
	return newNS(docxsrc.Para{Prefix: prefixOf(rt.name), Space: space})
}

// newCommentsPart returns a comments part in namespace space holding the
// rendered comments.
func newCommentsPart(space, comments string) []byte {
	return []byte(xml.Header[:len(xml.Header)-1] + "\n" + `<w:comments xmlns:w="` + escape(space) + `">` +
		comments + "</w:comments>")
}
