package http

import (
	"strings"
	"testing"

	"zongjie/app"
	"zongjie/track"
)

// Ensure draft writes this period's summary from a stored last report
// and a later one, a file and a data CSV, or nothing: JSON with the
// blocks, the Markdown and the outcome, or the Markdown or the .docx
// alone; and refuses what it cannot draft from.
func TestAPIDraft(t *testing.T) {
	s, ids := newAPIServer(t)
	old, cur := ids["shiqiao-2024.txt"], ids["shiqiao-2025.txt"]
	post := func(target string, body map[string]any) call {
		return call{method: "POST", target: target, body: jsonBody(body), contentType: "application/json"}
	}
	w := apiDo(t, s, post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}, "actual": map[string]any{"id": cur}}))
	want(t, "stored", w, 200, "")
	var d app.DraftJSON
	decode(t, w, &d)
	if d.Title != "石桥镇2025年工作总结及2026年工作计划" || len(d.Blocks) < 10 || d.Outcome == nil || d.Outcome.Count(track.Met) != 7 ||
		!strings.HasPrefix(d.Markdown, "# 石桥镇2025年工作总结") || d.Blocks[1].Level != 1 {
		t.Errorf("stored: %+v", d)
	}
	// A file and a data CSV, pasted.
	w = apiDo(t, s, post("/api/v1/draft", map[string]any{
		"from": map[string]any{"name": "a.txt", "text": exampleDecoded(t, "shiqiao-2024.txt")},
		"data": map[string]any{"name": "数据.csv", "text": "粮食播种面积,6.9,万亩\n"}, "period": "2025"}))
	want(t, "data", w, 200, "")
	decode(t, w, &d)
	if d.Outcome == nil || d.Outcome.Count(track.Met) != 1 || !strings.Contains(d.Markdown, "粮食播种面积6.9万亩") {
		t.Errorf("data: %+v", d.Outcome)
	}
	// Nothing: no outcome, placeholders.
	w = apiDo(t, s, post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}}))
	want(t, "nothing", w, 200, "")
	d = app.DraftJSON{}
	decode(t, w, &d)
	if d.Outcome != nil || !strings.Contains(d.Markdown, "xx") {
		t.Errorf("nothing: outcome %+v", d.Outcome)
	}
	// The files.
	w = apiDo(t, s, post("/api/v1/draft?format=md", map[string]any{"from": map[string]any{"id": old}, "actual": map[string]any{"id": cur}}))
	want(t, "md", w, 200, "")
	if !strings.HasPrefix(w.Body.String(), "# 石桥镇2025年工作总结") || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/markdown") {
		t.Errorf("md: %q %.100s", w.Header().Get("Content-Type"), w.Body)
	}
	w = apiDo(t, s, post("/api/v1/draft?format=docx", map[string]any{"from": map[string]any{"id": old}, "actual": map[string]any{"id": cur}}))
	want(t, "docx", w, 200, "")
	if x := docxText(t, w.Body.Bytes()); !strings.Contains(x, "6.85万亩") || w.Header().Get("Content-Type") != docxType {
		t.Errorf("docx: %q %.200s", w.Header().Get("Content-Type"), x)
	}

	for _, tt := range []struct {
		name   string
		c      call
		status int
		code   string
	}{
		{"no from", post("/api/v1/draft", map[string]any{"actual": map[string]any{"id": cur}}), 400, "invalid"},
		{"both", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}, "actual": map[string]any{"id": cur}, "data": map[string]any{"text": "a,1"}}), 400, "invalid"},
		{"data by id", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}, "data": map[string]any{"id": cur}}), 400, "invalid"},
		{"unit inside", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old, "unit": "石桥镇"}}), 400, "invalid"},
		{"bad period", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}, "period": "明年"}), 400, "invalid"},
		{"bad format", post("/api/v1/draft?format=pdf", map[string]any{"from": map[string]any{"id": old}}), 400, "invalid"},
		{"unknown field", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}, "to": 1}), 400, "invalid"},
		{"itself", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": old}, "actual": map[string]any{"id": old}}), 409, "conflict"},
		{"later first", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": cur}, "actual": map[string]any{"id": old}}), 400, "invalid"},
		{"unknown", post("/api/v1/draft", map[string]any{"from": map[string]any{"id": 999}}), 404, "not_found"},
		{"not JSON", call{method: "POST", target: "/api/v1/draft", body: strings.NewReader("from=1"), contentType: "text/plain"}, 415, "unsupported_media_type"},
		{"empty file", post("/api/v1/draft", map[string]any{"from": map[string]any{"name": "a.txt", "text": ""}}), 422, "unreadable"},
	} {
		want(t, tt.name, apiDo(t, s, tt.c), tt.status, tt.code)
	}
	want(t, "too large", bigDeclared(t, s, "POST", "/api/v1/draft", "application/json", 3*apiFileLimit+1), 413, "too_large")
}
