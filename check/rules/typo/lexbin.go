package typo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
)

// lexicon.bin is the lexicon text (lexicon.gz) parsed once, by go
// generate, into the form a load reads without parsing text or
// inflating it: the readings, the single characters with their
// frequency and readings, the sum of all frequencies, and the words and
// corpus strings as character ids, in the order of the text. Loading it
// costs a fifth of parsing the text (README.md, "Cost"). TestLexiconBin
// fails when it is not the encoding of lexicon.gz.
//
// The format, in unsigned varints (uv) unless said otherwise:
//
//	"zongjie lexicon 1\n"
//	uv readings, then each: uv length, bytes
//	uv characters, then each: uv code point, uv frequency, uv main reading + 1, uv second reading + 1 (0: none), uv 1 if common
//	  (lexicon.markCommon), else 0
//	8 bytes: the sum of the frequencies, a float64, little-endian
//	uv entries, then each: 1 byte n | 8 for a corpus string, n × uv character id, uv frequency or count

const lexBinMagic = "zongjie lexicon 1\n"

// encode returns the binary form of src.
func (src *lexSource) encode() []byte {
	b := []byte(lexBinMagic)
	b = binary.AppendUvarint(b, uint64(len(src.readings)))
	for _, r := range src.readings {
		b = binary.AppendUvarint(b, uint64(len(r)))
		b = append(b, r...)
	}
	l := src.l
	b = binary.AppendUvarint(b, uint64(len(l.chars)-1))
	plus1 := func(id uint16) uint64 {
		if id == noReading {
			return 0
		}
		return uint64(id) + 1
	}
	l.markCommon(src.list)
	for id := 1; id < len(l.chars); id++ {
		c := l.chars[id]
		b = binary.AppendUvarint(b, uint64(c.r))
		b = binary.AppendUvarint(b, uint64(c.cost))
		b = binary.AppendUvarint(b, plus1(c.syl))
		b = binary.AppendUvarint(b, plus1(l.alt[id]))
		common := uint64(0)
		if c.common {
			common = 1
		}
		b = binary.AppendUvarint(b, common)
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(src.total))
	b = binary.AppendUvarint(b, uint64(len(src.list)))
	for _, w := range src.list {
		head := byte(w.n)
		if w.val&corpusBit != 0 {
			head |= 8
		}
		b = append(b, head)
		for j := range int(w.n) {
			b = binary.AppendUvarint(b, uint64(charAt(w.key, j, int(w.n))))
		}
		b = binary.AppendUvarint(b, uint64(w.val&^corpusBit))
	}
	return b
}

// binReader reads the varints of lexicon.bin, keeping the first error.
type binReader struct {
	b   []byte
	err error
}

// uvarint is binary.Uvarint with the numbers of two bytes, most of
// lexicon.bin's, read first (the loop of the entries reads those of one
// byte inline).
func uvarint(b []byte) (uint64, int) {
	if len(b) > 1 && b[0] >= 0x80 && b[1] < 0x80 {
		return uint64(b[0]&0x7F) | uint64(b[1])<<7, 2
	}
	return binary.Uvarint(b)
}

func (r *binReader) uv(limit uint64) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := uvarint(r.b)
	if n <= 0 || v > limit {
		r.err = fmt.Errorf("lexicon.bin: bad number at %d bytes from the end", len(r.b))
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *binReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.err = errors.New("lexicon.bin: truncated")
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// decodeLexicon reads the binary form of a lexicon (lexSource.encode).
func decodeLexicon(data []byte) (*lexSource, error) {
	if len(data) < len(lexBinMagic) || string(data[:len(lexBinMagic)]) != lexBinMagic {
		return nil, errors.New("lexicon.bin: not a lexicon")
	}
	r := &binReader{b: data[len(lexBinMagic):]}
	src := &lexSource{}
	nr := r.uv(shapeMark - sylMark)
	src.readings = make([]string, 0, nr)
	for range nr {
		src.readings = append(src.readings, string(r.bytes(int(r.uv(64)))))
	}
	reading := func() uint16 {
		v := r.uv(uint64(len(src.readings)))
		if v == 0 {
			return noReading
		}
		return uint16(v - 1)
	}
	nc := r.uv(sylMark - 1)
	l := &lexicon{id: make([]uint16, 0x10000), chars: make([]charInfo, 1, nc+1), alt: make([]uint16, 1, nc+1)}
	l.alt[0] = noReading
	for range nc {
		cp := rune(r.uv(0xFFFF))
		f := r.uv(corpusBit - 1)
		syl, alt := reading(), reading()
		common := r.uv(1) == 1
		if r.err != nil {
			return nil, r.err
		}
		if cp < 0x800 || !utf8.ValidRune(cp) || l.id[cp] != 0 {
			return nil, fmt.Errorf("lexicon.bin: character %q out of range or listed twice", cp)
		}
		l.id[cp] = uint16(len(l.chars))
		l.chars = append(l.chars, charInfo{r: cp, syl: syl, cost: float64(f), common: common, numeral: strings.ContainsRune(numerals, cp)})
		l.alt = append(l.alt, alt)
	}
	if t := r.bytes(8); t != nil {
		src.total = math.Float64frombits(binary.LittleEndian.Uint64(t))
	}
	nw := r.uv(uint64(len(data)))
	src.list = make([]lexWord, 0, nw)
	maxID := uint64(len(l.chars) - 1)
	if r.err != nil {
		return nil, r.err
	}
	// The entries, most of the file: read inline.
	b := r.b
	for range nw {
		if len(b) == 0 {
			return nil, errors.New("lexicon.bin: truncated")
		}
		h := b[0]
		b = b[1:]
		n := int(h &^ 8)
		if n < 2 || n > maxWord || h&^15 != 0 {
			return nil, fmt.Errorf("lexicon.bin: entry of %d characters", n)
		}
		var key uint64
		for range n {
			id, size := uint64(0), 1
			if len(b) > 0 && b[0] < 0x80 {
				id = uint64(b[0])
			} else {
				id, size = uvarint(b)
			}
			if size <= 0 || id == 0 || id > maxID {
				return nil, fmt.Errorf("lexicon.bin: bad character id at %d bytes from the end", len(b))
			}
			b = b[size:]
			key = key<<16 | id
		}
		v, size := uint64(0), 1
		if len(b) > 0 && b[0] < 0x80 {
			v = uint64(b[0])
		} else {
			v, size = uvarint(b)
		}
		if size <= 0 || v >= corpusBit {
			return nil, fmt.Errorf("lexicon.bin: bad frequency at %d bytes from the end", len(b))
		}
		b = b[size:]
		if h&8 != 0 {
			v |= corpusBit
		}
		src.list = append(src.list, lexWord{key, int32(n), uint32(v)})
	}
	if len(b) != 0 {
		return nil, errors.New("lexicon.bin: bytes after the entries")
	}
	src.l, src.common = l, true
	return src, nil
}
