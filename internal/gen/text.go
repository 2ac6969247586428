package gen

import "slices"

// A report is held as pieces, not as one string: a piece is a run of text
// with one provenance (an origin and the offset in it). Its bytes are
// kept once, in the text of the report (or template) that wrote them,
// and every copy refers to them there. The ground truth is computed from
// the provenance, and the text is written out from the pieces. Pieces
// hold no pointers, so the garbage collector does not scan them.

// piece is a run of text from one origin. An origin is a fresh sentence,
// heading, title part or edit, numbered in the namespace of the report or
// template that made it (its maker); copying a piece keeps its origin, so
// two reports share exactly the text of the origins they both hold.
type piece struct {
	ns   uint32 // the maker: its index in texts
	org  uint32 // origin in the namespace
	at   uint32 // where the text starts in the maker's text, in bytes
	nb   uint16 // bytes of text
	off  uint16 // offset of the text in the origin, in characters
	n    uint16 // characters of text
	edit bool   // the origin is the new text of an edit
}

// texts holds the text written by each maker, by namespace.
type texts [][]byte

// of returns the text of p.
func (t texts) of(p piece) []byte { return t[p.ns][p.at : p.at+uint32(p.nb)] }

type blockKind uint8

const (
	blockTitle    blockKind = iota // the title line
	blockHeading1                  // 一、…
	blockHeading2                  // （一）…
	blockPara                      // a paragraph
)

// block is a line of the report: its sentences are doc.sents[sent:] up to
// the next block's.
type block struct {
	kind  blockKind
	sent  int32 // first sentence
	piece int32 // first piece
}

// doc is a report, or a family's template, as blocks of sentences of
// pieces. Its text is each block's pieces followed by a line feed.
type doc struct {
	pieces []piece
	sents  []int32 // first piece of each sentence
	blocks []block
}

// reset empties d, keeping its memory.
func (d *doc) reset() {
	d.pieces, d.sents, d.blocks = d.pieces[:0], d.sents[:0], d.blocks[:0]
}

// clone returns a copy of d that shares no memory with it.
func (d *doc) clone() doc {
	return doc{slices.Clone(d.pieces), slices.Clone(d.sents), slices.Clone(d.blocks)}
}

func (d *doc) startBlock(k blockKind) {
	d.blocks = append(d.blocks, block{kind: k, sent: int32(len(d.sents)), piece: int32(len(d.pieces))})
}

// endBlock removes the last block if it has no sentences, and reports
// whether it kept it.
func (d *doc) endBlock() bool {
	b := d.blocks[len(d.blocks)-1]
	if int(b.sent) == len(d.sents) {
		d.blocks = d.blocks[:len(d.blocks)-1]
		return false
	}
	return true
}

func (d *doc) startSent() { d.sents = append(d.sents, int32(len(d.pieces))) }

// endSent removes the last sentence if it has no pieces.
func (d *doc) endSent() {
	if int(d.sents[len(d.sents)-1]) == len(d.pieces) {
		d.sents = d.sents[:len(d.sents)-1]
	}
}

func (d *doc) add(p piece) {
	if p.n > 0 {
		d.pieces = append(d.pieces, p)
	}
}

// blockSents returns the range of sentences of block i.
func (d *doc) blockSents(i int) (lo, hi int) {
	lo, hi = int(d.blocks[i].sent), len(d.sents)
	if i+1 < len(d.blocks) {
		hi = int(d.blocks[i+1].sent)
	}
	return lo, hi
}

// blockPieces returns the pieces of block i.
func (d *doc) blockPieces(i int) []piece {
	lo, hi := int(d.blocks[i].piece), len(d.pieces)
	if i+1 < len(d.blocks) {
		hi = int(d.blocks[i+1].piece)
	}
	return d.pieces[lo:hi]
}

// sentPieces returns the pieces of sentence j.
func (d *doc) sentPieces(j int) []piece {
	lo, hi := int(d.sents[j]), len(d.pieces)
	if j+1 < len(d.sents) {
		hi = int(d.sents[j+1])
	}
	return d.pieces[lo:hi]
}

// blockChars returns the characters of block i, its line feed included.
func (d *doc) blockChars(i int) int {
	n := 1
	for _, p := range d.blockPieces(i) {
		n += int(p.n)
	}
	return n
}

// chars returns the characters of the text.
func (d *doc) chars() int {
	n := len(d.blocks)
	for _, p := range d.pieces {
		n += int(p.n)
	}
	return n
}

// bytes returns the length of the text in bytes.
func (d *doc) bytes() int {
	n := len(d.blocks)
	for _, p := range d.pieces {
		n += int(p.nb)
	}
	return n
}

// appendText appends the text to b.
func (d *doc) appendText(b []byte, t texts) []byte {
	for i := range d.blocks {
		for _, p := range d.blockPieces(i) {
			b = append(b, t.of(p)...)
		}
		b = append(b, '\n')
	}
	return b
}
