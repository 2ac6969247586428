package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"zongjie/store"
)

// Ensure sortPostings sorts by hash and keeps the order of the postings
// of one hash, for hashes that differ in any of their 16-bit digits.
func TestSortPostings(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var ps []posting
	for doc := range int32(200) {
		for range 50 {
			h := rng.Uint64()
			switch rng.IntN(4) {
			case 0:
				h &= 0xffff // only the lowest digit
			case 1:
				h &^= 0xffff // only the upper digits
			case 2:
				h = uint64(rng.IntN(40)) << 48 // often equal
			}
			ps = append(ps, posting{h, doc})
		}
	}
	want := slices.Clone(ps)
	slices.SortStableFunc(want, func(a, b posting) int {
		switch {
		case a.hash < b.hash:
			return -1
		case a.hash > b.hash:
			return 1
		}
		return 0
	})
	if got := sortPostings(ps); !slices.Equal(got, want) {
		t.Error("sortPostings differs from a stable sort by hash")
	}
	if got := sortPostings(nil); len(got) != 0 {
		t.Errorf("sortPostings(nil) = %v", got)
	}
}

// Ensure a DeskCache applies what a look read only to the figures it was
// read for: a read from a mark another look has moved the figures on from
// (to a state perhaps newer than this read's) is not applied, and the look
// reads again; one that ends where the figures are already is taken as
// read.
func TestDeskCacheApply(t *testing.T) {
	fig := func(n int) store.Figures {
		return store.Figures{Report: 1, Stamp: "a|-|", Data: json.RawMessage(fmt.Sprintf(`{"errors":%d}`, n))}
	}
	var c DeskCache
	for _, step := range []struct {
		name, from string
		d          store.FiguresDelta
		applied    bool
		mark       string
		errors     int // of report 1, -1: none kept
	}{
		{"first read", "", store.FiguresDelta{Mark: "1", All: true, Figures: []store.Figures{fig(1)}}, true, "1", 1},
		{"a read from the last mark", "1", store.FiguresDelta{Mark: "3", Figures: []store.Figures{fig(3)}}, true, "3", 3},
		{"an older read from the mark before", "1", store.FiguresDelta{Mark: "2", Figures: []store.Figures{fig(2)}}, false, "3", 3},
		{"a read from the mark before, as far", "1", store.FiguresDelta{Mark: "3", Figures: []store.Figures{fig(3)}}, true, "3", 3},
		{"the report deleted", "3", store.FiguresDelta{Mark: "4", Gone: []int64{1}}, true, "4", -1},
		{"every report's again", "4", store.FiguresDelta{Mark: "5", All: true, Figures: []store.Figures{fig(5)}}, true, "5", 5},
	} {
		if got := c.apply(step.from, step.d, parseFigures(step.d.Figures)); got != step.applied {
			t.Errorf("%s: applied %v, want %v", step.name, got, step.applied)
		}
		errs := -1
		if f, ok := c.kept[1]; ok {
			errs = f.figures.Errors
		}
		if c.mark != step.mark || errs != step.errors {
			t.Errorf("%s: mark %q, report 1 with %d errors; want %q, %d", step.name, c.mark, errs, step.mark, step.errors)
		}
	}
}
