package http

import (
	"net/http"

	"zongjie/app"
)

// handleReportFix applies one fix of a finding, or every certain fix
// (all=1), to the current version, stores the result as a new version
// and shows it.
func (s *Server) handleReportFix(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return formError(err)
	}
	c := app.FixChoice{All: r.PostForm.Get("all") == "1", Rule: r.PostForm.Get("rule")}
	if c.Version, err = intParam(r.PostForm.Get("version"), "版本", 0); err != nil {
		return err
	}
	if !c.All {
		if c.Finding, err = intParam(r.PostForm.Get("finding"), "问题序号", -1); err != nil {
			return err
		}
		if c.Offset, err = intParam(r.PostForm.Get("offset"), "位置", -1); err != nil {
			return err
		}
		if c.Fix, err = intParam(r.PostForm.Get("fix"), "改法序号", 0); err != nil {
			return err
		}
		if c.Finding < 0 || c.Offset < 0 || c.Rule == "" {
			return app.Errorf(app.Invalid, "请指明要改正的问题（finding、rule、offset）。")
		}
	}
	v, err := s.app.ApplyFix(r.Context(), id, c)
	if err != nil {
		return err
	}
	return savedRedirect(w, r, id, v.Version)
}

// savedRedirect shows the report after a change stored version v.
func savedRedirect(w http.ResponseWriter, r *http.Request, id int64, v int) error {
	http.Redirect(w, r, "/reports/"+itoa64(id)+"?saved="+itoa(v), http.StatusSeeOther)
	return nil
}
