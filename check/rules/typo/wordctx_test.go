package typo

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"zongjie/internal/shared"
)

var writeWordCtx = flag.Bool("wordctx", false, "write wordctx.bin, the words in context of the shared corpus (go generate)")

// countWordContexts counts, by hash (fnvString), the strings of texts
// that are a word l may offer as a correction (two to four characters,
// frequency fillFloor or more) with the character or clause mark
// (contextChar) just before or after it: each string at each place once.
func countWordContexts(l *lexicon, texts []string) map[uint32]int {
	count := map[uint32]int{}
	var ids [maxWord]uint16
	for _, t := range texts {
		rs := []rune(t)
		seen := map[[2]int]bool{} // start, length
		for i := range rs {
			for k := 2; k <= maxWord && i+k <= len(rs); k++ {
				ok := true
				for j := range k {
					r := rs[i+j]
					if r >= 0x10000 || l.id[r] == 0 {
						ok = false
						break
					}
					ids[j] = l.id[r]
				}
				if !ok || l.freq(pack(ids[:k])) < fillFloor {
					continue
				}
				if i > 0 && contextChar(rs[i-1]) {
					seen[[2]int{i - 1, k + 1}] = true
				}
				if i+k < len(rs) && contextChar(rs[i+k]) {
					seen[[2]int{i, k + 1}] = true
				}
			}
		}
		for p := range seen {
			count[fnvString(fnvOffset, string(rs[p[0]:p[0]+p[1]]))]++
		}
	}
	return count
}

// renderWordContexts returns the form of wordctx.bin of count.
func renderWordContexts(count map[uint32]int) []byte {
	keys := make([]uint32, 0, len(count))
	for h := range count {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	b := make([]byte, 8, 8+5*len(keys))
	copy(b, wordCtxMagic)
	binary.LittleEndian.PutUint32(b[4:], uint32(len(keys)))
	for _, h := range keys {
		b = binary.LittleEndian.AppendUint32(b, h)
	}
	for _, h := range keys {
		b = append(b, byte(min(count[h], 255)))
	}
	return b
}

// TestWordContextsFile checks the embedded wordctx.bin against the
// corpus it is made from (with -wordctx, writes it): the words in context
// counted again from the shared corpus (without its held-out files) and
// the seeds. And the table read: strings of report prose, and strings it
// never writes.
func TestWordContextsFile(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	texts, err := shared.TuningTexts(shared.Dir(t, "."))
	if err != nil {
		t.Fatal(err)
	}
	want := renderWordContexts(countWordContexts(l, texts))
	if *writeWordCtx {
		if err := os.WriteFile("wordctx.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(wordContextData, want) {
		t.Errorf("wordctx.bin (%d bytes) is not the words in context of the corpus (%d bytes): run go generate ./check/rules/typo", len(wordContextData), len(want))
	}
	c := l.contexts
	for s, attested := range map[string]bool{
		"理论和": true, "平理论": true, "执法，": true, "，加强": true, "积极的": true,
		"理论会": false, "文件会": false, "正府和": false, "精文件": false,
	} {
		if got := c.count(fnvString(fnvOffset, s)) > 0; got != attested {
			t.Errorf("%s: attested %v, want %v", s, got, attested)
		}
	}
	if n := c.count(fnvRune(fnvString(fnvOffset, "理论"), '和')); n != c.count(fnvString(fnvOffset, "理论和")) {
		t.Errorf("fnvRune: %d", n)
	}
}

// TestDecodeWordContexts checks that a table of another form is empty,
// not a panic.
func TestDecodeWordContexts(t *testing.T) {
	good := renderWordContexts(map[uint32]int{7: 3, 2: 300})
	if c := decodeWordContexts(good); c.count(7) != 3 || c.count(2) != 255 || c.count(5) != 0 {
		t.Errorf("counts %d %d %d", c.count(7), c.count(2), c.count(5))
	}
	for _, bad := range [][]byte{nil, good[:7], good[:len(good)-1], append([]byte("XXXX"), good[4:]...)} {
		if c := decodeWordContexts(bad); len(c.counts) != 0 || c.count(7) != 0 {
			t.Errorf("%q decoded", bad)
		}
	}
}

// TestInContext checks decision.inContext on the embedded table: hits
// (both neighbours attested; a neighbour that tells nothing skipped; the
// neighbour beside the replaced character attested three times or more)
// and near misses (a coinage's correction; no neighbour that tells; the
// attested neighbour beside another character than the replaced one).
func TestInContext(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, wrong, right string
		want               bool
	}{
		{"坚持以邓小平里论和三个代表", "里论", "理论", true}, // 平理论, 理论和
		{"学习邓小平里论”重要思想", "里论", "理论", true},  // 平理论; ” tells nothing
		{"深化行政直法罢了", "直法", "执法", true},      // 政执法 ≥ 3 beside 直; 执法罢 never
		{"持续精文减会，规范", "文减", "文件", false},    // 精文件, 文件会 never
		{"“里论”", "里论", "理论", false},         // no neighbour that tells
		{"深化行政执发罢了", "执发", "执法", false},     // 政执法 beside 执, not 发; 执法罢 never
	} {
		at := strings.Index(c.text, c.wrong)
		d := &decision{l: l, text: c.text}
		s := suspect{start: at, end: at + len(c.wrong), right: c.right}
		if got := d.inContext(s); got != c.want {
			t.Errorf("%s → %s in %s: %v, want %v", c.wrong, c.right, c.text, got, c.want)
		}
	}
}

// TestContextRoute checks the context route of decision.evident: a
// near homophone in context is taken from contextNearScore (in
// 民生保障逆度加大, 逆度 → 力度 at 9), a homophone only from contextScore,
// and neither below its score or out of context.
func TestContextRoute(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text       string
		near       bool
		gain, want float64
	}{
		{"民生保障逆度加大", true, 15, 1},  // near, score 9 ≥ 8
		{"民生保障逆度加大", true, 13, 0},  // near, score 7
		{"民生保障逆度加大", false, 9, 0},  // homophone, score 9 < 11
		{"民生保障逆度加大", false, 11, 1}, // homophone, score 11
		{"国际逆度调查", true, 20, 0},    // 际力度, 力度调 never
	} {
		at := strings.Index(c.text, "逆度")
		d := &decision{l: l, text: c.text, counts: map[string]int{}}
		s := suspect{start: at, end: at + len("逆度"), right: "力度", gain: c.gain, near: c.near, common: true, token: true, attested: 100}
		if !d.inContext(s) && c.want == 1 {
			t.Fatalf("%s: not in context", c.text)
		}
		if got := d.evident(s); got != (c.want == 1) {
			t.Errorf("%s near %v gain %.0f (score %.1f): %v", c.text, c.near, c.gain, d.score(s), got)
		}
	}
}
