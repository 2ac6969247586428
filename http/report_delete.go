package http

import (
	"net/http"
	"net/url"
	"strconv"

	"zongjie/app"
)

// handleReportDelete deletes a report softly (app.Remove): it goes to
// the trash with its versions, where an admin can bring it back for
// app.TrashKeep. An admin lands on the trash, with the report in it;
// anyone else on a page that says what became of it.
func (s *Server) handleReportDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	if err := s.app.Remove(r.Context(), id); err != nil {
		return err
	}
	if currentUser(r).IsAdmin() {
		return adminRedirect(w, r, "/admin/trash", url.Values{"done": {"deleted"}, "report": {strconv.FormatInt(id, 10)}})
	}
	return s.render(w, r, http.StatusOK, "report_deleted", deletedPage{ID: id, Keep: int(app.TrashKeep.Hours() / 24)})
}

// deletedPage is the data of report_deleted.html.
type deletedPage struct {
	ID   int64
	Keep int
}
