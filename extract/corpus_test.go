package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zongjie"
	"zongjie/extract"
	"zongjie/internal/shared"
	"zongjie/reader"
)

// readCorpus reads one file of ../shared/corpus.
func readCorpus(t *testing.T, name string) []*zongjie.Report {
	t.Helper()
	path := filepath.Join(shared.Dir(t, "corpus"), name)
	f, err := reader.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return extract.File(f)
}

// Ensure every real report of the corpus is read and analysed: one report
// per file, its unit, level and years found, an outline and figures.
func TestCorpus(t *testing.T) {
	dir := shared.Dir(t, "corpus")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) < 20 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, path := range files {
		name, _ := filepath.Rel(dir, path)
		t.Run(name, func(t *testing.T) {
			reports := readCorpus(t, name)
			if len(reports) != 1 {
				t.Fatalf("%d reports, want 1", len(reports))
			}
			r := reports[0]
			m := r.Meta
			if m.Unit == "" || m.Level == "" || m.Review == nil || m.Plan == nil || m.Plan.Year != m.Review.Year+1 {
				t.Errorf("meta %+v review %v plan %v", m, m.Review, m.Plan)
			}
			if m.DocType != "政府工作报告" || m.Genre != zongjie.GenreSummaryPlan {
				t.Errorf("doc type %q genre %s", m.DocType, m.Genre)
			}
			wantLevel := zongjie.LevelProvince
			if strings.HasPrefix(name, "national") {
				wantLevel = zongjie.LevelNational
			}
			if m.Level != wantLevel {
				t.Errorf("level %s, want %s", m.Level, wantLevel)
			}
			if len(r.Outline) < 2 {
				t.Errorf("outline has %d top-level sections", len(r.Outline))
			}
			var review, plan bool
			for _, s := range r.Outline {
				review = review || s.Kind == zongjie.KindReview
				plan = plan || s.Kind == zongjie.KindPlan
			}
			if !review || !plan {
				t.Errorf("no review (%v) or no plan (%v) section", review, plan)
			}
			if len(r.Quantities) < 50 || len(r.Targets) < 10 {
				t.Errorf("%d quantities, %d targets", len(r.Quantities), len(r.Targets))
			}
		})
	}
}

// find returns the quantities on a line whose name contains name.
func find(r *zongjie.Report, line int, name string) []zongjie.Quantity {
	var out []zongjie.Quantity
	for _, q := range r.Quantities {
		if q.Line == line && strings.Contains(q.Name, name) {
			out = append(out, q)
		}
	}
	return out
}

// Ensure some of the corpus's harder figures come out right: the headline
// results of the 2014 economy in the 2015 national report (line 14) and the
// targets it set for 2015 (line 81). Checked by hand against the text.
func TestCorpusNational2015(t *testing.T) {
	r := readCorpus(t, "national/2015.txt")[0]
	type want struct {
		name   string
		value  float64
		unit   string
		base   float64
		growth float64 // 0: none
		change string
		approx string
	}
	for _, w := range []want{
		{name: "国内生产总值", value: 63.6, unit: "万亿元", base: 63.6e12, growth: 7.4},
		{name: "城镇新增就业", value: 1322, unit: "万人", base: 13220000},
		{name: "居民消费价格", value: 2, unit: "%", base: 2, change: zongjie.Up},
		{name: "粮食产量", value: 6.07, unit: "亿吨", base: 607000000},
		{name: "消费对经济增长的贡献率", value: 3, unit: "个百分点", base: 3, change: zongjie.Up},
		{name: "能耗强度", value: 4.8, unit: "%", base: 4.8, change: zongjie.Down},
		{name: "农村贫困人口", value: 1232, unit: "万人", base: 12320000, change: zongjie.Down},
		{name: "出境旅游", value: 1, unit: "亿人次", base: 1e8, approx: "超过"},
	} {
		qs := find(r, 14, w.name)
		if len(qs) == 0 {
			t.Errorf("line 14: no quantity named %s", w.name)
			continue
		}
		q := qs[0]
		if *q.Value != w.value || q.Unit != w.unit || *q.BaseValue != w.base || q.Change != w.change || q.Approx != w.approx {
			t.Errorf("%s: %v %s base %v change %q approx %q", w.name, *q.Value, q.Unit, *q.BaseValue, q.Change, q.Approx)
		}
		if w.growth != 0 && (q.Growth == nil || *q.Growth.Value != w.growth || q.Growth.Direction != zongjie.Up) {
			t.Errorf("%s: growth %+v, want %v up", w.name, q.Growth, w.growth)
		}
	}
	// 本届政府减少1/3行政审批事项: a fraction.
	found := false
	for _, q := range r.Quantities {
		if q.Line == 14 && q.Unit == "" && q.Value != nil && *q.Value > 0.33 && *q.Value < 0.34 {
			found = true
		}
	}
	if !found {
		t.Error("line 14: the fraction 1/3 is missing")
	}

	type target struct {
		name       string
		comparator string
		value      float64
		unit       string
		change     string
	}
	var got []target
	for _, tg := range r.Targets {
		if tg.Line == 81 {
			got = append(got, target{tg.Name, tg.Comparator, *tg.Value, tg.Unit, tg.Change})
			if tg.Year != 2015 {
				t.Errorf("target %s has year %d, want 2015", tg.Name, tg.Year)
			}
		}
	}
	wantTargets := []target{
		{"国内生产总值", zongjie.About, 7, "%", zongjie.Up},
		{"居民消费价格", zongjie.About, 3, "%", zongjie.Up},
		{"城镇新增就业", zongjie.AtLeast, 1000, "万人", ""},
		{"城镇登记失业率", zongjie.AtMost, 4.5, "%", ""},
		{"进出口", zongjie.About, 6, "%", zongjie.Up},
		{"能耗强度", zongjie.AtLeast, 3.1, "%", zongjie.Down},
	}
	if len(got) != len(wantTargets) {
		t.Fatalf("line 81 targets:\n%v\nwant:\n%v", got, wantTargets)
	}
	for i := range got {
		if got[i] != wantTargets[i] {
			t.Errorf("target %d: %+v, want %+v", i, got[i], wantTargets[i])
		}
	}
}

// Ensure the page chrome of the provincial files (下载 打印 收藏 字号 …) does
// not become a title, a heading or a figure.
func TestCorpusPageChrome(t *testing.T) {
	dir := shared.Dir(t, "corpus/province2026")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "下载") {
			continue
		}
		r := readCorpus(t, filepath.Join("province2026", filepath.Base(path)))[0]
		if !strings.HasSuffix(r.Title, "政府工作报告") {
			t.Errorf("%s: title %q", filepath.Base(path), r.Title)
		}
		if len(r.Outline) > 0 && r.Outline[0].Line < 10 {
			t.Errorf("%s: first heading on line %d, in the page chrome", filepath.Base(path), r.Outline[0].Line)
		}
	}
}

// Ensure the unit, level, year and their sources of every corpus file we
// tune on (the held-out files are left out), as read by hand; and that
// each report keeps its unit and year with its title line taken away, from
// what remains under it (the session line, the dated subtitle, the speaker,
// the headings, the body).
func TestCorpusMetadata(t *testing.T) {
	tests := []struct {
		file         string
		unit         string
		level        zongjie.Level
		plan         int
		unitSource   zongjie.Source // with the title
		periodSource zongjie.Source
		untitled     zongjie.Source // the period source without the title line
	}{
		{"national/2010.txt", "国务院", zongjie.LevelNational, 2010, zongjie.SourceSpeaker, zongjie.SourceHeading, zongjie.SourceHeading},
		{"national/2011.txt", "国务院", zongjie.LevelNational, 2011, zongjie.SourceSpeaker, zongjie.SourceHeading, zongjie.SourceHeading},
		{"national/2012.txt", "国务院", zongjie.LevelNational, 2012, zongjie.SourceSpeaker, zongjie.SourceHeading, zongjie.SourceHeading},
		{"national/2013.txt", "国务院", zongjie.LevelNational, 2013, zongjie.SourceSpeaker, zongjie.SourceBody, zongjie.SourceBody},
		{"national/2014.txt", "国务院", zongjie.LevelNational, 2014, zongjie.SourceSpeaker, zongjie.SourceHeading, zongjie.SourceHeading},
		{"national/2015.txt", "国务院", zongjie.LevelNational, 2015, zongjie.SourceSpeaker, zongjie.SourceHeading, zongjie.SourceHeading},
		{"province2026/上海市.txt", "上海市", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/吉林省.txt", "吉林省", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/安徽省.txt", "安徽省", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/广西壮族自治区.txt", "广西壮族自治区", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/河北省.txt", "河北省", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/湖北省.txt", "湖北省", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/西藏自治区.txt", "西藏自治区", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
		{"province2026/陕西省.txt", "陕西省", zongjie.LevelProvince, 2026, zongjie.SourceTitle, zongjie.SourceTitle, zongjie.SourceSubtitle},
	}
	dir := shared.Dir(t, "corpus")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			check := func(what string, text string, periodSource zongjie.Source) {
				t.Helper()
				f, err := reader.Read(tt.file, []byte(text))
				if err != nil {
					t.Fatal(err)
				}
				reports := extract.File(f)
				m := reports[0].Meta
				if len(reports) != 1 || m.Unit != tt.unit || m.Level != tt.level || m.Plan == nil || m.Plan.Year != tt.plan || m.PeriodSource != periodSource {
					t.Errorf("%s: %d reports, unit %q %s (%s), plan %v from %s; want %q %s, %d from %s",
						what, len(reports), m.Unit, m.Level, m.UnitSource, m.Plan, m.PeriodSource, tt.unit, tt.level, tt.plan, periodSource)
				}
				if what == "as published" && m.UnitSource != tt.unitSource {
					t.Errorf("unit source %s, want %s", m.UnitSource, tt.unitSource)
				}
			}
			check("as published", string(data), tt.periodSource)
			// Without the title lines: every line that ends with 政府工作报告.
			var kept []string
			for _, line := range strings.Split(string(data), "\n") {
				if !strings.HasSuffix(strings.TrimSpace(line), "政府工作报告") {
					kept = append(kept, line)
				}
			}
			check("without its title", strings.Join(kept, "\n"), tt.untitled)
		})
	}
}
