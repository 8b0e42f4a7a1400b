package kb

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed data
var embedded embed.FS

// Term is one line of a lexicon file: tab-separated fields, the first the
// term itself. Line is where it was read, for error messages.
type Term struct {
	Text   string
	Fields []string
	File   string
	Line   int
}

// Field returns the i-th field after the term, or "" when absent.
func (t Term) Field(i int) string {
	if i < len(t.Fields) {
		return t.Fields[i]
	}
	return ""
}

// KB is the loaded knowledge base. It is read-only after Load and safe for
// concurrent use.
type KB struct {
	lexicons map[string][]Term
	// files holds every data file's bytes by relative path (embedded first,
	// overlay appended), for the loaders of structured files.
	files map[string][][]byte
	// origins names where each of files' versions came from ("embedded"
	// or the overlay directory), index for index.
	origins map[string][]string
	// world holds actors, countries and places (see world.go).
	world *world
}

// Load reads the embedded data and, when overlay is not empty, the files of
// that directory on top.
func Load(overlay string) (*KB, error) {
	k := &KB{lexicons: map[string][]Term{}, files: map[string][][]byte{}, origins: map[string][]string{}}
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("embedded knowledge base: %w", err)
	}
	if err := k.addFS(sub, "embedded"); err != nil {
		return nil, err
	}
	if overlay != "" {
		st, err := os.Stat(overlay)
		if err != nil {
			return nil, fmt.Errorf("knowledge base overlay %s: %w", overlay, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("knowledge base overlay %s: not a directory", overlay)
		}
		if err := k.addFS(os.DirFS(overlay), overlay); err != nil {
			return nil, err
		}
	}
	if err := k.buildWorld(); err != nil {
		return nil, err
	}
	return k, nil
}

func (k *KB) addFS(fsys fs.FS, origin string) error {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read knowledge base %s: %w", origin, err)
	}
	sort.Strings(names)
	for _, p := range names {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read knowledge base %s: %w", filepath.Join(origin, p), err)
		}
		k.files[p] = append(k.files[p], b)
		k.origins[p] = append(k.origins[p], origin)
		if strings.HasPrefix(p, "lexicon/") && strings.HasSuffix(p, ".tsv") {
			name := strings.TrimSuffix(path.Base(p), ".tsv")
			terms, err := parseTSV(b, filepath.Join(origin, p))
			if err != nil {
				return err
			}
			k.lexicons[name] = append(k.lexicons[name], terms...)
		}
	}
	return nil
}

// parseTSV reads lexicon lines: blank lines and lines starting with # are
// skipped; fields are separated by tabs and trimmed.
func parseTSV(b []byte, file string) ([]Term, error) {
	var out []Term
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if parts[0] == "" {
			return nil, fmt.Errorf("%s line %d: empty term", file, n)
		}
		out = append(out, Term{Text: parts[0], Fields: parts[1:], File: file, Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return out, nil
}

// Lexicon returns the terms of lexicon/NAME.tsv (embedded plus overlay),
// in file order. It returns nil for an unknown name.
func (k *KB) Lexicon(name string) []Term { return k.lexicons[name] }

// Files returns the contents of the data file at a relative path
// (embedded first, then the overlay's), for loaders of structured files.
func (k *KB) Files(rel string) [][]byte { return k.files[rel] }
