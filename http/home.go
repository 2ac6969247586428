package http

import (
	"net/http"

	"zongjie/store"
)

// registerHomeRoutes serves the home page.
func (s *Server) registerHomeRoutes() {
	s.handle("GET /{$}", s.handleHome)
}

// homePage is the data of the home page.
type homePage struct {
	Reports []store.Summary
}

// handleHome shows the home page: the stored reports, newest first.
// (The reviewer's desk, units × periods, is to replace the list.)
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	res, err := s.app.List(r.Context(), store.Filter{})
	if err != nil {
		return err
	}
	list := make([]store.Summary, len(res.Reports))
	for i, s := range res.Reports {
		list[len(list)-1-i] = s.Stored
	}
	return s.render(w, r, http.StatusOK, "home", homePage{Reports: list})
}
