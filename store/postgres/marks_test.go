package postgres

import (
	"slices"
	"testing"
)

func TestParseSnapshot(t *testing.T) {
	for _, tt := range []struct {
		text string
		want pgSnapshot
		bad  bool
	}{
		{text: "10:10:", want: pgSnapshot{xmin: 10, xmax: 10}},
		{text: "5:9:7,6", want: pgSnapshot{xmin: 5, xmax: 9, xip: []uint64{6, 7}}},
		{text: "5:9", bad: true},
		{text: "5:x:", bad: true},
		{text: "5:9:6,", bad: true},
		{text: "", bad: true},
	} {
		got, err := parseSnapshot(tt.text)
		if (err != nil) != tt.bad {
			t.Errorf("parseSnapshot(%q): %v", tt.text, err)
			continue
		}
		if !tt.bad && (!got.equal(&tt.want) || got.String() != (&tt.want).String()) {
			t.Errorf("parseSnapshot(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestSnapshotWithin(t *testing.T) {
	snap := func(s string) pgSnapshot {
		t.Helper()
		p, err := parseSnapshot(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		older, newer string
		want         bool
	}{
		{"5:9:6,7", "5:9:6,7", true},
		{"5:9:6,7", "6:12:6,10", true},       // 7 finished, 9–11 begun and 10 running
		{"5:9:6,7", "9:9:", true},            // all finished
		{"5:9:6,7", "8:8:", false},           // 8 finished in the first only
		{"5:9:6,7", "5:9:6", true},           // 7 finished
		{"5:9:6", "5:9:6,7", false},          // 7 running again: older than the first
		{"5:9:6,7", "5:8:6,7", false},        // xmax went back: 8 unknown
		{"8:8:", "5:9:6,7", false},           // 6 and 7 finished, then running
		{"5:9:", "6:10:9", true},             // 9 began after the first
		{"5:10:9", "9:11:9", true},           // 9 still running
		{"5:10:9", "10:11:", true},           // 9 finished
		{"5:10:", "5:11:5", false},           // 5 finished in the first
		{"0:0:", "5:11:5", true},             // the empty database
		{"100:100:", "100:101:100", true},    // 100 began after
		{"100:100:", "99:101:99,100", false}, // 99 finished in the first
	} {
		o, n := snap(tt.older), snap(tt.newer)
		if got := o.within(&n); got != tt.want {
			t.Errorf("%s within %s = %v, want %v", tt.older, tt.newer, got, tt.want)
		}
	}
}

func TestMarks(t *testing.T) {
	var m marks
	got := func(text string) (int64, bool) {
		t.Helper()
		s, err := parseSnapshot(text)
		if err != nil {
			t.Fatal(err)
		}
		return m.mark(s)
	}
	for i, tt := range []struct {
		text  string
		mark  int64
		exact bool
	}{
		{"5:9:6,7", 1, true},
		{"5:9:6,7", 1, true},    // the same
		{"6:10:6", 2, true},     // newer
		{"5:9:6", 1, false},     // older than the last, newer than the first
		{"5:9:6,7", 1, true},    // the first again
		{"4:9:4,6,7", 0, false}, // older than all
		{"6:10:6", 2, true},
		{"11:11:", 3, true},
		{"6:11:6", 2, false},
	} {
		if mark, exact := got(tt.text); mark != tt.mark || exact != tt.exact {
			t.Errorf("%d: mark(%s) = %d, %v; want %d, %v", i, tt.text, mark, exact, tt.mark, tt.exact)
		}
	}
	if m.latest() != 3 {
		t.Errorf("last mark %d, want 3: an older snapshot was given a new mark", m.latest())
	}
	if _, ok := m.snapshot(0); ok {
		t.Error("mark 0 has a snapshot")
	}
	if s, ok := m.snapshot(2); !ok || s.String() != "6:10:6" {
		t.Errorf("snapshot(2) = %v, %v", s, ok)
	}
	cond, args := m.delta("p", 2, []any{"x"})
	if cond != "(p.xact >= $2::text::xid8 OR p.xact = ANY ($3::text[]::xid8[]))" || len(args) != 3 || args[1] != "10" || !slices.Equal(args[2].([]string), []string{"6"}) {
		t.Errorf("delta = %s, %v", cond, args)
	}
	if cond, args := m.delta("p", 0, nil); cond != "true" || len(args) != 0 {
		t.Errorf("delta from 0 = %s, %v", cond, args)
	}
	for range 2 * keptMarks {
		s, _ := m.snapshot(m.latest())
		s.xmax++
		s.xmin = s.xmax
		if _, ok := m.mark(s); !ok {
			t.Fatal("a newer snapshot was not marked")
		}
	}
	if _, ok := m.snapshot(2); ok {
		t.Errorf("mark 2 is kept after %d more", 2*keptMarks)
	}
	if len(m.snaps) != keptMarks {
		t.Errorf("%d snapshots kept, want %d", len(m.snaps), keptMarks)
	}
	// Mark 2 and those after it no longer kept read from the checkpoint
	// before them, or from the start.
	if _, ok := m.base(2); ok {
		t.Error("mark 2 has a base: it is before the first checkpoint")
	}
	cp := m.checkpoints[checkpointMarks]
	if cp.xmax == 0 {
		t.Fatal("no checkpoint kept")
	}
	if b, ok := m.base(checkpointMarks + 3); !ok || !b.equal(&cp) {
		t.Errorf("base of mark %d = %v, %v; want the checkpoint %v", checkpointMarks+3, b, ok, cp)
	}
	if last := m.latest(); true {
		s, _ := m.snapshot(last)
		if b, ok := m.base(last); !ok || !b.equal(&s) {
			t.Errorf("base of the last mark = %v, %v; want its own %v", b, ok, s)
		}
	}
}
