package app

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"zongjie/corpus"
	"zongjie/store"
)

// The desk's figures, computed in the background (Options.WarmDesk).
//
// A look at the reviewer's desk reads each report's figures from the
// store and computes those that a change made stale (corpus.Desk): after
// a batch of uploads, or on a store filled by `zongjie add`, the first
// look would compute them all while the reviewer waits (about 15 s for
// 1,000 reports on the development VM). A server computes them instead
// when it starts and shortly after each change, so that the look finds
// them stored.

// warmQuiet is how long the store must have had no change before the
// figures are computed: a batch of uploads is computed once, after it.
// warmMax bounds the wait after the first change of a run: a server
// whose store never stays quiet for warmQuiet (uploads or looks at a
// desk with reports still computing, several a second) computes the
// figures at least that often, instead of showing 数字计算中 for as
// long as the stream lasts.
// Under such a stream each computation waits warmShare times as long
// as the last one took, if that is longer: on a large store, where a
// computation takes seconds, the background work stays within about a
// sixth of the time instead of running back to back.
const (
	warmQuiet = time.Second
	warmMax   = 10 * time.Second
	warmShare = 5
)

// warmWait is the longest wait after the first change of a run: most,
// or warmShare times the last computation's duration when that is
// longer.
func warmWait(most, last time.Duration) time.Duration {
	return max(most, warmShare*last)
}

// warmer runs corpus.Desk on the whole store after changes.
type warmer struct {
	poke   chan struct{} // a change happened (buffered: one is enough)
	cancel context.CancelFunc
	done   sync.WaitGroup
	// failed says the last computation failed (a database that cannot
	// be written, store.Fault): looks compute the figures themselves
	// again, as without a warmer, rather than wait for it.
	failed atomic.Bool
}

// startWarmer starts the background computation over st, the store
// itself (not a user's view: the figures are the same for every user).
func (a *App) startWarmer(st store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	w := &warmer{poke: make(chan struct{}, 1), cancel: cancel}
	a.warm = w
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		var took time.Duration // the last computation's
		for {
			select {
			case <-ctx.Done():
				return
			case <-w.poke:
			}
			// Wait until no change came for warmQuiet, or warmMax since
			// the first.
			quietFor, most := a.warmTimes()
			t, limit := time.NewTimer(quietFor), time.NewTimer(warmWait(most, took))
		quiet:
			for {
				select {
				case <-ctx.Done():
					t.Stop()
					limit.Stop()
					return
				case <-w.poke:
					t.Reset(quietFor)
				case <-t.C:
					break quiet
				case <-limit.C:
					break quiet
				}
			}
			t.Stop()
			limit.Stop()
			a.deskMu.Lock()
			// An error (a store failing, the server stopping) leaves the
			// figures as they were; while it lasts, looks compute what
			// they show (failed), and the next change tries again.
			fw := &faultWatch{Store: st}
			start := time.Now()
			_, err := corpus.Desk(ctx, fw)
			took = time.Since(start)
			a.deskMu.Unlock()
			w.failed.Store((err != nil || fw.faulted.Load()) && ctx.Err() == nil)
			if a.opts.warmed != nil {
				a.opts.warmed()
			}
		}
	}()
	w.changed()
}

// warmTimes returns warmQuiet and warmMax, or the times a test set.
func (a *App) warmTimes() (quiet, most time.Duration) {
	quiet, most = warmQuiet, warmMax
	if a.opts.warmQuiet > 0 {
		quiet, most = a.opts.warmQuiet, a.opts.warmMax
	}
	return quiet, most
}

// warmer returns the background computation of the desk's figures, nil
// when there is none (no Options.WarmDesk, or the store is not open).
func (a *App) warmer() *warmer {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.warm
}

// changed tells the warmer that the store changed.
func (w *warmer) changed() {
	select {
	case w.poke <- struct{}{}:
	default:
	}
}

// stop stops the warmer and waits for it: a computation in progress is
// cut short (what it stored stays, see corpus.Desk).
func (w *warmer) stop() {
	w.cancel()
	w.done.Wait()
}

// notifying is the store with every change of what the desk shows told
// to the warmer. Figures (what the warmer writes) are no such change.
type notifying struct {
	store.Store
	w *warmer
}

func (n notifying) Put(ctx context.Context, r *store.Report) (int64, bool, error) {
	defer n.w.changed()
	return n.Store.Put(ctx, r)
}

func (n notifying) PutBatch(ctx context.Context, rs []*store.Report) ([]int64, []bool, error) {
	defer n.w.changed()
	return n.Store.PutBatch(ctx, rs)
}

func (n notifying) Delete(ctx context.Context, id int64) error {
	defer n.w.changed()
	return n.Store.Delete(ctx, id)
}

func (n notifying) Assign(ctx context.Context, ids []int64, unit int64) error {
	defer n.w.changed()
	return n.Store.Assign(ctx, ids, unit)
}

func (n notifying) Trash(ctx context.Context, id int64) error {
	defer n.w.changed()
	return n.Store.Trash(ctx, id)
}

func (n notifying) Untrash(ctx context.Context, id int64) error {
	defer n.w.changed()
	return n.Store.Untrash(ctx, id)
}

func (n notifying) PurgeTrash(ctx context.Context, before time.Time) ([]int64, error) {
	defer n.w.changed()
	return n.Store.PurgeTrash(ctx, before)
}

// faultWatch is the store with a failure to store figures noted: the
// desk keeps going when the database cannot be written (corpus.Desk
// computes and shows the figures without keeping them), but then the
// warmer has computed nothing a look can read.
type faultWatch struct {
	store.Store
	faulted atomic.Bool
}

func (f *faultWatch) PutFigures(ctx context.Context, fs []store.Figures) error {
	err := f.Store.PutFigures(ctx, fs)
	if err != nil {
		f.faulted.Store(true)
	}
	return err
}

// unwrap returns the store the App's wrappers (notifying, keptAccounts)
// wrap, for the interfaces only some stores have (backuper).
func unwrap(st store.Store) store.Store {
	if n, ok := st.(notifying); ok {
		st = n.Store
	}
	if k, ok := st.(*keptAccounts); ok {
		st = k.Store
	}
	return st
}
