package sqlite

import (
	"context"
	"testing"

	"zongjie/store"
	"zongjie/store/storetest"
)

func TestSearchCache(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	storetest.SearchCache(t, s, putBatch(s), s.found.Phrases, func(q store.Query) []store.Hit {
		t.Helper()
		ctx := context.Background()
		tx, err := s.r.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		best, err := rankMatches(ctx, tx, store.Spaced(q.Text), q)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := hitsOf(ctx, tx, best)
		if err != nil {
			t.Fatal(err)
		}
		return hits
	})
}
