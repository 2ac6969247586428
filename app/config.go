package app

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"zongjie/check"
	"zongjie/check/rules"
)

// Configs finds the checker's configuration of each checked file: the
// Explicit file for all, or the nearest zongjie.toml above the file (above
// the working directory for standard input, the demo, stored reports and
// uploads), loaded once per configuration file. Enable and Disable (the
// command line's flags) win over the file. The zero value checks with the
// defaults of every rule found from the working directory. It is safe for
// concurrent use.
type Configs struct {
	Explicit        string
	Enable, Disable []string

	mu    sync.Mutex
	cache map[string]*check.Config
	// pinned, once Pin has run, is the configuration of every input not
	// on disk: found and read once, so that checking one reads no file.
	pinned *check.Config
}

// Pin finds and reads now the configuration of the inputs not on disk
// (Explicit, or the nearest zongjie.toml above the working directory, or
// the defaults), and uses it for all of them from then on: a server
// checks uploads and stored reports without looking at the file system
// on each request. A configuration that cannot be read is an Invalid
// error. Files on disk are still configured from their own folders.
func (l *Configs) Pin() error {
	c, err := l.For("-", true)
	if err != nil {
		return err
	}
	l.mu.Lock()
	l.pinned = c
	l.mu.Unlock()
	return nil
}

// ValidateFlags checks Enable and Disable against the rules.
func (l *Configs) ValidateFlags() error {
	c := &check.Config{}
	c.Rules.Enable, c.Rules.Disable = l.Enable, l.Disable
	c.Path = "命令行"
	if err := c.Validate(rules.All()); err != nil {
		return wrap(Invalid, err, "%v", err)
	}
	return nil
}

// For returns the configuration of the file at path; embedded says the
// file is not on disk (standard input, the demo, a stored report, an
// upload), so the search starts in the working directory.
func (l *Configs) For(path string, embedded bool) (*check.Config, error) {
	if embedded || path == "-" {
		l.mu.Lock()
		c := l.pinned
		l.mu.Unlock()
		if c != nil {
			return c, nil
		}
	}
	file := l.Explicit
	if file == "" {
		dir := "."
		if path != "-" && !embedded {
			dir = filepath.Dir(path)
		}
		file = check.FindConfig(dir)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cache == nil {
		l.cache = map[string]*check.Config{}
	}
	if c, ok := l.cache[file]; ok {
		return c, nil
	}
	c := &check.Config{}
	if file != "" {
		var err error
		if c, err = check.LoadConfig(file); err != nil {
			return nil, wrap(Invalid, err, "%v", err)
		}
		if err := c.Validate(rules.All()); err != nil {
			return nil, wrap(Invalid, err, "%v", err)
		}
	}
	// The flags come last: they win over the file.
	var enable []string
	for _, id := range c.Rules.Enable {
		if !slices.Contains(l.Disable, id) {
			enable = append(enable, id)
		}
	}
	c.Rules.Enable = append(enable, l.Enable...)
	c.Rules.Disable = append(c.Rules.Disable, l.Disable...)
	l.cache[file] = c
	return c, nil
}

// SplitList splits a list given as one value: rule IDs or names
// separated by commas (half- or full-width) or spaces.
func SplitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' })
}
