package reader

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zongjie/document"
)

// readText reads a plain-text file: each non-blank line is a paragraph.
func readText(path string, data []byte) (*document.File, error) {
	text, enc, err := decode(path, data)
	if err != nil {
		return nil, err
	}
	return document.New(path, document.FormatText, enc, text, tabTables(text, joinBroken(text, lineParagraphs(text)))), nil
}

// tabTables makes table rows of the runs of two or more lines, one after
// the other, that each hold three or more tab-separated cells, as many in
// every line, two or more of them not blank: a Word table copied as text.
// A line alone with tabs, or lines of differing cell counts, stay
// paragraphs.
func tabTables(text string, paras []document.Paragraph) []document.Paragraph {
	width := func(s document.Span) int {
		cells, full := tabCells(text, s), 0
		for _, c := range cells {
			if c.End > c.Start {
				full++
			}
		}
		if full < 2 {
			return 0
		}
		return len(cells)
	}
	for i := 0; i < len(paras); {
		n := width(paras[i].Span)
		j := i + 1
		for n >= 3 && j < len(paras) && adjacent(text, paras[j-1].Span, paras[j].Span) && width(paras[j].Span) == n {
			j++
		}
		if n >= 3 && j-i >= 2 {
			for k := i; k < j; k++ {
				paras[k].Kind = document.TableRow
				paras[k].Cells = tabCells(text, paras[k].Span)
			}
		}
		i = max(j, i+1)
	}
	return paras
}

// tabCells returns the cells of the line (or lines) of s split at its
// tabs, none when it holds no tab. A blank cell (a 备注 left empty, the
// 序号 of a 合计 row) keeps its place as a zero-length span, inside s when
// it lies in the line's trimmed blanks, so that every row of a table has
// as many cells as its header and each cell stays under its own; a
// consumer skips the empty cells.
func tabCells(text string, s document.Span) []document.Span {
	start := strings.LastIndexByte(text[:s.Start], '\n') + 1
	end := len(text)
	if i := strings.IndexByte(text[s.End:], '\n'); i >= 0 {
		end = s.End + i
	}
	line := text[start:end]
	if !strings.Contains(line, "\t") {
		return nil
	}
	var cells []document.Span
	for _, part := range strings.Split(line, "\t") {
		c, ok := trimSpan(text, document.Span{Start: start, End: start + len(part)})
		if !ok {
			at := min(max(start, s.Start), s.End)
			c = document.Span{Start: at, End: at}
		}
		cells = append(cells, c)
		start += len(part) + 1
	}
	return cells
}

// joinBroken joins the lines that web copy broke inside a sentence around
// a short fragment (document.BrokenInside: at most three characters, twelve
// bytes, which most lines are not, at the cost of a comparison) into one paragraph: "…广义货币
// M", "2", "预期增长13%左右；…" are one paragraph whose text keeps its line
// breaks, so that positions stay those of the file.
func joinBroken(text string, paras []document.Paragraph) []document.Paragraph {
	out := paras[:0]
	for i := 0; i < len(paras); i++ {
		p := paras[i]
		for i+2 < len(paras) && paras[i+1].Span.Len() <= 12 && adjacent(text, p.Span, paras[i+1].Span) && adjacent(text, paras[i+1].Span, paras[i+2].Span) &&
			document.BrokenInside(text[p.Span.Start:p.Span.End], text[paras[i+1].Span.Start:paras[i+1].Span.End], text[paras[i+2].Span.Start:paras[i+2].Span.End]) {
			p.Span.End = paras[i+2].Span.End
			i += 2
		}
		out = append(out, p)
	}
	return out
}

// adjacent reports whether span b starts on the line after span a ends:
// no blank line between them.
func adjacent(text string, a, b document.Span) bool {
	return strings.Count(text[a.End:b.Start], "\n") == 1
}

// lineParagraphs makes one paragraph of every non-blank line.
func lineParagraphs(text string) []document.Paragraph {
	paras := make([]document.Paragraph, 0, strings.Count(text, "\n")/2+1)
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, ok := trimSpan(text, document.Span{Start: start, End: end}); ok {
			paras = append(paras, document.Paragraph{Span: s, Origin: -1})
		}
		start = end + 1
	}
	return paras
}

// trimSpan shrinks s to exclude leading and trailing blanks (ASCII and
// full-width spaces, tabs, zero-width characters); ok is false when nothing
// is left.
func trimSpan(text string, s document.Span) (document.Span, bool) {
	for s.Start < s.End {
		r, size := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !isBlank(r) {
			break
		}
		s.Start += size
	}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !isBlank(r) {
			break
		}
		s.End -= size
	}
	return s, s.End > s.Start
}

// isBlank reports whether r is white space or an invisible character that
// only pads a line.
func isBlank(r rune) bool {
	switch r {
	case ' ', '\t', '\r', '\n', '\f', '\v', 0x00A0, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
		return true
	}
	return false
}

// decode turns data into UTF-8 text with LF line endings and names the
// encoding it found. Data that is neither valid UTF-8 (or UTF-16 with a BOM)
// nor GB18030 text is refused rather than decoded with replacement
// characters: a reader must never lose text silently.
func decode(path string, data []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		enc = "UTF-8 BOM"
		if !validUTF8(data) {
			return "", "", invalidUTF8(path, data)
		}
		text = string(data)
	case hasUTF16BOM(data):
		text, enc, err = decodeUTF16(path, data)
		if err != nil {
			return "", "", err
		}
	case validUTF8(data):
		text, enc = string(data), "UTF-8"
		if mayBeGBK(data) {
			if t, ok := decodeGB(data); ok {
				text, enc = t, "GB18030"
			}
		}
	default:
		t, ok := decodeGB(data)
		if !ok {
			if mostlyUTF8(data) {
				return "", "", invalidUTF8(path, data)
			}
			return "", "", errorf(path, nil, "无法识别文本编码：既不是 UTF-8，也不是 GBK/GB18030；请用记事本或 WPS 另存为 UTF-8 编码后再试",
				"unknown text encoding: neither UTF-8 nor GBK/GB18030")
		}
		text, enc = t, "GB18030"
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	return normalizeNewlines(text), enc, nil
}

// validUTF8 is utf8.Valid, in a third of its instructions on Chinese
// text: a character of three bytes led by E1–EC or EE–EF (every Chinese
// character and full-width mark) needs only its two continuation bytes
// checked; any other goes through utf8.DecodeRune.
func validUTF8(p []byte) bool {
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(p) && p[i+1]&0xC0 == 0x80 && p[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

func hasUTF16BOM(data []byte) bool {
	return len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF)
}

// decodeUTF16 decodes UTF-16 with a byte-order mark.
func decodeUTF16(path string, data []byte) (string, string, error) {
	little := data[0] == 0xFF
	enc := "UTF-16BE"
	if little {
		enc = "UTF-16LE"
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return "", "", errorf(path, nil, "UTF-16 文件长度为奇数，文件可能被截断", "odd-length UTF-16 file, probably truncated")
	}
	runes := utf16.Decode(utf16Units(data, little))
	for i, r := range runes {
		if r == utf8.RuneError {
			// utf16.Decode marks unpaired surrogates this way; a real
			// U+FFFD in the file is just as suspicious in a report.
			return "", "", errorf(path, nil, "UTF-16 文本第 %d 个字符无效（孤立的代理项），文件可能已损坏",
				"invalid UTF-16 at character %d (unpaired surrogate)", i+1)
		}
		if r == 0 {
			return "", "", errorf(path, nil, "UTF-16 文本中含有空字符，不是文本文件", "NUL character in UTF-16 text")
		}
	}
	return string(runes), enc, nil
}

// utf16Units reads data (without its byte-order mark) as UTF-16 code
// units in the given byte order; a trailing odd byte is ignored.
func utf16Units(data []byte, little bool) []uint16 {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if little {
			units[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		} else {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		}
	}
	return units
}

// invalidUTF8 reports where the first invalid UTF-8 byte is.
func invalidUTF8(path string, data []byte) *Error {
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line := bytes.Count(data[:off], []byte{'\n'}) + 1
	return errorf(path, nil, "不是有效的 UTF-8 文本：第 %d 行（第 %d 字节）有无效字节，文件可能已损坏或被截断",
		"invalid UTF-8 at line %d (byte %d)", line, off+1)
}

// mostlyUTF8 reports whether data is UTF-8 text with a few broken bytes
// rather than text in another encoding.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size > 1:
			good++
		}
		off += size
	}
	return good > 0 && bad*4 <= good
}

// mayBeGBK reports whether valid UTF-8 data could still be GBK: short GBK
// text (the classic "联通") can form valid two-byte UTF-8 sequences, but then
// it has no three-byte sequences, which every Chinese UTF-8 text has.
func mayBeGBK(data []byte) bool {
	two := 0
	for _, b := range data {
		switch {
		case b >= 0xE0:
			return false
		case b >= 0xC0:
			two++
		}
	}
	return two > 0
}

// decodeGB decodes data as GB18030 (a superset of GBK and GB2312). It fails
// when a byte sequence is invalid or when too few characters fall in the
// common GB2312 range, which is the sign of a wrong guess.
func decodeGB(data []byte) (string, bool) {
	common, multi := 0, 0
	for i := 0; i < len(data); i++ {
		b := data[i]
		if b < 0x80 {
			continue
		}
		if b == 0x80 || b == 0xFF || i+1 >= len(data) {
			return "", false
		}
		t := data[i+1]
		if t >= 0x30 && t <= 0x39 { // four-byte sequence
			if i+3 >= len(data) {
				return "", false
			}
			multi++
			i += 3
			continue
		}
		if t < 0x40 || t == 0x7F || t == 0xFF {
			return "", false
		}
		multi++
		if b >= 0xA1 && b <= 0xF7 && t >= 0xA1 {
			common++
		}
		i++
	}
	if multi == 0 || common*10 < multi*8 {
		return "", false
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// trimBOM drops a UTF-8 byte-order mark.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF}) }
