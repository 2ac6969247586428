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
	at := -1
	if !c.All {
		at = c.Offset
	}
	return savedRedirect(w, r, id, v.Version, at)
}

// savedRedirect shows the report after a change stored version v. A
// change made at a finding (at, its offset; -1 for none) comes back to
// the findings: the page says what was saved beside them, with the
// button that undoes it, and report.js moves to the finding now at or
// after that offset, so that the drafter goes on where they were.
func savedRedirect(w http.ResponseWriter, r *http.Request, id int64, v, at int) error {
	u := "/reports/" + itoa64(id) + "?saved=" + itoa(v)
	if at >= 0 {
		u += "&at=" + itoa(at)
	}
	http.Redirect(w, r, u, http.StatusSeeOther)
	return nil
}
