package check

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"zongjie/internal/safefile"
)

// ConfigName is the file name of a project configuration.
const ConfigName = "zongjie.toml"

// Config is a project's checker configuration, read from zongjie.toml:
//
//	[rules]
//	disable = ["NM007", "typo-variant"]  # by ID or name
//	enable = ["TY007"]                  # rules that are off by default
//	[rules.severity]
//	TY003 = "warning"
//
//	[typos]                             # extra wrong → right pairs
//	"青禾街办" = "青禾街道"
//
//	[names]                             # canonical names: near misses are errors
//	units = ["青禾街道党工委"]
//	leaders = ["王建国"]
//
//	[banned]                            # words that must not appear, with why
//	"老板" = "称负责人"
type Config struct {
	Rules struct {
		Disable  []string          `toml:"disable"`
		Enable   []string          `toml:"enable"`
		Severity map[string]string `toml:"severity"`
	} `toml:"rules"`
	Typos map[string]string `toml:"typos"`
	Names struct {
		Units   []string `toml:"units"`
		Leaders []string `toml:"leaders"`
	} `toml:"names"`
	Banned map[string]string `toml:"banned"`

	// Path is the file the configuration was read from, "" for defaults.
	Path string `toml:"-"`
}

// LoadConfig reads a configuration file. Unknown keys are an error, so that
// a typo in the file does not silently do nothing.
func LoadConfig(path string) (*Config, error) {
	data, err := safefile.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: 无法读取配置文件：%s", path, safefile.Reason(err))
	}
	return ParseConfig(path, string(data))
}

// ParseConfig reads a configuration from text, named path in messages.
func ParseConfig(path, text string) (*Config, error) {
	var c Config
	md, err := toml.Decode(text, &c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s: 配置文件格式错误：%s", path, perr.Message)
		}
		return nil, fmt.Errorf("%s: 无法读取配置文件：%w", path, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		keys := make([]string, len(undecoded))
		for i, k := range undecoded {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%s: 配置文件中有无法识别的项：%s", path, strings.Join(keys, ", "))
	}
	for k, v := range c.Rules.Severity {
		if _, ok := ParseSeverity(v); !ok {
			return nil, fmt.Errorf("%s: 规则 %s 的级别 %q 无效，应为 error、warning 或 info", path, k, v)
		}
	}
	c.Path = path
	return &c, nil
}

// FindConfig looks for zongjie.toml in dir and its parents and returns its
// path, or "" when there is none.
func FindConfig(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Validate checks that every rule the configuration names exists.
func (c *Config) Validate(rules []*Rule) error {
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID], known[r.Name] = true, true
	}
	var unknown []string
	for _, list := range [][]string{c.Rules.Disable, c.Rules.Enable} {
		for _, id := range list {
			if !known[id] && id != "all" {
				unknown = append(unknown, id)
			}
		}
	}
	for id := range c.Rules.Severity {
		if !known[id] {
			unknown = append(unknown, id)
		}
	}
	if len(unknown) > 0 {
		return fmt.Errorf("%s: 未知的规则：%s（运行 zongjie rules 查看全部规则）", c.Path, strings.Join(unknown, ", "))
	}
	return nil
}

// severity returns the configured severity of r and whether it is on.
// Rules named by ID or name; "all" in disable turns every rule off unless
// it is enabled again.
func (c *Config) severity(r *Rule) (Severity, bool) {
	on := !r.OffByDefault
	if contains(c.Rules.Disable, "all") || contains(c.Rules.Disable, r.ID) || contains(c.Rules.Disable, r.Name) {
		on = false
	}
	if contains(c.Rules.Enable, r.ID) || contains(c.Rules.Enable, r.Name) {
		on = true
	}
	sev := r.Severity
	for _, key := range []string{r.ID, r.Name} {
		if s, ok := c.Rules.Severity[key]; ok {
			sev, _ = ParseSeverity(s)
		}
	}
	return sev, on
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
