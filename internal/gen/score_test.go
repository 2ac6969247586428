package gen_test

import (
	"math"
	"testing"

	"zongjie/internal/gen"
)

func near(x, y float64) bool { return math.Abs(x-y) < 1e-9 }

// truth: two passages of 100 characters each side in one pair, one of 50
// in another.
var scoreTruth = []gen.Passage{
	{A: "a", B: "b", AOffset: 0, ALength: 100, BOffset: 1000, BLength: 100, Kind: gen.KindYearOnYear},
	{A: "a", B: "b", AOffset: 500, ALength: 100, BOffset: 2000, BLength: 100, Kind: gen.KindYearOnYear},
	{A: "a", B: "c", AOffset: 300, ALength: 50, BOffset: 0, BLength: 50, Kind: gen.KindSplice},
}

func TestScorePerfect(t *testing.T) {
	s := gen.Score(scoreTruth, scoreTruth)
	if !near(s.Precision, 1) || !near(s.Recall, 1) || !near(s.F1, 1) || !near(s.Granularity, 1) || !near(s.PlagDet, 1) {
		t.Errorf("perfect: %+v", s)
	}
	if s.TruthChars != 500 || s.FoundChars != 500 || s.OverlapChars != 500 || s.Detected != 3 {
		t.Errorf("perfect counts: %+v", s)
	}
	if b := s.Boundary; b.Ends != 12 || b.Mean != 0 || b.Max != 0 || b.Exact != 1 || b.Within != 1 {
		t.Errorf("perfect boundary: %+v", b)
	}
	if k := s.Kinds[gen.KindSplice]; k.Passages != 1 || k.Detected != 1 || !near(k.Recall, 1) {
		t.Errorf("perfect, splice: %+v", k)
	}
}

func TestScoreHalf(t *testing.T) {
	// The first half of each true passage, on both sides.
	var found []gen.Passage
	for _, p := range scoreTruth {
		p.ALength /= 2
		p.BLength /= 2
		p.Kind = ""
		found = append(found, p)
	}
	s := gen.Score(scoreTruth, found)
	if !near(s.Precision, 1) || !near(s.Recall, 0.5) || !near(s.Granularity, 1) {
		t.Errorf("half: %+v", s)
	}
	if !near(s.F1, 2.0/3) {
		t.Errorf("half: F1 %v", s.F1)
	}
	// Each true passage: starts exact, ends short by half its length.
	if b := s.Boundary; b.Ends != 12 || !near(b.Mean, (4*0+4*50+2*25)/12.0) || b.Max != 50 || !near(b.Exact, 0.5) {
		t.Errorf("half boundary: %+v", b)
	}
}

func TestScoreDisjoint(t *testing.T) {
	found := []gen.Passage{
		{A: "a", B: "b", AOffset: 200, ALength: 100, BOffset: 1200, BLength: 100},
		// The right text, the wrong pair.
		{A: "a", B: "d", AOffset: 0, ALength: 100, BOffset: 1000, BLength: 100},
	}
	s := gen.Score(scoreTruth, found)
	if s.Precision != 0 || s.Recall != 0 || s.F1 != 0 || s.Detected != 0 || s.Granularity != 1 {
		t.Errorf("disjoint: %+v", s)
	}
	if s.Boundary.Ends != 0 {
		t.Errorf("disjoint boundary: %+v", s.Boundary)
	}
}

func TestScoreShifted(t *testing.T) {
	// Every found passage starts 3 characters late and ends 5 late in A;
	// B is exact.
	var found []gen.Passage
	for _, p := range scoreTruth {
		p.AOffset += 3
		p.ALength += 2
		found = append(found, p)
	}
	s := gen.Score(scoreTruth, found)
	// Found 100+100+52+... : A side 102,102,52 = 256, of which true 97,97,47 = 241;
	// B side exact 250.
	wantP := float64(241+250) / float64(256+250)
	wantR := float64(241+250) / 500
	if !near(s.Precision, wantP) || !near(s.Recall, wantR) {
		t.Errorf("shifted: precision %v (want %v), recall %v (want %v)", s.Precision, wantP, s.Recall, wantR)
	}
	if b := s.Boundary; b.Ends != 12 || !near(b.Mean, (3+5)*3/12.0) || b.Median != 0 || b.Max != 5 || b.P90 != 5 || !near(b.Within, 9.0/12) {
		t.Errorf("shifted boundary: %+v", b)
	}
}

func TestScoreSplitAndSwapped(t *testing.T) {
	// The first true passage found in two pieces, given as (b, a); the
	// others not at all.
	found := []gen.Passage{
		{A: "b", B: "a", AOffset: 1000, ALength: 60, BOffset: 0, BLength: 60},
		{A: "b", B: "a", AOffset: 1060, ALength: 40, BOffset: 60, BLength: 40},
	}
	s := gen.Score(scoreTruth, found)
	if !near(s.Precision, 1) || !near(s.Recall, 200.0/500) || s.Detected != 1 || !near(s.Granularity, 2) {
		t.Errorf("split: %+v", s)
	}
	if !near(s.PlagDet, s.F1/math.Log2(3)) {
		t.Errorf("split: plagdet %v, F1 %v", s.PlagDet, s.F1)
	}
	if b := s.Boundary; b.Ends != 4 || b.Max != 0 {
		t.Errorf("split boundary: %+v", b)
	}
	if k := s.Kinds[gen.KindYearOnYear]; k.Passages != 2 || k.Detected != 1 || !near(k.Recall, 0.5) {
		t.Errorf("split, yoy: %+v", k)
	}
}

func TestScoreOverlapCountedOnce(t *testing.T) {
	// The same passage found twice: its characters count once.
	found := []gen.Passage{scoreTruth[0], scoreTruth[0]}
	s := gen.Score(scoreTruth, found)
	if !near(s.Precision, 1) || s.FoundChars != 200 || !near(s.Granularity, 2) {
		t.Errorf("overlap: %+v", s)
	}
}

func TestScoreEmpty(t *testing.T) {
	s := gen.Score(nil, nil)
	if s.Precision != 1 || s.Recall != 1 || s.F1 != 1 {
		t.Errorf("empty: %+v", s)
	}
	s = gen.Score(scoreTruth, nil)
	if s.Precision != 0 || s.Recall != 0 {
		t.Errorf("nothing found: %+v", s)
	}
	s = gen.Score(nil, scoreTruth)
	if s.Precision != 0 || s.Recall != 1 {
		t.Errorf("nothing true: %+v", s)
	}
	s = gen.Score(scoreTruth, []gen.Passage{{A: "a", B: "b", AOffset: 5, ALength: 0, BOffset: 5, BLength: 10}})
	if s.FoundPassages != 0 {
		t.Errorf("empty passage counted: %+v", s)
	}
}

// TestScoreCorpus scores the truth of a generated corpus against itself
// and against a coarsened copy.
func TestScoreCorpus(t *testing.T) {
	c := testCorpus(t)
	s := gen.Score(c.Truth, c.Truth)
	if !near(s.Precision, 1) || !near(s.Recall, 1) || !near(s.Granularity, 1) || s.Boundary.Max != 0 {
		t.Errorf("truth against itself: %+v", s)
	}
	// A detector that misses the last 10 characters of each passage.
	var found []gen.Passage
	for _, p := range c.Truth {
		p.ALength = max(p.ALength-10, 1)
		p.BLength = max(p.BLength-10, 1)
		found = append(found, p)
	}
	s = gen.Score(c.Truth, found)
	if s.Precision < 0.999 || s.Recall > 0.99 || s.Recall < 0.9 || s.Boundary.Median != 0 || s.Boundary.Max < 9 {
		t.Errorf("short by 10: %+v", s)
	}
}
