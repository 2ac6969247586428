package http

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"zongjie"
	"zongjie/app"
	"zongjie/corpus"
	"zongjie/output"
)

// sectionNames are the section kinds in Chinese.
var sectionNames = map[zongjie.SectionKind]string{
	zongjie.KindReview: "回顾", zongjie.KindHighlights: "亮点", zongjie.KindProblems: "问题", zongjie.KindPlan: "计划", zongjie.KindOther: "其他",
}

// The templates: base.html is the layout (it defines "base", which
// executes the blocks "title", "main" and "scripts"), partials/*.html
// define what several pages share, and every other file is one page,
// named by its file name without .html, that defines "title" and "main"
// (and "scripts" for the page's own scripts, if any).
//
//go:embed templates
var templateFS embed.FS

// pages holds one template set per page: the layout, the partials and
// the page, parsed once at start.
type pages struct {
	sets map[string]*template.Template
}

// parsePages parses every page. A page that fails to parse, or that does
// not define its title and main blocks, is an error: the server does not
// start.
func parsePages(funcs template.FuncMap) (*pages, error) {
	base, err := template.New("base.html").Funcs(funcs).ParseFS(templateFS, "templates/base.html")
	if err != nil {
		return nil, err
	}
	partials, err := fs.Glob(templateFS, "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	if len(partials) > 0 {
		if base, err = base.ParseFS(templateFS, partials...); err != nil {
			return nil, err
		}
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &pages{sets: map[string]*template.Template{}}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "base" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, f)
		if err != nil {
			return nil, err
		}
		for _, block := range []string{"title", "main"} {
			if t.Lookup(block) == nil {
				return nil, fmt.Errorf("%s: no %q block", f, block)
			}
		}
		p.sets[name] = t
	}
	return p, nil
}

// page is what every page's template gets: the page's own data in Data,
// and what the layout needs.
type page struct {
	CSRF string   // the CSRF token, for forms (csrf.go)
	User app.User // who is using the app
	Nav  string   // the navigation entry to mark as current: the page's name
	Data any
}

// render executes the page name with data into a buffer, then writes it
// with status: a template that fails gives an error (and the error page)
// instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) error {
	return s.renderBlock(w, r, status, name, "base", data)
}

// renderBlock is render for one block of a page, such as a fragment that
// htmx swaps into the page ("fragment" of error.html).
func (s *Server) renderBlock(w http.ResponseWriter, r *http.Request, status int, name, block string, data any) error {
	t, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("no page %q", name)
	}
	var buf bytes.Buffer
	p := page{CSRF: csrfToken(w, r), User: currentUser(r), Nav: name, Data: data}
	if err := t.ExecuteTemplate(&buf, block, p); err != nil {
		return fmt.Errorf("page %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// funcs are the template functions, a small set:
//
//	asset "css/app.css"   the content-hashed URL of an asset
//	date  t               a time as 2006-01-02 15:04, local time
//	percent f             0.123 as "12.3%"
//	add a b               a + b (numbering from 1)
//	share f               0.783 as "78%"
//	ratio a b             a / b (0 when b is 0)
//	mb n                  bytes as whole megabytes
//	periodWords y p g     a stored report's period in Chinese (corpus.PeriodWords)
//	levelWords l          a level in Chinese (街道, 镇 …)
//	genreWords g          a genre in Chinese (工作总结 …)
//	sectionWords k        a section kind in Chinese (回顾, 计划 …)
//	comparatorWords c     a target's comparator in Chinese (不低于 …)
//	num f                 a *float64 without exponent ("" for nil)
//	grouped f             the same with thousands separated: 362,000,000
//	roleWords r           a user's role in Chinese (起草, 审阅, 管理员)
//	pathPart s            s escaped as one segment of a URL's path
//	pageMessage m err     m, err's message, without a reader error's English
//	actionWords a         an audit log's action in Chinese (报告：导出)
//	trashDays             how many days a deleted report stays in the trash
//	statusWords s         a target's status in Chinese (达成 …)
//	list a b …            the arguments as a list, to range over
func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			return s.assets.url(name)
		},
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Local().Format("2006-01-02 15:04")
		},
		"percent": func(f float64) string {
			return fmt.Sprintf("%.1f%%", f*100)
		},
		"add":   func(a, b int) int { return a + b },
		"share": func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
		"ratio": func(a, b int) float64 {
			if b == 0 {
				return 0
			}
			return float64(a) / float64(b)
		},
		"mb":              func(n int64) int64 { return n >> 20 },
		"periodWords":     corpus.PeriodWords,
		"levelWords":      func(l string) string { return zongjie.Level(l).Words() },
		"genreWords":      func(g string) string { return zongjie.Genre(g).Words() },
		"sectionWords":    func(k string) string { return sectionNames[zongjie.SectionKind(k)] },
		"comparatorWords": output.ComparatorWords,
		"num": func(f *float64) string {
			if f == nil {
				return ""
			}
			return strconv.FormatFloat(*f, 'f', -1, 64)
		},
		"grouped":     grouped,
		"roleWords":   roleWords,
		"pathPart":    url.PathEscape,
		"pageMessage": pageMessage,
		"actionWords": actionWords,
		"trashDays":   func() int { return int(app.TrashKeep.Hours() / 24) },
		"statusWords": statusWords,
		"list":        func(v ...string) []string { return v },
	}
}

// grouped writes *f without exponent, its whole part in groups of three
// digits ("" for nil).
func grouped(f *float64) string {
	if f == nil {
		return ""
	}
	s := strconv.FormatFloat(*f, 'f', -1, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if dot {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}
