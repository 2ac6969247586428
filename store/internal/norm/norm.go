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
const SearchScan = 20000

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
	const k1, b = 1.2, 0.75
	type stat struct{ tf, n int }
	stats := make([]stat, len(cands))
	total := 0
	terms := strings.Split(phrase, " ")
	for i, c := range cands {
		n, tf := store.CountPhrase(c.Text, terms)
		st := stat{tf: tf, n: max(n, 1)}
		stats[i] = st
		total += st.n
	}
	avg := max(float64(total)/float64(max(len(cands), 1)), 1)
	out := make([]Scored, len(cands))
	for i, c := range cands {
		tf := float64(max(stats[i].tf, 1)) // a candidate holds the phrase
		out[i] = Scored{c.ID, tf * (k1 + 1) / (tf + k1*(1-b+b*float64(stats[i].n)/avg))}
	}
	slices.SortFunc(out, func(x, y Scored) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
	return out[:min(limit, len(out))]
}
