package main

import (
	"flag"
	"fmt"
	"io"

	"zongjie/output"
)

// formatFlag adds --format (text or json) to fs.
func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "text", "输出格式：text 或 json")
}

// formatError is the error of an output format other than text and json.
func formatError(format string) error {
	return fmt.Errorf("不支持的输出格式 %q，可选 text、json", format)
}

// checkFormat reports whether format is text or json, else says the
// error for command cmd.
func checkFormat(e *env, cmd, format string) bool {
	if format != "text" && format != "json" {
		fmt.Fprintf(e.stderr, "zongjie %s: %v\n", cmd, formatError(format))
		return false
	}
	return true
}

// writeFormat writes a command's result to w in the format of --format:
// v as indented JSON for "json", what text writes for "text". Any other
// format writes nothing and is the error checkFormat says. It returns the
// error of the writing.
func writeFormat(w io.Writer, format string, v any, text func(w io.Writer) error) error {
	switch format {
	case "json":
		return output.WriteJSON(w, v)
	case "text":
		sw := &stickyWriter{w: w}
		if err := text(sw); err != nil {
			return err
		}
		return sw.err
	}
	return formatError(format)
}

// writeOut writes a command's result as writeFormat does and returns the
// exit code: exitOK, or exitUsage when it could not be written (a full
// disk, a closed pipe), which is said on standard error — the result is
// lost, so the command must not look as if it succeeded.
func writeOut(e *env, cmd, format string, v any, text func(w io.Writer) error) int {
	return wrote(e, cmd, writeFormat(e.stdout, format, v, text))
}

// writeResult writes a command's result with write, to standard output
// through a sticky writer (so that write may leave fmt.Fprintf's errors
// unchecked), and returns the exit code as writeOut does: for the
// formats writeFormat does not know (csv, markdown, sarif, a diff, a
// file's text).
func writeResult(e *env, cmd string, write func(w io.Writer) error) int {
	sw := &stickyWriter{w: e.stdout}
	err := write(sw)
	if sw.err != nil {
		err = sw.err // the failure itself, not what a writer made of it
	}
	return wrote(e, cmd, err)
}

// wrote returns the exit code of a command whose result's writing ended
// with err: exitOK, or exitUsage said as 写出结果失败.
func wrote(e *env, cmd string, err error) int {
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie %s: 写出结果失败：%s\n", cmd, ioReason(err))
		return exitUsage
	}
	return exitOK
}

// streamed returns the exit code of a command that wrote its result to
// out as it went and ended with err: a failed write of out is said as
// 写出结果失败 whatever err became of it on its way back through the
// application (families' JSON to a full standard output came back as
// ENOSPC and was said as the database's full disk); else err's code.
func streamed(e *env, cmd string, out *stickyWriter, err error) int {
	if out.err != nil {
		return wrote(e, cmd, out.err)
	}
	if err != nil {
		return fail(e, cmd, err)
	}
	return exitOK
}

// say writes the message of what a command did (已删除报告 3。) and
// returns exitOK, or exitUsage when standard output fails: the message is
// lost, which is said, with the action done.
func say(e *env, cmd, format string, args ...any) int {
	if _, err := fmt.Fprintf(e.stdout, format, args...); err != nil {
		fmt.Fprintf(e.stderr, "zongjie %s: 写出结果失败：%s（操作已完成）\n", cmd, ioReason(err))
		return exitUsage
	}
	return exitOK
}

// stickyWriter writes to w and keeps the first error, after which it
// writes nothing: a text writer that leaves fmt.Fprintf's errors
// unchecked is checked once, at its end.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}
