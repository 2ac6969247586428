package account

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// Prefixes of secrets, so that a leaked one is recognised for what it is
// (and secret scanners can be taught them).
const (
	SessionPrefix = "zjs_"
	TokenPrefix   = "zjt_"
)

// NewSecret returns a new random secret (256 bits, URL-safe base64 after
// prefix) and its hash, which is all the store keeps.
func NewSecret(prefix string) (secret, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	secret = prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashSecret(secret), nil
}

// HashSecret returns the hash the store keeps of a secret: hex SHA-256. A
// fast hash is enough for 256 random bits (passwords, which are guessable,
// get argon2id).
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
