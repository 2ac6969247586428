package gen_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"zongjie/internal/gen"
)

func TestSplitSentences(t *testing.T) {
	text := "下载\n打印\n2026年某省政府工作报告\n来源：某某日报，时间：2026-02-09。\n" +
		"　　一、过去一年工作回顾\n" +
		"（一）坚持稳中求进，经济运行总体平稳、稳中有进。全年地区生产总值增长5.2%！短句。\n" +
		"“我们要坚持以人民为中心的发展思想，”他说，“把人民群众的小事当作自己的大事。”\n" +
		"6.为新生儿免费提供疾病筛查服务，减轻家庭负担；开展城市重点区域交通通行质量提升行动\n" +
		"，国家机关的决议、决定、命令和其他具有立法性质的文件。\n" +
		"括号没有配对（这是一个很长的句子但是括号没有闭合。\n" +
		"Public domain page footer text that is long enough.\n"
	got := gen.SplitSentences(text)
	want := []string{
		"坚持稳中求进，经济运行总体平稳、稳中有进。",
		"全年地区生产总值增长5.2%！",
		"“我们要坚持以人民为中心的发展思想，”他说，“把人民群众的小事当作自己的大事。”",
		"为新生儿免费提供疾病筛查服务，减轻家庭负担；",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SplitSentences:\n got %q\nwant %q", got, want)
	}
}

func TestInsertedClauses(t *testing.T) {
	cs := gen.InsertedClauses()
	for i, a := range cs {
		if n := utf8.RuneCountInString(a); n == 0 || n+1 > gen.MaxEditGap/2 {
			t.Errorf("clause %q: %d characters", a, n)
		}
		if strings.ContainsAny(a, "0123456789xX*×，,") {
			t.Errorf("clause %q has digits, placeholders or commas", a)
		}
		for j, b := range cs {
			if i != j && strings.Contains(a, b) {
				t.Errorf("clause %q contains %q", a, b)
			}
		}
	}
	cs[0] = "changed"
	if gen.InsertedClauses()[0] == "changed" {
		t.Error("InsertedClauses returns the package's slice")
	}
}

func TestWriteDir(t *testing.T) {
	c, err := gen.Generate(sentences(t), gen.Config{N: 40, Seed: 9, MeanChars: 2000})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := gen.WriteDir(c, dir); err != nil {
		t.Fatal(err)
	}
	truth, err := gen.ReadPassagesFile(filepath.Join(dir, gen.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(truth, c.Truth) && (len(truth) > 0 || len(c.Truth) > 0) {
		t.Error("truth.jsonl differs from the truth")
	}
	f, err := os.Open(filepath.Join(dir, gen.ReportsFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var info gen.ReportInfo
		if err := json.Unmarshal(sc.Bytes(), &info); err != nil {
			t.Fatal(err)
		}
		r := c.Reports[n]
		n++
		b, err := os.ReadFile(filepath.Join(dir, info.Path))
		if err != nil {
			t.Fatal(err)
		}
		if info.ID != r.ID || info.Unit != r.Unit || info.Year != r.Year || info.Chars != r.Chars || info.Made != r.Made || info.Clean != r.Clean {
			t.Errorf("reports.jsonl line %d: %+v for %s", n, info, r.ID)
		}
		if string(b) != r.Text() || utf8.RuneCount(b) != info.Chars {
			t.Errorf("%s: file differs from the text", info.Path)
		}
		var sb strings.Builder
		if _, err := r.WriteTo(&sb); err != nil || sb.String() != r.Text() {
			t.Errorf("%s: WriteTo differs from Text", r.ID)
		}
	}
	if n != len(c.Reports) {
		t.Errorf("reports.jsonl: %d lines for %d reports", n, len(c.Reports))
	}
}

func TestReadPassages(t *testing.T) {
	in := `{"a":"x","b":"y","a_offset":1,"a_length":2,"b_offset":3,"b_length":4,"kind":"yoy"}

{"a":"x","b":"z","a_offset":5,"a_length":6,"b_offset":7,"b_length":8,"score":0.5}
`
	ps, err := gen.ReadPassages(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []gen.Passage{
		{A: "x", B: "y", AOffset: 1, ALength: 2, BOffset: 3, BLength: 4, Kind: "yoy"},
		{A: "x", B: "z", AOffset: 5, ALength: 6, BOffset: 7, BLength: 8},
	}
	if !reflect.DeepEqual(ps, want) {
		t.Errorf("got %+v", ps)
	}
	if _, err := gen.ReadPassages(strings.NewReader("{\"a\":1}\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad line: %v", err)
	}
}
