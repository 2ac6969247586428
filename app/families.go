package app

import (
	"context"
	"errors"

	"zongjie/corpus"
)

// Family is a group of stored reports made from one template or one
// earlier report, with what they share: one element of the stable output
// of families --format json.
type Family struct {
	Members []Summary    `json:"members"`
	Links   []FamilyLink `json:"links"`
	Shared  FamilyShared `json:"shared"`

	Family    corpus.Family `json:"-"`
	SharedRaw corpus.Shared `json:"-"`
}

// FamilyLink is one pair that joined a family, with the share of each
// side's text found in the other.
type FamilyLink struct {
	A      int64   `json:"a"`
	B      int64   `json:"b"`
	ShareA float64 `json:"share_a"`
	ShareB float64 `json:"share_b"`
}

// FamilyShared is the text a family's members share: passages of one
// member found in every other compared.
type FamilyShared struct {
	Report      int64           `json:"report"`
	Compared    []int64         `json:"compared"`
	Chars       int             `json:"chars"`
	SharedChars int             `json:"shared_chars"`
	OwnChars    int             `json:"own_chars"`
	Passages    []SharedPassage `json:"passages"`
}

// SharedPassage is one stretch of a family's shared text.
type SharedPassage struct {
	Offset      int    `json:"offset"`
	Length      int    `json:"length"`
	Text        string `json:"text"`
	Boilerplate bool   `json:"boilerplate"`
}

// familiesChunk is how many families Families finds the shared text of
// at once.
const familiesChunk = 64

// Families groups the stored reports into families, largest first (at
// most top of them; 0 for all), and calls each with every family and
// what it shares, in order. What the families share is found a few dozen
// families at a time, so that memory stays small however many there are;
// Families stops at each's first error and returns it.
func (a *App) Families(ctx context.Context, top int, each func(Family) error) error {
	if top < 0 {
		return Errorf(Invalid, "--top 不能为负数（%d）；0 表示全部", top)
	}
	st, err := a.store(ctx)
	if err != nil {
		return err
	}
	fams, err := corpus.Families(ctx, st)
	if err != nil {
		return err
	}
	if top > 0 && len(fams) > top {
		fams = fams[:top]
	}
	for start := 0; start < len(fams); start += familiesChunk {
		part := fams[start:min(start+familiesChunk, len(fams))]
		shared := make([]corpus.Shared, len(part))
		errs := make([]error, len(part))
		parallel(len(part), func(i int) { shared[i], errs[i] = corpus.FamilyShared(ctx, st, part[i]) })
		if err := errors.Join(errs...); err != nil {
			return err
		}
		for i, f := range part {
			if err := each(familyOf(f, shared[i])); err != nil {
				return err
			}
		}
	}
	return nil
}

// familyOf returns the JSON form of a family and what it shares.
func familyOf(f corpus.Family, sh corpus.Shared) Family {
	out := Family{Members: []Summary{}, Links: []FamilyLink{},
		Shared: FamilyShared{sh.Report, sh.Compared, sh.Chars, sh.SharedChars, sh.OwnChars, []SharedPassage{}},
		Family: f, SharedRaw: sh}
	if out.Shared.Compared == nil {
		out.Shared.Compared = []int64{}
	}
	for _, m := range f.Members {
		out.Members = append(out.Members, SummaryOf(m))
	}
	for _, l := range f.Links {
		out.Links = append(out.Links, FamilyLink{l.A, l.B, round3(l.ShareA), round3(l.ShareB)})
	}
	for _, p := range sh.Passages {
		out.Shared.Passages = append(out.Shared.Passages, SharedPassage{p.Offset, p.Length, p.Text, p.Boilerplate})
	}
	return out
}
