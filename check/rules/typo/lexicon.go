package typo

import (
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// lexiconData is the generated lexicon of TY008 (lexgen; see README.md):
// words of one to four characters with their frequencies, the readings
// of the single characters, and the corpus strings the lexicon lacks.
//
//go:generate go run ./lexgen
//go:embed lexicon.gz
var lexiconData []byte

// lexiconBin is lexiconData parsed, in the form TY008 loads (lexbin.go).
//
//go:generate go test -run ^TestLexiconBin$ -lexbin
//go:embed lexicon.bin
var lexiconBin []byte

// lexicon is the loaded lexicon. Characters are numbered densely (id 0 is
// "not in the lexicon"); a string of two to four characters is a key of
// their ids packed 16 bits each, which is never 0.
type lexicon struct {
	id    []uint16   // by BMP code point: the character's id, or 0
	chars []charInfo // by id
	// pairInfo holds, by id, the character's rank among the pairRanks
	// most frequent ones alone (noRank for the others, and for id 0) and
	// replaceBit when it may be replaced (charInfo.replace); pairBits
	// holds a bit for every pair of ranked characters that is a covering
	// two-character entry, the same pairs as pairs: openRun tests nearly
	// every pair of a text there, exactly and in fewer instructions than
	// the filter's hash, and coveredRare asks pairs only of the pairs of
	// a rarer character.
	pairInfo *[1 << 16]uint16
	// particles has a bit for the id of each character of
	// phraseParticles (lexicon.phrase).
	particles *[1 << 16 / 64]uint64
	pairBits  *[pairRanks * pairRanks / 64]uint64
	// attestedBits holds a bit for every pair of ranked characters that
	// report prose writes at least attestedPair times (bigrams.gz): in
	// local mode, scan leaves a character whose pairs with both
	// neighbours in its run are such (wrongFits).
	attestedBits *[pairRanks * pairRanks / 64]uint64
	// words holds every word of two to four characters with its
	// frequency, and the corpus strings with their counts and corpusBit.
	words table
	// pairs holds the two-character entries of words that cover their
	// characters (see covers): the test most positions of a text need, in
	// a filter small enough to stay in cache. A false positive (about one
	// in a thousand) takes a character for covered, which can only hide a
	// typo.
	pairs bloom
	// typos maps a frequent word with one character replaced by the mark
	// of its reading or of one of its look-alike groups to the words
	// that share that key (offset<<12 | count into cands): the
	// corrections of a span are found with one probe a character class.
	typos table
	cands []uint64
	// partial holds every word of typos with one of its characters
	// replaced by wildMark: a window of a text whose other characters
	// are not those of any such word needs no probe of typos, whatever
	// the replaced character's readings and look-alikes.
	partial bloom
	// logTotal is the log of the sum of all frequencies, for costs.
	logTotal float64
	// shapes lists the look-alike groups of each character id (by id,
	// nil for most).
	shapes [][]uint16
	// bigrams holds the counts of the pairs of adjacent characters of
	// report prose (bigrams.gz), keyed by the ids of the pair.
	bigrams table
	// markFit holds, for a neighbour of a character (a pair id) and a
	// mark of a typo key, the largest count of a pair in report prose of
	// that neighbour and a character of that mark, when it is
	// attestedPair or more (setMarkFit): a mark none of whose characters
	// fits the neighbours gives no correction the decision would take.
	markFit table
	// contexts holds the corrections of report prose with a neighbour
	// (wordctx.bin): the evidence of decision.inContext.
	contexts wordContexts
	// near lists, by reading id, the readings one confusion of the
	// initial or the final away (nearReadings).
	near [][]uint16
	// alt holds, by character id, the reading a character has besides
	// its main one (行 hang besides xing, 长 chang besides zhang, 调 tiao
	// besides diao), or noReading: a word is offered for the typo keys
	// of both, so that a homophone of the reading the word has is found
	// (银航 → 银行, 条整 → 调整). Readings after the second are left out:
	// most are rare or literary (重 tong, 其 ji) and offered words no one
	// reads that way (痛点 → 重点).
	alt []uint16
	// regionNames holds the ids of each province's name (0 after its
	// last character), regionFirst the set of the ids that start one, by
	// id, and regionStart and regionNext the provinces whose name starts
	// with an id, as a chain of their indexes plus one (河北 河南; 0 ends
	// it): regionsOf.
	regionNames [len(provinces)][3]uint16
	regionFirst [sylMark / 64]uint64
	regionStart []uint8
	regionNext  [len(provinces)]uint8
}

// charInfo is one character of the lexicon.
type charInfo struct {
	r    rune
	syl  uint16  // its main reading without tone, as a reading id (noReading: none)
	cost float64 // the cost of the character as a word of its own
	// common is set for the commonChars characters that occur most in
	// the words of the lexicon, weighted by frequency.
	common bool
	// numeral is set for the characters of Chinese numbers (numerals).
	numeral bool
	// replace is set when the character, found where no word covers it,
	// can make a finding as the replaced one (suspect.local): no
	// numeral, and one that does not stand alone all the time
	// (minAlone). A rare character is replaced only by a homophone of
	// its main reading (suspect.local).
	replace bool
}

const (
	noReading = 0xFFFF
	// corpusBit marks the value of a corpus string in lexicon.words: its
	// low bits are its count in the corpus.
	corpusBit = 1 << 31
	// Marks of a typo key: the replaced character's reading (sylMark |
	// reading id) or look-alike group (shapeMark | group). Character ids
	// stay below sylMark.
	sylMark   = 0x8000
	shapeMark = 0xC000
	// wildMark stands for any character in a key of lexicon.partial.
	wildMark = 0xFFFF
)

// Parameters of the lexicon (see README.md, "TY008").
const (
	// fillFloor is the least frequency of a word offered as a correction.
	fillFloor = 50
	// commonChars is the number of characters taken for common: the size
	// of the first level (常用字) of 《通用规范汉字表》.
	commonChars = 3500
	// corpusScale is the frequency, in the lexicon's units, of one
	// occurrence of a corpus string.
	corpusScale = 50
)

// pack returns the key of the ids.
func pack(ids []uint16) uint64 {
	var k uint64
	for _, id := range ids {
		k = k<<16 | uint64(id)
	}
	return k
}

// charAt returns the id at position j of a key of n characters.
func charAt(key uint64, j, n int) uint16 {
	return uint16(key >> (16 * (n - 1 - j)))
}

// setAt returns key (of n characters) with position j set to id.
func setAt(key uint64, j, n int, id uint16) uint64 {
	shift := 16 * (n - 1 - j)
	return key&^(0xFFFF<<shift) | uint64(id)<<shift
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// loadLexicon returns the lexicon, built on first use from lexicon.bin
// and shared by the process (about 310 million instructions; see
// README.md, "Cost").
func loadLexicon() (*lexicon, error) {
	lexOnce.Do(func() {
		var src *lexSource
		if src, lexErr = decodeLexicon(lexiconBin); lexErr != nil {
			return
		}
		if lex, lexErr = src.build(); lexErr != nil {
			return
		}
		var data []byte
		if data, lexErr = loadBigrams(); lexErr == nil {
			lexErr = lex.setBigrams(data)
		}
		lex.contexts = decodeWordContexts(wordContextData)
	})
	return lex, lexErr
}

// lexiconText returns the text of the embedded lexicon, inflated once
// for the process: TY008 parses it (loadLexicon) and LexiconWord looks
// words up in it, and each inflation costs 300 million instructions.
var lexiconText = sync.OnceValues(func() ([]byte, error) {
	return inflate(lexiconData)
})

// inflate returns the uncompressed bytes of gz, read into a buffer of
// the size its trailer records (not to copy 4.6 MB as it grows).
func inflate(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("lexicon: %v", err)
	}
	var b bytes.Buffer
	if len(gz) >= 4 {
		b.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("lexicon: %v", err)
	}
	return b.Bytes(), nil
}

// parseLexicon reads the gzipped lexicon text (see lexgen for the format).
func parseLexicon(gz []byte) (*lexicon, error) {
	data, err := inflate(gz)
	if err != nil {
		return nil, err
	}
	return parseLexiconText(data)
}

// lexWord is a word or corpus string of the lexicon text.
type lexWord struct {
	key uint64
	n   int32  // characters
	val uint32 // frequency, or count | corpusBit
}

// parseLexiconText reads the lexicon text: its single characters, which
// come first, then its words and corpus strings.
func parseLexiconText(data []byte) (*lexicon, error) {
	src, err := readLexiconText(data)
	if err != nil {
		return nil, err
	}
	return src.build()
}

// lexSource is what the lexicon is built from (lexSource.build): the
// lexicon text parsed (readLexiconText), or its binary form
// (decodeLexicon), which lexicon.bin holds.
type lexSource struct {
	l        *lexicon // its id and chars (cost holding the frequency) and alt
	readings []string // by reading id
	total    float64  // the sum of the frequencies of characters and words
	list     []lexWord
	// common is set when the characters' common flags are known
	// (lexicon.bin holds them): build need not mark them.
	common bool
}

// readLexiconText parses the lexicon text.
func readLexiconText(data []byte) (*lexSource, error) {
	l := &lexicon{id: make([]uint16, 0x10000), chars: []charInfo{{}}, alt: []uint16{noReading}}
	readings := map[string]uint16{}
	var total float64
	list := make([]lexWord, 0, bytes.Count(data, []byte{'\n'})+1)
	inCorpus := false
	var ids [4]uint16
	for n := 1; len(data) > 0; n++ {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if len(line) == 0 || line[0] == '#' {
			if bytes.HasPrefix(line, []byte("## corpus")) {
				inCorpus = true
			}
			continue
		}
		word, rest, ok := bytes.Cut(line, []byte{'\t'})
		if !ok {
			return nil, fmt.Errorf("lexicon:%d: want word and frequency", n)
		}
		num, rest, _ := bytes.Cut(rest, []byte{'\t'})
		f, err := strconv.Atoi(string(num))
		if err != nil || f < 0 || f >= corpusBit {
			return nil, fmt.Errorf("lexicon:%d: frequency %q", n, num)
		}
		r, size := utf8.DecodeRune(word)
		if size == len(word) && !inCorpus {
			if len(list) > 0 || r < 0x800 || r >= 0x10000 || len(l.chars) >= sylMark || l.id[r] != 0 {
				// Characters of three bytes in UTF-8 only: a run of the
				// text is three bytes a character (scanner.run).
				return nil, fmt.Errorf("lexicon:%d: character %q after the words, out of range or listed twice", n, r)
			}
			reading, hmm, _ := bytes.Cut(rest, []byte{'\t'})
			total += float64(f)
			c := charInfo{r: r, syl: noReading, numeral: strings.ContainsRune(numerals, r)}
			if len(hmm) > 0 {
				a, err := strconv.Atoi(string(hmm))
				if err != nil || a < 0 {
					return nil, fmt.Errorf("lexicon:%d: frequency alone %q", n, hmm)
				}
				// The model's count alone where gse's is lower: gse set
				// some by hand (为 100, 里 4, 并 9); see lexgen.
				f = max(f, a)
			}
			c.cost = float64(f) // made a cost below, once the total is known
			alt := uint16(noReading)
			rds := bytes.Split(reading, []byte{','})
			for k, rd := range rds[:min(2, len(rds))] {
				if len(rd) == 0 {
					continue
				}
				id, ok := readings[string(rd)]
				if !ok {
					id = uint16(len(readings))
					readings[string(rd)] = id
				}
				if k == 0 {
					c.syl = id
				} else {
					alt = id
				}
			}
			l.alt = append(l.alt, alt)
			l.id[r] = uint16(len(l.chars))
			l.chars = append(l.chars, c)
			continue
		}
		k, err := l.ids(word, &ids)
		if err != nil {
			return nil, fmt.Errorf("lexicon:%d: %v", n, err)
		}
		v := uint32(f)
		if inCorpus {
			// A corpus string that starts or ends with a function
			// character (和生, 了就) is a stretch across words, not a
			// name: it would cover typos next to function words.
			if functionChars[l.chars[ids[0]].r] || functionChars[l.chars[ids[k-1]].r] {
				continue
			}
			v |= corpusBit
		} else {
			total += float64(f)
		}
		list = append(list, lexWord{pack(ids[:k]), int32(k), v})
	}
	names := make([]string, len(readings))
	for name, id := range readings {
		names[id] = name
	}
	return &lexSource{l: l, readings: names, total: total, list: list}, nil
}

// build makes the lexicon of src: the readings near each other, the costs,
// the look-alike groups, the table of words, the typo index.
func (src *lexSource) build() (*lexicon, error) {
	l, list := src.l, src.list
	if len(src.readings) >= shapeMark-sylMark {
		return nil, fmt.Errorf("lexicon: %d readings", len(src.readings))
	}
	readings := make(map[string]uint16, len(src.readings))
	for id, name := range src.readings {
		readings[name] = uint16(id)
	}
	l.near = make([][]uint16, len(readings))
	for name, id := range readings {
		for _, n := range nearReadings(name) {
			if nid, ok := readings[n]; ok {
				l.near[id] = append(l.near[id], nid)
			}
		}
		slices.Sort(l.near[id])
	}
	l.logTotal = math.Log(src.total)
	for i := 1; i < len(l.chars); i++ {
		l.chars[i].cost = l.cost(int32(l.chars[i].cost))
	}
	l.shapes = make([][]uint16, len(l.chars))
	for g, group := range shapeGroups {
		for _, r := range group {
			if id := l.id[r]; id != 0 {
				l.shapes[id] = append(l.shapes[id], uint16(g))
			}
		}
	}
	l.words = newTable(len(list))
	two := 0
	for _, w := range list {
		if w.n == 2 {
			two++
		}
	}
	l.pairs = newBloom(two, 32)
	twos := make([]uint64, 0, two)
	costs := make([]float32, 1<<12)
	l.particles = new([1 << 16 / 64]uint64)
	for _, r := range phraseParticles {
		if id := l.id[r]; id != 0 {
			l.particles[id>>6] |= 1 << (id & 63)
		}
	}
	for _, w := range list {
		sl := l.words.find(w.key)
		if sl.key == w.key && sl.val&corpusBit == 0 && sl.val > 0 {
			continue // a corpus string that is also a word
		}
		if sl.key == 0 {
			l.words.filter.add(w.key)
		}
		*sl = slot{key: w.key, val: w.val}
		switch {
		case w.val == 0:
		case w.val < uint32(len(costs)):
			// Most frequencies are small: each cost is computed once.
			if costs[w.val] == 0 {
				costs[w.val] = float32(l.entryCost(w.val))
			}
			sl.cost = costs[w.val]
		default:
			sl.cost = float32(l.entryCost(w.val))
		}
		if w.n == 2 && covers(w.val) {
			l.pairs.add(w.key)
			twos = append(twos, w.key)
		}
	}
	if !src.common {
		l.markCommon(list)
	}
	for id := 1; id < len(l.chars); id++ {
		c := &l.chars[id]
		c.replace = !c.numeral && c.cost >= minAlone
	}
	l.setPairBits(twos)
	l.setRegions()
	// The typo index, in one table: count the words of each key (at most
	// 0xFFF), give each key the end of its place in cands, put the words
	// there from the end, and turn each place back into the order of the
	// words.
	emits := 0
	for _, w := range list {
		if w.val&corpusBit == 0 && w.val >= fillFloor {
			for j := range int(w.n) {
				c := charAt(w.key, j, int(w.n))
				emits += 1 + len(l.shapes[c])
				if l.alt[c] != noReading {
					emits++
				}
			}
		}
	}
	l.typos = newTable(emits)
	l.typoKeys(list, func(tk, _ uint64) {
		sl := l.typos.find(tk)
		if sl.key == 0 {
			sl.key = tk
			l.typos.filter.add(tk)
		}
		sl.val = min(sl.val+1, 0xFFF)
	})
	offset := uint32(0)
	for i := range l.typos.slots {
		if sl := &l.typos.slots[i]; sl.key != 0 {
			offset += sl.val
			sl.val = offset << 12
		}
	}
	l.cands = make([]uint64, offset)
	l.typoKeys(list, func(tk, key uint64) {
		sl := l.typos.find(tk)
		if n := sl.val & 0xFFF; n < 0xFFF {
			end := sl.val>>12 - 1
			l.cands[end] = key
			sl.val = end<<12 | (n + 1)
		}
	})
	for _, sl := range l.typos.slots {
		if sl.key != 0 {
			slices.Reverse(l.cands[sl.val>>12 : sl.val>>12+sl.val&0xFFF])
		}
	}
	partials := 0
	for _, w := range list {
		if w.val&corpusBit == 0 && w.val >= fillFloor {
			partials += int(w.n)
		}
	}
	l.partial = newBloom(partials, 16)
	for _, w := range list {
		if w.val&corpusBit == 0 && w.val >= fillFloor {
			for j := range int(w.n) {
				l.partial.add(setAt(w.key, j, int(w.n), wildMark))
			}
		}
	}
	return l, nil
}

// Parameters of pairBits.
const (
	// pairRanks is the number of characters ranked: the most frequent
	// alone, which make nearly every pair of a text.
	pairRanks = 1 << 12
	noRank    = pairRanks // a rank no pair of pairBits has
	rankMask  = 1<<13 - 1
	// replaceBit marks a character that may be replaced in pairInfo.
	replaceBit = 1 << 15
)

// setPairBits sets pairInfo and pairBits from the keys of the covering
// two-character entries.
func (l *lexicon) setPairBits(twos []uint64) {
	ids := make([]int, 0, len(l.chars))
	for id := 1; id < len(l.chars); id++ {
		ids = append(ids, id)
	}
	// The cheapest alone first (the most frequent), then by id.
	slices.SortFunc(ids, func(a, b int) int {
		if c := cmp.Compare(l.chars[a].cost, l.chars[b].cost); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	l.pairInfo = new([1 << 16]uint16)
	for id := range l.pairInfo {
		l.pairInfo[id] = noRank
	}
	for r, id := range ids {
		if r < pairRanks {
			l.pairInfo[id] = uint16(r)
		}
		if l.chars[id].replace {
			l.pairInfo[id] |= replaceBit
		}
	}
	l.pairBits = new([pairRanks * pairRanks / 64]uint64)
	// Filled by setBigrams; empty until then (no pair is attested).
	l.attestedBits = new([pairRanks * pairRanks / 64]uint64)
	for _, key := range twos {
		ra, rb := l.pairInfo[uint16(key>>16)]&rankMask, l.pairInfo[uint16(key)]&rankMask
		if ra < pairRanks && rb < pairRanks {
			l.pairBits[int(ra)<<6|int(rb)>>6] |= 1 << (rb & 63)
		}
	}
}

// markCommon marks the commonChars characters that occur most in the
// words of list, weighted by frequency: the characters a typist picks.
func (l *lexicon) markCommon(list []lexWord) {
	freq := make([]float64, len(l.chars))
	for _, w := range list {
		if w.val&corpusBit != 0 {
			continue
		}
		for j := range int(w.n) {
			freq[charAt(w.key, j, int(w.n))] += float64(w.val)
		}
	}
	ids := make([]int, 0, len(l.chars))
	for id := 1; id < len(l.chars); id++ {
		ids = append(ids, id)
	}
	slices.SortStableFunc(ids, func(a, b int) int { return cmp.Compare(freq[b], freq[a]) })
	for _, id := range ids[:min(commonChars, len(ids))] {
		l.chars[id].common = true
	}
}

// typoKeys calls fn with every typo key of every word of list frequent
// enough to be offered as a correction, and the word's key.
func (l *lexicon) typoKeys(list []lexWord, fn func(tk, key uint64)) {
	for _, w := range list {
		if w.val&corpusBit != 0 || w.val < fillFloor {
			continue
		}
		for j := range int(w.n) {
			c := charAt(w.key, j, int(w.n))
			if syl := l.chars[c].syl; syl != noReading {
				fn(setAt(w.key, j, int(w.n), sylMark|syl), w.key)
			}
			if syl := l.alt[c]; syl != noReading {
				fn(setAt(w.key, j, int(w.n), sylMark|syl), w.key)
			}
			for _, g := range l.shapes[c] {
				fn(setAt(w.key, j, int(w.n), shapeMark|g), w.key)
			}
		}
	}
}

// phraseFloor is the least frequency of an entry of three or four
// characters holding a particle that the segmentation reads as a word:
// a corpus string or a rarer entry that holds one is a phrase (极的财政,
// the end of 积极的财政政策; gse's 强和改, 15) and costs +Inf there, so
// that it does not make the wrong text cheap (加强和改擅 read as 加强和改
// 擅, 实行机极的财政 as 机 极的财政). It still covers its characters.
const phraseFloor = 100

// phraseParticles are the particles and conjunctions that make an entry
// a phrase (phraseFloor).
const phraseParticles = "的和与及了"

// phrase reports whether the entry of key, of n characters and value v,
// is a phrase (phraseFloor): three or four characters, a corpus string
// or a frequency under phraseFloor, and a character of phraseParticles.
func (l *lexicon) phrase(key uint64, n int, v uint32) bool {
	if n < 3 || v&corpusBit == 0 && v >= phraseFloor {
		return false
	}
	for j := range n {
		c := uint16(key >> (16 * j))
		if l.particles[c>>6]&(1<<(c&63)) != 0 {
			return true
		}
	}
	return false
}

// segEntry returns the cost of the entry of key, of n characters, in the
// segmentation: none for a phrase.
func (l *lexicon) segEntry(key uint64, n int) (float32, bool) {
	c, v, ok := l.words.entryVal(key)
	if !ok || l.phrase(key, n, v) {
		return 0, false
	}
	return c, true
}

// coverFloor is the least frequency of a word that covers its characters
// (see covers). It is a variable only so that the measurement can draw
// its curve (NONWORD_COVERFLOOR, nonword_eval_test.go).
var coverFloor uint32 = 10

// covers reports whether an entry of words with value v covers its
// characters: a corpus string, or a word that is attested (an entry of
// gse's dictionary that jieba's idf table lacks has frequency 0: 衔结,
// 组识).
func covers(v uint32) bool { return v&corpusBit != 0 || v >= coverFloor }

// ids writes the ids of the characters of word to ids and returns their
// number.
func (l *lexicon) ids(word []byte, ids *[4]uint16) (int, error) {
	k := 0
	for _, r := range string(word) {
		if k == 4 || r >= 0x10000 || l.id[r] == 0 {
			return 0, fmt.Errorf("lexicon: %q has a character without an entry, or more than four", word)
		}
		ids[k] = l.id[r]
		k++
	}
	if k < 2 {
		return 0, fmt.Errorf("lexicon: %q is shorter than two characters", word)
	}
	return k, nil
}

// freq returns the frequency of the word of key in the lexicon: 0 when it
// is not a word (a corpus string is not one either).
func (l *lexicon) freq(key uint64) int32 {
	v, ok := l.words.get(key)
	if !ok || v&corpusBit != 0 {
		return 0
	}
	return int32(v)
}

// known reports whether the string of key is a word or a corpus string.
func (l *lexicon) known(key uint64) bool {
	_, ok := l.words.get(key)
	return ok
}

// cost returns the cost (negative log-probability) of a word of
// frequency f; a character the lexicon has never seen alone costs as
// much as one seen half a time.
func (l *lexicon) cost(f int32) float64 {
	if f <= 0 {
		return l.logTotal - math.Log(0.5)
	}
	return l.logTotal - math.Log(float64(f))
}

// entryCost returns the cost of an entry of words with value v: a corpus
// string counts corpusScale for each occurrence.
func (l *lexicon) entryCost(v uint32) float64 {
	if v&corpusBit != 0 {
		return l.logTotal - math.Log(float64(v&^corpusBit)*corpusScale)
	}
	return l.cost(int32(v))
}

// functionChars are characters that stand alone as words all the time:
// prepositions, conjunctions, particles, adverbs, numerals, measure words
// and the like.
var functionChars = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "的地得着了过之其此该各每本某于从自由到至给让使令比向往朝按据经以为在对把被将和与及或而并且就才又也都还再更最很已曾正不没无非是有所要能会可应须必均皆共同仍即既则乃若如因故但却只较达超近约多少大小高好全总新后前中上下内外年月日个家项万亿千百十人户元次件处座条名位种类批场期层级届倍" {
		m[r] = true
	}
	return m
}()

// table is an open-addressing hash table from non-zero uint64 keys to
// uint32 values, with linear probing: compact and fast to probe, where a
// Go map of this size would take three times the memory. A key and its
// value share a slot, so that a probe touches one cache line; a blocked
// Bloom filter in front of it answers most absent keys from a bit array
// small enough to stay in cache (most strings of a text are no word).
type table struct {
	slots  []slot
	mask   uint64
	shift  uint
	filter bloom
}

type slot struct {
	key  uint64
	val  uint32
	cost float32 // of a word or corpus string (lexicon.entry), in the padding
}

// newTable returns a table for n keys, at most two thirds full, with a
// filter of about 16 bits a key.
func newTable(n int) table {
	bits := uint(1)
	for 1<<bits*2 < n*3 {
		bits++
	}
	return table{slots: make([]slot, 1<<bits), mask: 1<<bits - 1, shift: 64 - bits, filter: newBloom(n, 16)}
}

// hash returns a multiplicative hash of key.
func hash(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 }

// slot returns the first slot of key: the top bits of its hash.
func (t *table) slot(key uint64) uint64 { return hash(key) >> (t.shift & 63) }

// put sets the value of key.
func (t *table) put(key uint64, v uint32) {
	t.filter.add(key)
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		if t.slots[i].key == 0 || t.slots[i].key == key {
			t.slots[i] = slot{key: key, val: v}
			return
		}
	}
}

// find returns the slot of key, or the empty slot where it goes (whose
// key the caller sets, adding it to the filter).
func (t *table) find(key uint64) *slot {
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		if t.slots[i].key == 0 || t.slots[i].key == key {
			return &t.slots[i]
		}
	}
}

// entryVal returns the cost and the value of key, and whether it is an
// entry of the segmentation (a value of 0 is not: an unattested word).
func (t *table) entryVal(key uint64) (float32, uint32, bool) {
	if !t.filter.has(key) {
		return 0, 0, false
	}
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		switch t.slots[i].key {
		case key:
			return t.slots[i].cost, t.slots[i].val, t.slots[i].val != 0
		case 0:
			return 0, 0, false
		}
	}
}

// get returns the value of key.
func (t *table) get(key uint64) (uint32, bool) {
	if !t.filter.has(key) {
		return 0, false
	}
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		switch t.slots[i].key {
		case key:
			return t.slots[i].val, true
		case 0:
			return 0, false
		}
	}
}

// bloom is a blocked Bloom filter of non-zero uint64 keys: three bits of
// one 64-bit word a key, so that a test touches one word.
type bloom struct {
	words []uint64
	shift uint
}

// newBloom returns a filter for n keys of about bitsPerKey bits each.
func newBloom(n, bitsPerKey int) bloom {
	bits := uint(6)
	for 1<<bits < n*bitsPerKey {
		bits++
	}
	return bloom{words: make([]uint64, 1<<(bits-6)), shift: 64 - (bits - 6)}
}

// mask returns the word of key and its three bits.
func (b *bloom) mask(key uint64) (uint64, uint64) {
	h := hash(key ^ 0x5851F42D4C957F2D)
	return h >> (b.shift & 63), 1<<(h&63) | 1<<(h>>6&63) | 1<<(h>>12&63)
}

func (b *bloom) add(key uint64) {
	w, m := b.mask(key)
	b.words[w] |= m
}

func (b *bloom) has(key uint64) bool {
	w, m := b.mask(key)
	return b.words[w]&m == m
}

// nearReadings returns the readings one confusion of the initial or of
// the final away from syl, as a dialect or a slip of the input method
// makes them: zh/z, ch/c, sh/s, n/l, f/h, r/l, an/ang, en/eng, in/ing
// (a reading that does not exist finds no character).
func nearReadings(syl string) []string {
	var out []string
	for _, p := range [][2]string{{"zh", "z"}, {"ch", "c"}, {"sh", "s"}} {
		switch {
		case strings.HasPrefix(syl, p[0]):
			out = append(out, p[1]+syl[2:])
		case strings.HasPrefix(syl, p[1]):
			out = append(out, p[0]+syl[1:])
		}
	}
	for _, p := range [][2]string{{"n", "l"}, {"l", "n"}, {"f", "h"}, {"h", "f"}, {"r", "l"}, {"l", "r"}} {
		if strings.HasPrefix(syl, p[0]) {
			out = append(out, p[1]+syl[1:])
		}
	}
	for _, p := range [][2]string{{"ang", "an"}, {"eng", "en"}, {"ing", "in"}} {
		switch {
		case strings.HasSuffix(syl, p[0]):
			out = append(out, syl[:len(syl)-len(p[0])]+p[1])
		case strings.HasSuffix(syl, p[1]):
			out = append(out, syl+"g")
		}
	}
	return out
}
