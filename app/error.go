package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"zongjie/reader"
	"zongjie/store"
)

// Code says what kind of failure an Error is. The codes are stable: the
// command line maps them to exit codes, the web app to HTTP statuses, each
// in one table, and the JSON API gives them to programs.
type Code string

// Codes.
const (
	Invalid    Code = "invalid"    // the request is wrong: an argument, a flag, a field, a period
	NotFound   Code = "not_found"  // no such report, version, unit or file
	Conflict   Code = "conflict"   // the request contradicts the state: a report against itself, a version already current
	Unreadable Code = "unreadable" // an input that cannot be read as a report: its format, its encoding, damage
	TooLarge   Code = "too_large"  // an input over the size limit
	Canceled   Code = "canceled"   // the caller gave up (Ctrl-C, a closed request)
	Internal   Code = "internal"   // anything else: a store failure, a bug

	Unauthorized Code = "unauthorized" // no valid sign-in: a wrong password, an expired session, a revoked token
	Forbidden    Code = "forbidden"    // signed in, but the user's role or unit does not allow it (a report the user may read but not change)
	RateLimited  Code = "rate_limited" // too many attempts: sign-ins locked for a while

	ReadOnly Code = "read_only" // the database cannot be written (a read-only file, mount or server); reads go on
	Full     Code = "full"      // no space left for the database; reads go on
	Busy     Code = "busy"      // the database server is out of connections or memory for now: later, the same request may work
)

// The messages of the store's faults: what happened, that reading goes
// on, and what an administrator does.
const (
	readOnlyMessage = "数据库是只读的，无法保存。已保存的报告仍可查看、检索和比对；请管理员检查数据库文件及其所在磁盘是否可写。"
	fullMessage     = "数据库所在的磁盘已满，无法保存。已保存的报告仍可查看、检索和比对；请管理员清理磁盘空间后再试。"
	busyMessage     = "数据库服务器暂时没有空闲的连接或内存，无法完成。请稍后再试；如一再出现，请管理员检查数据库服务器的连接数上限（max_connections）和内存。"
)

// faultError returns the Error of a store fault (store.Fault), or nil.
func faultError(err error) *Error {
	switch store.Fault(err) {
	case store.ErrReadOnly:
		return &Error{Code: ReadOnly, Message: readOnlyMessage, Err: err}
	case store.ErrFull:
		return &Error{Code: Full, Message: fullMessage, Err: err}
	case store.ErrBusy:
		return &Error{Code: Busy, Message: busyMessage, Err: err}
	}
	return nil
}

// Error is a failure of an operation as users see it: a code and a
// message in Chinese alone that names the file or report and the reason.
// The code is the English, for programs and logs.
type Error struct {
	Code    Code
	Message string
	Err     error // the cause, for errors.Is and errors.As; may be nil
}

// Error returns the message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an Error with a formatted message and no cause.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// wrap returns an Error with the code and message, caused by err.
func wrap(code Code, err error, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorCode returns the code of err: an Error's own; Unreadable (or
// TooLarge) for a reader error; NotFound for a store's unknown ID,
// Conflict for a store's conflict; ReadOnly or Full for a database that
// cannot be written (store.Fault), unless an Error of another code than
// Internal holds it; Canceled for a cancelled context; Internal for
// anything else.
func ErrorCode(err error) Code {
	var e *Error
	var re *reader.Error
	switch {
	case err == nil:
		return ""
	case (!errors.As(err, &e) || e.Code == Internal) && faultError(err) != nil:
		return faultError(err).Code
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, reader.ErrTooLarge):
		return TooLarge
	case errors.As(err, &re):
		return Unreadable
	case errors.Is(err, store.ErrNotFound):
		return NotFound
	case errors.Is(err, store.ErrConflict):
		return Conflict
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return Canceled
	}
	return Internal
}

// ErrorMessage returns the message of err for programs (the JSON API): an
// Error's message, a reader error's (Chinese, then the English in
// parentheses, as the API has always given it), the message of a store
// fault (as ErrorCode), 不存在 or 与现有内容冲突 for a store's unknown ID
// or conflict, 已取消 for a cancelled context, and the error's text
// otherwise. People read UserMessage.
func ErrorMessage(err error) string {
	var e *Error
	var re *reader.Error
	switch {
	case err == nil:
		return ""
	case (!errors.As(err, &e) || e.Code == Internal) && faultError(err) != nil:
		return faultError(err).Message
	case errors.As(err, &e):
		return e.Message
	case errors.As(err, &re):
		return re.Error()
	case errors.Is(err, context.Canceled):
		return "已取消"
	case errors.Is(err, store.ErrNotFound):
		return "不存在"
	case errors.Is(err, store.ErrConflict):
		return "与现有内容冲突"
	}
	return err.Error()
}

// UserMessage returns what people read of err on the pages and on the
// command line: ErrorMessage in Chinese alone (see Chinese).
func UserMessage(err error) string { return Chinese(ErrorMessage(err), err) }

// Chinese returns msg, a message of err, without the English that a
// reader error inside err adds for logs and programs ("a.txt: 文件是空的
// (file is empty)" becomes "a.txt: 文件是空的").
func Chinese(msg string, err error) string {
	var re *reader.Error
	if errors.As(err, &re) && re.En != "" {
		msg = strings.ReplaceAll(msg, " ("+re.En+")", "")
	}
	return msg
}

// notFoundText says why a stored report could not be had.
func notFoundText(err error) string {
	if errors.Is(err, store.ErrNotFound) {
		return "不存在"
	}
	return err.Error()
}
