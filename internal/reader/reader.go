package reader

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// DefaultMaxBytes is the size limit of one input file when Options.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Options tunes a Reader.
type Options struct {
	// MaxBytes caps the bytes read from one file (and from one JSON line);
	// 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Raw is one document as the input gave it.
type Raw struct {
	Path   string // file path; "-" for stdin; FILE#LINE for a JSON Lines record; FILE#N for a feed item
	Format string // "text" | "html" | "feed" | "jsonl"
	Raw    []byte // the verbatim input of this one document
	Body   string // UTF-8 text for the cleaner (paragraphs separated by blank lines)

	ID, URL, Title, Published, SiteName, Author string // metadata the input gave, "" if none

	// Captions are figure captions the markup itself marked as such
	// (HTML <figcaption>); the cleaner finds the others in Body. An
	// addition to the contract, optional for callers.
	Captions []string
}

// Reader reads inputs into Raw documents. It keeps no state between calls
// to Each, so one Reader may serve several goroutines (stdin excepted,
// which can be read only once).
type Reader struct {
	maxBytes int64
	stdin    io.Reader
}

// New returns a Reader; stdin is what the input "-" reads.
func New(opts Options, stdin io.Reader) *Reader {
	m := opts.MaxBytes
	if m <= 0 {
		m = DefaultMaxBytes
	}
	return &Reader{maxBytes: m, stdin: stdin}
}

// errStop marks an error returned by the callback, which must end Each.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// Each reads every input in order and calls fn once per document, or once
// per unreadable input with a non-nil error naming it (Raw.Path is set
// then too). An input is a file, a directory (read recursively, in sorted
// order, hidden entries skipped) or "-" for stdin. Each stops early only
// when ctx is done or fn returns an error, and returns that error.
func (r *Reader) Each(ctx context.Context, inputs []string, fn func(Raw, error) error) error {
	call := func(raw Raw, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if ferr := fn(raw, err); ferr != nil {
			return errStop{ferr}
		}
		return nil
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case in == "-":
			if r.stdin == nil {
				err = call(Raw{Path: "-"}, errors.New("-: no standard input"))
			} else {
				err = r.readStream(ctx, "-", r.stdin, call)
			}
		default:
			err = r.readPath(ctx, in, call)
		}
		if err != nil {
			var stop errStop
			if errors.As(err, &stop) {
				return stop.err
			}
			return err
		}
	}
	return nil
}

func (r *Reader) readPath(ctx context.Context, p string, call func(Raw, error) error) error {
	st, err := os.Stat(p)
	if err != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, unwrapPath(err)))
	}
	if !st.IsDir() {
		return r.readFile(ctx, p, st, call)
	}
	var files []string
	werr := filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, q) // reported when opened
			return nil
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && !notArticle(d.Name()) {
			files = append(files, q)
		}
		return nil
	})
	if werr != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, werr))
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, err := os.Stat(f)
		if err != nil {
			if cerr := call(Raw{Path: f}, fmt.Errorf("%s: %w", f, unwrapPath(err))); cerr != nil {
				return cerr
			}
			continue
		}
		if !st.Mode().IsRegular() {
			continue
		}
		if err := r.readFile(ctx, f, st, call); err != nil {
			return err
		}
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (r *Reader) readFile(ctx context.Context, p string, st fs.FileInfo, call func(Raw, error) error) error {
	f, err := os.Open(p)
	if err != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, unwrapPath(err)))
	}
	defer f.Close()
	return r.readStream(ctx, p, f, call)
}

// readStream sniffs the first bytes, then either streams JSON Lines (whose
// files may exceed MaxBytes: only each line is capped) or reads at most
// MaxBytes+1 bytes of a single-document input.
func (r *Reader) readStream(ctx context.Context, p string, in io.Reader, call func(Raw, error) error) error {
	br := bufio.NewReaderSize(in, 16<<10)
	head, herr := br.Peek(8192)
	if len(head) == 0 {
		if herr != nil && herr != io.EOF {
			return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, herr))
		}
		return call(Raw{Path: p}, fmt.Errorf("%s: empty file", p))
	}
	if kind := binaryKind(head); kind != "" {
		return call(Raw{Path: p}, fmt.Errorf("%s: not text (%s)", p, kind))
	}
	if firstByte(head) == '{' {
		return r.readJSONL(ctx, p, br, call)
	}
	data, err := io.ReadAll(io.LimitReader(br, r.maxBytes+1))
	if err != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, err))
	}
	if int64(len(data)) > r.maxBytes {
		return call(Raw{Path: p}, fmt.Errorf("%s: larger than the %d-byte limit", p, r.maxBytes))
	}
	text, err := decode(data)
	if err != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, err))
	}
	if strings.TrimSpace(text) == "" {
		return call(Raw{Path: p}, fmt.Errorf("%s: empty file (only white space)", p))
	}
	format, err := sniffFormat(text)
	if err != nil {
		return call(Raw{Path: p}, fmt.Errorf("%s: %w", p, err))
	}
	switch format {
	case FormatHTML:
		raw, err := readHTML(p, data, text)
		return call(raw, err)
	case FormatFeed:
		return readFeed(p, data, text, call)
	case FormatJSONL:
		// A JSON object after a byte order mark or in a legacy encoding.
		return r.readJSONL(ctx, p, bufio.NewReader(strings.NewReader(text)), call)
	}
	return call(Raw{Path: p, Format: FormatText, Raw: data, Body: textBody(text)}, nil)
}

func firstByte(b []byte) byte {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// skippedInDirectories are extensions of files that sit beside articles in
// a corpus folder (code, notes, data, databases) but are never articles.
// They are skipped when a directory is walked; named on the command line,
// a file is always read, so the user still gets a clear error for it.
var skippedInDirectories = map[string]bool{
	".go": true, ".mod": true, ".sum": true, ".md": true, ".tsv": true, ".csv": true,
	".yaml": true, ".yml": true, ".toml": true, ".css": true, ".js": true, ".map": true,
	".db": true, ".db-wal": true, ".db-shm": true, ".sqlite": true, ".py": true, ".sh": true,
}

func notArticle(name string) bool {
	return skippedInDirectories[strings.ToLower(filepath.Ext(name))] || name == "LICENSE" || name == "NOTICE"
}
