package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"zongjie/corpus"
	"zongjie/document"
	"zongjie/reuse"
	"zongjie/store"
)

// text is a text to compare: a file, or a stored report.
type text struct {
	label string // the file's name, or "#ID"
	id    int64  // the stored report, or 0
	hash  string // the file's content hash, as the store keys it
	text  string
	file  *document.File // the file read, nil for a stored report
	sum   *store.Summary // the stored report, nil for a file
}

// loadText reads a text to compare or look for: a stored report's text
// alone (Texts: not its data, findings and paragraphs), or a file.
func (a *App) loadText(ctx context.Context, ref Ref) (text, error) {
	if ref.ID != 0 {
		st, err := a.store(ctx)
		if err != nil {
			return text{}, err
		}
		rs, err := st.Texts(ctx, []int64{ref.ID})
		if err == nil && len(rs) == 0 {
			err = notFound(ref.ID)
		}
		if err != nil {
			return text{}, wrap(ErrorCode(err), err, "报告 %d：%s", ref.ID, notFoundText(err))
		}
		sum := rs[0].Summary()
		return text{label: "#" + itoa(ref.ID), id: ref.ID, text: rs[0].Text, sum: &sum}, nil
	}
	res, err := a.resolve(ctx, ref)
	switch {
	case err != nil:
		return text{}, err
	}
	sum := sha256.Sum256(res.data)
	return text{label: ref.Input.Name, hash: hex.EncodeToString(sum[:]), text: res.file.Text, file: res.file}, nil
}

// parts returns the texts to compare of t: its reports one by one when a
// file holds several, else the whole text.
func (t text) parts() []corpus.Part {
	if t.file == nil {
		return []corpus.Part{{Text: t.text}}
	}
	return corpus.Parts(t.file)
}

// Comparison is two texts compared: the stable output of compare
// --format json.
type Comparison struct {
	A        Side      `json:"a"`
	B        Side      `json:"b"`
	Passages []Passage `json:"passages"`

	// The two texts normalised, whose Original gives the passages' text.
	TextA, TextB *reuse.Text `json:"-"`
}

// Side is how much of one text the other shares.
type Side struct {
	Path             string  `json:"path"`
	Chars            int     `json:"chars"`
	ReusedChars      int     `json:"reused_chars"`
	Reuse            float64 `json:"reuse"`
	BoilerplateChars int     `json:"boilerplate_chars"`
	ReuseOwn         float64 `json:"reuse_own"`
}

// Passage is a passage the two texts share, with the edits inside it.
type Passage struct {
	reuse.Passage
	Edits []reuse.Edit `json:"edits"`
}

// side returns the JSON form of one side of a comparison.
func side(path string, s reuse.Side) Side {
	return Side{path, s.Chars, s.ReusedChars, round3(s.Reuse), s.BoilerplateChars, round3(s.ReuseOwn)}
}

// round3 rounds a share to three decimals.
func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// Pair is one report of A compared with one of B, when a file holds
// several.
type Pair struct {
	A        PartSide  `json:"a"`
	B        PartSide  `json:"b"`
	Passages []Passage `json:"passages"`

	Comparison Comparison `json:"-"`
}

// PartSide is one side of a Pair: which report of its file it is.
type PartSide struct {
	Side
	Index int    `json:"index"`
	Title string `json:"title"`
}

// Compared is the result of Compare: one comparison when each side holds
// one report, else each report of A with each report of B.
type Compared struct {
	Whole *Comparison // nil when the sides are compared report by report
	Pairs PairList
	// How many reports each side has.
	PartsA, PartsB int
	// The stored reports compared, nil for a file.
	StoredA, StoredB *store.Summary
}

// JSON returns the stable output of compare --format json: the
// Comparison, or the PairList for files of several reports.
func (c *Compared) JSON() any {
	if c.Whole != nil {
		return c.Whole
	}
	return c.Pairs
}

// PairList is the stable output of compare --format json for files of
// several reports.
type PairList struct {
	A     string `json:"a"`
	B     string `json:"b"`
	Pairs []Pair `json:"pairs"`
}

// Compare compares two reports (files or stored reports): how much of
// each the other shares, and the shared passages with the edits inside
// them. Stock phrases the store knows (when one exists) are discounted.
// A file that pastes several reports together is compared report by
// report.
func (a *App) Compare(ctx context.Context, x, y Ref) (*Compared, error) {
	ta, err := a.loadText(ctx, x)
	if err != nil {
		return nil, err
	}
	tb, err := a.loadText(ctx, y)
	if err != nil {
		return nil, err
	}
	st := a.storeIfAny(ctx)
	pa, pb := ta.parts(), tb.parts()
	out := &Compared{PartsA: len(pa), PartsB: len(pb), Pairs: PairList{A: ta.label, B: tb.label}, StoredA: ta.sum, StoredB: tb.sum}
	if len(pa) == 1 && len(pb) == 1 {
		c, err := comparePair(ctx, st, ta.label, pa[0].Text, tb.label, pb[0].Text)
		if err != nil {
			return nil, err
		}
		out.Whole = &c
		return out, nil
	}
	for _, p := range pa {
		for _, q := range pb {
			c, err := comparePair(ctx, st, ta.label, p.Text, tb.label, q.Text)
			if err != nil {
				return nil, err
			}
			out.Pairs.Pairs = append(out.Pairs.Pairs, Pair{PartSide{c.A, p.Index, p.Title}, PartSide{c.B, q.Index, q.Title}, c.Passages, c})
		}
	}
	return out, nil
}

// comparePair compares two texts.
func comparePair(ctx context.Context, st store.Store, aPath, aText, bPath, bText string) (Comparison, error) {
	na, nb := reuse.Normalize(aText), reuse.Normalize(bText)
	bp, err := corpus.Boilerplate(ctx, st, na, nb)
	if err != nil {
		return Comparison{}, err
	}
	res := reuse.Compare(na, nb, bp)
	out := Comparison{A: side(aPath, res.A), B: side(bPath, res.B), Passages: []Passage{}, TextA: na, TextB: nb}
	for _, p := range res.Passages {
		edits := reuse.Differences(na, nb, p)
		if edits == nil {
			edits = []reuse.Edit{}
		}
		out.Passages = append(out.Passages, Passage{p, edits})
	}
	return out, nil
}
