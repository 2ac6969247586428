package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"zongjie/app"
	"zongjie/store"
)

// subcommand is a command of a command group (unit add, user passwd …).
type subcommand struct {
	name, brief string
	run         func(ctx context.Context, e *env, args []string) int
}

// runGroup runs the subcommand args[0] of group.
func runGroup(ctx context.Context, e *env, group string, subs []subcommand, args []string) int {
	usage := func() {
		fmt.Fprintf(e.stderr, "用法：zongjie %s <子命令> [选项]\n\n子命令：\n", group)
		for _, s := range subs {
			fmt.Fprintf(e.stderr, "  %-10s %s\n", s.name, s.brief)
		}
		fmt.Fprintf(e.stderr, "\n运行 zongjie %s <子命令> -h 查看该子命令的选项。\n", group)
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage()
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "zongjie %s: 未知子命令 %q\n\n", group, args[0])
	usage()
	return exitUsage
}

// splitList splits a comma-separated flag value (either comma).
func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func runUnit(ctx context.Context, e *env, args []string) int {
	return runGroup(ctx, e, "unit", []subcommand{
		{"add", "添加单位", runUnitAdd},
		{"list", "列出单位树（各单位的报告数、用户数）", runUnitList},
		{"mv", "移动单位到另一上级之下，或改名、改别名", runUnitMv},
		{"assign", "把报告分配给单位", runUnitAssign},
		{"unassigned", "列出尚未分配单位的报告", runUnitUnassigned},
	}, args)
}

func runUnitAdd(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "unit add", "[选项] 名称", "在单位树中添加单位。名称相同的单位可以在不同上级之下。\n"+
		"添加后，尚未分配、名称与之相符的报告自动分配给它。")
	db := dbFlag(fs)
	parent := fs.String("parent", "", "上级单位：名称、别名、全称（如 云川市/东湖区）或编号；不写则为最上层单位")
	alias := fs.String("alias", "", "别名，逗号分隔（报告中的其他叫法，如 满城）")
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || !checkFormat(e, "unit add", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	added, err := a.AddUnit(ctx, app.NewUnit{Name: rest[0], Parent: *parent, Aliases: splitList(*alias)})
	if err != nil {
		return fail(e, "unit add", err)
	}
	return writeOut(e, "unit add", *format, added, func(w io.Writer) error {
		fmt.Fprintf(w, "已添加单位 %s（编号 %d）。", added.Unit.FullName, added.Unit.ID)
		if added.Assigned > 0 {
			fmt.Fprintf(w, "%d 篇未分配的报告已分配给它。", added.Assigned)
		}
		fmt.Fprintln(w)
		return nil
	})
}

func runUnitList(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "unit list", "[选项]", "列出单位树：每个单位的编号、别名、报告数和用户数。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || !checkFormat(e, "unit list", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	tree, err := a.UnitTree(ctx)
	if err != nil {
		return fail(e, "unit list", err)
	}
	return writeOut(e, "unit list", *format, tree, func(w io.Writer) error {
		if len(tree.Units) == 0 {
			fmt.Fprintln(w, "还没有单位。用 zongjie unit add 名称 添加。")
		}
		for _, u := range tree.Units {
			aliases := ""
			if len(u.Aliases) > 0 {
				aliases = "（别名 " + strings.Join(u.Aliases, "、") + "）"
			}
			fmt.Fprintf(w, "%5d  %s%s%s  %d 篇报告  %d 位用户\n", u.ID, strings.Repeat("  ", u.Depth), u.Name, aliases, u.Reports, u.Users)
		}
		if tree.Unassigned > 0 {
			fmt.Fprintf(w, "另有 %d 篇报告尚未分配单位（zongjie unit unassigned 列出，zongjie unit assign 分配）。\n", tree.Unassigned)
		}
		return nil
	})
}

func runUnitMv(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "unit mv", "[选项] 单位 [新上级]", "把单位（连同其下各单位）移到新上级之下；--root 移到最上层；--name 改名；--alias 改别名。")
	db := dbFlag(fs)
	root := fs.Bool("root", false, "移到最上层")
	name := fs.String("name", "", "新名称")
	alias := fs.String("alias", "", "新的别名，逗号分隔（替换原有别名；写 - 清除）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) < 1 || len(rest) > 2 || len(rest) == 2 && *root {
		fs.Usage()
		return exitUsage
	}
	var c app.UnitChange
	switch {
	case len(rest) == 2:
		c.Parent = &rest[1]
	case *root:
		none := ""
		c.Parent = &none
	}
	if *name != "" {
		c.Name = name
	}
	if *alias != "" {
		as := splitList(*alias)
		if *alias == "-" {
			as = []string{}
		}
		c.Aliases = &as
	}
	if c.Parent == nil && c.Name == nil && c.Aliases == nil {
		fmt.Fprintln(e.stderr, "zongjie unit mv: 请给出新上级、--root、--name 或 --alias")
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	u, err := a.ChangeUnit(ctx, rest[0], c)
	if err != nil {
		return fail(e, "unit mv", err)
	}
	return say(e, "unit mv", "单位现为 %s（编号 %d）。\n", u.FullName, u.ID)
}

func runUnitAssign(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "unit assign", "[选项] 单位 编号…", "把报告分配给单位（单位写 - 则取消分配）。--match 按报告中的单位名称自动分配全部未分配的报告。")
	db := dbFlag(fs)
	match := fs.Bool("match", false, "按名称自动分配未分配的报告")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	a := newApp(*db, nil)
	defer a.Close()
	if *match {
		if len(rest) > 0 {
			fs.Usage()
			return exitUsage
		}
		n, err := a.MatchUnassigned(ctx)
		if err != nil {
			return fail(e, "unit assign", err)
		}
		return say(e, "unit assign", "已自动分配 %d 篇报告。\n", n)
	}
	if len(rest) < 2 {
		fs.Usage()
		return exitUsage
	}
	var ids []int64
	for _, s := range rest[1:] {
		id, ok := idArg(e, "unit assign", s)
		if !ok {
			return exitUsage
		}
		ids = append(ids, id)
	}
	unit := rest[0]
	if unit == "-" {
		unit = ""
	}
	if err := a.AssignReports(ctx, ids, unit); err != nil {
		return fail(e, "unit assign", err)
	}
	if unit == "" {
		return say(e, "unit assign", "已取消 %d 篇报告的单位。\n", len(ids))
	}
	return say(e, "unit assign", "已把 %d 篇报告分配给 %s。\n", len(ids), unit)
}

func runUnitUnassigned(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "unit unassigned", "[选项]", "列出尚未分配单位的报告（报告中的单位名称与单位树对不上，或没有写明）。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || !checkFormat(e, "unit unassigned", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	list, err := a.Unassigned(ctx)
	if err != nil {
		return fail(e, "unit unassigned", err)
	}
	return writeOut(e, "unit unassigned", *format, list, func(w io.Writer) error {
		for _, r := range list.Reports {
			s := r.Stored
			fmt.Fprintf(w, "%6d  %s  %s  %s\n", s.ID, unitText(s.Unit), periodText(s), s.Title)
		}
		fmt.Fprintf(w, "共 %d 篇未分配单位的报告。\n", len(list.Reports))
		return nil
	})
}

func runUser(ctx context.Context, e *env, args []string) int {
	return runGroup(ctx, e, "user", []subcommand{
		{"add", "添加用户（第一个管理员：zongjie user add 名称 --unit 单位 --admin）", runUserAdd},
		{"list", "列出用户", runUserList},
		{"passwd", "设置用户的新密码", runUserPasswd},
		{"token", "为用户创建、列出或撤销 API 令牌", runUserToken},
		{"disable", "停用用户（--enable 重新启用）", runUserDisable},
	}, args)
}

// readPassword reads a new password: typed at the terminal without echo,
// twice; or, when standard input is not a terminal (a script), its first
// line.
func readPassword(e *env, prompt string) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, prompt)
		p1, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(e.stderr, "再输入一次：")
		p2, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		if string(p1) != string(p2) {
			return "", errors.New("两次输入的密码不一致")
		}
		return string(p1), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("没有读到密码：请在终端输入，或从标准输入给出一行（如 echo 密码 | zongjie user passwd 名称）")
	}
	return line, nil
}

func runUserAdd(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "user add", "[选项] 用户名", "添加用户。没有默认密码：密码在终端输入（不回显），或从标准输入读一行（脚本）。\n"+
		"第一个管理员这样创建：zongjie user add 名称 --unit 最上层单位 --admin")
	db := dbFlag(fs)
	unit := fs.String("unit", "", "所属单位：名称、别名、全称或编号（必填）")
	role := fs.String("role", "drafter", "角色：drafter（起草，本单位的报告）、reviewer（审阅，本单位及下级单位）、admin（管理员）")
	admin := fs.Bool("admin", false, "管理员（同 --role admin）")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 || *unit == "" {
		fs.Usage()
		return exitUsage
	}
	r := store.Role(*role)
	if *admin {
		r = store.Admin
	}
	if !r.Valid() {
		fmt.Fprintf(e.stderr, "zongjie user add: --role %q 无效，可选 drafter、reviewer、admin\n", *role)
		return exitUsage
	}
	pw, err := readPassword(e, "为 "+rest[0]+" 设置密码：")
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie user add: %v\n", err)
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	acc, err := a.AddUser(ctx, app.NewUser{Name: rest[0], Password: pw, Unit: *unit, Role: r})
	if err != nil {
		return fail(e, "user add", err)
	}
	return say(e, "user add", "已添加用户 %s（%s，%s）。\n", acc.Name, acc.Unit, app.RoleWords(acc.Role))
}

func runUserList(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "user list", "[选项]", "列出用户。")
	db := dbFlag(fs)
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 || !checkFormat(e, "user list", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	us, err := a.ListUsers(ctx)
	if err != nil {
		return fail(e, "user list", err)
	}
	return writeOut(e, "user list", *format, us, func(w io.Writer) error {
		for _, u := range us {
			state := ""
			if u.Disabled {
				state = "  已停用"
			}
			last := "从未登录"
			if u.LastLogin != nil {
				last = "最近登录 " + u.LastLogin.Local().Format("2006-01-02 15:04")
			}
			fmt.Fprintf(w, "%5d  %s  %s  %s  %s%s\n", u.ID, u.Name, u.Unit, app.RoleWords(u.Role), last, state)
		}
		fmt.Fprintf(w, "共 %d 位用户。\n", len(us))
		return nil
	})
}

func runUserPasswd(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "user passwd", "[选项] 用户名", "设置用户的新密码（在终端输入，不回显；或从标准输入读一行）。该用户的会话随之结束。")
	db := dbFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	pw, err := readPassword(e, "为 "+rest[0]+" 设置新密码：")
	if err != nil {
		fmt.Fprintf(e.stderr, "zongjie user passwd: %v\n", err)
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	if err := a.SetPassword(ctx, rest[0], pw); err != nil {
		return fail(e, "user passwd", err)
	}
	return say(e, "user passwd", "已设置 %s 的新密码。\n", rest[0])
}

func runUserToken(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "user token", "[选项] 用户名", "为用户创建 API 令牌（--name 名称；令牌只显示这一次），或 --list 列出、--revoke 编号 撤销。")
	db := dbFlag(fs)
	name := fs.String("name", "", "新令牌的名称（如 导入脚本）")
	list := fs.Bool("list", false, "列出该用户的令牌")
	revoke := fs.Int64("revoke", 0, "撤销此编号的令牌")
	format := formatFlag(fs)
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	n := 0
	for _, b := range []bool{*name != "", *list, *revoke != 0} {
		if b {
			n++
		}
	}
	if len(rest) != 1 || n != 1 || !checkFormat(e, "user token", *format) {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	switch {
	case *list:
		ts, err := a.ListTokens(ctx, rest[0])
		if err != nil {
			return fail(e, "user token", err)
		}
		return writeOut(e, "user token", *format, ts, func(w io.Writer) error {
			for _, t := range ts {
				state := "从未使用"
				if t.LastUsed != nil {
					state = "最近使用 " + t.LastUsed.Local().Format("2006-01-02 15:04")
				}
				if t.Revoked != nil {
					state += "  已撤销"
				}
				fmt.Fprintf(w, "%5d  %s  创建于 %s  %s\n", t.ID, t.Name, t.Created.Local().Format("2006-01-02 15:04"), state)
			}
			fmt.Fprintf(w, "共 %d 个令牌。\n", len(ts))
			return nil
		})
	case *revoke != 0:
		if err := a.RevokeToken(ctx, rest[0], *revoke); err != nil {
			return fail(e, "user token", err)
		}
		return say(e, "user token", "已撤销令牌 %d。\n", *revoke)
	default:
		t, err := a.CreateToken(ctx, rest[0], *name)
		if err != nil {
			return fail(e, "user token", err)
		}
		if code := writeOut(e, "user token", *format, t, func(w io.Writer) error {
			if _, err := fmt.Fprintln(w, t.Secret); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "已为 %s 创建令牌“%s”（编号 %d）。令牌只显示这一次，请妥善保存；请求时放在 Authorization: Bearer 之后。\n", t.User, t.Name, t.ID)
			return nil
		}); code != exitOK {
			// The token exists but its secret was lost: it can only be
			// revoked.
			fmt.Fprintf(e.stderr, "令牌“%s”（编号 %d）已创建，但未能写出；请用 zongjie user token --revoke %d %s 撤销后重新创建。\n", t.Name, t.ID, t.ID, t.User)
			return code
		}
	}
	return exitOK
}

func runUserDisable(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "user disable", "[选项] 用户名", "停用用户：不能再登录，会话结束，令牌失效。--enable 重新启用。")
	db := dbFlag(fs)
	enable := fs.Bool("enable", false, "重新启用")
	rest, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fs.Usage()
		return exitUsage
	}
	a := newApp(*db, nil)
	defer a.Close()
	if err := a.DisableUser(ctx, rest[0], !*enable); err != nil {
		return fail(e, "user disable", err)
	}
	if *enable {
		return say(e, "user disable", "已重新启用用户 %s。\n", rest[0])
	}
	return say(e, "user disable", "已停用用户 %s。\n", rest[0])
}
