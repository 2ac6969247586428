package app

import (
	"context"

	"zongjie/corpus"
	"zongjie/store"
)

// SearchResult is the stable output of search --format json (its keys in
// alphabetical order, as they have always been written).
type SearchResult struct {
	Hits  []Hit  `json:"hits"`
	Query string `json:"query"`
}

// Hit is one paragraph that matches, best first, with the spans (in
// characters of Text) that match.
type Hit struct {
	Report     Summary  `json:"report"`
	Offset     int      `json:"offset"`
	Kind       string   `json:"kind"`
	Text       string   `json:"text"`
	Highlights [][2]int `json:"highlights"`
	Score      float64  `json:"score"`
}

// Search finds the stored paragraphs that hold the query's text (matched
// character by character; punctuation and blanks are not searched), best
// first, at most q.Limit of them.
func (a *App) Search(ctx context.Context, q store.Query) (*SearchResult, error) {
	if len(store.Terms(q.Text)) == 0 {
		return nil, Errorf(Invalid, "查询词 %q 中没有可检索的文字（标点和空白不参与检索）", q.Text)
	}
	if q.Limit < 1 {
		return nil, Errorf(Invalid, "--limit 应至少为 1，不是 %d", q.Limit)
	}
	st, err := a.store(ctx)
	if err != nil {
		return nil, err
	}
	hits, err := st.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Query: q.Text, Hits: []Hit{}}
	for _, h := range hits {
		hl := corpus.Highlight(h.Paragraph.Text, q.Text)
		if hl == nil {
			hl = [][2]int{}
		}
		out.Hits = append(out.Hits, Hit{SummaryOf(h.Report), h.Paragraph.Offset, h.Paragraph.Kind, h.Paragraph.Text, hl, h.Score})
	}
	return out, nil
}
