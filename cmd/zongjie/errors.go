package main

import (
	"errors"
	"fmt"

	"zongjie/app"
	"zongjie/reader"
)

// exitCodes maps the application's error codes to exit codes, in one
// table: every failure is bad usage or input that cannot be read (2).
var exitCodes = map[app.Code]int{
	app.Invalid:    exitUsage,
	app.NotFound:   exitUsage,
	app.Conflict:   exitUsage,
	app.Unreadable: exitUsage,
	app.TooLarge:   exitUsage,
	app.Canceled:   exitUsage,
	app.Internal:   exitUsage,

	// Accounts.
	app.Unauthorized: exitUsage,
	app.Forbidden:    exitUsage,
	app.RateLimited:  exitUsage,

	// The database cannot be written.
	app.ReadOnly: exitUsage,
	app.Full:     exitUsage,
	app.Busy:     exitUsage,
}

// exitFor returns the exit code of a failure.
func exitFor(err error) int {
	if code, ok := exitCodes[app.ErrorCode(err)]; ok {
		return code
	}
	return exitUsage
}

// fail says err on standard error for command cmd and returns its exit
// code.
func fail(e *env, cmd string, err error) int {
	fmt.Fprintf(e.stderr, "zongjie %s: %s\n", cmd, errorText(err))
	return exitFor(err)
}

// errorText returns what users read of err, in Chinese alone (see
// app.UserMessage).
func errorText(err error) string { return app.UserMessage(err) }

// pathErrorText returns the message of err about the file at path, naming
// the path once: a reading error names it already.
func pathErrorText(path string, err error) string {
	var re *reader.Error
	if errors.As(err, &re) && re.Path != "" {
		return re.Message()
	}
	return path + "：" + errorText(err)
}
