package http

import (
	"html/template"
	"strings"
	"testing"

	"zongjie"
	"zongjie/app"
	"zongjie/check"
	"zongjie/corpus"
	"zongjie/store"
)

// Ensure the runs of the report's text and of the compare table are
// written as the templates' loops wrote them before Go code did
// (segments.go), byte for byte, for runs of every kind and values that
// need escaping in text and in attributes.
func TestSegmentsHTML(t *testing.T) {
	const reportLoop = `{{- range .Segs}}
        {{- if .Anchor}}<span id="{{.Anchor}}" class="anchor"></span>{{end}}
        {{- if .HitStart}}<span id="hit" class="anchor"></span>{{end}}
        {{- if .Point}}<mark class="f point sev-{{.Severity}}" data-f="{{.Findings}}" data-cat="{{.Category}}" title="{{.Title}}"></mark>
        {{- else if .Findings}}<mark class="f sev-{{.Severity}}{{if .Head}} h{{end}}{{if .Hit}} in-hit{{end}}" data-f="{{.Findings}}" data-cat="{{.Category}}" title="{{.Title}}">{{.Text}}</mark>
        {{- else if .Hit}}<mark class="hit{{if .Head}} h{{end}}">{{.Text}}</mark>
        {{- else if .Head}}<span class="h">{{.Text}}</span>
        {{- else}}{{.Text}}{{end}}
      {{- end -}}`
	const compareLoop = `{{range .A}}{{if .Kind}}<mark class="edit kind-{{.Kind}}" title="{{index $.KindWords .Kind}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}|{{range .A}}{{.Text}}{{end}}`
	hostile := "<script>alert('x&y')</script> \"1+1\"\x00，增长5%"
	var segs []viewSeg
	for _, base := range []viewSeg{
		{Text: "街道"},
		{Text: "（一）", Anchor: "s-1", Head: true},
		{Point: true, Findings: "3", Severity: "error", Category: "number", Title: "缺少"},
		{Text: "增长", Findings: "1 2", Severity: "warning", Category: "style", Title: "两个问题", Head: true, Hit: true, HitStart: true},
		{Text: "命中", Hit: true, Head: true},
		{Text: "命中", Hit: true},
	} {
		segs = append(segs, base)
		h := base
		h.Text, h.Title, h.Category, h.Findings, h.Severity, h.Anchor = hostile, hostile, hostile, hostile, hostile, map[bool]string{true: hostile}[base.Anchor != ""]
		segs = append(segs, h)
	}
	for i := range segs {
		p := viewPara{Segs: segs[i : i+1]}
		if i == 0 {
			p.Segs = segs
		}
		var want strings.Builder
		if err := template.Must(template.New("").Parse(`<p>`+reportLoop+`</p>`)).Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if got := "<p>" + string(p.SegsHTML()) + "</p>"; got != want.String() {
			t.Errorf("report text:\n got  %s\n want %s", got, want.String())
		}
	}
	ss := compareSegs{{Text: "两篇"}, {Text: "2023", Kind: "year"}, {Text: hostile}, {Text: hostile, Kind: "text"}, {Text: "x", Kind: hostile}}
	for _, side := range []compareSegs{ss, ss[1:2], nil} {
		var want strings.Builder
		data := struct {
			A         []compareSeg
			KindWords map[string]string
		}{side, editWords}
		if err := template.Must(template.New("").Parse(`<td>`+compareLoop+`</td>`)).Execute(&want, data); err != nil {
			t.Fatal(err)
		}
		if got := "<td>" + string(side.HTML()) + "|" + string(side.Plain()) + "</td>"; got != want.String() {
			t.Errorf("compare row:\n got  %s\n want %s", got, want.String())
		}
	}
}

// Ensure the report page's list of findings is written as the template's
// loop wrote it before Go code did (FindingsHTML), byte for byte: for the
// current version (forms, certain and suggested fixes) and an earlier
// one, with values that need escaping.
func TestFindingsHTML(t *testing.T) {
	const loop = `{{- $r := .Data}}{{$csrf := .CSRF}}<ol class="finding-list">
      {{- range $i, $d := $r.Findings}}
      <li class="finding sev-{{$d.Severity}}" data-f="{{$i}}" data-cat="{{$d.Category}}" data-at="{{$d.Offset}}">
        <button type="button" class="goto" data-f="{{$i}}"><span class="badge {{$d.Severity}}">{{$d.Severity.Chinese}}</span> 第 {{$d.Line}} 行 · {{$d.Category.Chinese}} <span class="rule">{{$d.Rule}}</span></button>
        <p class="msg">{{$d.Message}}</p>
        {{- with $d.Text}}<p class="quote">原文：<q>{{.}}</q></p>{{end}}
        {{- range $j, $fx := $d.Fixes}}
        {{- if $r.IsCurrent}}
        <form method="post" action="/reports/{{$r.ID}}/fix" class="fix">
          <input type="hidden" name="csrf" value="{{$csrf}}">
          <input type="hidden" name="version" value="{{$r.Version}}">
          <input type="hidden" name="finding" value="{{$i}}">
          <input type="hidden" name="rule" value="{{$d.Rule}}">
          <input type="hidden" name="offset" value="{{$d.Offset}}">
          <input type="hidden" name="fix" value="{{$j}}">
          <button type="submit">应用此修改：{{$fx.Message}}</button>
          <span class="badge {{if $fx.Certain}}ok{{end}}">{{if $fx.Certain}}确定{{else}}建议{{end}}</span>
        </form>
        {{- else}}
        <p class="fix-text">修改：{{$fx.Message}}</p>
        {{- end}}
        {{- end}}
      </li>
      {{- end}}
    </ol>`
	hostile := "<script>alert('x&y')</script> \"1+1\"\x00，增长5%"
	ds := []check.Diagnostic{
		{Rule: "number-sum", Category: check.Number, Severity: check.Error, Line: 3, Offset: 120, Text: "12亿元", Message: "合计不符",
			Fixes: []check.Fix{{Message: "改为 13", Certain: true}, {Message: "改为 14"}}},
		{Rule: hostile, Category: check.Category(hostile), Severity: check.Warning, Line: 12, Offset: 7, Message: hostile, Text: hostile,
			Fixes: []check.Fix{{Message: hostile}}},
		{Rule: "style", Category: check.Typo, Severity: check.Info, Line: 1, Message: "无原文"},
	}
	for _, tc := range []struct {
		version, current int
		findings         []check.Diagnostic
		csrf             string
	}{
		{2, 2, ds, "tok-EN_123"}, {1, 2, ds, "tok"}, {2, 2, ds, hostile}, {1, 1, nil, "tok"},
	} {
		rep := &app.Report{Summary: store.Summary{ID: 42, Version: tc.version}, Current: tc.current, Findings: tc.findings}
		p := reportPage{Report: rep}
		var want strings.Builder
		data := struct {
			Data reportPage
			CSRF string
		}{p, tc.csrf}
		if err := template.Must(template.New("").Parse(loop)).Execute(&want, data); err != nil {
			t.Fatal(err)
		}
		if got := `<ol class="finding-list">` + string(p.FindingsHTML(tc.csrf)) + "\n    </ol>"; got != want.String() {
			t.Errorf("findings (version %d of %d):\n got  %s\n want %s", tc.version, tc.current, got, want.String())
		}
	}
}

// Ensure the report page's paragraphs are written as the template's loop
// wrote them before Go code did (ParasHTML): the title, headings of each
// level, empty lines, runs.
func TestParasHTML(t *testing.T) {
	const loop = `<section>
    {{- range .Paras}}
    <p class="para{{if .Title}} title{{end}}{{if .Heading}} heading level-{{.Level}}{{end}}{{if not .Segs}} empty{{end}}" data-line="{{.Line}}">
      {{- .SegsHTML -}}
    </p>
    {{- end}}
  </section>`
	segs := []viewSeg{{Text: "街道<b>"}, {Text: "增长", Findings: "1", Severity: "error", Category: "number", Title: "缺少"}}
	for _, paras := range [][]viewPara{
		nil,
		{{Line: 1, Title: true, Segs: segs[:1]}, {Line: 2}, {Line: 3, Heading: true, Level: 2, Segs: segs}, {Line: 14, Heading: true, Title: true, Level: 1, Segs: segs[1:]}, {Line: 15, Segs: segs}},
	} {
		p := reportPage{Paras: paras}
		var want strings.Builder
		if err := template.Must(template.New("").Parse(loop)).Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if got := "<section>" + string(p.ParasHTML()) + "\n  </section>"; got != want.String() {
			t.Errorf("paragraphs:\n got  %s\n want %s", got, want.String())
		}
	}
}

// Ensure the search page's hits are written as the template's loop wrote
// them before Go code did (HitsHTML), byte for byte: titles, units,
// periods and sections present and missing, marked and plain runs, and
// values that need escaping.
func TestHitsHTML(t *testing.T) {
	const loop = `<ol class="hits">
  {{- range .Hits}}
  <li class="hit">
    <p class="hit-head"><a href="{{.Link}}">#{{.Report.ID}} {{or .Report.Title "（无标题）"}}</a>
      <span class="muted">{{or .Report.Unit "单位未识别"}} · {{or (periodWords .Report.Years .Report.Period .Report.Genre) "时段未识别"}} · {{or (sectionWords .Kind) "其他"}}部分</span></p>
    <p class="snippet">{{range .Snippet}}{{if .Kind}}<mark class="q">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</p>
  </li>
  {{- end}}
</ol>`
	funcs := template.FuncMap{
		"periodWords":  corpus.PeriodWords,
		"sectionWords": func(k string) string { return sectionNames[zongjie.SectionKind(k)] },
	}
	hostile := "<script>alert('x&y')</script> \"1+1\"\x00，增长5%"
	hits := []app.Hit{
		{Report: app.Summary{ID: 12, Title: "青禾街道2024年工作总结", Unit: "青禾街道", Years: []int{2024}, Genre: "summary"},
			Offset: 40, Kind: "plan", Text: "推进垃圾分类，垃圾分类覆盖率达到95%。", Highlights: [][2]int{{2, 6}, {7, 11}}},
		{Report: app.Summary{ID: 7, Title: hostile, Unit: hostile, Period: "H1", Years: []int{2023}},
			Kind: hostile, Text: hostile + "就业" + hostile, Highlights: [][2]int{{len([]rune(hostile)), len([]rune(hostile)) + 2}}},
		{Report: app.Summary{ID: 3}, Kind: "", Text: "没有标记的段落"},
	}
	for n := range len(hits) + 1 {
		p := searchPage{}
		for _, h := range hits[:n] {
			p.Hits = append(p.Hits, layoutHit(h))
		}
		var want strings.Builder
		if err := template.Must(template.New("").Funcs(funcs).Parse(loop)).Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if got := `<ol class="hits">` + string(p.HitsHTML()) + "\n</ol>"; got != want.String() {
			t.Errorf("%d hits:\n got  %s\n want %s", n, got, want.String())
		}
	}
}
