package app_test

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/reader"
	"zongjie/store"
)

// englishAside is an English phrase in full-width parentheses, the old
// way of adding English to a message (没有数据库（no database）): two or
// more words. A field or command name (（unit）, （zongjie versions 3
// 列出各版）, （GB/T 9704）) is no phrase.
var englishAside = regexp.MustCompile(`（[A-Za-z]+(?:[ -][A-Za-z]+)+）`)

// commandNames are asides that name a command, not English.
var commandNames = map[string]bool{"（db restore）": true, "（db check）": true}

// Ensure what people read of a failure, on the pages and on the command
// line, is in Chinese alone: a reader error without its English, a
// cancelled request, a store's unknown ID, a unit without reports, an
// operation without a database; near miss: the API's message
// (ErrorMessage) keeps a reader error's English, as documented.
func TestUserMessageChinese(t *testing.T) {
	_, pdfErr := reader.Read("报告.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\n"))
	_, emptyErr := reader.Read("空.txt", nil)
	_, zipErr := reader.Read("坏.docx", []byte("PK\x03\x04 broken zip"))
	a := newApp(t)
	_, seriesErr := a.Series(context.Background(), app.SeriesRequest{Unit: "无此单位"})
	noDB := app.New(app.Options{})
	_, noDBErr := noDB.List(context.Background(), store.Filter{})
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"pdf", pdfErr, "报告.pdf: 不支持 PDF 格式"},
		{"empty", emptyErr, "空.txt: "},
		{"zip", zipErr, "坏.docx: 不是有效的 .docx：文件已损坏或被截断"},
		{"wrapped", fmt.Errorf("上传：%w", emptyErr), "空.txt: "},
		{"canceled", context.Canceled, "已取消"},
		{"not found", store.ErrNotFound, "不存在"},
		{"series", seriesErr, "没有单位“无此单位”的报告"},
		{"no database", noDBErr, "没有数据库"},
	} {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		got := app.UserMessage(tt.err)
		if !strings.HasPrefix(got, tt.want) && !strings.Contains(got, tt.want) {
			t.Errorf("%s: UserMessage = %q, want %q", tt.name, got, tt.want)
		}
		var re *reader.Error
		if errors.As(tt.err, &re) && strings.Contains(got, re.En) || englishAside.MatchString(got) || strings.Contains(got, "found") {
			t.Errorf("%s: UserMessage = %q holds English", tt.name, got)
		}
	}
	if got := app.ErrorMessage(pdfErr); !strings.Contains(got, "PDF is not supported") {
		t.Errorf("the API's message %q lost the reader's English", got)
	}
}

// Ensure no message in the application, web and command-line code adds
// an English phrase in parentheses (englishAside): the English is in the
// code (Code), the log and the reader error's En. Near misses, allowed:
// a field or command name.
func TestNoEnglishAsides(t *testing.T) {
	for _, s := range []string{"没有数据库（no database）", "不存在（not found）", "无法保存（no space left on device）"} {
		if !englishAside.MatchString(s) {
			t.Errorf("englishAside misses %q", s)
		}
	}
	for _, s := range []string{"请给出单位（unit）", "（zongjie versions 3 列出各版）", "（GB/T 9704）", "（max_connections）"} {
		if englishAside.MatchString(s) {
			t.Errorf("englishAside takes %q", s)
		}
	}
	for _, dir := range []string{".", "../http", "../cmd/zongjie", "../corpus", "../reader"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && path != dir {
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return err
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s, err := strconv.Unquote(lit.Value); err == nil && englishAside.MatchString(s) && !commandNames[englishAside.FindString(s)] {
						t.Errorf("%s: English in a message: %s", fset.Position(lit.Pos()), englishAside.FindString(s))
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
