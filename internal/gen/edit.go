package gen

import (
	"strconv"
	"unicode/utf8"
)

// MaxEditGap is the longest edit, in characters on either side, that a
// passage of the ground truth spans (see Passage). Generate also makes
// the text that one copy leaves out or writes afresh longer than that
// (more than MaxEditGap ink characters), so that a detector that chains
// matches across gaps of up to MaxEditGap characters splits passages
// where the truth does; only a chain of copies (a sentence replaced one
// year and its replacement left out the next) can leave a shorter one.
const MaxEditGap = 30

// editSpec holds the probabilities of the edits made to copied text.
type editSpec struct {
	yearShift   int     // added to every year
	number      float64 // a number is changed
	placeholder float64 // a number becomes a placeholder
	swap        float64 // a placeholder changes form, or becomes a number
	width       float64 // a paragraph's punctuation turns half-width
	insert      float64 // a clause is added to a sentence
	replace     float64 // a sentence is replaced by fresh text
	delete      float64 // a sentence is left out
}

// The edits of each kind of copy at EditRate 1.
var (
	yearOnYearEdits = editSpec{number: 0.3, placeholder: 0.05, swap: 0.3, width: 0.1, insert: 0.05, replace: 0.03, delete: 0.02}
	templateEdits   = editSpec{number: 0.5, placeholder: 0.05, swap: 0.5, width: 0.05}
	spliceEdits     = editSpec{number: 0.1, placeholder: 0.02, swap: 0.1}
)

// scaled returns s with its probabilities multiplied by rate (at most
// 1) and its year shift set.
func (s editSpec) scaled(rate float64, yearShift int) editSpec {
	f := func(p float64) float64 { return min(p*rate, 1) }
	return editSpec{yearShift, f(s.number), f(s.placeholder), f(s.swap), f(s.width), f(s.insert), f(s.replace), f(s.delete)}
}

// halfWidth maps the punctuation that a paragraph set in half-width
// changes, with the space an editor types after it.
var halfWidth = map[rune]string{'，': ", ", '：': ": ", '；': "; ", '（': "(", '）': ")"}

// edit replaces the characters [at, end) of a sentence by text.
type edit struct {
	at, end int
	text    string
}

// copySent appends to d a copy of the sentence src, edited as sp says.
// width turns its punctuation half-width; insert adds a clause before its
// end mark. Every edit keeps the characters it does not change (2023 →
// 2024 changes one), so the unchanged ones keep their origin.
func (w *builder) copySent(d *doc, src []piece, sp *editSpec, width, insert bool) {
	t := w.g.texts
	if !width && !insert && !editable(t, src) {
		d.startSent()
		d.pieces = append(d.pieces, src...)
		d.endSent()
		return
	}
	rs := w.runes[:0]
	for _, p := range src {
		for b := t.of(p); len(b) > 0; {
			r, size := utf8.DecodeRune(b)
			rs = append(rs, r)
			b = b[size:]
		}
	}
	w.runes = rs
	eds := w.findEdits(rs, sp, width)
	if insert {
		at := len(rs)
		if at > 0 && isSentenceEnd(rs[at-1]) {
			at--
		}
		eds = append(eds, edit{at, at, "，" + insertClauses[w.rng.IntN(len(insertClauses))]})
	}
	d.startSent()
	cur := 0
	for _, e := range eds {
		emitRange(d, t, src, cur, e.at)
		if e.text != "" {
			p := w.newPiece(e.text)
			p.edit = true
			d.add(p)
		}
		cur = e.end
	}
	emitRange(d, t, src, cur, len(rs))
	d.endSent()
}

// editable reports whether the sentence src has digits or placeholder
// characters (findEdits edits nothing else but punctuation).
func editable(t texts, src []piece) bool {
	for _, p := range src {
		for _, c := range t.of(p) {
			switch {
			case c >= '0' && c <= '9', c == 'x', c == 'X', c == '*':
				return true
			case c == 0xc3 || c == 0xef: // × and full-width ＊ ｘ
				return true
			}
		}
	}
	return false
}

// emitRange appends to d the characters [lo, hi) of the sentence made of
// src, as pieces that keep their origins.
func emitRange(d *doc, t texts, src []piece, lo, hi int) {
	start := 0
	for _, p := range src {
		end := start + int(p.n)
		a, b := max(lo, start), min(hi, end)
		if a < b {
			q := p
			if a > start || b < end {
				ba, bb := runeBytes(t.of(p), a-start, b-start)
				q.at, q.nb = p.at+uint32(ba), uint16(bb-ba)
				q.off, q.n = p.off+uint16(a-start), uint16(b-a)
			}
			d.add(q)
		}
		if end >= hi {
			return
		}
		start = end
	}
}

// runeBytes returns the byte offsets in s of its characters i and j.
func runeBytes(s []byte, i, j int) (int, int) {
	bi, k := len(s), 0
	for b := 0; b < len(s); {
		if k == i {
			bi = b
		}
		if k == j {
			return bi, b
		}
		_, size := utf8.DecodeRune(s[b:])
		b += size
		k++
	}
	return bi, len(s)
}

// findEdits returns the edits of the sentence rs, in order: years moved
// on, numbers changed or replaced by placeholders, placeholders changed,
// punctuation made half-width.
func (w *builder) findEdits(rs []rune, sp *editSpec, width bool) []edit {
	eds := w.edits[:0]
	add := func(i, j int, text string) {
		if e, ok := trimEdit(rs, i, j, text); ok {
			eds = append(eds, e)
		}
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isASCIIDigit(r):
			j := i
			for j < len(rs) && isASCIIDigit(rs[j]) {
				j++
			}
			intDigits := j - i
			if j+1 < len(rs) && rs[j] == '.' && isASCIIDigit(rs[j+1]) {
				j++
				for j < len(rs) && isASCIIDigit(rs[j]) {
					j++
				}
			}
			if i > 0 && isASCIILetter(rs[i-1]) || j < len(rs) && isASCIILetter(rs[j]) {
				i = j // part of a code: 5G, PM2.5
				continue
			}
			if y, ok := year(rs, i, j); ok {
				if sp.yearShift != 0 {
					add(i, j, strconv.Itoa(y+sp.yearShift))
				}
			} else if x := w.rng.Float64(); x < sp.placeholder {
				add(i, j, placeholders[w.rng.IntN(len(placeholders))])
			} else if x < sp.placeholder+sp.number {
				add(i, j, w.numberLike(rs[i:j], intDigits))
			}
			i = j
		case isPlaceholderRune(r):
			j := i
			for j < len(rs) && isPlaceholderRune(rs[j]) {
				j++
			}
			if (i == 0 || !isASCIILetter(rs[i-1])) && (j == len(rs) || !isASCIILetter(rs[j])) && w.rng.Float64() < sp.swap {
				if w.rng.IntN(2) == 0 {
					add(i, j, strconv.Itoa(1+w.rng.IntN(999)))
				} else {
					add(i, j, placeholders[w.rng.IntN(len(placeholders))])
				}
			}
			i = j
		case width && halfWidth[r] != "":
			if w.rng.Float64() < 0.7 {
				add(i, i+1, halfWidth[r])
			}
			i++
		default:
			i++
		}
	}
	w.edits = eds
	return eds
}

// trimEdit narrows the replacement of rs[i:j] by text to the characters
// that change; it reports false if none do.
func trimEdit(rs []rune, i, j int, text string) (edit, bool) {
	nr := []rune(text)
	p := 0
	for p < len(nr) && i+p < j && nr[p] == rs[i+p] {
		p++
	}
	s := 0
	for s < len(nr)-p && s < j-i-p && nr[len(nr)-1-s] == rs[j-1-s] {
		s++
	}
	if p == len(nr) && p == j-i {
		return edit{}, false
	}
	return edit{i + p, j - s, string(nr[p : len(nr)-s])}, true
}

// year reports whether the digits rs[i:j] are a year (four digits from
// 1990 to 2099 before 年, a dash, 至, 到 or 、) and which.
func year(rs []rune, i, j int) (int, bool) {
	if j-i != 4 {
		return 0, false
	}
	y := 0
	for _, r := range rs[i:j] {
		y = 10*y + int(r-'0')
	}
	if y < 1990 || y > 2099 || j == len(rs) {
		return 0, false
	}
	switch rs[j] {
	case '年', '-', '—', '–', '～', '~', '至', '到', '、':
		return y, true
	}
	return 0, false
}

// numberLike returns a random number written like ds (same number of
// digits before and after the point).
func (w *builder) numberLike(ds []rune, intDigits int) string {
	b := make([]byte, 0, len(ds))
	for k, r := range ds {
		switch {
		case r == '.':
			b = append(b, '.')
		case k == 0 && intDigits > 1:
			b = append(b, byte('1'+w.rng.IntN(9)))
		default:
			b = append(b, byte('0'+w.rng.IntN(10)))
		}
	}
	return string(b)
}

func isASCIIDigit(r rune) bool  { return r >= '0' && r <= '9' }
func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
