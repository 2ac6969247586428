package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"zongjie"
	"zongjie/app"
	"zongjie/extract"
)

// parseFlags parses args with fs, allowing flags after file names
// ("zongjie extract a.txt --format json"), and returns the file names.
// "-" alone is a file name (standard input); "--" ends the flags. A blank
// argument or a flag given a blank value is an error, not a silent
// default: it is said on fs's output.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	files, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		if err == nil && strings.TrimSpace(f.Value.String()) == "" {
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			err = fmt.Errorf("%s%s 的值不能为空", dash, f.Name)
		}
	})
	for _, a := range files {
		if err == nil && strings.TrimSpace(a) == "" {
			err = errors.New("参数不能为空（空的文件名、编号或查询词）")
		}
	}
	if err != nil {
		fmt.Fprintf(fs.Output(), "zongjie %s: %v\n", fs.Name(), err)
		return nil, err
	}
	return files, nil
}

func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
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

// metaOptions are the --unit and --period flags: what the user states
// about the reports of the files, over what they say of themselves (see
// meta.Override). Each takes one value for every file, or a list of one
// per file in order, separated by commas.
type metaOptions struct {
	unitFlag, periodFlag *string
	units                []string
	periods              []*zongjie.Term
}

// metaFlags adds --unit and --period to fs, for the files of a command.
func metaFlags(fs *flag.FlagSet) *metaOptions {
	return metaFlagsFor(fs, "指定单位名称，覆盖自动识别；多个文件可用逗号分隔，依次对应")
}

// metaFlagsFor is metaFlags with another text for --unit (for commands
// whose --unit also selects stored reports).
func metaFlagsFor(fs *flag.FlagSet, unitUsage string) *metaOptions {
	return &metaOptions{
		unitFlag: fs.String("unit", "", unitUsage),
		periodFlag: fs.String("period", "", "报告回顾的时段，如 2024、2024H1、2024Q3、2024年上半年，覆盖自动识别（计划的时段随之推定；"+
			"只有计划的报告则为计划的时段；2024年的政府工作报告回顾 2023年）；多个文件可用逗号分隔，依次对应"),
	}
}

// splitValues splits a flag value at commas (half- or full-width); an
// empty part stays, for the caller to refuse.
func splitValues(s string) []string {
	parts := strings.Split(strings.ReplaceAll(s, "，", ","), ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// parse reads the flags for the given number of files: each flag is
// unset, one value, or one value per file. A value given but blank is an
// error, not the absence of one.
func (m *metaOptions) parse(files int) error {
	m.units, m.periods = nil, nil
	count := func(name string, raw string, n int) error {
		if n != 1 && n != files {
			if files <= 1 {
				return fmt.Errorf("--%s 只能给出一个值，不是 %d 个（%q）", name, n, raw)
			}
			return fmt.Errorf("--%s 应给出一个值，或依次给出每个文件的值（%d 个），不是 %d 个（%q）", name, files, n, raw)
		}
		return nil
	}
	if raw := *m.unitFlag; raw != "" {
		m.units = splitValues(raw)
		for _, u := range m.units {
			if u == "" {
				return fmt.Errorf("--unit 的值不能为空（%q）", raw)
			}
		}
		if len(m.units) == 0 {
			return fmt.Errorf("--unit 的值不能为空（%q）", raw)
		}
		if err := count("unit", raw, len(m.units)); err != nil {
			return err
		}
	}
	if raw := *m.periodFlag; raw != "" {
		vals := splitValues(raw)
		for _, v := range vals {
			if v == "" {
				return fmt.Errorf("--period 的值不能为空（%q）", raw)
			}
		}
		if err := count("period", raw, len(vals)); err != nil {
			return err
		}
		for _, v := range vals {
			t, err := zongjie.ParseTerm(v)
			if err != nil {
				return err
			}
			m.periods = append(m.periods, &t)
		}
	}
	return nil
}

// unit returns the unit stated for file i, or "".
func (m *metaOptions) unit(i int) string {
	switch len(m.units) {
	case 0:
		return ""
	case 1:
		return m.units[0]
	}
	return m.units[i]
}

// period returns the period stated for file i, or nil.
func (m *metaOptions) period(i int) *zongjie.Term {
	switch len(m.periods) {
	case 0:
		return nil
	case 1:
		return m.periods[0]
	}
	return m.periods[i]
}

// forFile returns what the user states about file i, for extraction.
func (m *metaOptions) forFile(i int) extract.Options {
	return extract.Options{Unit: m.unit(i), Period: m.period(i)}
}

// argRef reads a FILE|ID argument: an existing file (or "-", standard
// input), else the ID of a stored report.
func argRef(e *env, arg string) (app.Ref, error) {
	if _, err := os.Stat(arg); err == nil || arg == "-" {
		return app.File(fileInput(e, arg)), nil
	}
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return app.Ref{}, app.Errorf(app.NotFound, "%s：文件不存在，也不是报告编号", arg)
	}
	return app.Stored(id), nil
}
