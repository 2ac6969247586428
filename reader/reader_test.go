package reader_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"zongjie/document"
	"zongjie/reader"
)

const sample = "石桥镇2024年工作总结\r\n一、主要成效\r\n　　全年完成财政收入1.2亿元，同比增长6.5％。\r\n\r\n二、存在问题\r"

// paragraphs returns the text of each paragraph.
func paragraphs(f *document.File) []string {
	var out []string
	for _, p := range f.Paragraphs {
		out = append(out, f.Slice(p.Span))
	}
	return out
}

// Ensure every supported encoding decodes to the same text, with LF line
// endings, and that the encoding is named.
func TestEncodings(t *testing.T) {
	want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(sample)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	gb18030, err := simplifiedchinese.GB18030.NewEncoder().String(sample + "𠀾")
	if err != nil {
		t.Fatal(err)
	}
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(sample)
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(sample)
	tests := []struct {
		name, data, enc, text string
	}{
		{"utf8", sample, "UTF-8", want},
		{"utf8 bom", "\xEF\xBB\xBF" + sample, "UTF-8 BOM", want},
		{"gbk", gbk, "GB18030", want},
		{"gb18030 astral", gb18030, "GB18030", want + "𠀾"},
		{"utf16le", u16le, "UTF-16LE", want},
		{"utf16be", u16be, "UTF-16BE", want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := reader.Read("r.txt", []byte(tt.data))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if f.Encoding != tt.enc {
				t.Errorf("encoding %q, want %q", f.Encoding, tt.enc)
			}
			if f.Text != tt.text {
				t.Errorf("text %q, want %q", f.Text, tt.text)
			}
			got := paragraphs(f)
			wantParas := []string{"石桥镇2024年工作总结", "一、主要成效", "全年完成财政收入1.2亿元，同比增长6.5％。", "二、存在问题"}
			if tt.name == "gb18030 astral" {
				wantParas[3] += ""
				wantParas = append(wantParas, "𠀾")
			}
			if strings.Join(got, "|") != strings.Join(wantParas, "|") {
				t.Errorf("paragraphs %q, want %q", got, wantParas)
			}
		})
	}
}

// Ensure a short GBK text that happens to be valid UTF-8 (the classic 联通)
// is still read as GBK.
func TestGBKThatLooksLikeUTF8(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("联通")
	if !utf8.ValidString(gbk) {
		t.Skip("encoder output is not valid UTF-8 here; nothing to test")
	}
	f, err := reader.Read("a.txt", []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if f.Text != "联通" {
		t.Errorf("text %q, want 联通", f.Text)
	}
}

// Ensure bad input gives an *Error naming the file, never a panic or a
// silent replacement character.
func TestBadInput(t *testing.T) {
	valid := []byte("一、总体情况\n全年完成投资5亿元。")
	truncatedUTF8 := append(append([]byte{}, valid...), 0xE5, 0xB9)
	corrupt := append(append([]byte{}, valid[:6]...), append([]byte{0xFF}, valid[6:]...)...)
	tests := []struct {
		name, path string
		data       []byte
		reason     string // part of the Chinese reason
	}{
		{"empty", "e.txt", nil, "空"},
		{"blank", "b.txt", []byte(" \n\t\r\n　"), "空白"},
		{"bom only", "bom.txt", []byte("\xEF\xBB\xBF"), "空白"},
		{"nul bytes", "n.txt", []byte("abc\x00\x00\x01\x02"), "二进制"},
		{"truncated utf8", "t.txt", truncatedUTF8, "第 2 行"},
		{"corrupt utf8", "c.txt", corrupt, "UTF-8"},
		{"pdf", "r.pdf", []byte("%PDF-1.7\n%\xe2\xe3"), "PDF"},
		{"pdf as txt", "r.txt", []byte("%PDF-1.4 binary"), "PDF"},
		{"old word", "r.doc", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + strings.Repeat("\x00", 50)), "OLE"},
		{"wps by extension", "r.wps", []byte("\x00\x01\x02binary"), "WPS"},
		{"png", "scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), "图片"},
		{"jpeg", "scan.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "图片"},
		{"rtf", "r.rtf", []byte(`{\rtf1\ansi 报告}`), "RTF"},
		{"html", "r.html", []byte("<!DOCTYPE html><html><body>报告</body></html>"), "HTML"},
		{"html with txt name", "r.txt", []byte("<html><body>报告</body></html>"), "HTML"},
		{"xlsx name with text", "r.xlsx", []byte("指标,数值\n财政收入,9.01"), "电子表格"},
		{"binary junk", "junk.txt", bytes.Repeat([]byte{0x01, 0x9F, 0x03, 0xFE}, 100), "二进制"},
		{"random high bytes", "hi.txt", bytes.Repeat([]byte{0x80, 0xFF, 0xC0}, 100), "编码"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := reader.Read(tt.path, tt.data)
			if err == nil {
				t.Fatalf("no error; read %q", f.Text)
			}
			var re *reader.Error
			if !errors.As(err, &re) {
				t.Fatalf("error %T %v is not a *reader.Error", err, err)
			}
			if re.Path != tt.path || !strings.HasPrefix(err.Error(), tt.path+": ") {
				t.Errorf("error %q does not name %s", err, tt.path)
			}
			if !strings.Contains(re.Reason, tt.reason) {
				t.Errorf("reason %q does not mention %q", re.Reason, tt.reason)
			}
			if re.En == "" {
				t.Errorf("no English reason in %q", err)
			}
		})
	}
}

// Ensure files are read from disk, a 100 MB file is refused before it is
// read into memory, and missing files and folders are reported.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(good, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, err := reader.ReadFile(good); err != nil || f.Path != good {
		t.Fatalf("ReadFile: %v", err)
	}
	big := filepath.Join(dir, "big.txt")
	fh, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 100 MB file: no disk space used, but Stat sees the size.
	if err := fh.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	for _, tt := range []struct{ path, reason string }{
		{big, "过大"},
		{filepath.Join(dir, "missing.txt"), "不存在"},
		{dir, "文件夹"},
	} {
		_, err := reader.ReadFile(tt.path)
		var re *reader.Error
		if !errors.As(err, &re) || !strings.Contains(re.Reason, tt.reason) {
			t.Errorf("ReadFile(%s) = %v, want a reason with %q", tt.path, err, tt.reason)
		}
	}
	// The same size limit holds for a stream without a size (stdin).
	_, err = reader.ReadFrom("-", &zeroReader{n: reader.MaxSize + 10})
	var re *reader.Error
	if !errors.As(err, &re) || !strings.Contains(re.Reason, "过大") {
		t.Errorf("ReadFrom(huge stream) = %v", err)
	}
}

// zeroReader yields n bytes of "a".
type zeroReader struct{ n int }

func (z *zeroReader) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, errors.New("EOF")
	}
	n := min(len(p), z.n)
	for i := range p[:n] {
		p[i] = 'a'
	}
	z.n -= n
	return n, nil
}

// Ensure Markdown markup is known to the analyzers and positions still
// refer to the Markdown source.
func TestMarkdown(t *testing.T) {
	src := "# 柳河乡2024年工作总结\n\n## 一、**主要成效**\n\n- 完成投资**5亿元**，培训*次\n\n| 指标 | 完成值 |\n|---|---|\n| 财政收入 | 9.01 |\n\n```\n一、代码块不是标题\n```\n二、存在问题\n---\n"
	f, err := reader.Read("r.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Text != src {
		t.Fatal("Markdown text must stay as written")
	}
	got := paragraphs(f)
	want := []string{"柳河乡2024年工作总结", "一、**主要成效**", "完成投资**5亿元**，培训*次", "指标 | 完成值", "财政收入 | 9.01", "二、存在问题"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !f.Paragraphs[0].Title || f.Paragraphs[0].HeadingLevel != 1 {
		t.Error("the opening # heading is the title")
	}
	if f.Paragraphs[1].HeadingLevel != 2 {
		t.Error("## gives level 2")
	}
	if f.Paragraphs[5].HeadingLevel != 2 {
		t.Error("a setext --- underline gives level 2")
	}
	row := f.Paragraphs[4]
	if row.Kind != document.TableRow || len(row.Cells) != 2 || f.Slice(row.Cells[1]) != "9.01" {
		t.Errorf("table row %+v", row)
	}
	// The ** around 主要成效 and 5亿元 are markup; the single * of 培训*次 is a
	// placeholder and stays text.
	for _, needle := range []string{"**主要", "**5亿", "元**"} {
		off := strings.Index(src, needle)
		if needle == "元**" {
			off += len("元")
		}
		if !f.InMarkup(off) {
			t.Errorf("%q should be markup", needle)
		}
	}
	if off := strings.Index(src, "*次"); f.InMarkup(off) {
		t.Error("the placeholder * is not markup")
	}
}

func FuzzText(f *testing.F) {
	f.Add([]byte(sample))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(sample)
	f.Add([]byte(gbk))
	f.Add([]byte("\xEF\xBB\xBF一、\r\n"))
	f.Add([]byte{0xFF, 0xFE, 0x00, 0x4E, 0x0A, 0x00})
	f.Add([]byte{0xE5, 0xB9})
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.txt", data)
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("# 标题\n\n## 一、**主要**\n- 项目*次 **粗体** `code` [链接](http://x)\n| a | b |\n|---|---|\n"))
	f.Add([]byte("```\n**\n```\n***\n\\*x\n![图](a.png)"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, "f.md", data)
	})
}

// checkRead reads data and checks the invariants of every File: valid
// UTF-8 with LF endings, sorted paragraphs inside the text, no blanks at
// paragraph ends, and errors that are *reader.Error.
func checkRead(t *testing.T, path string, data []byte) {
	f, err := reader.Read(path, data)
	if err != nil {
		var re *reader.Error
		if !errors.As(err, &re) || re.Path != path || re.Reason == "" {
			t.Fatalf("bad error %v", err)
		}
		return
	}
	if !utf8.ValidString(f.Text) || strings.Contains(f.Text, "\r") {
		t.Fatalf("text is not clean UTF-8 with LF: %q", f.Text)
	}
	if strings.ContainsRune(f.Text, utf8.RuneError) && !bytes.Contains(data, []byte("\xEF\xBF\xBD")) {
		t.Fatalf("a replacement character appeared: %q", f.Text)
	}
	prev := 0
	for _, p := range f.Paragraphs {
		if p.Span.Start < prev || p.Span.End > len(f.Text) || p.Span.Start >= p.Span.End {
			t.Fatalf("bad paragraph span %v (prev end %d, len %d)", p.Span, prev, len(f.Text))
		}
		if !utf8.RuneStart(f.Text[p.Span.Start]) || p.Span.End < len(f.Text) && !utf8.RuneStart(f.Text[p.Span.End]) {
			t.Fatalf("paragraph span %v splits a character", p.Span)
		}
		for _, c := range p.Cells {
			if c.Start < p.Span.Start || c.End > p.Span.End {
				t.Fatalf("cell %v outside paragraph %v", c, p.Span)
			}
		}
		prev = p.Span.End
	}
	for _, m := range f.Markup {
		if m.Start < 0 || m.End > len(f.Text) || m.Start >= m.End {
			t.Fatalf("bad markup span %v", m)
		}
	}
}

// TestLoadSize reads the same bytes whatever size the reader was said to
// hold (a Content-Length that is right, short, long or absent) and
// refuses more than MaxSize either way.
func TestLoadSize(t *testing.T) {
	data := []byte(strings.Repeat("全年完成财政收入1.2亿元。\n", 100))
	n := int64(len(data))
	for _, size := range []int64{-1, 0, 1, n - 1, n, n + 1, 2 * n, reader.MaxSize} {
		got, err := reader.LoadSize("a.txt", bytes.NewReader(data), size)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("size %d: got %d bytes, %v; want the %d bytes", size, len(got), err, n)
		}
	}
	big := bytes.Repeat([]byte("a"), reader.MaxSize+1)
	for _, size := range []int64{-1, 100, reader.MaxSize, reader.MaxSize + 1} {
		if _, err := reader.LoadSize("big.txt", bytes.NewReader(big), size); !errors.Is(err, reader.ErrTooLarge) {
			t.Errorf("size %d: %d bytes read with error %v, want ErrTooLarge", size, len(big), err)
		}
	}
	if got, err := reader.LoadSize("empty.txt", bytes.NewReader(nil), 10); err != nil || len(got) != 0 {
		t.Errorf("empty: %q, %v", got, err)
	}
}

// Ensure a plain text's runs of two or more lines of three or more
// tab-separated cells, as many in each, are table rows (a Word table
// copied as text), and that a line alone, lines of differing cell counts
// and lines of two cells stay paragraphs.
func TestTabTables(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // each paragraph: its kind (T table row, P paragraph) and cell count
	}{
		{"a table", "目标如下表：\n序号\t指标\t单位\t2027年目标\n1\t固定资产投资\t亿元\t19.6\n2\t新增就业\t人\t650\n一、重点工作\n", "P0 T4 T4 T4 P0"},
		{"blank cells trimmed", "项目\t 2026年 \t2027年\n投资\t18.2\t19.6\n", "T3 T3"},
		{"near miss: one line", "序号\t指标\t单位\n正文。\n", "P0 P0"},
		{"near miss: differing counts", "序号\t指标\t单位\n1\t投资\n", "P0 P0"},
		{"near miss: two cells", "指标\t完成值\n财政收入\t9.01\n", "P0 P0"},
		{"near miss: a blank line between", "序号\t指标\t单位\n\n1\t投资\t亿元\n", "P0 P0"},
		{"a blank cell keeps its place", "序号\t指标\t单位\t2025年\t备注\n1\t地区生产总值\t亿元\t32.6\t\n2\t财政收入\t亿元\t2.1\t含基金\n\t合计\t亿元\t34.7\t \n", "T5 T5 T5 T5"},
		{"near miss: a blank cell more than the header", "序号\t指标\t单位\n1\t投资\t亿元\t\n", "P0 P0"},
		{"near miss: one filled cell a line", "说明\t\t\n备注\t\t\n", "P0 P0"},
	}
	for _, tt := range tests {
		f, err := reader.Read("t.txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range f.Paragraphs {
			k := "P"
			if p.Kind == document.TableRow {
				k = "T"
			}
			got = append(got, fmt.Sprintf("%s%d", k, len(p.Cells)))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}

// Ensure a blank cell of a tab table is kept as a zero-length span at its
// place, inside its row's span, with the filled cells round it as written.
func TestTabTableBlankCells(t *testing.T) {
	text := "序号\t指标\t单位\t2025年\t备注\n1\t地区生产总值\t亿元\t32.6\t\n\t合计\t亿元\t\t \n"
	f, err := reader.Read("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range f.Paragraphs {
		var cells []string
		for _, c := range p.Cells {
			if c.Start < p.Span.Start || c.End > p.Span.End || c.End < c.Start {
				t.Errorf("cell %v outside its row %v", c, p.Span)
			}
			cells = append(cells, f.Slice(c))
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := []string{"序号|指标|单位|2025年|备注", "1|地区生产总值|亿元|32.6|", "|合计|亿元||"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cells:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
