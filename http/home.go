package http

import (
	"net/http"
	"net/url"

	"zongjie/app"
)

// registerHomeRoutes serves the home page: the reviewer's desk.
func (s *Server) registerHomeRoutes() {
	s.handle("GET /{$}", s.handleHome)
}

// handleHome shows the reviewer's desk: the stored reports as units ×
// periods, filtered and ordered by the query (period, level,
// placeholders, reuse, returns, sort).
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	q, err := deskQuery(r.URL.Query())
	if err != nil {
		return err
	}
	d, err := s.app.Desk(r.Context(), q)
	if err != nil {
		return err
	}
	return s.render(w, r, http.StatusOK, "home", d)
}

// deskQuery reads the desk's filters: period, level and sort as given
// (app.Desk checks the order), and the switches placeholders, reuse and
// returns ("1" or "on" sets one, "" or "0" clears it).
func deskQuery(v url.Values) (app.DeskQuery, error) {
	q := app.DeskQuery{Period: v.Get("period"), Level: v.Get("level"), Sort: v.Get("sort")}
	for _, f := range []struct {
		name string
		to   *bool
	}{{"placeholders", &q.Placeholders}, {"reuse", &q.Reuse}, {"returns", &q.Returns}} {
		switch v.Get(f.name) {
		case "", "0":
		case "1", "on":
			*f.to = true
		default:
			return q, app.Errorf(app.Invalid, "筛选条件 %s=%q 应为 1 或 0", f.name, v.Get(f.name))
		}
	}
	return q, nil
}
