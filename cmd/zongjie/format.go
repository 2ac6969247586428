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
		return text(w)
	}
	return formatError(format)
}
