package typo

import (
	"math/bits"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPairBits checks pairBits against the words table: a pair of ranked
// characters has its bit exactly when it is a two-character entry that
// covers its characters (covers), and no other bit is set.
func TestPairBits(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	ranked, covering := 0, 0
	for id := range l.pairInfo {
		if r := l.pairInfo[id] & rankMask; r < pairRanks {
			ranked++
		}
	}
	if ranked != pairRanks {
		t.Errorf("%d characters ranked, want %d", ranked, pairRanks)
	}
	if l.pairInfo[0]&rankMask != noRank || l.pairInfo[0]&replaceBit != 0 {
		t.Errorf("id 0: pairInfo %#x, want noRank and no replaceBit", l.pairInfo[0])
	}
	for id := 1; id < len(l.chars); id++ {
		if got := l.pairInfo[id]&replaceBit != 0; got != l.chars[id].replace {
			t.Fatalf("%c: replaceBit %v, replace %v", l.chars[id].r, got, l.chars[id].replace)
		}
	}
	for _, sl := range l.words.slots {
		if sl.key == 0 || sl.key>>32 != 0 || !covers(sl.val) {
			continue
		}
		a, b := uint16(sl.key>>16), uint16(sl.key)
		ra, rb := l.pairInfo[a]&rankMask, l.pairInfo[b]&rankMask
		if ra|rb >= pairRanks {
			if !l.pairs.has(sl.key) {
				t.Errorf("%s: a covering pair of an unranked character the filter lacks", l.word(sl.key, 2))
			}
			continue
		}
		covering++
		if l.pairBits[int(ra)<<6|int(rb)>>6]&(1<<(rb&63)) == 0 {
			t.Errorf("%s: covering pair without its bit", l.word(sl.key, 2))
		}
	}
	set := 0
	for _, w := range l.pairBits {
		set += bits.OnesCount64(w)
	}
	if set != covering {
		t.Errorf("%d bits set, %d covering pairs of ranked characters", set, covering)
	}
}

// TestAttestedBits checks attestedBits against the bigram table: a pair
// of ranked characters has its bit exactly when report prose writes it
// attestedPair times or more.
func TestAttestedBits(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, sl := range l.bigrams.slots {
		a, b := uint16(sl.key>>16), uint16(sl.key)
		if sl.key == 0 || a >= sylMark || b >= sylMark {
			continue
		}
		ra, rb := l.pairInfo[a]&rankMask, l.pairInfo[b]&rankMask
		if ra|rb >= pairRanks {
			continue
		}
		bit := l.attestedBits[int(ra)<<6|int(rb)>>6]&(1<<(rb&63)) != 0
		if bit != (sl.val >= attestedPair) {
			t.Errorf("%s (%d): bit %v", l.word(sl.key, 2), sl.val, bit)
		}
		if bit {
			want++
		}
	}
	set := 0
	for _, w := range l.attestedBits {
		set += bits.OnesCount64(w)
	}
	if set != want {
		t.Errorf("%d bits set, %d attested pairs of ranked characters", set, want)
	}
}

// TestMarkFit checks markFit against the bigram table: for a neighbour
// and a mark, the largest count of the pairs (of attestedPair or more)
// of that neighbour and a character keyed under that mark, and no other
// key.
func TestMarkFit(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	marksOf := func(x uint16) []uint16 {
		var ms []uint16
		if s := l.chars[x].syl; s != noReading {
			ms = append(ms, sylMark|s)
		}
		if s := l.alt[x]; s != noReading {
			ms = append(ms, sylMark|s)
		}
		for _, g := range l.shapes[x] {
			ms = append(ms, shapeMark|g)
		}
		return ms
	}
	want := map[uint64]uint32{}
	for _, sl := range l.bigrams.slots {
		if sl.key == 0 || sl.val < attestedPair {
			continue
		}
		a, b := uint16(sl.key>>16), uint16(sl.key)
		if b < sylMark {
			for _, m := range marksOf(b) {
				k := uint64(a)<<16 | uint64(m)
				want[k] = max(want[k], sl.val)
			}
		}
		if a < sylMark {
			for _, m := range marksOf(a) {
				k := markSide | uint64(b)<<16 | uint64(m)
				want[k] = max(want[k], sl.val)
			}
		}
	}
	n := 0
	for _, sl := range l.markFit.slots {
		if sl.key == 0 {
			continue
		}
		n++
		if want[sl.key] != sl.val {
			t.Errorf("key %#x: %d, want %d", sl.key, sl.val, want[sl.key])
		}
	}
	if n != len(want) {
		t.Errorf("%d keys, want %d", n, len(want))
	}
	// markFits reads them.
	for k, v := range want {
		side := 0
		if k&markSide != 0 {
			side = 1
		}
		if got := l.markFits(side, uint16(k>>16), uint16(k)); got != int(v) {
			t.Fatalf("markFits(%d, %d, %#x) = %d, want %d", side, uint16(k>>16), uint16(k), got, v)
		}
	}
}

// TestOpenBits checks the characters decode leaves open against their
// definition: in a run of two characters or more, a character that may
// be replaced and that no two-character entry of pairBits covers with a
// neighbour in the run; and the stretches against the bytes of the text.
func TestOpenBits(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"贯彻落实新发展理念，推动高质量发展。", "贯澈落实", "a贯彻1", "贯彻\xe4\xb8", "贯，彻；落。实", "抓好2024年工作：衔结、统畴、辖曲",
		"é贯𠀀彻落实\xe4\x85新发展", "一二三四五六七八九十", strings.Repeat("各级政府", 40) + "正府",
	}
	for _, e := range evalTexts(t) {
		texts = append(texts, e.text)
	}
	covered := func(a, b uint16) bool {
		ra, rb := l.pairInfo[a]&rankMask, l.pairInfo[b]&rankMask
		if ra|rb >= pairRanks {
			return false // coveredRare decides later
		}
		v, ok := l.words.get(uint64(a)<<16 | uint64(b))
		return ok && covers(v)
	}
	for _, text := range texts {
		sc := &scanner{l: l}
		sc.decode(text)
		all := sc.all
		for k, id := range all {
			open := sc.open[k>>6]&(1<<(k&63)) != 0
			// The run of k.
			from, to := k, k+1
			for from > 0 && all[from-1] != 0 {
				from--
			}
			for to < len(all) && all[to] != 0 {
				to++
			}
			want := id != 0 && to-from >= 2 && l.chars[id].replace &&
				!(k > from && covered(all[k-1], id)) && !(k+1 < to && covered(id, all[k+1]))
			if open != want && !(open && to-from < 2) {
				t.Fatalf("%.20q: character %d (%c) open %v, want %v", text, k, l.chars[id].r, open, want)
			}
		}
		for _, s := range sc.stretches {
			i := s.start
			for k := s.from; k < s.to; k++ {
				r, size := decodeAt(text, i)
				if size != 3 || r < 0x10000 && l.id[r] != all[k] {
					t.Fatalf("%.20q: stretch at byte %d: character %d is %q (%d bytes), id %d", text, s.start, k, r, size, all[k])
				}
				i += size
			}
			if n := utf8.RuneCountInString(text[:s.start]); n != s.from {
				t.Fatalf("%.20q: stretch at byte %d starts at character %d, want %d", text, s.start, s.from, n)
			}
		}
	}
}

// TestPunctID checks the ids of the marks that end a clause.
func TestPunctID(t *testing.T) {
	for i, r := range []rune(clausePunct) {
		if got := punctID(r); got != 0xFFF0+uint16(i) {
			t.Errorf("punctID(%q) = %#x, want %#x", r, got, 0xFFF0+i)
		}
	}
	for _, r := range ",.;:!?“”（）《》—a1贯" {
		if got := punctID(r); got != 0 {
			t.Errorf("punctID(%q) = %#x, want 0", r, got)
		}
	}
}

// TestNoBigrams checks that a lexicon whose bigrams are not set finds
// nothing, in either mode, rather than failing: no correction fits
// report prose it has not read.
func TestNoBigrams(t *testing.T) {
	base := baseLexicon(t)
	l, err := parseLexiconText(base)
	if err != nil {
		t.Fatal(err)
	}
	text := "全面贯澈落实党的二十大精神，坚持贯彻新发展理念。各级正府和部门要加强统畴。"
	n := 0
	l.findings(text, func(suspect) { n++ })
	l.detect(text, (*decision).accept, func(suspect) { n++ })
	if n != 0 {
		t.Errorf("%d findings without bigrams", n)
	}
}
