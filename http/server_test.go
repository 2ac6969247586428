package http

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Ensure Close lets a request in flight finish and then refuses new
// connections.
func TestGracefulClose(t *testing.T) {
	s := newTestServer(t, nil, Options{Addr: "127.0.0.1:0"})
	started, release := make(chan struct{}), make(chan struct{})
	s.handle("GET /slow", func(w http.ResponseWriter, r *http.Request) error {
		close(started)
		<-release
		w.Write([]byte("finished"))
		return nil
	})
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	url := s.URL()
	if !strings.HasPrefix(url, "http://127.0.0.1:") || strings.HasSuffix(url, ":0/") {
		t.Fatalf("URL %q", url)
	}
	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(url + "slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- result{body: string(b)}
	}()
	<-started
	closed := make(chan error, 1)
	go func() { closed <- s.Close(context.Background()) }()
	time.Sleep(50 * time.Millisecond)
	select {
	case err := <-closed:
		t.Fatalf("Close returned before the request finished: %v", err)
	default:
	}
	close(release)
	if r := <-got; r.err != nil || r.body != "finished" {
		t.Errorf("request in flight: %q %v", r.body, r.err)
	}
	if err := <-closed; err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after Close")
	}
}
