package http

import "net/http"

// handleReportMeta states the unit and the period of the current version
// and stores the report read with them as a new version.
func (s *Server) handleReportMeta(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return formError(err)
	}
	v, err := s.app.SetMeta(r.Context(), id, r.PostForm.Get("unit"), r.PostForm.Get("period"))
	if err != nil {
		return err
	}
	return savedRedirect(w, r, id, v.Version, -1)
}
