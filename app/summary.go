package app

import (
	"strconv"
	"time"

	"zongjie/store"
)

// Summary is a stored report as lists give it (list, similar, families,
// search, versions): the stable JSON of docs/json.md.
type Summary struct {
	ID     int64  `json:"id"`
	Path   string `json:"path"`
	Index  int    `json:"index"`
	Title  string `json:"title"`
	Unit   string `json:"unit"`
	Level  string `json:"level"`
	Years  []int  `json:"years"`
	Period string `json:"period"`
	Genre  string `json:"genre"`
	Chars  int    `json:"chars"`
	Added  string `json:"added"`
	// The version of the report this is (the current one, but in
	// versions), and why it was stored.
	Version int    `json:"version"`
	Note    string `json:"note"`

	Stored store.Summary `json:"-"` // what the store gave, for text output
}

// SummaryOf returns the JSON form of a stored report's summary.
func SummaryOf(s store.Summary) Summary {
	years := s.Years
	if years == nil {
		years = []int{}
	}
	return Summary{s.ID, s.Path, s.Index, s.Title, s.Unit, s.Level, years, s.Period, s.Genre, s.Chars,
		s.Added.UTC().Format(time.RFC3339), s.Version, s.Note, s}
}

// summaries returns the JSON forms of stored summaries, [] for none.
func summaries(list []store.Summary) []Summary {
	out := []Summary{}
	for _, s := range list {
		out = append(out, SummaryOf(s))
	}
	return out
}

// itoa formats an ID.
func itoa(n int64) string { return strconv.FormatInt(n, 10) }
