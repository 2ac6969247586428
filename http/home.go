package http

import "net/http"

// registerHomeRoutes serves the home page.
func (s *Server) registerHomeRoutes() {
	s.handle("GET /{$}", s.handleHome)
}

// handleHome shows the home page.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "home", nil)
}
