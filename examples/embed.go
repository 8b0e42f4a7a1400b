package examples

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// FS holds the example articles under Corpus and the knowledge-base
// overlay under KB.
//
//go:embed corpus kb
var FS embed.FS

// Paths of the two trees inside FS (and inside a directory CopyTo filled).
const (
	Corpus = "corpus"
	KB     = "kb"
)

// CopyTo writes FS into dir, which must exist: the readers and the
// knowledge-base loader take paths on disk.
func CopyTo(dir string) error {
	return fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return fmt.Errorf("examples: %w", err)
			}
			return nil
		}
		b, err := FS.ReadFile(p)
		if err != nil {
			return fmt.Errorf("examples: read %s: %w", p, err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return fmt.Errorf("examples: %w", err)
		}
		return nil
	})
}
