package http

import (
	"net/http"

	"zongjie/app"
)

// registerAPIReportRoutes serves the stored reports: list, upload, show,
// remove, their versions (list, show one, compare two, restore one),
// their metadata, and the reports like one.
func (s *Server) registerAPIReportRoutes() {
	s.apiHandle("GET /api/v1/reports", s.apiList)
	s.apiHandle("POST /api/v1/reports", s.apiUpload, bodyLimit(apiUploadLimit), analysis())
	s.apiHandle("GET /api/v1/reports/{id}", s.apiShow)
	s.apiHandle("PATCH /api/v1/reports/{id}", s.apiSetMeta)
	s.apiHandle("DELETE /api/v1/reports/{id}", s.apiRemove)
	s.apiHandle("GET /api/v1/reports/{id}/versions", s.apiVersions)
	s.apiHandle("GET /api/v1/reports/{id}/versions/{version}", s.apiShow)
	s.apiHandle("POST /api/v1/reports/{id}/versions/{version}/restore", s.apiRestore)
	s.apiHandle("GET /api/v1/reports/{id}/diff", s.apiDiff)
	s.apiHandle("GET /api/v1/reports/{id}/similar", s.apiSimilarStored, analysis())
}

// apiList lists the stored reports the query selects (unit, level, year,
// genre): the JSON of list --format json.
func (s *Server) apiList(w http.ResponseWriter, r *http.Request) error {
	f, err := queryFilter(r)
	if err != nil {
		return err
	}
	list, err := s.app.List(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, list)
}

// apiUpload adds files to the store (the upload): read, extracted,
// checked and stored each, as zongjie add does; a file that cannot be
// read fails alone, in its entry of the answer, and never stops the
// others. The unit and period stated (query or form) apply to every file.
func (s *Server) apiUpload(w http.ResponseWriter, r *http.Request) error {
	ups, err := decodeFiles(r, apiMaxFiles)
	if err != nil {
		return err
	}
	files := make([]app.Upload, len(ups))
	for i, u := range ups {
		files[i] = app.Upload{Name: u.in.Name, Data: u.in.Data, Err: u.err}
	}
	added, err := s.app.AddUploadsStated(r.Context(), files, ups[0].in.Stated)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, app.UploadJSON(added))
}

// metaJSON is the body of a metadata edit: the unit and the period the
// user states for a stored report ("" for what the text says).
type metaJSON struct {
	Unit   *string `json:"unit"`
	Period *string `json:"period"`
}

// apiSetMeta states the unit and the period of a stored report, stored
// as a new version (the earlier ones are kept), which it gives as list
// gives a report.
func (s *Server) apiSetMeta(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := needJSON(r); err != nil {
		return err
	}
	var m metaJSON
	if err := decodeJSON(r, &m); err != nil {
		return err
	}
	if m.Unit == nil && m.Period == nil {
		return app.Errorf(app.Invalid, "应给出 unit（单位）或 period（时段）；空字符串表示按正文识别")
	}
	var unit, period string
	if m.Unit != nil {
		unit = *m.Unit
	}
	if m.Period != nil {
		period = *m.Period
	}
	if _, err := stated(unit, period); err != nil {
		return err
	}
	v, err := s.app.SetMeta(r.Context(), id, unit, period)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, app.SummaryOf(v))
}

// apiShow gives a stored report whole, its current version or the
// version of the path: the JSON of show --format json.
func (s *Server) apiShow(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	version, err := pathVersion(r)
	if err != nil {
		return err
	}
	shown, err := s.app.Show(r.Context(), id, version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, shown)
}

// pathVersion returns the version of the path's {version}, 0 when the
// route has none.
func pathVersion(r *http.Request) (int, error) {
	v := r.PathValue("version")
	if v == "" {
		return 0, nil
	}
	n, err := parseID(v, "版本号")
	if err != nil || n > 1<<30 {
		return 0, app.Errorf(app.Invalid, "%q 不是版本号（应为正整数）", v)
	}
	return int(n), nil
}

// apiRemove deletes a stored report with all its versions.
func (s *Server) apiRemove(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if err := s.app.Remove(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiVersions lists the versions of a stored report: the JSON of
// versions --format json.
func (s *Server) apiVersions(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	vl, err := s.app.Versions(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, vl)
}

// apiRestore makes a version of a stored report its current one, as a
// new version, and gives that version as list gives a report.
func (s *Server) apiRestore(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	version, err := pathVersion(r)
	if err != nil {
		return err
	}
	v, err := s.app.Restore(r.Context(), id, version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, app.SummaryOf(v))
}

// apiDiff compares two versions of a stored report line by line:
// ?a=N (required) and ?b=M (the current version when absent).
func (s *Server) apiDiff(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	va, err := queryInt(r, "a", 0, 1, 1<<30)
	if err != nil {
		return err
	}
	if va == 0 {
		return app.Errorf(app.Invalid, "应给出参数 a（版本号）；b 不给出时为当前版本")
	}
	vb, err := queryInt(r, "b", 0, 1, 1<<30)
	if err != nil {
		return err
	}
	d, err := s.app.DiffVersions(r.Context(), id, va, vb)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d.JSON())
}

// apiSimilarStored finds the stored reports most like a stored one
// (?top=N, 5 when absent): the JSON of similar --format json.
func (s *Server) apiSimilarStored(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	top, err := queryInt(r, "top", 5, 1, 100)
	if err != nil {
		return err
	}
	res, err := s.app.Similar(r.Context(), app.Stored(id), top)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, res.JSON())
}
