package http

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"sync"
	"time"

	"zongjie/app"
)

// Limits the HTTP layer keeps, in memory of each server process (the
// sign-in failures and lockouts are in the store, app.Authenticate):
//
//   - sign-in attempts per client address (loginLimiter): a burst of
//     loginBurst, then one every loginEvery. Each attempt costs an
//     argon2id hash (about 60 ms of a core); without it one address could
//     keep the machine's cores busy with sign-ins the store's lockout,
//     which counts failures only, does not stop (right passwords, or
//     many names). Password changes count too.
//   - analyses per user at the same time (analysisLimiter): the routes
//     marked analysis() (upload, check, compare, similar, track, series, draft,
//     extract, families) run at most Options.AnalysesPerUser at once for
//     one account; a request beyond waits up to analysisWait for a slot,
//     then gets 429. The local user (no accounts) is one person and is
//     not limited.
//   - the time of a request: Options.RequestTimeout (middleware.go).
const (
	loginBurst = 10
	loginEvery = 6 * time.Second // 10 a minute once the burst is spent

	DefaultAnalysesPerUser = 4
	analysisWait           = 2 * time.Second
)

// rateLimiter is a token bucket per key (a client address): burst
// tokens, one more every every. Keys whose buckets are full again are
// forgotten, so the map holds only the addresses seen lately.
type rateLimiter struct {
	burst float64
	every time.Duration
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newRateLimiter(burst int, every time.Duration) *rateLimiter {
	return &rateLimiter{burst: float64(burst), every: every, now: time.Now, buckets: map[string]*bucket{}}
}

// allow takes a token of key's bucket and reports whether there was one;
// when not, how long until there is.
func (l *rateLimiter) allow(key string) (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if now.Sub(l.swept) > time.Minute {
		l.sweep(now)
	}
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(l.burst, b.tokens+float64(now.Sub(b.at))/float64(l.every))
	b.at = now
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) * float64(l.every)), false
	}
	b.tokens--
	return 0, true
}

// sweep forgets the buckets that are full again.
func (l *rateLimiter) sweep(now time.Time) {
	l.swept = now
	full := time.Duration(l.burst * float64(l.every))
	for k, b := range l.buckets {
		if now.Sub(b.at) >= full {
			delete(l.buckets, k)
		}
	}
}

// tooManyAttempts is the refusal of a sign-in over the address's limit.
func tooManyAttempts(wait time.Duration) error {
	secs := int(math.Ceil(wait.Seconds()))
	return app.Errorf(app.RateLimited, "登录尝试过于频繁，请 %d 秒后再试", max(secs, 1))
}

// analysisLimiter holds the slots of the analyses running per user.
type analysisLimiter struct {
	per  int
	wait time.Duration // analysisWait

	mu    sync.Mutex
	slots map[int64]chan struct{}
	used  map[int64]int // requests holding or waiting for a user's slots
}

func newAnalysisLimiter(per int) *analysisLimiter {
	return &analysisLimiter{per: per, wait: analysisWait, slots: map[int64]chan struct{}{}, used: map[int64]int{}}
}

// acquire takes one of user's slots, waiting up to analysisWait (or
// until ctx ends), and returns the function that gives it back; an error
// (RateLimited, saying so) when none came free.
func (l *analysisLimiter) acquire(ctx context.Context, user int64) (func(), error) {
	l.mu.Lock()
	ch, ok := l.slots[user]
	if !ok {
		ch = make(chan struct{}, l.per)
		l.slots[user] = ch
	}
	l.used[user]++
	l.mu.Unlock()
	done := func() {
		l.mu.Lock()
		if l.used[user]--; l.used[user] == 0 {
			delete(l.used, user)
			delete(l.slots, user)
		}
		l.mu.Unlock()
	}
	select {
	case ch <- struct{}{}:
		return func() { <-ch; done() }, nil
	default:
	}
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case ch <- struct{}{}:
		return func() { <-ch; done() }, nil
	case <-t.C:
		done()
		return nil, app.Errorf(app.RateLimited, "您同时进行的分析已达 %d 项（上传、校对、比对等），请等前面的完成后再试", l.per)
	case <-ctx.Done():
		done()
		return nil, ctx.Err()
	}
}

// limitAnalyses runs h in one of the user's analysis slots.
func (s *Server) limitAnalyses(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		u := currentUser(r)
		if u.Local() {
			return h(w, r)
		}
		release, err := s.analyses.acquire(r.Context(), u.ID)
		if err != nil {
			if app.ErrorCode(err) == app.RateLimited {
				w.Header().Set("Retry-After", retryAfter(s.analyses.wait))
			}
			return err
		}
		defer release()
		return h(w, r)
	}
}

// retryAfter is the Retry-After header's value for wait.
func retryAfter(wait time.Duration) string {
	return fmt.Sprint(max(1, int(math.Ceil(wait.Seconds()))))
}
