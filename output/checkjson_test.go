package output_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zongjie/check"
	"zongjie/check/rules"
	"zongjie/extract"
	"zongjie/output"
	"zongjie/reader"
)

// jsonStrings are strings encoding/json escapes, or does not: every
// escape it writes and the characters around them.
var jsonStrings = []string{
	"", "a", "中文", `"引号"`, `\`, "a\\b\"c", "\b\f\n\r\t", "\x00\x01\x1f\x7f", "<a & b>",
	"\u2028", "前\u2029后", "\u2027\u202a", "\xe2\x80", "\xe2\x80\xa8\xe2", "\xff中\xfe", "\xed\xa0\x80", "é\u00a0",
	"😀", "\xf0\x9f\x98", "x\u2028\u2029y\n",
}

// compact is WriteCompactJSON's encoding of v.
func compact(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := output.WriteCompactJSON(&buf, v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range jsonStrings {
		want := bytes.TrimSuffix(compact(t, s), []byte("\n"))
		if got := output.AppendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("%q: got %s, want %s", s, got[1:], want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := bytes.TrimSuffix(compact(t, s), []byte("\n"))
		if got := output.AppendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	})
}

// fill sets every field of the struct v points to, recursively, to a
// value that is not its zero: a field added to check.Diagnostic or
// check.Fix and not to the encoder shows in the comparison.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	case reflect.String:
		v.SetString(jsonStrings[*n%len(jsonStrings)] + "字")
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n%3 + 1)) // a valid Severity too
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i), n)
		}
		v.Set(s)
	}
}

func TestAppendCompactCheckJSON(t *testing.T) {
	var full check.Diagnostic
	n := 0
	fill(reflect.ValueOf(&full).Elem(), &n)
	results := map[string]output.CheckResult{
		"every field":  {Files: []output.CheckFile{{Path: "a\"b.txt", Chars: 3, Diagnostics: []check.Diagnostic{full, {Severity: check.Warning}, full}}}},
		"nil fixes":    {Files: []output.CheckFile{{Path: "a.txt", Diagnostics: []check.Diagnostic{{Rule: "X", Fixes: nil}, {Fixes: []check.Fix{}}}}}},
		"no findings":  {Files: []output.CheckFile{{Path: "a.txt", Diagnostics: []check.Diagnostic{}}, {Path: "b.txt"}}},
		"no files":     {Files: []output.CheckFile{}},
		"nil files":    {},
		"bundled text": bundledResult(t),
	}
	for name, res := range results {
		want := compact(t, res)
		if got := output.AppendCompactCheckJSON([]byte("x"), res); string(got) != "x"+string(want) {
			t.Errorf("%s:\ngot  %s\nwant %s", name, got[1:], want)
		}
	}
}

// bundledResult is the check of the bundled examples, every rule on.
func bundledResult(t *testing.T) output.CheckResult {
	t.Helper()
	paths, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	cfg := &check.Config{}
	for _, r := range rules.All() {
		cfg.Rules.Enable = append(cfg.Rules.Enable, r.ID)
	}
	var res output.CheckResult
	for _, p := range paths {
		f, err := reader.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		ds := check.Run(f, extract.FileWith(f, extract.Options{NoTargets: true}), rules.All(), cfg)
		if len(ds) == 0 || !strings.Contains(string(compact(t, ds)), `"fixes":[{`) {
			t.Fatalf("%s: the check found nothing with a fix to compare", p)
		}
		res.Files = append(res.Files, output.CheckFile{Path: p, Chars: f.Chars(), Diagnostics: ds})
	}
	return res
}
