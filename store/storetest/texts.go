package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"zongjie/store"
)

// testTexts reads texts of current versions, of a report with a new
// version, with IDs unknown, in the trash, deleted and given twice: Texts
// gives what Get gives of the current versions asked for (summary and
// text, nothing else), each once, in the order asked.
func testTexts(t *testing.T, s store.Store) {
	ctx := context.Background()
	rs := putCorpus(t, s)
	full := fullReport()
	put(t, s, full)

	// A new version of rs[1] with another text.
	v2 := corpus[1].build()
	v2.ID = rs[1].ID
	v2.FileHash += "-edited"
	v2.Text = "柳河乡2023年工作总结（修订）\n粮食生产稳定。\n"
	v2.Chars = len([]rune(v2.Text))
	v2.Added = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	if _, added, err := s.Put(ctx, v2); err != nil || !added || v2.Version != 2 {
		t.Fatalf("Put version 2 = %v, %v (Version %d)", added, err, v2.Version)
	}
	trashed, deleted := rs[2], rs[3]
	if err := s.Trash(ctx, trashed.ID); err != nil {
		t.Fatalf("Trash: %v", err)
	}
	if err := s.Delete(ctx, deleted.ID); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	for _, tt := range []struct {
		name string
		ids  []int64
		want []*store.Report
	}{
		{"none", nil, nil},
		{"one", []int64{full.ID}, []*store.Report{full}},
		{"in the order asked", []int64{rs[4].ID, rs[0].ID, full.ID}, []*store.Report{rs[4], rs[0], full}},
		{"current version", []int64{rs[1].ID}, []*store.Report{v2}},
		{"left out", []int64{1 << 40, trashed.ID, rs[0].ID, deleted.ID, -1, 0}, []*store.Report{rs[0]}},
		{"twice", []int64{rs[0].ID, full.ID, rs[0].ID}, []*store.Report{rs[0], full}},
		{"only unknown", []int64{1 << 40, trashed.ID}, nil},
	} {
		want := tt.want
		got, err := s.Texts(ctx, tt.ids)
		if err != nil {
			t.Errorf("%s: Texts(%v): %v", tt.name, tt.ids, err)
			continue
		}
		if len(got) != len(want) {
			t.Errorf("%s: Texts(%v) gave %d reports, want %d", tt.name, tt.ids, len(got), len(want))
			continue
		}
		for i, g := range got {
			w := want[i]
			checkSummary(t, tt.name, g.Summary(), w)
			if g.Text != w.Text {
				t.Errorf("%s: report %d: Text = %q, want %q", tt.name, g.ID, g.Text, w.Text)
			}
			if g.Data != nil || g.Findings != nil || g.Fingerprints != nil || g.Paragraphs != nil {
				t.Errorf("%s: report %d: Texts gave data, findings, fingerprints or paragraphs: %s %s %v %v",
					tt.name, g.ID, g.Data, g.Findings, g.Fingerprints, g.Paragraphs)
			}
			// The same as Get's.
			whole, err := s.Get(ctx, g.ID)
			if err != nil {
				t.Errorf("%s: Get %d: %v", tt.name, g.ID, err)
				continue
			}
			if !equalSummary(g.Summary(), whole.Summary()) || g.Text != whole.Text {
				t.Errorf("%s: report %d: Texts and Get differ:\n%+v\n%+v", tt.name, g.ID, g.Summary(), whole.Summary())
			}
		}
	}
	// Many at once.
	var ids []int64
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	slices.Reverse(ids)
	got, err := s.Texts(ctx, ids)
	if err != nil || len(got) != len(rs)-2 {
		t.Fatalf("Texts of all = %d reports, %v; want %d", len(got), err, len(rs)-2)
	}
	for i := 1; i < len(got); i++ {
		if got[i].ID > got[i-1].ID {
			t.Errorf("Texts of all, IDs descending: %d after %d", got[i].ID, got[i-1].ID)
		}
	}
}
