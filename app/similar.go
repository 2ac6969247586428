package app

import (
	"context"

	"zongjie/corpus"
	"zongjie/reuse"
)

// Match is a stored report that shares text with the one asked about.
type Match struct {
	Report   Summary       `json:"report"`
	Query    reuse.Side    `json:"query"`
	Other    reuse.Side    `json:"other"`
	Passages int           `json:"passages"`
	Largest  reuse.Passage `json:"largest"`
	Text     string        `json:"largest_text"`
}

// SimilarPart is the matches of one report of a file that holds several.
type SimilarPart struct {
	Index   int     `json:"index"`
	Title   string  `json:"title"`
	Similar []Match `json:"similar"`
}

// SimilarResult is the matches of a report, or of each report of a file
// that holds several (Parts, one each).
type SimilarResult struct {
	Path  string
	Parts []SimilarPart
}

// JSON returns the stable output of similar --format json:
// {"path", "similar"} for one report, {"path", "reports"} for several.
func (r *SimilarResult) JSON() any {
	if len(r.Parts) == 1 {
		return struct {
			Path    string  `json:"path"`
			Similar []Match `json:"similar"`
		}{r.Path, r.Parts[0].Similar}
	}
	return struct {
		Path    string        `json:"path"`
		Reports []SimilarPart `json:"reports"`
	}{r.Path, r.Parts}
}

// Similar finds the stored reports that share most text with a report
// (a file or a stored report), at most top of them; a file that holds
// several reports is looked up report by report. The report itself, when
// stored, is left out.
func (a *App) Similar(ctx context.Context, ref Ref, top int) (*SimilarResult, error) {
	if top < 1 {
		return nil, Errorf(Invalid, "--top 应至少为 1，不是 %d", top)
	}
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	t, err := a.loadText(ctx, ref)
	if err != nil {
		return nil, err
	}
	parts := []corpus.Part{{Text: t.text}}
	if t.file != nil {
		parts = corpus.Parts(t.file)
	}
	out := &SimilarResult{Path: t.label}
	for _, p := range parts {
		exclude := t.id
		if exclude == 0 {
			// A report stored already (as its current version) is not
			// similar to itself.
			if id, err := st.Find(ctx, t.hash, p.Index); err == nil {
				if vs, err := st.Versions(ctx, id); err == nil && vs[len(vs)-1].FileHash == t.hash {
					exclude = id
				}
			}
		}
		ms, err := corpus.Similar(ctx, st, corpus.Query{Text: p.Text, Exclude: exclude}, top)
		if err != nil {
			return nil, err
		}
		sp := SimilarPart{Index: p.Index, Title: p.Title, Similar: []Match{}}
		for _, m := range ms {
			sp.Similar = append(sp.Similar, Match{SummaryOf(m.Report), m.Query, m.Other, m.Passages, m.Largest, m.LargestText})
		}
		out.Parts = append(out.Parts, sp)
	}
	return out, nil
}
