package corpus

import (
	"context"
	"slices"
	"sort"

	"zongjie/store"
)

// FamilyShare is the estimated share of each of two reports' text found
// in the other above which the two belong to one family: both derive from
// one template or one is the other rewritten.
const FamilyShare = 0.4

// sample keeps one fingerprint in sampleRate, chosen by hash so that every
// report keeps the same ones: the shares estimated from the sample are
// unbiased, and the in-memory index of a 100,000-report store stays small.
const sampleRate = 4

// Family is a group of reports joined by heavy mutual reuse.
type Family struct {
	Members []store.Summary // by ID
	// Links are the pairs that joined the family, with the estimated
	// share of each side's text found in the other.
	Links []Link
}

// Link is one pair of a family.
type Link struct {
	A, B           int64
	ShareA, ShareB float64
}

// Families groups the stored reports into families: pairs whose
// fingerprints (a hash sample, stock phrases left out) show that each
// holds at least FamilyShare of the other's text are joined, and joined
// pairs chain into groups. Families of two reports or more are returned,
// largest first.
func Families(ctx context.Context, st store.Store) ([]Family, error) {
	n, err := st.Count(ctx)
	if err != nil {
		return nil, err
	}
	type posting struct {
		hash uint64
		doc  int32
	}
	var ids []int64
	var docUnits []string
	var sizes []int
	var ps []posting
	err = st.EachFingerprints(ctx, func(id int64, unit string, fps []uint64) error {
		doc := int32(len(ids))
		ids, docUnits = append(ids, id), append(docUnits, unit)
		kept := 0
		for _, h := range fps {
			if h%sampleRate == 0 {
				ps = append(ps, posting{h, doc})
				kept++
			}
		}
		sizes = append(sizes, kept)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(ps, func(a, b posting) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return int(a.doc - b.doc)
	})
	// The hashes that can join reports: held by two or more, and not
	// stock phrases (held by the reports of many units). Each report's
	// list of them lets the pairs be counted a report at a time, in an
	// array indexed by the other report, rather than in a map of every
	// pair: with 100,000 reports, template families of dozens of members
	// make tens of millions of pairs.
	limit := boilerplateUnits(n)
	var groups [][2]int // of ps: the postings of one hash, by report
	docGroups := make([][]int32, len(ids))
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].hash == ps[i].hash {
			j++
		}
		group := ps[i:j]
		if len(group) >= 2 && distinctUnits(len(group), func(k int) string { return docUnits[group[k].doc] }) < limit {
			for _, p := range group {
				docGroups[p.doc] = append(docGroups[p.doc], int32(len(groups)))
			}
			groups = append(groups, [2]int{i, j})
		}
		i = j
	}
	parent := make([]int32, len(ids))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var links []Link
	linkRoots := map[int32][]Link{}
	shared := make([]int32, len(ids)) // with report a, of each later report
	var touched []int32
	for a := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, g := range docGroups[a] {
			for k := groups[g][1] - 1; k >= groups[g][0] && int(ps[k].doc) > a; k-- {
				b := ps[k].doc
				if shared[b] == 0 {
					touched = append(touched, b)
				}
				shared[b]++
			}
		}
		for _, b := range touched {
			c := shared[b]
			shared[b] = 0
			if sizes[a] == 0 || sizes[b] == 0 {
				continue
			}
			sa, sb := float64(c)/float64(sizes[a]), float64(c)/float64(sizes[b])
			if sa < FamilyShare || sb < FamilyShare {
				continue
			}
			links = append(links, Link{A: ids[a], B: ids[b], ShareA: min(sa, 1), ShareB: min(sb, 1)})
			if ra, rb := find(int32(a)), find(b); ra != rb {
				parent[ra] = rb
			}
		}
		touched = touched[:0]
	}
	byID := map[int64]int32{}
	for i, id := range ids {
		byID[id] = int32(i)
	}
	for _, l := range links {
		r := find(byID[l.A])
		linkRoots[r] = append(linkRoots[r], l)
	}
	members := map[int32][]int64{}
	for i := range ids {
		r := find(int32(i))
		if len(linkRoots[r]) > 0 {
			members[r] = append(members[r], ids[i])
		}
	}
	summaries, err := summariesByID(ctx, st)
	if err != nil {
		return nil, err
	}
	var out []Family
	for r, ms := range members {
		f := Family{Links: linkRoots[r]}
		sort.Slice(ms, func(i, j int) bool { return ms[i] < ms[j] })
		for _, id := range ms {
			f.Members = append(f.Members, summaries[id])
		}
		sort.Slice(f.Links, func(i, j int) bool {
			if f.Links[i].A != f.Links[j].A {
				return f.Links[i].A < f.Links[j].A
			}
			return f.Links[i].B < f.Links[j].B
		})
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].Members) != len(out[j].Members) {
			return len(out[i].Members) > len(out[j].Members)
		}
		return out[i].Members[0].ID < out[j].Members[0].ID
	})
	return out, nil
}

func summariesByID(ctx context.Context, st store.Store) (map[int64]store.Summary, error) {
	all, err := st.List(ctx, store.Filter{})
	if err != nil {
		return nil, err
	}
	out := make(map[int64]store.Summary, len(all))
	for _, s := range all {
		out[s.ID] = s
	}
	return out, nil
}
