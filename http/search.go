package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
	"zongjie/store"
)

// registerSearchRoutes serves the search page.
func (s *Server) registerSearchRoutes() {
	s.handle("GET /search", s.handleSearch)
}

// Bounds of a search.
const (
	searchDefault = 50  // hits shown
	searchMax     = 200 // hits asked for at most
	maxQuery      = 200 // characters of a query
	snippetChars  = 140 // characters of a hit's snippet
)

// searchPage is the data of the search page.
type searchPage struct {
	Query  searchForm
	Result *app.SearchResult // nil before a search
	Hits   []searchHit
	Kinds  []kindOption
	Levels []kindOption
	Genres []kindOption
}

// searchForm is the search as asked, for the form.
type searchForm struct {
	Q, Kind, Unit, Level, Year, Genre string
	Limit                             int
}

// kindOption is a value of a select.
type kindOption struct{ Value, Words string }

// searchHit is a hit laid out: its report, the snippet cut into plain
// and matching runs, and the link to the report at the hit.
type searchHit struct {
	app.Hit
	Snippet []compareSeg // Kind "hit" marks the query
	Link    string
}

// handleSearch shows the search form and, with ?q=, the paragraphs of
// the stored reports holding the query, filtered by section kind, unit,
// level, year and genre.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) error {
	f, err := parseSearch(r.URL.Query())
	if err != nil {
		return err
	}
	p := searchPage{Query: f, Kinds: searchKinds, Levels: searchLevels, Genres: searchGenres}
	if strings.TrimSpace(f.Q) == "" {
		return s.render(w, r, http.StatusOK, "search", p)
	}
	q := store.Query{Text: f.Q, Kind: f.Kind, Limit: f.Limit,
		Filter: store.Filter{Unit: f.Unit, Level: f.Level, Genre: f.Genre}}
	if f.Year != "" {
		q.Filter.Year, _ = strconv.Atoi(f.Year)
	}
	res, err := s.app.Search(r.Context(), q)
	if err != nil {
		return err
	}
	p.Result = res
	for _, h := range res.Hits {
		p.Hits = append(p.Hits, layoutHit(h))
	}
	return s.render(w, r, http.StatusOK, "search", p)
}

// parseSearch reads and checks the search's parameters.
func parseSearch(v url.Values) (searchForm, error) {
	f := searchForm{Q: strings.TrimSpace(v.Get("q")), Kind: v.Get("kind"), Unit: strings.TrimSpace(v.Get("unit")),
		Level: v.Get("level"), Year: strings.TrimSpace(v.Get("year")), Genre: v.Get("genre"), Limit: searchDefault}
	if utf8.RuneCountInString(f.Q) > maxQuery {
		return f, app.Errorf(app.Invalid, "检索词过长（%d 字），请不超过 %d 字。", utf8.RuneCountInString(f.Q), maxQuery)
	}
	if !inOptions(searchKinds, f.Kind) {
		return f, app.Errorf(app.Invalid, "部分类型 %q 无法识别。", f.Kind)
	}
	if !inOptions(searchLevels, f.Level) {
		return f, app.Errorf(app.Invalid, "层级 %q 无法识别。", f.Level)
	}
	if !inOptions(searchGenres, f.Genre) {
		return f, app.Errorf(app.Invalid, "报告类型 %q 无法识别。", f.Genre)
	}
	if f.Year != "" {
		if y, err := strconv.Atoi(f.Year); err != nil || y < 1949 || y > 2100 {
			return f, app.Errorf(app.Invalid, "年份 %q 应为 1949—2100 之间的四位数。", f.Year)
		}
	}
	if v.Get("limit") != "" {
		n, err := strconv.Atoi(v.Get("limit"))
		if err != nil || n < 1 || n > searchMax {
			return f, app.Errorf(app.Invalid, "显示条数 %q 应为 1—%d。", v.Get("limit"), searchMax)
		}
		f.Limit = n
	}
	return f, nil
}

// inOptions reports whether v is "" or the value of one of opts.
func inOptions(opts []kindOption, v string) bool {
	if v == "" {
		return true
	}
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

// The values of the search's selects.
var (
	searchKinds = []kindOption{
		{string(zongjie.KindReview), "回顾"}, {string(zongjie.KindHighlights), "亮点"},
		{string(zongjie.KindProblems), "问题"}, {string(zongjie.KindPlan), "计划"}, {string(zongjie.KindOther), "其他"},
	}
	searchLevels = levelOptions()
	searchGenres = []kindOption{
		{string(zongjie.GenreSummary), zongjie.GenreSummary.Words()}, {string(zongjie.GenrePlan), zongjie.GenrePlan.Words()},
		{string(zongjie.GenreSummaryPlan), zongjie.GenreSummaryPlan.Words()}, {string(zongjie.GenreSpeech), zongjie.GenreSpeech.Words()},
	}
)

func levelOptions() []kindOption {
	var out []kindOption
	for _, l := range []zongjie.Level{zongjie.LevelCommunity, zongjie.LevelStreet, zongjie.LevelTown, zongjie.LevelTownship, zongjie.LevelDistrict,
		zongjie.LevelCounty, zongjie.LevelCity, zongjie.LevelProvince, zongjie.LevelNational, zongjie.LevelDepartment} {
		out = append(out, kindOption{string(l), l.Words()})
	}
	return out
}

// layoutHit cuts a hit's paragraph to a snippet around its first match
// and links the report at it: /reports/{id}?hl={start}-{end}#hit, in
// characters of the report's text (docs/web.md).
func layoutHit(h app.Hit) searchHit {
	out := searchHit{Hit: h, Link: "/reports/" + strconv.FormatInt(h.Report.ID, 10)}
	if len(h.Highlights) > 0 {
		first := h.Highlights[0]
		out.Link += "?hl=" + strconv.Itoa(h.Offset+first[0]) + "-" + strconv.Itoa(h.Offset+first[1]) + "#hit"
	}
	text, spans := corpus.Snippet(h.Text, h.Highlights, snippetChars)
	rs := []rune(text)
	pos := 0
	for _, sp := range spans {
		if sp[0] < pos || sp[1] > len(rs) {
			continue
		}
		if sp[0] > pos {
			out.Snippet = append(out.Snippet, compareSeg{Text: string(rs[pos:sp[0]])})
		}
		out.Snippet = append(out.Snippet, compareSeg{Text: string(rs[sp[0]:sp[1]]), Kind: "hit"})
		pos = sp[1]
	}
	if pos < len(rs) {
		out.Snippet = append(out.Snippet, compareSeg{Text: string(rs[pos:])})
	}
	return out
}
