package account

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("青禾街道2024!")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id with the default parameters", h)
	}
	for _, c := range []struct {
		pw   string
		want bool
	}{
		{"青禾街道2024!", true},
		{"青禾街道2024", false},   // one character short
		{"青禾街道2024! ", false}, // one more
		{"", false},
		{"青禾街道2024！", false}, // a full-width mark is another character
	} {
		ok, err := CheckPassword(h, c.pw)
		if err != nil || ok != c.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", c.pw, ok, err, c.want)
		}
	}
	// Two hashes of one password differ (salt).
	if h2, _ := HashPassword("青禾街道2024!"); h2 == h {
		t.Errorf("two hashes of one password are equal")
	}
	if NeedsRehash(h) {
		t.Errorf("NeedsRehash of a default hash")
	}
	weak, _ := hashWith("x", Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32})
	if !NeedsRehash(weak) {
		t.Errorf("NeedsRehash of a weaker hash = false")
	}
	if ok, _ := CheckPassword(weak, "x"); !ok {
		t.Errorf("a hash of other parameters does not check")
	}
}

func TestBadHash(t *testing.T) {
	good, _ := HashPassword("p")
	parts := strings.Split(good, "$")
	for _, h := range []string{
		"",
		"plain text",
		"$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", // bcrypt
		strings.Replace(good, "argon2id", "argon2i", 1),
		strings.Replace(good, "v=19", "v=16", 1),
		strings.Replace(good, "m=19456", "m=4294967295", 1), // 4 TiB: refused, not tried
		strings.Replace(good, "t=2", "t=100000", 1),
		strings.Replace(good, "p=1", "p=0", 1),
		strings.Join(append(parts[:4:4], "!!", parts[5]), "$"),
		strings.Join(append(parts[:4:4], "c2FsdA", parts[5]), "$"), // a 4-byte salt
		good + "$extra",
	} {
		start := time.Now()
		ok, err := CheckPassword(h, "p")
		if ok || !errors.Is(err, ErrBadHash) {
			t.Errorf("CheckPassword(%q) = %v, %v; want ErrBadHash", h, ok, err)
		}
		if time.Since(start) > time.Second {
			t.Errorf("CheckPassword(%q) took %v", h, time.Since(start))
		}
		if !NeedsRehash(h) {
			t.Errorf("NeedsRehash(%q) = false", h)
		}
	}
}

func TestSecret(t *testing.T) {
	s1, h1, err := NewSecret(TokenPrefix)
	if err != nil {
		t.Fatal(err)
	}
	s2, h2, _ := NewSecret(TokenPrefix)
	if !strings.HasPrefix(s1, "zjt_") || len(s1) != 4+43 || s1 == s2 || h1 == h2 {
		t.Errorf("secrets %q %q, hashes %q %q", s1, s2, h1, h2)
	}
	if HashSecret(s1) != h1 || len(h1) != 64 || strings.Contains(h1, s1) {
		t.Errorf("HashSecret(%q) = %q, want %q", s1, HashSecret(s1), h1)
	}
	if HashSecret(s1+"x") == h1 {
		t.Errorf("another secret has the same hash")
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		HashPassword("青禾街道2024!")
	}
}
