package output

import (
	"strconv"
	"unicode/utf8"

	"zongjie/check"
)

// AppendCompactCheckJSON appends res as WriteCompactJSON encodes it, the
// final newline included, without reflection: the JSON API answers every
// check with it, and encoding/json walked each finding's fields through
// reflect (a check of a 20 KB report has some 250 findings). The output
// is byte for byte encoding/json's (TestAppendCompactCheckJSON holds it
// to it, every field of a finding set).
func AppendCompactCheckJSON(b []byte, res CheckResult) []byte {
	b = append(b, `{"files":`...)
	b = appendCheckFiles(b, res.Files)
	return append(b, "}\n"...)
}

// appendCheckFiles appends files as a JSON array.
func appendCheckFiles(b []byte, files []CheckFile) []byte {
	if files == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range files {
		f := &files[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"path":`...)
		b = AppendJSONString(b, f.Path)
		b = append(b, `,"chars":`...)
		b = strconv.AppendInt(b, int64(f.Chars), 10)
		b = append(b, `,"diagnostics":`...)
		b = AppendDiagnosticsJSON(b, f.Diagnostics)
		b = append(b, '}')
	}
	return append(b, ']')
}

// AppendDiagnosticsJSON appends ds as a JSON array, as encoding/json
// encodes a []check.Diagnostic (without HTML escaping).
func AppendDiagnosticsJSON(b []byte, ds []check.Diagnostic) []byte {
	if ds == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range ds {
		d := &ds[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"rule":`...)
		b = AppendJSONString(b, d.Rule)
		b = append(b, `,"category":`...)
		b = AppendJSONString(b, string(d.Category))
		b = append(b, `,"severity":`...)
		b = AppendJSONString(b, d.Severity.String()) // its MarshalText
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(d.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(d.Column), 10)
		b = append(b, `,"offset":`...)
		b = strconv.AppendInt(b, int64(d.Offset), 10)
		b = append(b, `,"length":`...)
		b = strconv.AppendInt(b, int64(d.Length), 10)
		b = append(b, `,"text":`...)
		b = AppendJSONString(b, d.Text)
		b = append(b, `,"message":`...)
		b = AppendJSONString(b, d.Message)
		b = append(b, `,"fixes":`...)
		if d.Fixes == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for k := range d.Fixes {
				f := &d.Fixes[k]
				if k > 0 {
					b = append(b, ',')
				}
				b = append(b, `{"message":`...)
				b = AppendJSONString(b, f.Message)
				b = append(b, `,"replacement":`...)
				b = AppendJSONString(b, f.Replacement)
				b = append(b, `,"certain":`...)
				b = strconv.AppendBool(b, f.Certain)
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// AppendJSONString appends s as a JSON string, as encoding/json writes
// it without HTML escaping: ", \ and the control characters escaped
// (\b \f \n \r \t by name, the others as \u00XX), each byte that is not
// UTF-8 as \ufffd, U+2028 and U+2029 as \u2028 and \u2029; every other
// character as it is.
func AppendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// A character of three bytes from E1 on, but the surrogates (ED A0
		// up), is valid with any two continuation bytes: most Chinese text
		// is told valid without decoding it. Of those only U+2028 and
		// U+2029 (E2 80 A8, E2 80 A9) are escaped.
		if c >= 0xE1 && c != 0xED && c <= 0xEF && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if c == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
				start = i + 3
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes a JSON string holds as they are: all
// but the control characters, " and \.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\'
	}
	return t
}()
