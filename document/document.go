// Package document is the in-memory model of one input file: its decoded
// text, the paragraphs a reader found in it, and the conversion between the
// byte offsets used inside the program and the character positions shown to
// users.
//
// Every stage after the reader works on a *File. Positions inside the
// program are byte offsets into File.Text (cheap to slice); positions shown
// to users are Unicode code points: line and column 1-based, offset 0-based,
// counted on the decoded text with LF line endings. Position and Location do
// the conversion, and nothing else should.
package document

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Format names the kind of input a File was read from.
type Format string

// Input formats the readers understand.
const (
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatDocx     Format = "docx"
)

// Span is a half-open byte range [Start, End) in a File's Text.
type Span struct {
	Start, End int
}

// Len returns the length of s in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether byte offset off lies inside s.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// ParaKind says where a paragraph came from.
type ParaKind uint8

// Paragraph kinds. Body is ordinary running text; the others come from
// structures a .docx (or .md) can hold.
const (
	Body     ParaKind = iota
	TableRow          // one table row; Cells holds the cells
	Note              // a footnote or endnote, placed after the body
	TextBox           // text from a text box or shape
)

// Paragraph is one paragraph of a File: in a .txt, one non-blank line; in a
// .docx, one w:p (split at manual line breaks).
type Paragraph struct {
	Span Span // the paragraph text, without surrounding blanks and without the final newline

	Kind ParaKind
	// HeadingLevel is a heading level hint from the source: a .docx heading
	// style or outline level, or a Markdown "#" prefix. 0 means no hint.
	HeadingLevel int
	// Title is set when the source marks the paragraph as the document
	// title (a .docx "Title" style).
	Title bool
	// Cells holds the cell spans of a TableRow paragraph.
	Cells []Span
	// Generated is the part of Span that is not in the source file but was
	// made by the reader, such as the visible marker of a .docx automatic
	// numbering ("一、"). Empty when Start == End.
	Generated Span
	// Origin is the index of the source element (the w:p in document order
	// for .docx) the paragraph came from, or -1.
	Origin int
}

// File is one decoded input file.
type File struct {
	Path     string // as given by the user; "-" for standard input
	Format   Format
	Encoding string // the detected source encoding, e.g. "UTF-8", "GB18030"
	Text     string // decoded text, LF line endings
	// Paragraphs in reading order. Spans never overlap and are sorted.
	Paragraphs []Paragraph
	// Markup lists sorted, non-overlapping spans of markup that is not
	// text (Markdown emphasis delimiters). Analyzers skip them.
	Markup []Span

	lineStarts []int // byte offset of the start of each line
	lineChars  []int // character offset of the start of each line
	// checkpoints[k] is the character offset of the first character that
	// starts at or after byte k*checkpointBytes, so that converting an
	// offset counts at most a few characters instead of a whole line.
	checkpoints []int32
}

// checkpointBytes is the spacing of character-count checkpoints.
const checkpointBytes = 64

// New returns a File for text. paras must be sorted by position.
func New(path string, format Format, encoding, text string, paras []Paragraph) *File {
	f := &File{Path: path, Format: format, Encoding: encoding, Text: text, Paragraphs: paras}
	f.index()
	return f
}

// index builds the line tables and the character checkpoints in one pass.
func (f *File) index() {
	text := f.Text
	n := strings.Count(text, "\n") + 1
	f.lineStarts = make([]int, 1, n)
	f.lineChars = make([]int, 1, n)
	f.checkpoints = make([]int32, len(text)/checkpointBytes+1)
	// The text is valid UTF-8, so every byte that is not a continuation
	// byte (10xxxxxx) starts a character: counting needs no decoding. Each
	// checkpoint block is counted in one tight loop; newlines, found with
	// strings.IndexByte, are counted up to separately.
	chars := 0
	nl := strings.IndexByte(text, '\n')
	for k := range f.checkpoints {
		f.checkpoints[k] = int32(chars)
		start := k * checkpointBytes
		if start >= len(text) {
			continue
		}
		end := min(start+checkpointBytes, len(text))
		for nl >= 0 && nl < end {
			c := chars + countChars(text[start:nl+1])
			f.lineStarts = append(f.lineStarts, nl+1)
			f.lineChars = append(f.lineChars, c)
			if j := strings.IndexByte(text[nl+1:], '\n'); j >= 0 {
				nl += 1 + j
			} else {
				nl = -1
			}
		}
		chars += countChars(text[start:end])
	}
}

// countChars counts the characters of valid UTF-8 text: its bytes less
// its continuation bytes (10xxxxxx), counted eight at a time.
func countChars(s string) int {
	const high = 0x8080808080808080
	cont := 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte has its high bit set and the next one clear;
		// the multiplication sums the eight flags into the top byte.
		cont += int(((x & ^(x << 1) & high) >> 7) * 0x0101010101010101 >> 56)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(s) - cont
}

// charOffset returns the character offset of byte offset off, which must be
// a character boundary.
func (f *File) charOffset(off int) int {
	k := off / checkpointBytes
	b := k * checkpointBytes
	for b < off && !utf8.RuneStart(f.Text[b]) {
		b++ // the checkpoint counts from the first character starting at or after b
	}
	return int(f.checkpoints[k]) + countChars(f.Text[b:off])
}

// Lines returns the number of lines in the file.
func (f *File) Lines() int { return len(f.lineStarts) }

// Chars returns the length of the text in characters (code points).
func (f *File) Chars() int {
	last := len(f.lineStarts) - 1
	return f.lineChars[last] + utf8.RuneCountInString(f.Text[f.lineStarts[last]:])
}

// Position is a user-visible position: Line and Column are 1-based and
// Offset is 0-based, all counted in Unicode code points of the decoded text.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
}

// Location is a user-visible span: the position of its start and its length,
// in characters.
type Location struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
	Length int `json:"length"`
}

// Position converts a byte offset into a user-visible position. An offset
// inside a multi-byte character is moved back to the start of the character;
// offsets outside the text are clamped.
func (f *File) Position(off int) Position {
	off = f.clamp(off)
	line := sort.SearchInts(f.lineStarts, off+1) - 1
	chars := f.charOffset(off)
	return Position{Line: line + 1, Column: chars - f.lineChars[line] + 1, Offset: chars}
}

// Location converts a byte span into a user-visible location.
func (f *File) Location(s Span) Location {
	p := f.Position(s.Start)
	length := 0
	if end := f.clamp(s.End); end > s.Start {
		length = f.charOffset(end) - p.Offset
	}
	return Location{Line: p.Line, Column: p.Column, Offset: p.Offset, Length: length}
}

// clamp limits off to [0, len(Text)] and moves it to a character boundary.
func (f *File) clamp(off int) int {
	if off < 0 {
		return 0
	}
	if off > len(f.Text) {
		return len(f.Text)
	}
	for off > 0 && off < len(f.Text) && !utf8.RuneStart(f.Text[off]) {
		off--
	}
	return off
}

// ByteOffset converts a character offset back into a byte offset. Offsets
// past the end give len(Text).
func (f *File) ByteOffset(chars int) int {
	if chars <= 0 {
		return 0
	}
	line := sort.SearchInts(f.lineChars, chars+1) - 1
	off := f.lineStarts[line]
	for n := chars - f.lineChars[line]; n > 0 && off < len(f.Text); n-- {
		_, size := utf8.DecodeRuneInString(f.Text[off:])
		off += size
	}
	return off
}

// Slice returns the text of s.
func (f *File) Slice(s Span) string { return f.Text[s.Start:s.End] }

// Line returns the text of 1-based line n without its newline.
func (f *File) Line(n int) string {
	if n < 1 || n > len(f.lineStarts) {
		return ""
	}
	start := f.lineStarts[n-1]
	end := len(f.Text)
	if n < len(f.lineStarts) {
		end = f.lineStarts[n] - 1
	}
	return f.Text[start:end]
}

// LineStart returns the byte offset where the line holding off begins.
func (f *File) LineStart(off int) int {
	off = f.clamp(off)
	return f.lineStarts[sort.SearchInts(f.lineStarts, off+1)-1]
}

// InMarkup reports whether byte offset off lies in a markup span.
func (f *File) InMarkup(off int) bool {
	i := sort.Search(len(f.Markup), func(i int) bool { return f.Markup[i].End > off })
	return i < len(f.Markup) && f.Markup[i].Start <= off
}

// ParagraphAt returns the index of the paragraph holding byte offset off, or
// -1 when off falls between paragraphs.
func (f *File) ParagraphAt(off int) int {
	i := sort.Search(len(f.Paragraphs), func(i int) bool { return f.Paragraphs[i].Span.End > off })
	if i < len(f.Paragraphs) && f.Paragraphs[i].Span.Start <= off {
		return i
	}
	return -1
}
