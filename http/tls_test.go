package http

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zongjie/app"
	"zongjie/store"
	"zongjie/store/pgtest"
	"zongjie/store/postgres"
)

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns
// their files.
func selfSigned(t *testing.T) (cert, key string) {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "zongjie test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cert, key = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	return cert, key
}

// Ensure a server given a certificate speaks HTTPS only, and a browser
// signs in over it with a Secure session cookie.
func TestTLS(t *testing.T) {
	cert, key := selfSigned(t)
	s := newTestServer(t, nil, Options{Addr: "127.0.0.1:0", TLSCert: cert, TLSKey: key})
	pw := addUser(t, s, "zhang", "", true)
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if !strings.HasPrefix(s.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL %q", s.URL())
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	res, err := c.Get(s.URL() + "login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	base, _ := url.Parse(s.URL())
	var token string
	for _, ck := range jar.Cookies(base) {
		if ck.Name == csrfCookie {
			token = ck.Value
		}
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	req, _ := http.NewRequest("POST", s.URL()+"login", strings.NewReader(url.Values{"name": {"zhang"}, "password": {pw}, "csrf": {token}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", strings.TrimSuffix(s.URL(), "/"))
	res, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	secure := false
	for _, ck := range res.Cookies() {
		if ck.Name == sessionCookie {
			secure = ck.Secure && ck.HttpOnly
		}
	}
	if res.StatusCode != http.StatusSeeOther || !secure {
		t.Errorf("sign in over TLS: %d, Secure HttpOnly session cookie %v", res.StatusCode, secure)
	}
	// Plain HTTP to the TLS port is not served.
	plain := &http.Client{Timeout: 5 * time.Second}
	if res, err := plain.Get("http://" + strings.TrimPrefix(s.URL(), "https://")); err == nil {
		if res.StatusCode < 400 {
			t.Errorf("plain HTTP served: %d", res.StatusCode)
		}
		res.Body.Close()
	}
	if _, err := NewServer(s.app, Options{TLSCert: cert}); err == nil {
		t.Errorf("a certificate without its key accepted")
	}
}

// Ensure a session made on one server works on another over the same
// PostgreSQL database (two App instances, two Servers: two processes as
// far as the store knows), that an API token does too, and that signing
// out on the second ends the session on the first within
// app.AccountsFor (TestAccountsKeptTwoServers tries every change).
func TestSessionTwoServers(t *testing.T) {
	dsn := pgtest.CreateDatabase(t, "C.UTF-8")
	open := func(ctx context.Context) (store.Store, error) { return postgres.Open(ctx, dsn) }
	clock := &testClock{t: time.Now()}
	var servers [2]*Server
	for i := range servers {
		a := app.New(app.Options{Open: open, Now: clock.Now})
		t.Cleanup(func() { a.Close() })
		s, err := NewServer(a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		servers[i] = s
	}
	pw := addUser(t, servers[0], "zhang", "", true)
	one := newBrowser(t, servers[0])
	one.signIn("zhang", pw)
	two := newBrowser(t, servers[1])
	two.cookies = one.cookies // the same browser, its requests sent to the other server
	if w := two.get("/"); w.Code != 200 || !strings.Contains(w.Body.String(), ">zhang</a>") {
		t.Fatalf("the session on the second server: %d", w.Code)
	}
	w := one.form("/account/tokens", url.Values{"name": {"脚本"}})
	i := strings.Index(w.Body.String(), `value="zjt_`)
	if i < 0 {
		t.Fatalf("no token: %d", w.Code)
	}
	secret := w.Body.String()[i+len(`value="`):]
	script := newBrowser(t, servers[1])
	script.token = secret[:strings.IndexByte(secret, '"')]
	if w := script.get("/api/v1/reports"); w.Code != 200 {
		t.Errorf("the token on the second server: %d", w.Code)
	}
	session := one.cookies[sessionCookie].Value
	if w := two.form("/logout", nil); w.Code != http.StatusSeeOther {
		t.Fatalf("sign out on the second server: %d", w.Code)
	}
	stale := newBrowser(t, servers[0])
	stale.cookies[sessionCookie] = &http.Cookie{Name: sessionCookie, Value: session}
	clock.advance(app.AccountsFor)
	if w := stale.get("/"); w.Code != http.StatusSeeOther {
		t.Errorf("signed out on the second server, the session still works on the first after %v: %d", app.AccountsFor, w.Code)
	}
}
