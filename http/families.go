package http

import (
	"encoding/json"
	"net/http"
	"strconv"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
)

// registerFamiliesRoutes serves the template families page.
func (s *Server) registerFamiliesRoutes() {
	s.handle("GET /families", s.handleFamilies, analysis())
}

// Bounds of the families page.
const (
	familiesDefault = 30  // families shown
	familiesMax     = 200 // families asked for at most
)

// familiesPage is the data of the families page.
type familiesPage struct {
	Top      int
	Families []app.Family
	// Graph is the graph of every family shown, as the page's script
	// gives it to ECharts (familyGraph), in JSON.
	Graph string
}

// familyGraph is the families as a graph: the members are the nodes, the
// pairs that joined them the links, weighted by the larger share of
// either side found in the other; a family is a category.
type familyGraph struct {
	Categories []graphCategory `json:"categories"`
	Nodes      []graphNode     `json:"nodes"`
	Links      []graphLink     `json:"links"`
}

type graphCategory struct {
	Name string `json:"name"`
}

type graphNode struct {
	ID       string `json:"id"`
	Name     string `json:"name"`  // the label: the unit (or the report's number) and the period
	Title    string `json:"title"` // for the tooltip: the report's title
	Period   string `json:"period"`
	Category int    `json:"category"`
	Chars    int    `json:"chars"`
}

type graphLink struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Share  float64 `json:"share"`
}

// handleFamilies lists the families of reports made from one template or
// one earlier report, largest first (?top=, 30 by default), with what
// each shares, and draws them as a graph.
func (s *Server) handleFamilies(w http.ResponseWriter, r *http.Request) error {
	top, err := intParam(r.URL.Query().Get("top"), "显示的家族数", familiesDefault)
	if err != nil {
		return err
	}
	if top < 1 || top > familiesMax {
		return app.Errorf(app.Invalid, "显示的家族数应为 1—%d，不是 %d。", familiesMax, top)
	}
	p := familiesPage{Top: top}
	if err := s.app.Families(r.Context(), top, func(f app.Family) error {
		p.Families = append(p.Families, f)
		return nil
	}); err != nil {
		return err
	}
	g := familyGraph{Categories: []graphCategory{}, Nodes: []graphNode{}, Links: []graphLink{}}
	for i, f := range p.Families {
		g.Categories = append(g.Categories, graphCategory{Name: "家族 " + strconv.Itoa(i+1)})
		for _, m := range f.Members {
			name := m.Unit
			if name == "" {
				name = "#" + strconv.FormatInt(m.ID, 10)
			}
			if len(m.Years) > 0 {
				name += " " + zongjie.TermOf(m.Years[0], m.Period).String()
			}
			g.Nodes = append(g.Nodes, graphNode{ID: strconv.FormatInt(m.ID, 10), Name: name, Title: m.Title,
				Period: corpus.PeriodWords(m.Years, m.Period, m.Genre), Category: i, Chars: m.Chars})
		}
		for _, l := range f.Links {
			g.Links = append(g.Links, graphLink{Source: strconv.FormatInt(l.A, 10), Target: strconv.FormatInt(l.B, 10), Share: max(l.ShareA, l.ShareB)})
		}
	}
	b, err := json.Marshal(g)
	if err != nil {
		return err
	}
	p.Graph = string(b)
	return s.render(w, r, http.StatusOK, "families", p)
}
