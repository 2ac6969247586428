package app

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"

	"zongjie/store"
	"zongjie/store/sqlite"
	"zongjie/store/storetest"
)

// readCounter is a store whose versions are counted as they are read,
// and which can be swapped for another under a running App (a database
// restored from a backup).
type readCounter struct {
	store.Store
	reads atomic.Int64
}

func (c *readCounter) GetVersion(ctx context.Context, id int64, version int) (*store.Report, error) {
	c.reads.Add(1)
	return c.Store.GetVersion(ctx, id, version)
}

// Ensure a version shown again is not read from the store, extracted and
// checked again (its analysis is kept), and that a kept analysis is not
// shown for another report under the same ID and version number: a
// database replaced by one where report 1 is another text.
func TestReportKeepsAnalysis(t *testing.T) {
	ctx := context.Background()
	open := func(name string, r *store.Report) store.Store {
		st, err := sqlite.Open(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, _, err := st.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
		return st
	}
	first, second := storetest.Synthetic(1), storetest.Synthetic(2)
	st := &readCounter{Store: open("a.db", first)}
	a := New(Options{Open: func(context.Context) (store.Store, error) { return st, nil }})
	show := func() *Report {
		t.Helper()
		r, err := a.Report(ctx, 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r1 := show()
	if r2 := show(); st.reads.Load() != 1 || r2.Text != r1.Text || len(r2.Findings) != len(r1.Findings) {
		t.Errorf("shown twice: the version read %d times (want 1), the same text %v, findings %d and %d",
			st.reads.Load(), r2.Text == r1.Text, len(r1.Findings), len(r2.Findings))
	}
	if r1.Text != first.Text {
		t.Fatalf("report 1 shows another text")
	}
	st.Store = open("b.db", second) // report 1 is now another text
	if r := show(); r.Text != second.Text || st.reads.Load() != 2 {
		t.Errorf("after the database changed: the text of the report before it %v, the version read %d times (want 2)",
			r.Text == first.Text, st.reads.Load())
	}
}
