package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// freshReader is a store of one report whose figures count the writes:
// a read sees the count when it begins and takes a while.
type freshReader struct {
	writes, reads atomic.Int64
}

func (f *freshReader) FiguresSince(_ context.Context, mark string) (store.FiguresDelta, error) {
	f.reads.Add(1)
	n := f.writes.Load()
	for range 20 {
		runtime.Gosched()
	}
	d := store.FiguresDelta{Mark: strconv.FormatInt(n, 10), All: mark == ""}
	if prev, err := strconv.ParseInt(mark, 10, 64); err != nil || prev != n {
		d.Figures = []store.Figures{{Report: 1, Stamp: "a|-|", Data: json.RawMessage(fmt.Sprintf(`{"errors":%d}`, n))}}
	}
	return d, nil
}

// Ensure a look at a DeskCache sees every write made before it came,
// however many looks read at once (a look takes another's read only when
// it began after the look came), and that looks at once share reads.
func TestDeskCacheFresh(t *testing.T) {
	var (
		c  DeskCache
		fr freshReader
		wg sync.WaitGroup
	)
	const looks = 8 * 200
	for range 8 {
		wg.Go(func() {
			for range looks / 8 {
				want := fr.writes.Add(1) // written, then looked at
				if err := c.update(context.Background(), &fr); err != nil {
					t.Error(err)
					return
				}
				c.mu.RLock()
				got := c.kept[1].figures.Errors
				c.mu.RUnlock()
				if int64(got) < want {
					t.Errorf("a look after write %d sees the figures of write %d", want, got)
					return
				}
			}
		})
	}
	wg.Wait()
	t.Logf("%d looks, %d reads", looks, fr.reads.Load())
	if fr.reads.Load() > looks {
		t.Errorf("%d looks read %d times", looks, fr.reads.Load())
	}

	// Looks that come while a read is under way share the next one: held
	// in its read, the first look lets seven others come; then they read
	// once for them all (a third read only for a look that came as the
	// second began). Without sharing they would read eight times.
	var (
		c2      DeskCache
		gr      gatedReader
		arrived atomic.Int64
	)
	gr.entered, gr.release = make(chan struct{}), make(chan struct{})
	wg.Go(func() {
		if err := c2.update(context.Background(), &gr); err != nil {
			t.Error(err)
		}
	})
	<-gr.entered
	for range 7 {
		wg.Go(func() {
			arrived.Add(1)
			if err := c2.update(context.Background(), &gr); err != nil {
				t.Error(err)
			}
		})
	}
	for arrived.Load() < 7 {
		runtime.Gosched()
	}
	time.Sleep(20 * time.Millisecond) // past their first lines, waiting for the read
	close(gr.release)
	wg.Wait()
	if n := gr.reads.Load(); n > 3 {
		t.Errorf("8 looks, 7 of them during a read, read %d times; want 2 (3 at most)", n)
	}
}

// gatedReader holds its first read until release: the looks that come
// meanwhile wait for it.
type gatedReader struct {
	reads            atomic.Int64
	entered, release chan struct{}
}

func (g *gatedReader) FiguresSince(_ context.Context, mark string) (store.FiguresDelta, error) {
	if g.reads.Add(1) == 1 {
		close(g.entered)
		<-g.release
	}
	return store.FiguresDelta{Mark: "1", All: mark == ""}, nil
}
