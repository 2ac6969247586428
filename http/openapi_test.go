package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"zongjie"
	"zongjie/app"
	"zongjie/check"
	"zongjie/output"
	"zongjie/reuse"
	"zongjie/track"
)

// openAPISchemaFile is the official OpenAPI 3.1 schema, downloaded by
// `make openapi-schema`.
const openAPISchemaFile = "../.cache/openapi-3.1-schema-2021-04-15.json"

// Ensure the OpenAPI document is a valid OpenAPI 3.1 document (against
// the official schema), that each of its Schema Objects is a valid JSON
// Schema 2020-12 schema, and that /api/v1/openapi.json serves it.
func TestOpenAPIDocument(t *testing.T) {
	path, err := filepath.Abs(openAPISchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		msg := "OpenAPI 3.1 schema not found at " + path + "; run `make openapi-schema` (needs npm) to validate http/openapi.json against it"
		if os.Getenv("ZONGJIE_REQUIRE_TOOLS") != "" {
			t.Fatal(msg + " (ZONGJIE_REQUIRE_TOOLS is set)")
		}
		t.Skip(msg)
	}
	// Formats are not asserted: they are annotations in JSON Schema
	// 2020-12, and this edition of the schema gives a Reference Object's
	// $ref the format uri, which a relative reference is not.
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDocument))
	if err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("openapi.json is not a valid OpenAPI 3.1 document: %v", err)
	}
	// Each Schema Object compiles: the compiler validates it against the
	// JSON Schema 2020-12 meta-schema first.
	spec := openAPI(t)
	for name := range spec.doc.Components.Schemas {
		spec.schema(t, "#/components/schemas/"+name)
	}
	// A mistake of the near-miss kind is caught: an OpenAPI 3.0 version,
	// an info without its title, a path that is not one.
	for _, bad := range []func(m map[string]any){
		func(m map[string]any) { m["openapi"] = "3.0.3" },
		func(m map[string]any) { delete(m["info"].(map[string]any), "title") },
		func(m map[string]any) { m["paths"].(map[string]any)["api/v1/check"] = map[string]any{} },
	} {
		var m map[string]any
		json.Unmarshal(openAPIDocument, &m)
		bad(m)
		if err := sch.Validate(m); err == nil {
			t.Errorf("a broken document passes the schema")
		}
	}

	s := newTestServer(t, nil, Options{})
	w := serve(s, newRequest("GET", "/api/v1/openapi.json", nil))
	if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), openAPIDocument) || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Errorf("GET /api/v1/openapi.json: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
}

// Ensure the document and the route table agree: every /api/ route is
// an operation of the document, and every operation a route.
func TestOpenAPIRoutes(t *testing.T) {
	s := newTestServer(t, nil, Options{})
	spec := openAPI(t)
	var routes, ops []string
	for _, p := range s.patterns {
		if method, path, _ := strings.Cut(p, " "); strings.HasPrefix(path, "/api/") {
			routes = append(routes, method+" "+path)
		}
	}
	for path, item := range spec.doc.Paths {
		for method := range item {
			ops = append(ops, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(routes)
	sort.Strings(ops)
	if !slices.Equal(routes, ops) {
		t.Errorf("the routes under /api/ and the operations of openapi.json differ:\nroutes     %q\noperations %q", routes, ops)
	}
}

// Ensure every schema of the document names exactly the JSON fields of
// the Go value encoded into it, a field that is always written as
// required and one written only when set (omitempty) as optional: a field
// added to a result type, renamed or removed without the document fails
// here, even if no test response shows it.
func TestOpenAPISchemasMatchTypes(t *testing.T) {
	spec := openAPI(t)
	types := map[string]any{
		"Error":         errorJSON{},
		"FileError":     fileError{},
		"Term":          zongjie.Term{},
		"Meta":          zongjie.Meta{},
		"Section":       zongjie.Section{},
		"Growth":        zongjie.Growth{},
		"Quantity":      zongjie.Quantity{},
		"Target":        zongjie.Target{},
		"Aside":         zongjie.Aside{},
		"Report":        zongjie.Report{},
		"ExtractResult": extractResponse{},
		"Fix":           check.Fix{},
		"Diagnostic":    check.Diagnostic{},
		"CheckFile":     output.CheckFile{},
		"CheckResult":   checkResponse{},
		"ReuseSide":     reuse.Side{},
		"Side":          app.Side{},
		"PartSide":      app.PartSide{},
		"Edit":          reuse.Edit{},
		"SharedStretch": reuse.Passage{},
		"Passage":       app.Passage{},
		"Comparison":    app.Comparison{},
		"Pair":          app.Pair{},
		"PairList":      app.PairList{},
		"Summary":       app.Summary{},
		"Version":       app.Version{},
		"ReportList":    app.ReportList{},
		"VersionList":   app.VersionList{},
		"Shown":         app.Shown{},
		"DiffLine":      app.DiffLineJSON{},
		"VersionDiff":   app.VersionDiffJSON{},
		"Match":         app.Match{},
		"SimilarPart":   app.SimilarPart{},
		"FamilyLink":    app.FamilyLink{},
		"SharedPassage": app.SharedPassage{},
		"FamilyShared":  app.FamilyShared{},
		"Family":        app.Family{},
		"Hit":           app.Hit{},
		"SearchResult":  app.SearchResult{},
		"Evidence":      track.Evidence{},
		"TrackedTarget": track.Result{},
		"Tracked":       app.Tracked{},
		"UnitTracked":   app.UnitTracked{},
		"PeriodTracked": app.PeriodTracked{},
		"PeriodReport":  app.PeriodReport{},
		"PeriodTarget":  app.PeriodResult{},
		"Point":         track.Point{},
		"Series":        track.Series{},
		"SeriesResult":  app.SeriesResult{},
		"RefJSON":       fileJSON{},
		"Counts":        app.Counts{},
		"ErrorBody":     app.ErrorJSON{},
		"AddedReport":   app.AddedReportJSON{},
		"AddedFile":     app.AddedJSON{},
		"UploadResult":  app.UploadResult{},
		"MetaEdit":      metaJSON{},
		"DraftRequest":  draftJSON{},
		"DraftBlock":    app.DraftBlock{},
		"DraftResult":   app.DraftJSON{},
		"Outcome":       track.Outcome{},
	}
	for name, v := range types {
		raw, ok := spec.doc.Components.Schemas[name]
		if !ok {
			t.Errorf("openapi.json has no schema %s", name)
			continue
		}
		var sch struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		}
		json.Unmarshal(raw, &sch)
		fields := jsonFields(reflect.TypeOf(v))
		var want, got, wantReq []string
		for f, omit := range fields {
			want = append(want, f)
			if !omit {
				wantReq = append(wantReq, f)
			}
		}
		for p := range sch.Properties {
			got = append(got, p)
		}
		sort.Strings(want)
		sort.Strings(got)
		sort.Strings(wantReq)
		sort.Strings(sch.Required)
		if !slices.Equal(want, got) {
			t.Errorf("schema %s (http/openapi.json) has the properties %q; the Go type %T writes %q", name, got, v, want)
		}
		if name != "RefJSON" && name != "MetaEdit" && name != "DraftRequest" && !slices.Equal(wantReq, sch.Required) { // requests: every field optional
			t.Errorf("schema %s (http/openapi.json) requires %q; the Go type %T always writes %q", name, sch.Required, v, wantReq)
		}
	}
}

// jsonFields returns the JSON field names encoding/json writes for a
// struct type, each with whether it is omitted when empty.
func jsonFields(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range jsonFields(ft) {
					if _, ok := out[k]; !ok {
						out[k] = v
					}
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
	}
	return out
}

// spec is the OpenAPI document, parsed, with its schemas compiled on
// demand.
type spec struct {
	doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas   map[string]json.RawMessage `json:"schemas"`
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"components"`
	}
	mu       sync.Mutex
	compiler *jsonschema.Compiler
	compiled map[string]*jsonschema.Schema
}

// specURL is the document's URL for the compiler: any absolute URL.
const specURL = "https://zongjie.invalid/api/v1/openapi.json"

var (
	specOnce sync.Once
	theSpec  *spec
	specErr  error
)

// openAPI returns the document, parsed once.
func openAPI(t *testing.T) *spec {
	t.Helper()
	specOnce.Do(func() {
		sp := &spec{compiled: map[string]*jsonschema.Schema{}}
		if specErr = json.Unmarshal(openAPIDocument, &sp.doc); specErr != nil {
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPIDocument))
		if err != nil {
			specErr = err
			return
		}
		sp.compiler = jsonschema.NewCompiler()
		sp.compiler.DefaultDraft(jsonschema.Draft2020) // OpenAPI 3.1's Schema Objects
		sp.compiler.AssertFormat()
		if specErr = sp.compiler.AddResource(specURL, doc); specErr != nil {
			return
		}
		theSpec = sp
	})
	if specErr != nil {
		t.Fatalf("openapi.json: %v", specErr)
	}
	return theSpec
}

// schema returns the schema at the JSON pointer ptr of the document,
// compiled.
func (sp *spec) schema(t *testing.T, ptr string) *jsonschema.Schema {
	t.Helper()
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if s, ok := sp.compiled[ptr]; ok {
		return s
	}
	s, err := sp.compiler.Compile(specURL + ptr)
	if err != nil {
		t.Fatalf("openapi.json%s: %v", ptr, err)
	}
	sp.compiled[ptr] = s
	return s
}

// pointerEscape escapes a JSON pointer's token.
func pointerEscape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// validateResponse fails the test unless the response w to r is one the
// document describes: its status is documented for r's route (or, for
// no route, it is a JSON error) and its body validates against that
// response's schema.
func validateResponse(t *testing.T, s *Server, r *http.Request, w *httptest.ResponseRecorder) {
	t.Helper()
	sp := openAPI(t)
	_, pattern := s.mux.Handler(r)
	status := strconv.Itoa(w.Code)
	var ptr string
	if method, path, ok := strings.Cut(pattern, " "); ok && strings.HasPrefix(path, "/api/") {
		opPtr := "/paths/" + pointerEscape(path) + "/" + strings.ToLower(method)
		var op struct {
			Responses map[string]struct {
				Ref     string                     `json:"$ref"`
				Content map[string]json.RawMessage `json:"content"`
			} `json:"responses"`
		}
		raw, ok := sp.doc.Paths[path][strings.ToLower(method)]
		if !ok {
			t.Fatalf("%s: no operation in openapi.json", pattern)
		}
		json.Unmarshal(raw, &op)
		resp, ok := op.Responses[status]
		if !ok {
			t.Fatalf("%s %s: status %s is not documented in openapi.json%s (body %.300s)", r.Method, r.URL, status, opPtr, w.Body)
		}
		switch {
		case resp.Ref != "":
			ptr = strings.TrimPrefix(resp.Ref, "#") + "/content/application~1json/schema"
		case resp.Content == nil:
			if w.Body.Len() > 0 {
				t.Errorf("%s %s: status %s has no body in openapi.json, got %.300s", r.Method, r.URL, status, w.Body)
			}
			return
		default:
			// A response that is a file (a .docx, Markdown) is one of the
			// media types documented for the status; its body is not JSON.
			if mt, _, _ := mime.ParseMediaType(w.Header().Get("Content-Type")); mt != "application/json" {
				if _, ok := resp.Content[mt]; !ok {
					t.Errorf("%s %s: Content-Type %q is not documented for status %s", r.Method, r.URL, mt, status)
				}
				return
			}
			ptr = opPtr + "/responses/" + status + "/content/application~1json/schema"
		}
	} else {
		if w.Code < 400 {
			t.Fatalf("%s %s: no API route, status %d", r.Method, r.URL, w.Code)
		}
		ptr = "/components/schemas/Error"
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", r.Method, r.URL, ct)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(w.Body.Bytes()))
	if err != nil {
		t.Fatalf("%s %s: the body is not JSON: %v\n%.500s", r.Method, r.URL, err, w.Body)
	}
	if err := sp.schema(t, "#"+ptr).Validate(inst); err != nil {
		t.Errorf("%s %s (status %s): the body does not match openapi.json#%s: %v\n%.1000s", r.Method, r.URL, status, ptr, err, w.Body)
	}
}
