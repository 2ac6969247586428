package corpus

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"zongjie/reuse"
	"zongjie/store"
)

// SharedMembers is how many members of a family Shared compares with its
// central one at most: the text all of them hold is what the family
// shares (for a family of template copies, the template's text), and
// more members cost more reading without changing it much.
const SharedMembers = 8

// minShared is the shortest stretch, in characters, that Shared reports:
// where the passages of several comparisons overlap only a little, the
// overlap is an accident of where they end.
const minShared = 10

// Shared is the text the members of a family share: the stretches of one
// member's text found in each of the others compared with it.
type Shared struct {
	Report      int64   // the member whose text the passages are in: the one joined to most others
	Compared    []int64 // the members compared with it, by ID
	Chars       int     // characters of Report's text
	SharedChars int     // characters in Passages
	OwnChars    int     // of them, in passages that are not mostly stock phrases
	Passages    []SharedPassage
}

// SharedPassage is one stretch of the shared text.
type SharedPassage struct {
	Offset, Length int // in characters of Report's text
	Text           string
	Boilerplate    bool // mostly stock phrases
}

// FamilyShared finds what the members of f share: the member joined to
// most others (on a tie, the earliest year, then the lowest ID) is compared with up to
// SharedMembers others, those joined to it first, and the stretches of
// its text found in every one of them are the shared text.
func FamilyShared(ctx context.Context, st store.Store, f Family) (Shared, error) {
	degree := map[int64]int{}
	for _, l := range f.Links {
		degree[l.A]++
		degree[l.B]++
	}
	// The centre: joined to most others; on a tie the earliest (a
	// report rewritten the next year is the source of the later one).
	var center store.Summary
	for _, m := range f.Members {
		if center.ID == 0 || cmp.Or(cmp.Compare(degree[center.ID], degree[m.ID]),
			cmp.Compare(firstYear(m), firstYear(center)), cmp.Compare(m.ID, center.ID)) < 0 {
			center = m
		}
	}
	// The others, those joined to the centre first, by the share of the
	// centre found in them.
	linked := map[int64]float64{}
	for _, l := range f.Links {
		switch center.ID {
		case l.A:
			linked[l.B] = l.ShareA
		case l.B:
			linked[l.A] = l.ShareB
		}
	}
	var others []int64
	for _, m := range f.Members {
		if m.ID != center.ID {
			others = append(others, m.ID)
		}
	}
	slices.SortStableFunc(others, func(a, b int64) int {
		sa, oka := linked[a]
		sb, okb := linked[b]
		if oka != okb {
			if oka {
				return -1
			}
			return 1
		}
		return cmp.Compare(sb, sa)
	})
	others = others[:min(len(others), SharedMembers)]

	// The centre's text and the others' in one read.
	rs, err := st.Texts(ctx, append([]int64{center.ID}, others...))
	if err != nil {
		return Shared{}, err
	}
	if len(rs) == 0 || rs[0].ID != center.ID {
		return Shared{}, fmt.Errorf("report %d: %w", center.ID, store.ErrNotFound)
	}
	texts := make(map[int64]string, len(rs))
	for _, r := range rs {
		texts[r.ID] = r.Text
	}
	ct := reuse.Normalize(rs[0].Text)
	bp, err := Boilerplate(ctx, st, ct)
	if err != nil {
		return Shared{}, err
	}
	c := reuse.NewComparer(ct, bp)
	out := Shared{Report: center.ID, Chars: ct.Chars}
	var common []SharedPassage // the stretches found in every member so far
	for k, id := range others {
		if err := ctx.Err(); err != nil {
			return Shared{}, err
		}
		text, ok := texts[id]
		if !ok {
			return Shared{}, fmt.Errorf("report %d: %w", id, store.ErrNotFound)
		}
		res := c.Compare(reuse.Normalize(text))
		found := make([]SharedPassage, 0, len(res.Passages))
		for _, p := range res.Passages {
			found = append(found, SharedPassage{Offset: p.AOffset, Length: p.ALength, Boilerplate: p.Boilerplate})
		}
		if k == 0 {
			common = union(found)
		} else {
			common = intersect(common, union(found))
		}
		out.Compared = append(out.Compared, id)
	}
	slices.Sort(out.Compared)
	for _, p := range common {
		if p.Length < minShared {
			continue
		}
		p.Text = ct.Original(p.Offset, p.Offset+p.Length)
		out.Passages = append(out.Passages, p)
		out.SharedChars += p.Length
		if !p.Boilerplate {
			out.OwnChars += p.Length
		}
	}
	return out, nil
}

// union merges overlapping stretches, sorted by offset; a merged stretch
// is stock phrases when most of its characters are.
func union(ps []SharedPassage) []SharedPassage {
	slices.SortFunc(ps, func(a, b SharedPassage) int { return cmp.Compare(a.Offset, b.Offset) })
	var out []SharedPassage
	var stock []int // characters of stock phrases in each of out
	for _, p := range ps {
		n := 0
		if p.Boilerplate {
			n = p.Length
		}
		if k := len(out) - 1; k >= 0 && p.Offset <= out[k].Offset+out[k].Length {
			end := max(out[k].Offset+out[k].Length, p.Offset+p.Length)
			out[k].Length = end - out[k].Offset
			stock[k] += n
			continue
		}
		out = append(out, p)
		stock = append(stock, n)
	}
	for k := range out {
		out[k].Boilerplate = 2*stock[k] >= out[k].Length
	}
	return out
}

// intersect returns the stretches held by both a and b (each sorted and
// without overlaps); a piece keeps a's stock-phrase mark.
func intersect(a, b []SharedPassage) []SharedPassage {
	var out []SharedPassage
	for i, j := 0, 0; i < len(a) && j < len(b); {
		start := max(a[i].Offset, b[j].Offset)
		end := min(a[i].Offset+a[i].Length, b[j].Offset+b[j].Length)
		if start < end {
			out = append(out, SharedPassage{Offset: start, Length: end - start, Boilerplate: a[i].Boilerplate})
		}
		if a[i].Offset+a[i].Length < b[j].Offset+b[j].Length {
			i++
		} else {
			j++
		}
	}
	return out
}

// firstYear is the first year a report covers; a report whose years are
// not known sorts after every year.
func firstYear(s store.Summary) int {
	if len(s.Years) == 0 {
		return 1 << 30
	}
	return slices.Min(s.Years)
}
