package gen

import (
	"cmp"
	"math"
	"slices"
)

// Scores measures found passages against the ground truth, at the
// character level, in the manner of the PAN text-alignment measures
// (Potthast et al., 2010). Characters are counted on both sides of a
// pair: a passage covers its A characters in report A and its B
// characters in report B, and each report pair is counted apart, so
// finding the right text of A paired with the wrong report counts for
// nothing. Overlapping passages count their characters once. (PAN
// averages precision and recall over passages; these are over
// characters, so long passages weigh more. Granularity is PAN's.)
type Scores struct {
	// Precision is the share of found characters that lie in true
	// passages of the same pair (0 if nothing is found but something is
	// true; 1 if both are empty).
	Precision float64
	// Recall is the share of true characters that lie in found passages
	// of the same pair (1 if the truth is empty).
	Recall float64
	F1     float64 // harmonic mean of Precision and Recall
	// Granularity is the mean number of found passages that detect a
	// detected true passage (1 is best; 1 if none is detected). A found
	// passage detects a true one of the same pair if they overlap in A and
	// in B.
	Granularity float64
	PlagDet     float64 // F1 / log2(1 + Granularity), PAN's overall score

	TruthPassages int // true passages
	FoundPassages int // found passages
	Detected      int // true passages detected by at least one found passage

	TruthChars   int // characters of the true passages (both sides, once each)
	FoundChars   int // characters of the found passages
	OverlapChars int // characters both true and found

	Boundary BoundaryError        // how far the detected passages' ends are from the true ones
	Kinds    map[string]KindScore // recall for each Kind of true passage
}

// BoundaryError measures how far found passages end from the true ones.
// For each detected true passage, on each side, the span of the found
// passages that detect it (from the first start to the last end) is
// compared with the true span: the distance of the starts and of the
// ends, in characters, are four measured ends.
type BoundaryError struct {
	Ends   int     // ends measured: 4 for each detected true passage
	Mean   float64 // mean distance
	Median int     // median distance
	P90    int     // 90th percentile
	Max    int     // largest distance
	Exact  float64 // share of ends found exactly (distance 0)
	Within float64 // share of ends within BoundarySlack characters
}

// BoundarySlack is the distance within which BoundaryError.Within counts
// an end as found: a detector that drops an end mark or a heading number
// is that close.
const BoundarySlack = 3

// KindScore is the recall for the true passages of one Kind.
type KindScore struct {
	Passages int     // true passages of the kind
	Detected int     // of them, detected
	Chars    int     // their characters (both sides)
	Covered  int     // of those, in found passages of the same pair
	Recall   float64 // Covered / Chars
}

type span struct{ lo, hi int }

// Score compares found passages with the truth. The order of A and B in a
// passage does not matter: each is compared as if A were the smaller ID.
// Passages of zero or negative length are ignored.
func Score(truth, found []Passage) Scores {
	var s Scores
	// Group the passages by pair: pair k's are truth[tAt[k]:tAt[k+1]]
	// and found[fAt[k]:fAt[k+1]] once placed.
	index := make(map[[2]string]int32)
	var tCount, fCount []int32
	key := func(p Passage) (Passage, int32, bool) {
		if p.ALength <= 0 || p.BLength <= 0 {
			return p, 0, false
		}
		if p.A > p.B {
			p.A, p.B = p.B, p.A
			p.AOffset, p.BOffset = p.BOffset, p.AOffset
			p.ALength, p.BLength = p.BLength, p.ALength
		}
		k, ok := index[[2]string{p.A, p.B}]
		if !ok {
			k = int32(len(tCount))
			index[[2]string{p.A, p.B}] = k
			tCount, fCount = append(tCount, 0), append(fCount, 0)
		}
		return p, k, true
	}
	for _, p := range truth {
		if _, k, ok := key(p); ok {
			tCount[k]++
			s.TruthPassages++
		}
	}
	for _, p := range found {
		if _, k, ok := key(p); ok {
			fCount[k]++
			s.FoundPassages++
		}
	}
	place := func(ps []Passage, count []int32, n int) ([]Passage, []int32) {
		at := make([]int32, len(count)+1)
		for k, c := range count {
			at[k+1] = at[k] + c
		}
		out := make([]Passage, n)
		next := slices.Clone(at[:len(count)])
		for _, p := range ps {
			if p, k, ok := key(p); ok {
				out[next[k]] = p
				next[k]++
			}
		}
		return out, at
	}
	ts, tAt := place(truth, tCount, s.TruthPassages)
	fs, fAt := place(found, fCount, s.FoundPassages)
	type scorePair struct{ truth, found []Passage }
	pairs := make([]scorePair, len(tCount))
	for k := range pairs {
		pairs[k] = scorePair{ts[tAt[k]:tAt[k+1]], fs[fAt[k]:fAt[k+1]]}
	}
	s.Kinds = make(map[string]KindScore)
	var ends []int
	detections := 0
	for _, sp := range pairs {
		fa, fb := union(sp.found, sideA), union(sp.found, sideB)
		ta, tb := union(sp.truth, sideA), union(sp.truth, sideB)
		s.TruthChars += length(ta) + length(tb)
		s.FoundChars += length(fa) + length(fb)
		s.OverlapChars += overlap(ta, fa) + overlap(tb, fb)
		kinds := make(map[string][]Passage)
		for _, t := range sp.truth {
			kinds[t.Kind] = append(kinds[t.Kind], t)
		}
		for kind, ts := range kinds {
			ka, kb := union(ts, sideA), union(ts, sideB)
			ks := s.Kinds[kind]
			ks.Passages += len(ts)
			ks.Chars += length(ka) + length(kb)
			ks.Covered += overlap(ka, fa) + overlap(kb, fb)
			s.Kinds[kind] = ks
		}
		for _, t := range sp.truth {
			n := 0
			var a, b span
			for _, f := range sp.found {
				if !intersects(t.AOffset, t.ALength, f.AOffset, f.ALength) || !intersects(t.BOffset, t.BLength, f.BOffset, f.BLength) {
					continue
				}
				if n == 0 {
					a = span{f.AOffset, f.AOffset + f.ALength}
					b = span{f.BOffset, f.BOffset + f.BLength}
				} else {
					a = span{min(a.lo, f.AOffset), max(a.hi, f.AOffset+f.ALength)}
					b = span{min(b.lo, f.BOffset), max(b.hi, f.BOffset+f.BLength)}
				}
				n++
			}
			if n == 0 {
				continue
			}
			s.Detected++
			detections += n
			ks := s.Kinds[t.Kind]
			ks.Detected++
			s.Kinds[t.Kind] = ks
			ends = append(ends,
				abs(a.lo-t.AOffset), abs(a.hi-(t.AOffset+t.ALength)),
				abs(b.lo-t.BOffset), abs(b.hi-(t.BOffset+t.BLength)))
		}
	}
	for kind, ks := range s.Kinds {
		ks.Recall = ratio(ks.Covered, ks.Chars, 1)
		s.Kinds[kind] = ks
	}
	s.Recall = ratio(s.OverlapChars, s.TruthChars, 1)
	s.Precision = ratio(s.OverlapChars, s.FoundChars, 0)
	if s.FoundChars == 0 && s.TruthChars == 0 {
		s.Precision = 1
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	s.Granularity = 1
	if s.Detected > 0 {
		s.Granularity = float64(detections) / float64(s.Detected)
	}
	s.PlagDet = s.F1 / math.Log2(1+s.Granularity)
	s.Boundary = boundaryError(ends)
	return s
}

func boundaryError(ends []int) BoundaryError {
	var b BoundaryError
	b.Ends = len(ends)
	if len(ends) == 0 {
		return b
	}
	slices.Sort(ends)
	sum, exact, within := 0, 0, 0
	for _, e := range ends {
		sum += e
		if e == 0 {
			exact++
		}
		if e <= BoundarySlack {
			within++
		}
	}
	n := float64(len(ends))
	b.Mean = float64(sum) / n
	b.Median = ends[(len(ends)-1)/2]
	b.P90 = ends[int(math.Ceil(0.9*n))-1]
	b.Max = ends[len(ends)-1]
	b.Exact = float64(exact) / n
	b.Within = float64(within) / n
	return b
}

func sideA(p Passage) span { return span{p.AOffset, p.AOffset + p.ALength} }
func sideB(p Passage) span { return span{p.BOffset, p.BOffset + p.BLength} }

// union returns the union of one side of ps as sorted disjoint spans.
func union(ps []Passage, side func(Passage) span) []span {
	ss := make([]span, 0, len(ps))
	for _, p := range ps {
		ss = append(ss, side(p))
	}
	slices.SortFunc(ss, func(x, y span) int { return cmp.Compare(x.lo, y.lo) })
	out := ss[:0]
	for _, s := range ss {
		if n := len(out); n > 0 && s.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, s.hi)
			continue
		}
		out = append(out, s)
	}
	return out
}

func length(ss []span) int {
	n := 0
	for _, s := range ss {
		n += s.hi - s.lo
	}
	return n
}

// overlap returns the characters two sets of sorted disjoint spans share.
func overlap(x, y []span) int {
	n, i, j := 0, 0, 0
	for i < len(x) && j < len(y) {
		lo, hi := max(x[i].lo, y[j].lo), min(x[i].hi, y[j].hi)
		if lo < hi {
			n += hi - lo
		}
		if x[i].hi < y[j].hi {
			i++
		} else {
			j++
		}
	}
	return n
}

func intersects(off1, n1, off2, n2 int) bool {
	return max(off1, off2) < min(off1+n1, off2+n2)
}

func ratio(a, b int, empty float64) float64 {
	if b == 0 {
		return empty
	}
	return float64(a) / float64(b)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
