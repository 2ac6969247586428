package http

import (
	"net/http"

	"zongjie/app"
)

// withUser puts on the request's context the user the request acts for
// (app.WithUser); every app operation reads it from there (app.UserFrom)
// and the store's queries will be scoped by that user's units. This is
// the one place that decides who the user is: today, with no accounts,
// always Options.User (the person at this computer); with accounts it
// will read the session here and refuse a request without one.
func (s *Server) withUser(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		return h(w, r.WithContext(app.WithUser(r.Context(), s.opts.User)))
	}
}

// currentUser returns the user of the request, for the pages.
func currentUser(r *http.Request) app.User {
	u, _ := app.UserFrom(r.Context())
	return u
}
