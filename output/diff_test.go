package output

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"zongjie/document"
)

// applyUnified applies a unified diff to text: the test's independent
// reader of the format, strict about context and removed lines.
func applyUnified(text, diff string) (string, error) {
	old := splitKeep(text)
	var out []string
	pos := 0 // next old line to copy
	sc := bufio.NewScanner(strings.NewReader(diff))
	var pending *string
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "--- "), strings.HasPrefix(l, "+++ "):
		case strings.HasPrefix(l, "@@ "):
			f := strings.Fields(l)
			start := strings.Split(strings.TrimPrefix(f[1], "-"), ",")
			n, _ := strconv.Atoi(start[0])
			if len(start) == 2 && start[1] == "0" {
				n++ // an empty range names the line before
			}
			for pos < n-1 {
				out = append(out, old[pos])
				pos++
			}
		case l == `\ No newline at end of file`:
			if pending == nil {
				return "", fmt.Errorf("stray no-newline marker")
			}
			*pending = strings.TrimSuffix(*pending, "\n")
		case l != "" && (l[0] == ' ' || l[0] == '-'):
			if pos >= len(old) || strings.TrimSuffix(old[pos], "\n") != l[1:] {
				return "", fmt.Errorf("line %d: %q does not match %q", pos+1, l[1:], old[pos])
			}
			if l[0] == ' ' {
				out = append(out, old[pos])
				pending = &out[len(out)-1]
			} else {
				pending = new(string)
			}
			pos++
		case l != "" && l[0] == '+':
			out = append(out, l[1:]+"\n")
			pending = &out[len(out)-1]
		default:
			return "", fmt.Errorf("bad diff line %q", l)
		}
	}
	out = append(out, old[pos:]...)
	return strings.Join(out, ""), nil
}

func TestWriteDiff(t *testing.T) {
	var lines []string
	for i := 1; i <= 30; i++ {
		lines = append(lines, fmt.Sprintf("第%d行，截止目前完成。", i))
	}
	text := strings.Join(lines, "\n") + "\n"
	at := func(line int, s string) document.Span {
		off := strings.Index(text, lines[line-1])
		i := strings.Index(lines[line-1], s)
		return document.Span{Start: off + i, End: off + i + len(s)}
	}
	tests := []struct {
		name  string
		text  string
		edits []document.Edit
		hunks int
	}{
		{"one edit", text, []document.Edit{{Span: at(10, "截止"), Text: "截至"}}, 1},
		{"near edits share a hunk", text, []document.Edit{{Span: at(10, "截止"), Text: "截至"}, {Span: at(14, "截止"), Text: "截至"}}, 1},
		{"far edits", text, []document.Edit{{Span: at(1, "截止"), Text: "截至"}, {Span: at(30, "截止"), Text: "截至"}}, 2},
		{"delete a line", text, []document.Edit{{Span: document.Span{Start: at(5, "第").Start, End: at(6, "第").Start}, Text: ""}, {Span: at(20, "截止"), Text: "截至"}}, 2},
		{"insert lines", text, []document.Edit{{Span: at(3, "截止"), Text: "新增一行\n截至"}}, 1},
		{"no final newline", strings.TrimSuffix(text, "\n"), []document.Edit{{Span: at(30, "截止"), Text: "截至"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteDiff(&b, "a.txt", tt.text, tt.edits); err != nil {
				t.Fatal(err)
			}
			diff := b.String()
			if n := strings.Count(diff, "\n@@ "); n != tt.hunks {
				t.Errorf("%d hunks, want %d:\n%s", n, tt.hunks, diff)
			}
			got, err := applyUnified(tt.text, diff)
			if err != nil {
				t.Fatalf("%v\n%s", err, diff)
			}
			if want := document.Apply(tt.text, tt.edits); got != want {
				t.Errorf("diff applies to\n%q\nwant\n%q\n%s", got, want, diff)
			}
		})
	}
	var b strings.Builder
	if err := WriteDiff(&b, "a.txt", text, nil); err != nil || b.Len() != 0 {
		t.Errorf("no edits wrote %q", b.String())
	}
}
