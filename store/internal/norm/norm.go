// Package norm holds what the two store backends share beyond package
// store itself: the checks a report passes before Put and the forms its
// fields are kept in, so that both backends accept, store and return the
// same values.
package norm

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"zongjie/store"
)

// DefaultLimit is the number of hits a Query with no Limit returns.
const DefaultLimit = 20

// SearchScan is the number of paragraphs Search ranks at most: of a
// phrase found in more, the newest.
var SearchScan = 20000

// Limit returns the number of hits to return for q.
func Limit(q store.Query) int {
	if q.Limit <= 0 {
		return DefaultLimit
	}
	return q.Limit
}

// Report checks r before it is stored: it must be present, name its file
// and index, hold valid UTF-8 without NUL characters in its text fields
// and valid JSON (or nothing) in Data and Findings. A zero
// Added is set to the current time; Added is kept to the microsecond, in
// UTC, as both backends store it.
func Report(r *store.Report) error {
	if r == nil {
		return errors.New("nil report")
	}
	if r.FileHash == "" {
		return errors.New("no file hash")
	}
	if r.ID < 0 {
		return fmt.Errorf("negative ID %d", r.ID)
	}
	if r.Index < 0 {
		return fmt.Errorf("negative index %d", r.Index)
	}
	for _, f := range []struct{ name, value string }{
		{"file hash", r.FileHash}, {"path", r.Path}, {"title", r.Title}, {"unit", r.Unit},
		{"level", r.Level}, {"period", r.Period}, {"genre", r.Genre}, {"text", r.Text}, {"note", r.Note},
	} {
		if err := text(f.value); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	for i, p := range r.Paragraphs {
		if err := text(p.Text); err != nil {
			return fmt.Errorf("paragraph %d: %w", i, err)
		}
		if err := text(p.Kind); err != nil {
			return fmt.Errorf("paragraph %d: kind: %w", i, err)
		}
	}
	if len(r.Data) > 0 && !json.Valid(r.Data) {
		return errors.New("data is not valid JSON")
	}
	if len(r.Findings) > 0 && !json.Valid(r.Findings) {
		return errors.New("findings are not valid JSON")
	}
	if r.Added.IsZero() {
		r.Added = time.Now()
	}
	r.Added = Time(r.Added)
	return nil
}

// Figures checks figures before PutFigures: a stored report's ID, a
// stamp that can be stored as text and valid JSON data.
func Figures(f store.Figures) error {
	if f.Report <= 0 {
		return fmt.Errorf("figures of report %d: not a report ID", f.Report)
	}
	if err := text(f.Stamp); err != nil {
		return fmt.Errorf("figures of report %d: stamp: %w", f.Report, err)
	}
	if len(f.Data) == 0 || !json.Valid(f.Data) {
		return fmt.Errorf("figures of report %d: data is not valid JSON", f.Report)
	}
	return nil
}

// text checks that s can be stored as text by both backends.
func text(s string) error {
	if !utf8.ValidString(s) {
		return errors.New("not valid UTF-8")
	}
	if strings.IndexByte(s, 0) >= 0 {
		return errors.New("holds a NUL character")
	}
	return nil
}

// SameVersion reports whether a version with the fields of r would be the
// same as the stored version cur: the same text (file hash and index) and
// the same metadata. Put stores no new version then.
func SameVersion(r *store.Report, cur store.Summary) bool {
	return r.FileHash == cur.FileHash && r.Index == cur.Index && r.Title == cur.Title &&
		r.Unit == cur.Unit && r.Level == cur.Level && slices.Equal(nilIfEmpty(r.Years), nilIfEmpty(cur.Years)) &&
		r.Period == cur.Period && r.Genre == cur.Genre
}

func nilIfEmpty(ys []int) []int {
	if len(ys) == 0 {
		return nil
	}
	return ys
}

// Time returns t as the stores keep it: to the microsecond, in UTC.
func Time(t time.Time) time.Time {
	return t.Truncate(time.Microsecond).UTC()
}

// Fingerprints returns the distinct hashes of fps in ascending order, in a
// new slice.
func Fingerprints(fps []uint64) []uint64 {
	out := slices.Clone(fps)
	slices.Sort(out)
	return slices.Compact(out)
}

// JSON returns raw as stored: nil when it is empty.
func JSON(raw json.RawMessage) []byte {
	if len(raw) == 0 {
		return nil
	}
	return raw
}

// Candidate is a paragraph that holds a phrase.
type Candidate struct {
	ID   int64  // the paragraph's ID in the store, larger for newer ones
	Text string // the paragraph's text
}

// Scored is a candidate's ID and its score.
type Scored struct {
	ID    int64
	Score float64
}

// Rank returns the best limit of cands for the phrase phrase (store.Spaced
// of the query), best first, with scores. The score is BM25's without the
// inverse document frequency, which is the same for every paragraph of one
// phrase: it grows with the number of times the phrase occurs in a
// paragraph and falls with the paragraph's length (in tokens) against the
// average of the candidates. Equal scores are ordered by ID. Both stores
// rank with it, so that they rank alike.
func Rank(phrase string, cands []Candidate, limit int) []Scored {
	stats := make([]stat, len(cands))
	terms := strings.Split(phrase, " ")
	for i, c := range cands {
		n, tf := store.CountPhrase(c.Text, terms)
		stats[i] = stat{id: c.ID, n: n, tf: tf}
	}
	return rankStats(stats, limit)
}

// stat is what Rank needs of a candidate: its ID, its number of tokens
// and of occurrences of the phrase.
type stat struct {
	id    int64
	n, tf int
}

// rankStats ranks the candidates of stats as Rank does.
func rankStats(stats []stat, limit int) []Scored {
	const k1, b = 1.2, 0.75
	total := 0
	for i := range stats {
		stats[i].n = max(stats[i].n, 1)
		total += stats[i].n
	}
	avg := max(float64(total)/float64(max(len(stats), 1)), 1)
	out := make([]Scored, len(stats))
	for i, st := range stats {
		tf := float64(max(st.tf, 1)) // a candidate holds the phrase
		out[i] = Scored{st.id, tf * (k1 + 1) / (tf + k1*(1-b+b*float64(st.n)/avg))}
	}
	return best(out, limit)
}

// better orders scores best first, equal scores by ID.
func better(x, y Scored) int {
	if c := cmp.Compare(y.Score, x.Score); c != 0 {
		return c
	}
	return cmp.Compare(x.ID, y.ID)
}

// best returns the limit best of scores, best first; it reorders scores.
// Of many scores and a small limit it keeps the best in a heap rather
// than sorting all.
func best(scores []Scored, limit int) []Scored {
	if limit <= 0 {
		return scores[:0]
	}
	if limit*8 >= len(scores) {
		slices.SortFunc(scores, better)
		return scores[:min(limit, len(scores))]
	}
	// A heap of the best limit so far, the worst of them at the root.
	h := scores[:limit:limit]
	worse := func(i, j int) bool { return better(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			w, l, r := i, 2*i+1, 2*i+2
			if l < len(h) && worse(l, w) {
				w = l
			}
			if r < len(h) && worse(r, w) {
				w = r
			}
			if w == i {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, s := range scores[limit:] {
		if better(s, h[0]) < 0 {
			h[0] = s
			down(0)
		}
	}
	slices.SortFunc(h, better)
	return h
}

// InOrder returns the reports of found (by ID) in the order of their
// first ID in ids, each once, leaving out the IDs found does not hold.
func InOrder(ids []int64, found map[int64]*store.Report) []*store.Report {
	out := make([]*store.Report, 0, len(found))
	for _, id := range ids {
		if r, ok := found[id]; ok {
			out = append(out, r)
			delete(found, id)
		}
	}
	return out
}

// IDs returns the paragraph IDs of best, in its order.
func IDs(best []Scored) []int64 {
	ids := make([]int64, len(best))
	for i, b := range best {
		ids[i] = b.ID
	}
	return ids
}

// Ordered returns the hits of found in the order of best, each with its
// score; a paragraph best names that found lacks is left out.
func Ordered(best []Scored, found map[int64]store.Hit) []store.Hit {
	hits := make([]store.Hit, 0, len(best))
	for _, b := range best {
		if h, ok := found[b.ID]; ok {
			h.Score = b.Score
			hits = append(hits, h)
		}
	}
	return hits
}
