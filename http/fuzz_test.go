package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"zongjie/app"
)

// The codes a request's decoding may fail with: the user's, never the
// server's.
var decodeCodes = map[app.Code]bool{app.Invalid: true, app.TooLarge: true, codeMediaType: true, app.Unreadable: true}

// fuzzMultipart returns a multipart body of files and fields, and its
// Content-Type.
func fuzzMultipart(parts ...part) ([]byte, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.SetBoundary("zjfuzz")
	for _, p := range parts {
		if p.filename != "" {
			w, _ := mw.CreateFormFile(p.field, p.filename)
			w.Write([]byte(p.content))
		} else {
			mw.WriteField(p.field, p.content)
		}
	}
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

// addUploadSeeds adds request bodies of each form to f: (Content-Type,
// query, body).
func addUploadSeeds(f *testing.F) {
	report := "某镇2024年工作总结\n一、主要工作\n全年完成投资5亿元，同比增长12%。\n二、2025年工作计划\n力争完成投资6亿元。\n"
	body, ct := fuzzMultipart(part{"file", "a.txt", report}, part{"unit", "", "某镇"}, part{"file", "b.docx", "PK\x03\x04"}, part{"period", "", "2024"})
	f.Add(ct, "", body)
	body, ct = fuzzMultipart(part{"a", "a.md", "# 标题\n正文"}, part{"b", "", "3"}, part{"b_unit", "", "x"})
	f.Add(ct, "", body)
	body, ct = fuzzMultipart(part{"old", "", "1"}, part{"new", "n.txt", report}, part{"csrf", "", "t"})
	f.Add(ct, "", body)
	f.Add("multipart/form-data; boundary=zjfuzz", "", []byte("--zjfuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\x00.txt\"\r\n\r\nx\r\n--zjfuzz--\r\n"))
	f.Add("multipart/form-data; boundary=zjfuzz", "", []byte("--zjfuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc"))
	f.Add("multipart/form-data", "", []byte("--x--"))
	f.Add("application/json", "", []byte(`{"name":"a.txt","text":"`+strings.ReplaceAll(report, "\n", `\n`)+`","unit":"某镇","period":"2024H1"}`))
	f.Add("application/json", "", []byte(`{"a":{"id":1},"b":{"name":"b.docx","data":"UEsDBA=="}}`))
	f.Add("application/json", "", []byte(`{"old":{"text":"x","period":"明年"},"new":{"id":-1}}`))
	f.Add("application/json; charset=utf-8", "", []byte(`{"name":"a.txt","text":"x"} trailing`))
	f.Add("text/plain; charset=gbk", "name=r.txt&unit=%E6%9F%90%E9%95%87&period=2024", []byte(report))
	f.Add("text/markdown", "", []byte("# 某镇2024年工作总结\n\n全年完成投资5亿元。"))
	f.Add("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "name=x.docx", []byte("PK\x03\x04\x14\x00"))
	f.Add("application/x-www-form-urlencoded", "", []byte("file=x"))
	f.Add("multipart/form-data; boundary=\"", "", []byte{})
	f.Add("", "name=%ff.txt", []byte{0xff, 0xfe, 0x00})
}

// checkDecodeError fails the test when a decoder's error is not one of
// the user's, with a code and a message.
func checkDecodeError(t *testing.T, err error) {
	t.Helper()
	var mb *http.MaxBytesError
	if err == nil || errors.As(err, &mb) {
		return
	}
	if code := app.ErrorCode(err); !decodeCodes[code] || app.ErrorMessage(err) == "" {
		t.Fatalf("decode error %v: code %q", err, code)
	}
}

// FuzzDecodeFiles decodes the files of any request body (the uploads of
// extract, check, similar, series): it never panics, fails with a code of
// the user's, and gives only files with a valid name and bytes (or the
// error of that file alone).
func FuzzDecodeFiles(f *testing.F) {
	addUploadSeeds(f)
	f.Fuzz(func(t *testing.T, ct, query string, body []byte) {
		r := newRequest("POST", "/api/v1/check", bytes.NewReader(body))
		r.URL.RawQuery = query
		if ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		r.Body = http.MaxBytesReader(nil, r.Body, 1<<20)
		ups, err := decodeFiles(r, 3)
		if err != nil {
			checkDecodeError(t, err)
			return
		}
		if len(ups) == 0 || len(ups) > 3 {
			t.Fatalf("%d files", len(ups))
		}
		for _, u := range ups {
			if u.err != nil {
				checkDecodeError(t, u.err)
				continue
			}
			if u.in.Data == nil || !utf8.ValidString(u.in.Name) || strings.TrimSpace(u.in.Name) == "" {
				t.Fatalf("file %q: %d bytes (nil %v)", u.in.Name, len(u.in.Data), u.in.Data == nil)
			}
		}
	})
}

// FuzzDecodePair decodes the two reports of any compare or track body:
// it never panics, fails with a code of the user's, and otherwise gives
// two reports, each a stored one or a file with its bytes.
func FuzzDecodePair(f *testing.F) {
	addUploadSeeds(f)
	f.Fuzz(func(t *testing.T, ct, _ string, body []byte) {
		for _, names := range [][2]string{{"a", "b"}, {"old", "new"}} {
			r := newRequest("POST", "/api/v1/compare", bytes.NewReader(body))
			if ct != "" {
				r.Header.Set("Content-Type", ct)
			}
			r.Body = http.MaxBytesReader(nil, r.Body, 1<<20)
			p, err := decodePair(r, names)
			if err != nil {
				checkDecodeError(t, err)
				continue
			}
			for i, ra := range p {
				if ra.ref.ID < 0 || ra.ref.ID == 0 && ra.ref.Input.Data == nil {
					t.Fatalf("%s: %+v", names[i], ra.ref)
				}
			}
		}
	})
}

// FuzzAPI sends any request to any route of the API, through the whole
// server (with no store): it never panics or fails with a server error,
// and every answer is one the OpenAPI document describes.
func FuzzAPI(f *testing.F) {
	var logbuf lockedBuf
	s := newTestServer(f, &logbuf, Options{})
	var apiRoutes [][2]string
	for _, rt := range routes(s) {
		if strings.HasPrefix(rt[1], "/api/") {
			apiRoutes = append(apiRoutes, rt)
		}
	}
	for i := range apiRoutes {
		f.Add(uint8(i), "id=1&a=1&b=2&unit=x&q=%E5%B7%A5%E4%BD%9C&top=3", "text/plain", []byte("某镇2024年工作总结\n全年完成投资5亿元。"))
	}
	f.Add(uint8(0), "level=error", "application/json", []byte(`{"text":"x"}`))
	f.Add(uint8(1), "", "multipart/form-data; boundary=zjfuzz", []byte("--zjfuzz--"))
	f.Fuzz(func(t *testing.T, route uint8, query, ct string, body []byte) {
		rt := apiRoutes[int(route)%len(apiRoutes)]
		target := wildcard.ReplaceAllString(rt[1], "1")
		if query != "" {
			target += "?" + query
		}
		r, err := http.NewRequest(rt[0], "http://127.0.0.1:8080"+target, bytes.NewReader(body))
		if err != nil {
			return // not a request a client can send
		}
		r.RemoteAddr = "127.0.0.1:1234"
		if ct != "" {
			r.Header.Set("Content-Type", ct)
		}
		r.Header.Set(apiHeader, "1")
		w := serve(s, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s (%q): status %d: %s\nLOG: %s", rt[0], target, ct, w.Code, w.Body, logbuf.tail())
		}
		if w.Code >= 400 {
			var e errorJSON
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
				t.Fatalf("%s %s: error body %q", rt[0], target, w.Body)
			}
		}
		validateResponse(t, s, r, w)
	})
}

// lockedBuf keeps the end of the server's log for FuzzAPI's failures:
// the requests before a server error, which a fuzz run's state led to.
type lockedBuf struct {
	mu sync.Mutex
	b  []byte
}

func (l *lockedBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b = append(l.b, p...)
	if len(l.b) > 1<<20 {
		l.b = append([]byte(nil), l.b[len(l.b)-64<<10:]...)
	}
	return len(p), nil
}

// tail returns the last lines logged (about 6 KB).
func (l *lockedBuf) tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.b[max(0, len(l.b)-6000):])
}
