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
