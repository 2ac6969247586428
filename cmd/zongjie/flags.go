package main

import (
	"flag"
	"strings"
)

// parseFlags parses args with fs, allowing flags after file names
// ("zongjie extract a.txt --format json"), and returns the file names.
// "-" alone is a file name (standard input); "--" ends the flags.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if rest[0] == "--" {
			return append(files, rest[1:]...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
		// Anything after a file that does not look like a flag is a file too.
		for len(args) > 0 && (!strings.HasPrefix(args[0], "-") || args[0] == "-") {
			files = append(files, args[0])
			args = args[1:]
		}
	}
}
