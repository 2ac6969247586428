package reader

import (
	"bytes"
	"errors"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/document"
)

// Rewrite returns data, the bytes f was read from, with edits of f's text
// applied. The result keeps the file's encoding (UTF-8 with or without a
// byte-order mark, GB18030, UTF-16) and its line endings, and every byte
// outside the edits: it splices the edits into data rather than writing
// the text out again. It reads its result back and refuses to return one
// that does not read as f's text with the edits applied, so a caller never
// writes a file that lost or changed anything else.
//
// Only .txt and .md files can be rewritten; a .docx is refused.
func Rewrite(f *document.File, data []byte, edits []document.Edit) ([]byte, error) {
	if f.Format != document.FormatText && f.Format != document.FormatMarkdown {
		return nil, errorf(f.Path, nil, "只能直接修改 .txt 和 .md 文件；.docx 文件请用 --annotate 生成带批注的副本",
			"only .txt and .md files can be rewritten")
	}
	if g, err := read(f.Path, data); err != nil || g.Text != f.Text {
		return nil, errorf(f.Path, nil, "文件在读取之后已被改动，请重新检查后再修改", "file changed since it was read")
	}
	edits = document.SortEdits(append([]document.Edit(nil), edits...), len(f.Text))
	if len(edits) == 0 {
		return data, nil
	}
	src, err := newSource(f.Encoding, data)
	if err != nil {
		return nil, errorf(f.Path, err, "无法按原编码写回", "cannot write back in the file's encoding")
	}

	// Byte offsets in data of every edit boundary, found in one walk.
	var want []int
	for _, e := range edits {
		want = append(want, e.Span.Start, e.Span.End)
	}
	sort.Ints(want)
	at := src.offsets(want)

	crlf := bytes.Count(data, src.encode("\r\n")) > bytes.Count(data, src.encode("\n"))/2
	var out bytes.Buffer
	out.Grow(len(data))
	pos := 0
	for _, e := range edits {
		start, end := at[e.Span.Start], at[e.Span.End]
		out.Write(data[pos:start])
		text := e.Text
		if crlf {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		out.Write(src.encode(text))
		pos = end
	}
	out.Write(data[pos:])

	g, err := read(f.Path, out.Bytes())
	if err != nil || g.Text != document.Apply(f.Text, edits) {
		return nil, errorf(f.Path, err, "修改后的文件无法按原样读回，未写入", "rewritten file does not read back as expected; not written")
	}
	return out.Bytes(), nil
}

// source walks the characters of encoded data alongside the text the
// reader made of it.
type source struct {
	enc    string
	data   []byte
	skip   int    // bytes before the first character (a byte-order mark)
	runes  string // the decoded text, before newline normalisation
	encode func(string) []byte
}

func newSource(enc string, data []byte) (*source, error) {
	s := &source{enc: enc, data: data}
	switch enc {
	case "UTF-8", "UTF-8 BOM":
		if enc == "UTF-8 BOM" {
			s.skip = 3
		}
		s.runes = string(data[s.skip:])
		s.encode = func(t string) []byte { return []byte(t) }
	case "GB18030":
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		s.runes = string(out)
		enc := simplifiedchinese.GB18030.NewEncoder()
		s.encode = func(t string) []byte {
			b, err := enc.Bytes([]byte(t))
			if err != nil {
				return []byte(t) // unreachable: GB18030 encodes all of Unicode; the read-back check catches it
			}
			return b
		}
	case "UTF-16LE", "UTF-16BE":
		s.skip = 2
		little := enc == "UTF-16LE"
		s.runes = string(utf16.Decode(utf16Units(data[2:], little)))
		s.encode = func(t string) []byte {
			units := utf16.Encode([]rune(t))
			b := make([]byte, 0, 2*len(units))
			for _, u := range units {
				if little {
					b = append(b, byte(u), byte(u>>8))
				} else {
					b = append(b, byte(u>>8), byte(u))
				}
			}
			return b
		}
	default:
		return nil, errUnknownEncoding
	}
	return s, nil
}

var errUnknownEncoding = errors.New("unknown encoding")

// size returns the number of bytes character r takes at byte offset b of
// the data.
func (s *source) size(r rune, b int) int {
	switch s.enc {
	case "GB18030":
		switch c := s.data[b]; {
		case c < 0x80:
			return 1
		case b+1 < len(s.data) && s.data[b+1] >= 0x30 && s.data[b+1] <= 0x39:
			return 4
		default:
			return 2
		}
	case "UTF-16LE", "UTF-16BE":
		if r >= 0x10000 {
			return 4
		}
		return 2
	}
	return utf8.RuneLen(r)
}

// offsets maps sorted offsets in the normalised text (no byte-order mark,
// LF line endings) to byte offsets in the data.
func (s *source) offsets(want []int) map[int]int {
	at := make(map[int]int, len(want))
	n, b := 0, s.skip
	w := 0
	text := s.runes
	for i := 0; ; {
		for w < len(want) && want[w] == n {
			at[n] = b
			w++
		}
		if w == len(want) || i >= len(text) {
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		nb := s.size(r, b)
		switch {
		case r == '\uFEFF' && i == 0:
			// dropped by the reader
		case r == '\r' && strings.HasPrefix(text[i+size:], "\n"):
			// CRLF reads as one LF: the LF's offset is the CR's.
			b += nb
			i += size
			r, size = '\n', 1
			nb = s.size(r, b)
			n++
		default:
			n += utf8.RuneLen(r)
		}
		b += nb
		i += size
	}
	for ; w < len(want); w++ {
		at[want[w]] = b
	}
	return at
}
