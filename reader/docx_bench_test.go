package reader

import (
	"os"
	"testing"
)

// BenchmarkReadDocx reads a .docx written by LibreOffice; with
// ReadSource it also records where each character came from (what
// annotate needs).
func BenchmarkReadDocx(b *testing.B) {
	data, err := os.ReadFile("testdata/numbered.docx")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Read("numbered.docx", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ReadSource", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, err := ReadSource("numbered.docx", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
