package http

import (
	"net/http"

	"zongjie/app"
)

// handleReportRestore makes an earlier version the current one, as a new
// version.
func (s *Server) handleReportRestore(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return formError(err)
	}
	n, err := intParam(r.PostForm.Get("version"), "版本", 0)
	if err != nil {
		return err
	}
	if n == 0 {
		return app.Errorf(app.Invalid, "请指明要恢复的版本。")
	}
	// An undo made beside the findings (at, the offset it came back to)
	// comes back there too.
	at, err := intParam(r.PostForm.Get("at"), "位置", -1)
	if err != nil {
		return err
	}
	v, err := s.app.Restore(r.Context(), id, n)
	if err != nil {
		return err
	}
	return savedRedirect(w, r, id, v.Version, at)
}
