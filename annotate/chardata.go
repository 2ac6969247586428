package annotate

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// rawRune is one character of decoded XML character data and the bytes of
// the part it was decoded from: [start, end).
type rawRune struct {
	r          rune
	start, end int
}

// decodeCharData decodes raw, the bytes of one character-data token that
// starts at offset base of its part, into characters with their source
// byte ranges. It follows encoding/xml: the five predefined entities and
// numeric references are expanded, and "\r\n" and a lone "\r" become "\n".
// ok is false when raw holds something it does not place character by
// character: a CDATA section (markers cannot go inside one, and Word never
// writes one) or a reference it does not know. The caller also checks the
// result against the decoder's own text.
func decodeCharData(raw []byte, base int, out []rawRune) ([]rawRune, bool) {
	if bytes.HasPrefix(raw, []byte("<![CDATA[")) {
		return out, false
	}
	return decodePlain(raw, base, out)
}

// decodePlain decodes text with references.
func decodePlain(text []byte, base int, out []rawRune) ([]rawRune, bool) {
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '\r':
			n := 1
			if i+1 < len(text) && text[i+1] == '\n' {
				n = 2
			}
			out = append(out, rawRune{'\n', base + i, base + i + n})
			i += n
		case c == '&':
			semi := bytes.IndexByte(text[i:], ';')
			if semi < 0 {
				return out, false
			}
			r, ok := reference(string(text[i+1 : i+semi]))
			if !ok {
				return out, false
			}
			out = append(out, rawRune{r, base + i, base + i + semi + 1})
			i += semi + 1
		default:
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size <= 1 {
				return out, false
			}
			out = append(out, rawRune{r, base + i, base + i + size})
			i += size
		}
	}
	return out, true
}

// reference returns the character of an entity or character reference,
// given without its "&" and ";".
func reference(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	digits, b := name[1:], 10
	if digits[0] == 'x' {
		digits, b = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, b, 32)
	if err != nil || n > utf8.MaxRune {
		return 0, false
	}
	return rune(n), true
}
