package typo

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"unicode/utf8"
)

// This file is the second injection harness of TestNonWordMeasure, with
// classes of its own: a typist's homophone (同音: a character of the same
// main reading, tones aside, picked with the probability an input method
// offers it, in proportion to the character's frequency), a near
// homophone (近音: the initial or the final a dialect or a slip confuses,
// zh/z, ch/c, sh/s, n/l, f/h, r/l, an/ang, en/eng, in/ing, ian/iang,
// uan/uang) and a look-alike (形近: one of the character's shapeGroups).
// Every injected typo makes a non-word where it stands: no word or
// corpus string of the lexicon covers the replaced character in the
// injected text (a substitution that makes another word there is a
// real-word error, which TY008 does not look for).

// readingsOf returns the main reading of every single character of the
// lexicon text, by character.
func readingsOf(base []byte) map[rune]string {
	out := map[rune]string{}
	for line := range bytes.SplitSeq(base, []byte{'\n'}) {
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		cols := bytes.Split(line, []byte{'\t'})
		if len(cols) < 3 || utf8.RuneCount(cols[0]) != 1 {
			continue
		}
		r, _ := utf8.DecodeRune(cols[0])
		main, _, _ := bytes.Cut(cols[2], []byte{','})
		out[r] = string(main)
	}
	return out
}

// classInjector puts typos of the three classes into texts.
type classInjector struct {
	l       *lexicon
	reading map[rune]string
	bySyl   map[string][]rune // common characters by main reading
	weight  map[rune]float64  // how often an input method offers a character
	byShape map[rune][]rune
}

func newClassInjector(l *lexicon, base []byte) *classInjector {
	ci := &classInjector{l: l, reading: readingsOf(base), bySyl: map[string][]rune{}, weight: map[rune]float64{}, byShape: map[rune][]rune{}}
	for line := range bytes.SplitSeq(base, []byte{'\n'}) {
		cols := bytes.Split(line, []byte{'\t'})
		if len(cols) < 3 || utf8.RuneCount(cols[0]) != 1 {
			continue
		}
		r, _ := utf8.DecodeRune(cols[0])
		f := 0
		for _, c := range cols[1] {
			f = f*10 + int(c-'0')
		}
		ci.weight[r] = float64(f)
	}
	for id := 1; id < len(l.chars); id++ {
		c := l.chars[id]
		if c.common {
			if s := ci.reading[c.r]; s != "" {
				ci.bySyl[s] = append(ci.bySyl[s], c.r)
			}
		}
	}
	for _, rs := range ci.bySyl {
		slices.Sort(rs)
	}
	for pair := range shapePairs {
		ci.byShape[pair[0]] = append(ci.byShape[pair[0]], pair[1])
	}
	for _, rs := range ci.byShape {
		slices.Sort(rs)
	}
	return ci
}

// pick returns one of rs other than not, with the probability of its
// weight, or 0.
func (ci *classInjector) pick(rng *rand.Rand, rs []rune, not rune) rune {
	total := 0.0
	for _, r := range rs {
		if r != not {
			total += ci.weight[r]
		}
	}
	if total == 0 {
		return 0
	}
	x := rng.Float64() * total
	for _, r := range rs {
		if r == not {
			continue
		}
		if x -= ci.weight[r]; x < 0 {
			return r
		}
	}
	return 0
}

// substitute returns the character to put for r in class kind, or 0.
func (ci *classInjector) substitute(rng *rand.Rand, r rune, kind string) rune {
	switch kind {
	case "同音":
		return ci.pick(rng, ci.bySyl[ci.reading[r]], r)
	case "近音":
		var rs []rune
		for _, s := range nearReadings(ci.reading[r]) {
			rs = append(rs, ci.bySyl[s]...)
		}
		return ci.pick(rng, rs, r)
	case "形近":
		rs := ci.byShape[r]
		if len(rs) == 0 {
			return 0
		}
		return rs[rng.IntN(len(rs))]
	}
	return 0
}

// nonWordAt reports whether no word or corpus string of two to four
// characters covers character p of rs.
func (ci *classInjector) nonWordAt(rs []rune, p int) bool {
	var ids [4]uint16
	for k := 2; k <= 4; k++ {
		for s := max(0, p-k+1); s <= p && s+k <= len(rs); s++ {
			ok := true
			for j := range k {
				r := rs[s+j]
				if r >= 0x10000 || ci.l.id[r] == 0 {
					ok = false
					break
				}
				ids[j] = ci.l.id[r]
			}
			if ok && ci.l.known(pack(ids[:k])) {
				return false
			}
		}
	}
	return true
}

// classKinds are the classes, in the proportions injected.
var classKinds = []string{"同音", "同音", "近音", "形近"}

// inject returns text with n typos at random places at least 30 bytes
// apart: a word of the lexicon of frequency 100 or more, one of its
// characters replaced by one of its class, making a non-word there.
func (ci *classInjector) inject(text string, rng *rand.Rand, n int) (string, []injection) {
	return injectWords(ci.l, text, rng, n, classKinds, "class-", ci.substitute, ci.nonWordAt)
}

// injectWords returns text with n typos at random places at least 30
// bytes apart: a word of l of frequency 100 or more, one of its
// characters replaced by substitute's character of a kind drawn from
// kinds (the injection's kind is prefix and that kind), kept only where
// nonWord says the replacement makes a non-word there. Both harnesses
// of the classes inject this way, each with its own substitutes.
func injectWords(l *lexicon, text string, rng *rand.Rand, n int, kinds []string, prefix string,
	substitute func(*rand.Rand, rune, string) rune, nonWord func([]rune, int) bool) (string, []injection) {
	rs := []rune(text)
	type edit struct {
		at   int // rune offset
		r    rune
		word [2]int // rune span of the word
		kind string
	}
	var edits []edit
	for tries := 0; len(edits) < n && tries < 40000; tries++ {
		at := rng.IntN(len(rs))
		k := 2 + rng.IntN(3)
		if at+k > len(rs) {
			continue
		}
		var ids [4]uint16
		ok := true
		for j := range k {
			r := rs[at+j]
			if r >= 0x10000 || l.id[r] == 0 {
				ok = false
				break
			}
			ids[j] = l.id[r]
		}
		if !ok || l.freq(pack(ids[:k])) < 100 {
			continue
		}
		if slices.ContainsFunc(edits, func(e edit) bool { return at-10 < e.word[1] && at+k+10 > e.word[0] }) {
			continue
		}
		p := at + rng.IntN(k)
		kind := kinds[rng.IntN(len(kinds))]
		alt := substitute(rng, rs[p], kind)
		if alt == 0 || alt >= 0x10000 || l.id[alt] == 0 {
			continue
		}
		orig := rs[p]
		rs[p] = alt
		made := nonWord(rs, p)
		rs[p] = orig
		if !made {
			continue
		}
		edits = append(edits, edit{p, alt, [2]int{at, at + k}, prefix + kind})
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	// Offsets taken before the replacements: every replaced character
	// and its replacement are characters of the lexicon, three bytes, so
	// they hold after.
	out := make([]injection, len(edits))
	byteAt := func(i int) int { return len(string(rs[:i])) }
	for i, e := range edits {
		out[i] = injection{start: byteAt(e.word[0]), end: byteAt(e.word[1]), right: string(rs[e.word[0]:e.word[1]]), kind: e.kind}
	}
	for _, e := range edits {
		rs[e.at] = e.r
	}
	return string(rs), out
}
