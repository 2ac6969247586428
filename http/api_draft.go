package http

import (
	"net/http"

	"zongjie/app"
)

// draftJSON is the body of a draft request: the last report (stored or a
// file), the results of the period from a later report or a data CSV (a
// file: its name with its text or bytes), the unit and the period.
type draftJSON struct {
	From   *fileJSON `json:"from"`
	Actual *fileJSON `json:"actual,omitempty"`
	Data   *fileJSON `json:"data,omitempty"`
	Unit   string    `json:"unit,omitempty"`
	Period string    `json:"period,omitempty"`
}

// apiDraft drafts this period's summary from the last report's plan:
// the draft in JSON (app.DraftJSON), or ?format=md the Markdown, or
// ?format=docx the GB/T 9704 .docx, as draft writes them.
func (s *Server) apiDraft(w http.ResponseWriter, r *http.Request) error {
	format := r.URL.Query().Get("format")
	switch format {
	case "", "json", "md", "docx":
	default:
		return app.Errorf(app.Invalid, "format=%q 应为 json、md 或 docx", format)
	}
	if mt := mediaType(r); mt != "application/json" {
		return app.Errorf(codeMediaType, "请求体应为 JSON，不是 %q", r.Header.Get("Content-Type"))
	}
	var body draftJSON
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	req, err := body.request()
	if err != nil {
		return err
	}
	d, err := s.app.Draft(r.Context(), req)
	if err != nil {
		return err
	}
	if format == "" || format == "json" {
		out, err := d.JSON()
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusOK, out)
	}
	dl, err := draftFile(d, format)
	if err != nil {
		return err
	}
	return writeDownload(w, dl)
}

// request turns the body into the draft operation's request.
func (b draftJSON) request() (app.DraftRequest, error) {
	var req app.DraftRequest
	if b.From == nil {
		return req, app.Errorf(app.Invalid, "缺少 from（上期报告：已保存报告的编号，或文件）")
	}
	for _, f := range []*fileJSON{b.From, b.Actual, b.Data} {
		if f != nil && (f.Unit != "" || f.Period != "") {
			return req, app.Errorf(app.Invalid, "起草时单位（unit）和时段（period）在请求的最外层给出，不在 from、actual、data 中")
		}
	}
	if b.Actual != nil && b.Data != nil {
		return req, app.Errorf(app.Invalid, "actual 与 data 只能给出一个")
	}
	o, err := stated(b.Unit, b.Period)
	if err != nil {
		return req, err
	}
	from, _, err := b.From.ref("from")
	if err != nil {
		return req, err
	}
	req = app.DraftRequest{From: from, Unit: o.Unit, Period: o.Period}
	switch {
	case b.Actual != nil:
		ref, _, err := b.Actual.ref("actual")
		if err != nil {
			return req, err
		}
		req.Actual = &ref
	case b.Data != nil:
		if b.Data.ID != 0 {
			return req, app.Errorf(app.Invalid, "data 应为 CSV 文件（name 与 text 或 data），不是报告编号")
		}
		ref, _, err := b.Data.ref("data")
		if err != nil {
			return req, err
		}
		in := ref.Input
		if in.Name == "report.txt" && b.Data.Name == "" {
			in.Name = "data.csv"
		}
		req.Data = &in
	}
	return req, nil
}
