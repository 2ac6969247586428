package http

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzUpload feeds the upload form's decoding arbitrary bodies under a
// multipart Content-Type: it must return files or an error, never panic,
// and never hand on more than the reader takes of a file.
func FuzzUpload(f *testing.F) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.SetBoundary("zj")
	w, _ := mw.CreateFormFile("file", "a.txt")
	w.Write([]byte("青禾街道2024年工作总结\n"))
	mw.WriteField("text", "粘贴")
	mw.WriteField("name", "名称")
	mw.Close()
	f.Add(b.Bytes(), "zj")
	f.Add([]byte("--zj\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.docx\"\r\n\r\nPK\x03\x04\r\n--zj--\r\n"), "zj")
	f.Add([]byte("--zj\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--zj--"), "zj")
	f.Add([]byte("--zj\r\n\r\n"), "zj")
	f.Add([]byte(""), "")
	f.Fuzz(func(t *testing.T, body []byte, boundary string) {
		r := httptest.NewRequest("POST", "/upload", bytes.NewReader(body))
		r.Header.Set("Content-Type", "multipart/form-data; boundary=\""+strings.ReplaceAll(boundary, "\"", "")+"\"")
		r.Body = http.MaxBytesReader(httptest.NewRecorder(), r.Body, 1<<20)
		files, err := uploadedFiles(r)
		if err != nil {
			return
		}
		for _, f := range files {
			if f.Name == "" || f.Name == ".." || strings.HasPrefix(f.Name, "/") || strings.HasPrefix(f.Name, "../") || strings.Contains(f.Name, "/../") {
				t.Errorf("file name %q", f.Name)
			}
			if len(f.Data) > len(body) {
				t.Errorf("%s: %d bytes from a body of %d", f.Name, len(f.Data), len(body))
			}
		}
	})
}
