package http

import (
	"html/template"
	"strings"
	"testing"
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
