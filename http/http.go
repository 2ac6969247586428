// Package http is zongjie's web app: a Server wrapping net/http that
// serves server-rendered Chinese pages (html/template, embedded) and,
// under /api/, JSON, over the operations of package app. It holds no
// analysis logic: a handler parses the request, calls one app operation
// and renders the value it returns.
//
// Elsewhere the package is imported as zjhttp; cmd never imports
// net/http. docs/web.md says how a page is added, the order of the
// middleware and the CSRF and Content-Security-Policy rules.
package http

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"zongjie/app"
)

// Codes of failures that happen in the HTTP layer itself, before or
// beside an app operation. They share the app codes' namespace: the JSON
// API gives them to programs alike.
const (
	codeForbidden app.Code = app.Forbidden        // a state-changing request without a valid CSRF token, or from another origin or host
	codeMethod    app.Code = "method_not_allowed" // a route that exists, with another method
	codeTimeout   app.Code = "timeout"            // the request took longer than the server allows
)

// statuses maps each code to its HTTP status: the one table.
var statuses = map[app.Code]int{
	app.Invalid:    http.StatusBadRequest,
	app.NotFound:   http.StatusNotFound,
	app.Conflict:   http.StatusConflict,
	app.Unreadable: http.StatusUnprocessableEntity,
	app.TooLarge:   http.StatusRequestEntityTooLarge,
	app.Canceled:   499, // the client closed the request; nobody reads the answer
	app.Internal:   http.StatusInternalServerError,
	codeForbidden:  http.StatusForbidden,
	codeMethod:     http.StatusMethodNotAllowed,
	codeTimeout:    http.StatusServiceUnavailable,
	codeMediaType:  http.StatusUnsupportedMediaType,

	// Accounts.
	app.Unauthorized: http.StatusUnauthorized,
	app.RateLimited:  http.StatusTooManyRequests,

	// The database cannot be written; reads go on.
	app.ReadOnly: http.StatusServiceUnavailable,
	app.Full:     http.StatusInsufficientStorage,
	// The database server is out of connections or memory for now.
	app.Busy: http.StatusServiceUnavailable,
}

// titles are the headings of the error page, per code.
var titles = map[app.Code]string{
	app.Invalid:    "请求有误",
	app.NotFound:   "找不到",
	app.Conflict:   "无法完成",
	app.Unreadable: "无法读取",
	app.TooLarge:   "内容过大",
	app.Canceled:   "已取消",
	app.Internal:   "服务器内部错误",
	codeForbidden:  "拒绝访问",
	codeMethod:     "不支持此操作",
	codeTimeout:    "请求超时",
	codeMediaType:  "不支持的内容格式",

	// Accounts.
	app.Unauthorized: "需要登录",
	app.RateLimited:  "尝试次数过多",

	app.ReadOnly: "数据库只读，无法保存",
	app.Full:     "磁盘已满，无法保存",
	app.Busy:     "数据库繁忙，请稍后再试",
}

// errorCode returns the code of err, seeing through the failures that
// net/http and the middleware report in their own types: a body over its
// route's limit is too large, and an operation stopped by the request's
// deadline (see timeout) timed out rather than was cancelled.
func errorCode(r *http.Request, err error) app.Code {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return app.TooLarge
	case errors.Is(err, context.DeadlineExceeded), errors.Is(r.Context().Err(), context.DeadlineExceeded) && app.ErrorCode(err) == app.Canceled:
		return codeTimeout
	}
	return app.ErrorCode(err)
}

// errorMessage returns what the user reads of err. The text of an
// internal error is for the log, not for the page: it may hold paths,
// SQL or a driver's words.
func errorMessage(err error, code app.Code) string {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return "请求内容超过上限 " + sizeText(mb.Limit) + "，请分开上传或选用较小的文件。"
	case code == codeTimeout:
		return "请求处理时间过长，已停止。请稍后再试，或一次提交较少的内容。"
	case code == app.Internal:
		return "服务器处理请求时出错。请稍后再试；如果一再出现，请把下面的请求编号告诉管理员。"
	}
	return app.ErrorMessage(err)
}

// pageMessage is msg, the message of err, as a page shows it: in Chinese
// alone, without the English that a reader's error adds for logs and
// programs ("文件是空的 (file is empty)"); the API keeps it.
func pageMessage(msg string, err error) string { return app.Chinese(msg, err) }

// Error renders err as the response: a JSON object for the API (and for
// clients that ask for JSON), the error page otherwise, or the error
// fragment for an htmx request, with the status the code maps to. An
// internal error is logged with the request's ID, which the page shows.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	code := errorCode(r, err)
	status, ok := statuses[code]
	if !ok {
		code, status = app.Internal, http.StatusInternalServerError
	}
	id := requestID(r.Context())
	if status >= 500 && code != app.Canceled {
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.String("code", string(code)), slog.String("err", err.Error()))
	}
	if code == app.Canceled {
		w.WriteHeader(status) // the client is gone
		return
	}
	msg := errorMessage(err, code)
	if wantsJSON(r) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(errorJSON{Error: errorBody{Code: string(code), Message: msg, RequestID: id}})
		return
	}
	msg = pageMessage(msg, err)
	data := errorPage{Status: status, Code: string(code), Title: titles[code], Message: msg, RequestID: id}
	block := "base"
	if r.Header.Get("HX-Request") == "true" {
		block = "fragment" // htmx swaps it where the answer was to go
	}
	if rerr := s.renderBlock(w, r, status, "error", block, data); rerr != nil {
		// The error page itself failed: say it in plain text.
		s.log.Error("error page failed", "id", id, "err", rerr)
		http.Error(w, titles[code]+"："+msg, status)
	}
}

// errorJSON is the body of an API error: {"error": {"code", "message",
// "request_id"}}.
type errorJSON struct {
	Error errorBody `json:"error"`
}

type errorBody struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"request_id,omitempty"`
}

// errorPage is the data of the error page.
type errorPage struct {
	Status    int
	Code      string
	Title     string
	Message   string
	RequestID string
}

// wantsJSON reports whether the answer to r is JSON: under /api/, or
// asked for by an Accept header that names JSON and not HTML.
func wantsJSON(r *http.Request) bool {
	if isAPI(r) {
		return true
	}
	accept := r.Header.Get("Accept")
	return containsToken(accept, "application/json") && !containsToken(accept, "text/html")
}
