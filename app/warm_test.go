package app_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/sqlite"
)

// figureCounter counts the figures the desk stores.
type figureCounter struct {
	store.Store
	rows *atomic.Int64
}

func (c figureCounter) PutFigures(ctx context.Context, fs []store.Figures) error {
	c.rows.Add(int64(len(fs)))
	return c.Store.PutFigures(ctx, fs)
}

// Ensure a server's app computes the desk's figures in the background
// after changes, so that a look at the desk computes nothing; and that
// without WarmDesk nothing is computed until a look.
func TestWarmDesk(t *testing.T) {
	for _, warm := range []bool{true, false} {
		ctx := context.Background()
		db := filepath.Join(t.TempDir(), "z.db")
		var rows atomic.Int64
		warmed := make(chan struct{}, 16)
		o := app.Options{
			Open: func(context.Context) (store.Store, error) {
				st, err := sqlite.Open(db)
				if err != nil {
					return nil, err
				}
				return figureCounter{Store: st, rows: &rows}, nil
			},
			WarmDesk: warm,
		}
		a := app.New(app.WithWarmed(o, func() { warmed <- struct{}{} }))
		wait := func(what string) {
			t.Helper()
			select {
			case <-warmed:
			case <-time.After(2 * time.Minute): // a guard against hanging, not a speed test
				t.Fatalf("%s: the figures were never computed in the background", what)
			}
		}
		stats, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples()})
		if err != nil || stats.Added == 0 {
			t.Fatalf("Add: %+v, %v", stats, err)
		}
		if warm {
			// Opening the store pokes the warmer, and so does the add:
			// the two may make one computation or two.
			wait("after the add")
			for len(warmed) > 0 {
				<-warmed
			}
		}
		computed := rows.Load()
		if warm && computed < int64(stats.Added) {
			t.Errorf("warm: %d figures stored in the background, want at least %d", computed, stats.Added)
		}
		if !warm && computed != 0 {
			t.Errorf("not warm: %d figures stored before a look", computed)
		}
		look, err := a.Desk(ctx, app.DeskQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if look.Computing != 0 {
			t.Errorf("warm %v: %d reports' figures still computing after the computation", warm, look.Computing)
		}
		if d := rows.Load() - computed; warm && d != 0 {
			t.Errorf("warm: the look stored %d figures; they should all have been stored already", d)
		} else if !warm && d < int64(stats.Added) {
			t.Errorf("not warm: the look stored %d figures, want %d", d, stats.Added)
		}
		if warm {
			// A change (a report to the trash) is computed again.
			list, err := a.List(ctx, store.Filter{})
			if err != nil || len(list.Reports) == 0 {
				t.Fatal(list, err)
			}
			before := rows.Load()
			if err := a.Remove(ctx, list.Reports[0].ID); err != nil {
				t.Fatal(err)
			}
			wait("after a removal")
			if rows.Load() == before {
				t.Error("warm: nothing computed again after a report went to the trash")
			}
		}
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// Ensure Close stops a warmer that has work pending without waiting for
// it, and a backup still finds the SQLite store behind the warmer's
// wrapper.
func TestWarmDeskCloseAndBackup(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "z.db")
	a := app.New(app.Options{Open: func(context.Context) (store.Store, error) { return sqlite.Open(db) }, WarmDesk: true})
	if _, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples()}); err != nil {
		t.Fatal(err)
	}
	if err := a.Backup(ctx, filepath.Join(t.TempDir(), "backup.db")); err != nil {
		t.Errorf("backup through the warmer's store: %v", err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
}

// readOnlyFigures is a store whose figures cannot be written (a database
// gone read-only after the reports were stored).
type readOnlyFigures struct{ store.Store }

func (readOnlyFigures) PutFigures(context.Context, []store.Figures) error {
	return fmt.Errorf("put figures: %w", store.ErrReadOnly)
}

// Ensure a server whose database cannot keep the figures still shows
// them: the background computation kept nothing, so the looks compute
// them again, as without it, instead of saying 计算中 for ever.
func TestWarmDeskReadOnly(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "z.db")
	warmed := make(chan struct{}, 16)
	o := app.Options{
		Open: func(context.Context) (store.Store, error) {
			st, err := sqlite.Open(db)
			return readOnlyFigures{st}, err
		},
		WarmDesk: true,
	}
	a := app.New(app.WithWarmed(o, func() { warmed <- struct{}{} }))
	defer a.Close()
	if stats, err := a.Add(ctx, app.AddRequest{Inputs: app.Examples()}); err != nil || stats.Added == 0 {
		t.Fatalf("Add: %+v, %v", stats, err)
	}
	select {
	case <-warmed:
	case <-time.After(2 * time.Minute): // a guard against hanging, not a speed test
		t.Fatal("the figures were never computed in the background")
	}
	d, err := a.Desk(ctx, app.DeskQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Computing != 0 || d.Reports == 0 {
		t.Errorf("%d of %d reports shown as computing on a database that cannot keep the figures", d.Computing, d.Reports)
	}
}

// Ensure a store that never stays quiet long enough still gets its
// figures computed: while a report is added every 100 ms (each a change
// that restarts the quiet time, here 2 s), the computation comes after
// the longest wait (here 300 ms) instead of when the stream stops.
func TestWarmDeskStream(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "z.db")
	warmed := make(chan struct{}, 64)
	o := app.Options{
		Open:     func(context.Context) (store.Store, error) { return sqlite.Open(db) },
		WarmDesk: true,
	}
	a := app.New(app.WithWarmTimes(app.WithWarmed(o, func() { warmed <- struct{}{} }), 2*time.Second, 300*time.Millisecond))
	defer a.Close()
	first := app.Examples()[0]
	guard := time.After(2 * time.Minute) // a guard against hanging, not a speed test
	for i := 0; ; i++ {
		// Drain the computations of the open and of the adds before the
		// first one of the stream.
		if i == 1 {
			for len(warmed) > 0 {
				<-warmed
			}
		}
		in := app.Input{Name: fmt.Sprintf("stream-%d.txt", i), Data: fmt.Appendf(append([]byte(nil), first.Data...), "\n第%d次补充说明。\n", i)}
		if stats, err := a.Add(ctx, app.AddRequest{Inputs: []app.Input{in}}); err != nil || stats.Added != 1 {
			t.Fatalf("Add %d: %+v, %v", i, stats, err)
		}
		select {
		case <-warmed:
			if i >= 3 {
				t.Logf("computed while the stream went on, after %d adds", i)
				return
			}
		case <-guard:
			t.Fatalf("%d adds 100 ms apart and the figures never computed: the warmer waits for a quiet store", i)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
