package account

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are the argon2id parameters of a password hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes
}

// DefaultParams are those of new hashes: argon2id with 19 MiB, two
// passes, one thread (the first of OWASP's recommended settings; about
// 60 ms on one core of the project's machine, BenchmarkHashPassword: a
// sign-in costs that once), a 16-byte salt and a 32-byte key.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1, SaltLen: 16, KeyLen: 32}

// Bounds on the parameters read from a stored hash, so that a damaged or
// hostile hash cannot make a sign-in take the machine's memory.
const (
	maxMemory = 1 << 20 // KiB: 1 GiB
	maxTime   = 64
)

// ErrBadHash is returned for a stored hash that is not one HashPassword
// makes.
var ErrBadHash = errors.New("account: not an argon2id password hash")

// HashPassword returns the hash of a password with DefaultParams, in the
// PHC string format: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<key>, the salt
// and key in unpadded standard base64.
func HashPassword(password string) (string, error) {
	return hashWith(password, DefaultParams)
}

func hashWith(password string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// parse reads a hash made by hashWith.
func parse(hash string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, ErrBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, ErrBadHash
	}
	if n, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil || n != 3 ||
		p.Memory == 0 || p.Memory > maxMemory || p.Time == 0 || p.Time > maxTime || p.Threads == 0 {
		return p, nil, nil, ErrBadHash
	}
	b64 := base64.RawStdEncoding
	if salt, err = b64.DecodeString(parts[4]); err != nil || len(salt) < 8 {
		return p, nil, nil, ErrBadHash
	}
	if key, err = b64.DecodeString(parts[5]); err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, ErrBadHash
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// CheckPassword reports whether password is the one hash was made of, in
// time that does not depend on where they differ. It fails with
// ErrBadHash for a hash it cannot read.
func CheckPassword(hash, password string) (bool, error) {
	p, salt, key, err := parse(hash)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// NeedsRehash reports whether hash was made with other parameters than
// DefaultParams (a sign-in then stores a new hash of the password).
func NeedsRehash(hash string) bool {
	p, _, _, err := parse(hash)
	return err != nil || p != DefaultParams
}

// dummyHash is a hash of nothing anyone types, checked when there is no
// user of the name given, so that a sign-in takes as long whether the
// name exists or not.
var dummyHash, _ = HashPassword("\x00no such user\x00")

// CheckNobody spends the time CheckPassword would on a password.
func CheckNobody(password string) {
	CheckPassword(dummyHash, password)
}
