// Command zongjie reads Chinese work reports (工作总结, 工作计划, 讲话,
// 政府工作报告) and turns them into data.
//
// Usage:
//
//	zongjie extract [--format text|json|csv] FILE...
//	zongjie extract --demo
//	zongjie version
//
// Exit codes: 0 success, 1 findings (for commands that report findings),
// 2 bad usage or unreadable input.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"syscall"

	"zongjie/app"
	"zongjie/internal/buildinfo"
)

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// version may be set at build time with -ldflags "-X main.version=…";
// otherwise the module version and revision the Go toolchain records are
// shown (package buildinfo).
var version = "dev"

func main() {
	// Interrupted or terminated, a command stops at its next step rather
	// than at once: a file being written is finished or left untouched.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one subcommand.
type command struct {
	name  string
	brief string // Chinese, for the help text
	run   func(ctx context.Context, env *env, args []string) int
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"check", "校对报告，报告错误并可自动修改", runCheck},
		{"extract", "读取报告，输出元数据、提纲、指标和目标", runExtract},
		{"rules", "列出校对规则及其说明", runRules},
		{"export", "按公文格式（GB/T 9704）导出 .docx", runExport},
		{"add", "把报告加入数据库", runAdd},
		{"list", "列出数据库中的报告", runList},
		{"show", "显示一篇已保存的报告", runShow},
		{"versions", "列出一篇报告的各个版本，比较两个版本", runVersions},
		{"restore", "把报告的一个旧版本恢复为当前版本", runRestore},
		{"rm", "删除报告（30 天内管理员可恢复：rm --undo）", runRm},
		{"compare", "比较两篇报告的相同文字", runCompare},
		{"similar", "找出与之文字相同最多的报告", runSimilar},
		{"families", "把出自同一模板或旧报告的报告分组", runFamilies},
		{"search", "全文检索已保存的报告", runSearch},
		{"track", "对照上期目标和本期完成情况", runTrack},
		{"series", "列出一个单位各期的指标数值", runSeries},
		{"draft", "按上期计划起草本期总结和下期计划", runDraft},
		{"serve", "启动网页版（在浏览器中上传、校对和审阅）", runServe},
		{"unit", "单位树：添加、列出、移动单位，分配报告", runUnit},
		{"user", "用户：添加、设置密码、API 令牌、停用", runUser},
		{"audit", "查看、筛选、导出审计日志", runAudit},
		{"backup", "在线备份 SQLite 数据库到新文件", runBackup},
		{"db", "数据库：从备份恢复（db restore）、检查（db check）", runDB},
		{"version", "显示版本", runVersion},
	}
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	// The command line acts for the local user: no account, every unit.
	ctx = app.WithUser(ctx, app.User{Name: localName()})
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(stderr, "zongjie: 未知命令 %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "zongjie —— 工作总结、计划、讲话与政府工作报告的读取与校对工具")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "用法：zongjie <命令> [选项] [文件…]")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "命令：")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.brief)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "运行 zongjie <命令> -h 查看该命令的选项。")
}

func runVersion(_ context.Context, e *env, _ []string) int {
	return writeResult(e, "version", func(w io.Writer) error {
		for _, l := range buildinfo.Read(version).Lines() {
			fmt.Fprintln(w, l)
		}
		return nil
	})
}

// localName names the local user in the audit log: the system's login
// name, "" when unknown.
func localName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "本机:" + u.Username
	}
	return ""
}
