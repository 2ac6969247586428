package document_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/document"
)

// Ensure positions count characters, not bytes, on lines that mix ASCII,
// CJK, full-width punctuation and a character outside the BMP.
func TestPosition(t *testing.T) {
	text := "一、总体情况\n财政收入9.01亿元，同比增长33.0％。\n𠀾村（社区）xx户😀完成\n"
	f := document.New("t.txt", document.FormatText, "UTF-8", text, nil)

	tests := []struct {
		needle string
		want   document.Position
	}{
		{"一、", document.Position{Line: 1, Column: 1, Offset: 0}},
		{"总体", document.Position{Line: 1, Column: 3, Offset: 2}},
		{"财政", document.Position{Line: 2, Column: 1, Offset: 7}},
		{"9.01", document.Position{Line: 2, Column: 5, Offset: 11}},
		{"33.0％", document.Position{Line: 2, Column: 16, Offset: 22}},
		{"𠀾", document.Position{Line: 3, Column: 1, Offset: 29}},
		{"村（", document.Position{Line: 3, Column: 2, Offset: 30}},
		{"xx户", document.Position{Line: 3, Column: 7, Offset: 35}},
		{"完成", document.Position{Line: 3, Column: 11, Offset: 39}},
	}
	for _, tt := range tests {
		off := strings.Index(text, tt.needle)
		if got := f.Position(off); got != tt.want {
			t.Errorf("Position(%q)=%+v, want %+v", tt.needle, got, tt.want)
		}
		// The character offset must agree with a plain count of runes.
		if got, want := f.Position(off).Offset, utf8.RuneCountInString(text[:off]); got != want {
			t.Errorf("Position(%q).Offset=%d, rune count %d", tt.needle, got, want)
		}
		// And convert back to the same byte offset.
		if got := f.ByteOffset(tt.want.Offset); got != off {
			t.Errorf("ByteOffset(%d)=%d, want %d", tt.want.Offset, got, off)
		}
	}
}

// Ensure a location's length counts characters, astral ones included.
func TestLocation(t *testing.T) {
	text := "前言\n共有𠀾😀户９户"
	f := document.New("t.txt", document.FormatText, "UTF-8", text, nil)
	start := strings.Index(text, "𠀾")
	end := strings.Index(text, "９户") + len("９户")
	got := f.Location(document.Span{Start: start, End: end})
	want := document.Location{Line: 2, Column: 3, Offset: 5, Length: 5}
	if got != want {
		t.Fatalf("Location=%+v, want %+v", got, want)
	}
}

// Ensure offsets inside a character, past the end and at line ends are safe.
func TestPositionEdges(t *testing.T) {
	text := "甲乙\n丙"
	f := document.New("t.txt", document.FormatText, "UTF-8", text, nil)
	if got, want := f.Position(1), (document.Position{Line: 1, Column: 1, Offset: 0}); got != want {
		t.Errorf("inside a character: %+v, want %+v", got, want)
	}
	if got, want := f.Position(6), (document.Position{Line: 1, Column: 3, Offset: 2}); got != want {
		t.Errorf("at the newline: %+v, want %+v", got, want)
	}
	if got, want := f.Position(7), (document.Position{Line: 2, Column: 1, Offset: 3}); got != want {
		t.Errorf("line start: %+v, want %+v", got, want)
	}
	if got, want := f.Position(999), (document.Position{Line: 2, Column: 2, Offset: 4}); got != want {
		t.Errorf("past the end: %+v, want %+v", got, want)
	}
	if got, want := f.Position(-3), (document.Position{Line: 1, Column: 1, Offset: 0}); got != want {
		t.Errorf("negative: %+v, want %+v", got, want)
	}
	if got, want := f.Chars(), 4; got != want {
		t.Errorf("Chars=%d, want %d", got, want)
	}
	if got, want := f.Lines(), 2; got != want {
		t.Errorf("Lines=%d, want %d", got, want)
	}
	if got, want := f.Line(1), "甲乙"; got != want {
		t.Errorf("Line(1)=%q, want %q", got, want)
	}
	if got, want := f.Line(2), "丙"; got != want {
		t.Errorf("Line(2)=%q, want %q", got, want)
	}
	if got, want := f.ByteOffset(99), len(text); got != want {
		t.Errorf("ByteOffset past end=%d, want %d", got, want)
	}
}

// Ensure the empty text has one empty line and no panics.
func TestEmpty(t *testing.T) {
	f := document.New("e.txt", document.FormatText, "UTF-8", "", nil)
	if got := f.Position(0); got != (document.Position{Line: 1, Column: 1}) {
		t.Errorf("Position(0)=%+v", got)
	}
	if f.Chars() != 0 || f.Lines() != 1 {
		t.Errorf("Chars=%d Lines=%d", f.Chars(), f.Lines())
	}
	if f.ParagraphAt(0) != -1 || f.InMarkup(0) {
		t.Errorf("empty file has no paragraphs or markup")
	}
}

func TestParagraphAtAndMarkup(t *testing.T) {
	text := "**加粗**\n\n第二段"
	paras := []document.Paragraph{
		{Span: document.Span{Start: 0, End: 10}, Origin: -1},
		{Span: document.Span{Start: 12, End: 21}, Origin: -1},
	}
	f := document.New("m.md", document.FormatMarkdown, "UTF-8", text, paras)
	f.Markup = []document.Span{{Start: 0, End: 2}, {Start: 8, End: 10}}
	for off, want := range map[int]int{0: 0, 9: 0, 10: -1, 11: -1, 12: 1, 20: 1, 21: -1} {
		if got := f.ParagraphAt(off); got != want {
			t.Errorf("ParagraphAt(%d)=%d, want %d", off, got, want)
		}
	}
	for off, want := range map[int]bool{0: true, 1: true, 2: false, 7: false, 8: true, 9: true, 10: false} {
		if got := f.InMarkup(off); got != want {
			t.Errorf("InMarkup(%d)=%v, want %v", off, got, want)
		}
	}
}

// Ensure every character boundary converts to the plain rune count, on text
// long enough to cross many checkpoints, with 1-, 2-, 3- and 4-byte
// characters and newlines.
func FuzzPosition(f *testing.F) {
	f.Add("一、总体\nab𠀾😀é\n\n" + strings.Repeat("财政收入9.01亿元，", 40))
	f.Add("")
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		file := document.New("f.txt", document.FormatText, "UTF-8", text, nil)
		line, col := 1, 1
		for off := 0; off <= len(text); {
			p := file.Position(off)
			want := document.Position{Line: line, Column: col, Offset: utf8.RuneCountInString(text[:off])}
			if p != want {
				t.Fatalf("Position(%d)=%+v, want %+v", off, p, want)
			}
			if got := file.ByteOffset(want.Offset); got != off {
				t.Fatalf("ByteOffset(%d)=%d, want %d", want.Offset, got, off)
			}
			if off == len(text) {
				break
			}
			r, size := utf8.DecodeRuneInString(text[off:])
			off += size
			col++
			if r == '\n' {
				line, col = line+1, 1
			}
		}
		if got, want := file.Chars(), utf8.RuneCountInString(text); got != want {
			t.Fatalf("Chars=%d, want %d", got, want)
		}
	})
}
