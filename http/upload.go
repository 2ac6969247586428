package http

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"time"

	"zongjie/app"
	"zongjie/reader"
)

// uploadLimit is the largest upload request: a batch of files sent
// without JavaScript, or one file of up to reader.MaxSize sent by the
// page's script (which sends no more of a larger file than the reader
// needs to refuse it).
const uploadLimit = 2*reader.MaxSize + 1<<20

// registerUploadRoutes serves the upload page.
func (s *Server) registerUploadRoutes() {
	s.handle("GET /upload", s.handleUploadPage)
	s.handle("POST /upload", s.handleUpload, bodyLimit(uploadLimit), analysis())
}

// uploadPage is the data of the upload page.
type uploadPage struct {
	MaxSize int64       // the largest file the reader takes, for the script
	Results []app.Added // of the files just sent, if any
}

// handleUploadPage shows the upload page.
func (s *Server) handleUploadPage(w http.ResponseWriter, r *http.Request) error {
	return s.render(w, r, http.StatusOK, "upload", uploadPage{MaxSize: reader.MaxSize})
}

// handleUpload adds the files (and the pasted text) of a multipart form
// and shows what became of each: the results fragment for the page's
// script (one file per request, for per-file progress), the upload page
// with the results otherwise.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) error {
	files, err := uploadedFiles(r)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return app.Errorf(app.Invalid, "没有收到文件或文字：请选择文件，或粘贴报告全文。")
	}
	res, err := s.app.AddUploads(r.Context(), files)
	if err != nil {
		return err
	}
	if r.Header.Get("HX-Request") == "true" {
		return s.renderBlock(w, r, http.StatusOK, "upload", "results", uploadPage{Results: res})
	}
	return s.render(w, r, http.StatusOK, "upload", uploadPage{MaxSize: reader.MaxSize, Results: res})
}

// uploadedFiles reads the files of a multipart upload form, streaming:
// each part named "file" (or "files") is a file, "text" is pasted text
// (with its name in "name"). A file the reader will refuse as too large
// is read no further than it needs; a part that cannot be read is a
// File with Err, reported with the others.
func uploadedFiles(r *http.Request) ([]app.Upload, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, app.Errorf(app.Invalid, "上传应使用 multipart/form-data 表单。")
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, formError(err)
	}
	var files []app.Upload
	var text, name string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, formError(err)
		}
		switch p.FormName() {
		case "file", "files":
			fname := uploadName(p)
			if fname == "" {
				continue // the empty part a form sends when no file is chosen
			}
			data, err := reader.Load(fname, p)
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				return nil, err
			}
			files = append(files, app.Upload{Name: fname, Data: data, Err: err})
		case "text":
			b, err := io.ReadAll(io.LimitReader(p, reader.MaxSize+1))
			if err != nil {
				return nil, formError(err)
			}
			text = string(b)
		case "name":
			b, err := io.ReadAll(io.LimitReader(p, 1024))
			if err != nil {
				return nil, formError(err)
			}
			name = strings.TrimSpace(strings.ToValidUTF8(string(b), ""))
		}
		p.Close()
	}
	if strings.TrimSpace(text) != "" {
		files = append(files, app.Upload{Name: pastedName(name), Data: []byte(text)})
	}
	return files, nil
}

// formError is the failure to read an upload form: too large, or bad.
func formError(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err
	}
	return &app.Error{Code: app.Invalid, Message: "无法读取上传的表单：表单不完整或格式有误，请重新上传。", Err: err}
}

// uploadName is the name of an uploaded file as the user knows it: its
// path inside an uploaded folder (sent in the filename by the page's
// script), or its base name; "" for no file.
func uploadName(p *multipart.Part) string {
	_, params, err := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
	if err != nil {
		return p.FileName()
	}
	return cleanName(params["filename"])
}

// cleanName makes a name given by the browser or the user a relative
// path without "..", "." or empty parts; "" for none.
func cleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.Trim(path.Clean("/"+name), "/")
}

// pastedName names pasted text: the name the user gave (as a .txt file
// when it has no extension the reader knows), or one made from the time,
// so that two pastes are two reports, not versions of one.
func pastedName(name string) string {
	name = cleanName(name)
	if name == "" {
		return "粘贴的文本 " + time.Now().Format("2006-01-02 15.04.05") + ".txt"
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".md", ".markdown":
		return name
	}
	return name + ".txt"
}
