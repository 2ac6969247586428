package http

import (
	"bytes"
	"mime"
	"net/http"
	"strconv"

	"zongjie"
	"zongjie/app"
	"zongjie/output"
)

// handleReportDownload sends a file made of a version of a report (?v=,
// the current one by default): the fixed text, the annotated .docx, the
// GB/T 9704 .docx, or the figures or targets as CSV.
func (s *Server) handleReportDownload(w http.ResponseWriter, r *http.Request) error {
	id, err := reportID(r)
	if err != nil {
		return err
	}
	v, err := intParam(r.URL.Query().Get("v"), "版本", 0)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var d app.Download
	switch kind := r.PathValue("kind"); kind {
	case "fixed.txt":
		d, err = s.app.FixedText(ctx, id, v)
	case "annotated.docx":
		d, err = s.app.AnnotatedDocx(ctx, id, v)
	case "gongwen.docx":
		d, err = s.app.GongwenDocx(ctx, id, v)
	case "quantities.csv", "targets.csv":
		var rep *app.Report
		if rep, err = s.app.Report(ctx, id, v); err != nil {
			return err
		}
		var buf bytes.Buffer
		write, label := output.WriteQuantitiesCSV, "数据"
		if kind == "targets.csv" {
			write, label = output.WriteTargetsCSV, "目标"
		}
		if err := write(&buf, []*zongjie.Report{rep.Extract}); err != nil {
			return err
		}
		d = app.Download{Name: csvName(rep, label), Type: "text/csv; charset=utf-8", Data: buf.Bytes()}
	default:
		return app.Errorf(app.NotFound, "没有这种下载：%s", kind)
	}
	if err != nil {
		return err
	}
	return writeDownload(w, d)
}

// writeDownload answers with d as a file to save: its type, its name
// (RFC 6266, UTF-8 names encoded) and its length.
func writeDownload(w http.ResponseWriter, d app.Download) error {
	h := w.Header()
	h.Set("Content-Type", d.Type)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": d.Name}))
	h.Set("Content-Length", strconv.Itoa(len(d.Data)))
	// The answer is committed: a write that fails means the client
	// went away, and there is no error page left to send.
	w.Write(d.Data)
	return nil
}

// csvName names a CSV download of a report.
func csvName(r *app.Report, label string) string {
	title := r.Title
	if title == "" {
		title = "报告" + itoa64(r.ID)
	}
	return title + "（第" + itoa(r.Version) + "版）" + label + ".csv"
}
