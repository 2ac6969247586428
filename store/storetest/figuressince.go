package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"zongjie/store"
)

// figuresKeeper keeps the figures of a store as a cache of one process
// would: read whole once, then what FiguresSince gives since its mark.
type figuresKeeper struct {
	mark string
	kept map[int64]store.Figures
}

// update reads what changed since the keeper's mark and applies it; it
// returns what FiguresSince gave.
func (k *figuresKeeper) update(t *testing.T, fr store.FiguresReader) store.FiguresDelta {
	t.Helper()
	d, err := fr.FiguresSince(context.Background(), k.mark)
	if err != nil {
		t.Fatalf("FiguresSince(%q): %v", k.mark, err)
	}
	if d.Mark == "" {
		t.Fatalf("FiguresSince(%q) gave no mark", k.mark)
	}
	if d.All {
		if len(d.Gone) != 0 {
			t.Errorf("FiguresSince(%q): every report's figures, and %d gone", k.mark, len(d.Gone))
		}
		k.kept = map[int64]store.Figures{}
	}
	for _, f := range d.Figures {
		k.kept[f.Report] = f
	}
	for _, id := range d.Gone {
		delete(k.kept, id)
	}
	k.mark = d.Mark
	return d
}

// FiguresSince checks store.FiguresReader on s, written through s and
// through other, a second handle on the same database (another process):
// after every step of a random sequence of writes (reports added, new
// versions, figures stored, moves to another unit, to and from the trash,
// deletions, a report brought back from the trash by a Put of its text),
// figures kept by reading what changed since the last read equal Figures
// read afresh; so do those of a keeper reading every few steps and of one
// reading only at the end. A read gives only the reports whose figures a
// write changed since its mark: nothing after a step that changed none.
func FiguresSince(t *testing.T, s, other store.Store) {
	ctx := context.Background()
	fr, ok := s.(store.FiguresReader)
	if !ok {
		t.Fatalf("%T is not a store.FiguresReader", s)
	}
	var (
		every, some, end figuresKeeper
		live, trashed    []int64
		texts            = map[int64]*store.Report{}
		touched          = map[int64]bool{} // since every's last read
		n                int
	)
	if d := every.update(t, fr); !d.All || len(d.Figures) != 0 {
		t.Fatalf("FiguresSince of an empty store: all %v, %d figures", d.All, len(d.Figures))
	}
	some.update(t, fr)
	end.update(t, fr)
	u := &store.Unit{Name: "青禾街道"}
	if err := s.CreateUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	fresh := func() map[int64]store.Figures {
		fs, err := s.Figures(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[int64]store.Figures{}
		for _, f := range fs {
			out[f.Report] = f
		}
		return out
	}
	same := func(step string, k *figuresKeeper) {
		t.Helper()
		want := fresh()
		if !maps.EqualFunc(k.kept, want, func(a, b store.Figures) bool {
			return a.Report == b.Report && a.Stamp == b.Stamp && string(a.Data) == string(b.Data)
		}) {
			t.Fatalf("%s: kept figures differ from Figures:\n%v\nwant\n%v", step, k.kept, want)
		}
	}
	pick := func(rng *rand.Rand, ids []int64) (int64, []int64) {
		i := rng.IntN(len(ids))
		id := ids[i]
		return id, slices.Delete(ids, i, i+1)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	for step := range 300 {
		w := s
		if rng.IntN(2) == 0 {
			w = other
		}
		var what string
		switch op := rng.IntN(8); {
		case op == 0 || len(live) < 3:
			n++
			r := syntheticReport(fmt.Sprintf("since-%d", n))
			id := put(t, w, r)
			live, texts[id] = append(live, id), r
			what = fmt.Sprintf("report %d added", id)
		case op == 1:
			// Figures of a few reports, live, in the trash or deleted.
			var fs []store.Figures
			for range 1 + rng.IntN(3) {
				id := live[rng.IntN(len(live))]
				if len(trashed) > 0 && rng.IntN(3) == 0 {
					id = trashed[rng.IntN(len(trashed))]
				}
				if rng.IntN(8) == 0 {
					id = 1 << 40 // no such report
				}
				fs = append(fs, store.Figures{Report: id, Stamp: fmt.Sprintf("s%d", step), Data: json.RawMessage(fmt.Sprintf(`{"step":%d}`, step))})
				touched[id] = true
			}
			if err := w.PutFigures(ctx, fs); err != nil {
				t.Fatal(err)
			}
			what = fmt.Sprintf("figures of %d reports stored", len(fs))
		case op == 2:
			id := live[rng.IntN(len(live))]
			r := *texts[id]
			r.ID, r.Text, r.FileHash = id, r.Text+"补充。", fmt.Sprintf("%s-v%d", r.FileHash, step)
			if _, added, err := w.Put(ctx, &r); err != nil || !added {
				t.Fatalf("a new version of %d: %v %v", id, added, err)
			}
			texts[id] = &r
			what = fmt.Sprintf("a new version of %d", id)
		case op == 3:
			id := live[rng.IntN(len(live))]
			if err := w.Assign(ctx, []int64{id}, u.ID); err != nil {
				t.Fatal(err)
			}
			what = fmt.Sprintf("report %d moved", id)
		case op == 4:
			var id int64
			id, live = pick(rng, live)
			if err := w.Trash(ctx, id); err != nil {
				t.Fatal(err)
			}
			trashed, touched[id] = append(trashed, id), true
			what = fmt.Sprintf("report %d trashed", id)
		case op == 5 && len(trashed) > 0:
			var id int64
			id, trashed = pick(rng, trashed)
			if rng.IntN(2) == 0 {
				if err := w.Untrash(ctx, id); err != nil {
					t.Fatal(err)
				}
			} else {
				r := *texts[id]
				r.ID = 0
				if got, added, err := w.Put(ctx, &r); err != nil || !added || got != id {
					t.Fatalf("Put of the text of %d in the trash: %d %v %v", id, got, added, err)
				}
			}
			live, touched[id] = append(live, id), true
			what = fmt.Sprintf("report %d restored", id)
		case op == 6:
			var id int64
			if len(trashed) > 0 && rng.IntN(2) == 0 {
				id, trashed = pick(rng, trashed)
			} else {
				// Live, with figures: they go with it.
				id, live = pick(rng, live)
				if err := w.PutFigures(ctx, []store.Figures{{Report: id, Stamp: "last", Data: json.RawMessage(`{}`)}}); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Delete(ctx, id); err != nil {
				t.Fatal(err)
			}
			touched[id] = true
			what = fmt.Sprintf("report %d deleted", id)
		default:
			what = "nothing"
		}
		what = fmt.Sprintf("step %d (%s)", step, what)
		d := every.update(t, fr)
		if d.All {
			t.Errorf("%s: every report's figures read again", what)
		}
		for _, f := range d.Figures {
			if !touched[f.Report] {
				t.Errorf("%s: figures of %d read, which did not change", what, f.Report)
			}
		}
		for _, id := range d.Gone {
			if !touched[id] {
				t.Errorf("%s: %d gone, which did not change", what, id)
			}
		}
		clear(touched)
		same(what, &every)
		if step%3 == 0 {
			some.update(t, fr)
			same(what+", read three steps later", &some)
		}
	}
	end.update(t, fr)
	same("at the end, read once", &end)
	d := every.update(t, fr)
	if d.All || len(d.Figures)+len(d.Gone) != 0 {
		t.Errorf("a read after no change: all %v, %d figures, %d gone", d.All, len(d.Figures), len(d.Gone))
	}
}
