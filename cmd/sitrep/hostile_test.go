package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A corpus of hostile inputs, generated at test time (the large ones
// would not belong in the repository): each must end in a clear error
// naming the input (and line), or be read correctly, and must not make
// sitrep's memory grow with the size of the attack.

const story = "KHARKIV, Ukraine - Russian forces shelled residential areas of Kharkiv on Monday, " +
	"killing at least four civilians and wounding eleven others, the regional governor said.\n\n" +
	"The attack came a day after clashes on the outskirts of the city, officials said.\n"

// record is one JSON Lines article.
func record(id, body string) string {
	b, err := json.Marshal(map[string]string{
		"id": id, "title": "Shelling in Kharkiv " + id, "date_publish": "2024-03-04",
		"source_domain": "hostile-test.example", "maintext": body,
	})
	if err != nil {
		panic(err)
	}
	return string(b) + "\n"
}

// writeBig writes size bytes of plausible prose without holding them in
// memory at once.
func writeBig(t *testing.T, file string, size int, prefix, suffix string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(prefix); err != nil {
		t.Fatal(err)
	}
	chunk := strings.Repeat(strings.ReplaceAll(story, "\n", " "), 1<<20/len(story))
	for n := len(prefix); n < size; n += len(chunk) {
		if _, err := f.WriteString(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.WriteString(suffix); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// billionLaughs is the XML entity-expansion attack in an RSS feed: ten
// levels of ten-fold references, 10^9 "lol"s if a parser expanded them.
func billionLaughs() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?>` + "\n" + `<!DOCTYPE rss [` + "\n" + `<!ENTITY lol0 "lol">` + "\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<!ENTITY lol%d "%s">`+"\n", i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	b.WriteString("]>\n<rss version=\"2.0\"><channel><title>Wire &lol9;</title>\n")
	b.WriteString("<item><title>Shelling &lol9;</title><description>&lol9;</description></item>\n")
	fmt.Fprintf(&b, "<item><title>Kharkiv shelled</title><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>%s</description></item>\n", story)
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

type hostileCase struct {
	name  string
	make  func(t *testing.T, dir string) []string // writes the inputs, returns their names
	code  int                                     // exit status of `sitrep ingest`
	errs  []string                                // what stderr must name
	docs  int                                     // documents stored
	check func(t *testing.T, dir string)          // more on what was stored
}

var hostileCases = []hostileCase{
	{
		name: "binary",
		make: func(t *testing.T, dir string) []string {
			rng := rand.New(rand.NewPCG(1, 2))
			b := []byte("\x7fELF\x02\x01\x01\x00")
			for len(b) < 1<<20 {
				b = append(b, byte(rng.UintN(256)))
			}
			write(t, filepath.Join(dir, "program.bin"), b)
			return []string{"program.bin"}
		},
		code: 1, errs: []string{"program.bin: not text"},
	},
	{
		name: "50MB text",
		make: func(t *testing.T, dir string) []string {
			writeBig(t, filepath.Join(dir, "huge.txt"), 50<<20, "", "")
			return []string{"huge.txt"}
		},
		code: 1, errs: []string{"huge.txt: larger than the 1048576-byte limit"},
	},
	{
		name: "invalid UTF-8",
		make: func(t *testing.T, dir string) []string {
			b := []byte(story)
			b = append(b[:40:40], append([]byte{0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82, 0xff, 0xfe, 0xfd}, b[40:]...)...)
			write(t, filepath.Join(dir, "mangled.txt"), b)
			return []string{"mangled.txt"}
		},
		code: 1, errs: []string{"mangled.txt:"},
	},
	{
		name: "HTML nested 100k deep",
		make: func(t *testing.T, dir string) []string {
			var b bytes.Buffer
			b.WriteString("<!doctype html><html><head><title>Kharkiv shelled</title></head><body>")
			for i := 0; i < 100_000; i++ {
				b.WriteString("<div>")
			}
			b.WriteString("<p>" + story + "</p>")
			for i := 0; i < 100_000; i++ {
				b.WriteString("</div>")
			}
			b.WriteString("</body></html>")
			write(t, filepath.Join(dir, "nested.html"), b.Bytes())
			return []string{"nested.html"}
		},
		// Either outcome is acceptable if it is clean; the memory bound
		// and the absence of a crash are the point.
		code: -1, errs: []string{},
	},
	{
		name: "billion laughs feed",
		make: func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, "laughs.rss"), billionLaughs())
			return []string{"laughs.rss"}
		},
		code: -1, errs: []string{},
		check: func(t *testing.T, dir string) {
			out := must(t, dir, "docs", "--format", "json")
			if strings.Contains(out, strings.Repeat("lol", 1000)) {
				t.Errorf("entities were expanded into the stored documents (%d bytes)", len(out))
			}
		},
	},
	{
		name: "huge JSON line among good ones",
		make: func(t *testing.T, dir string) []string {
			// Streamed to disk: a 50 MB string in this process would
			// count against the child's peak RSS (see peakRSS).
			writeBig(t, filepath.Join(dir, "records.jsonl"), 50<<20,
				record("r1", story)+`{"id": "r2", "title": "Long", "maintext": "`,
				"\"}\n"+record("r3", strings.Replace(story, "Monday", "Tuesday", 1)))
			return []string{"records.jsonl"}
		},
		code: 1, errs: []string{"records.jsonl line 2: longer than the 1048576-byte limit"}, docs: 2,
	},
	{
		name: "one bad JSON line",
		make: func(t *testing.T, dir string) []string {
			data := record("a1", story) + record("a2", strings.Replace(story, "Monday", "Tuesday", 1)) +
				`{"id": "a3", "title": "broken", "maintext": "unterminated` + "\n" +
				record("a4", strings.Replace(story, "Monday", "Sunday", 1))
			write(t, filepath.Join(dir, "mixed.jsonl"), []byte(data))
			return []string{"mixed.jsonl"}
		},
		code: 1, errs: []string{"mixed.jsonl line 3: invalid JSON"}, docs: 3,
	},
	{
		name: "zero-width and bidi controls in names",
		make: func(t *testing.T, dir string) []string {
			s := strings.NewReplacer("Kharkiv", "Khar\u200bkiv", "Russian", "Rus\u202esian\u202c", "governor", "gov\u200dernor\u2066").Replace(story)
			write(t, filepath.Join(dir, "controls.txt"), []byte("\ufeff"+s))
			return []string{"controls.txt"}
		},
		code: 0, docs: 1,
		check: func(t *testing.T, dir string) {
			var d struct {
				Text     string `json:"text"`
				Entities []struct {
					Text      string `json:"text"`
					Canonical string `json:"canonical"`
				} `json:"entities"`
			}
			out := must(t, dir, "docs", "--format", "json")
			if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &d); err != nil {
				t.Fatalf("docs output: %v", err)
			}
			// Invisible controls inside a name hide it from every
			// dictionary (and can spoof how it displays): cleaning must
			// drop them, as it drops the zero-width space.
			for _, r := range []rune{'\u200b', '\u200d', '\u202e', '\u202c', '\u2066'} {
				if i := strings.IndexRune(d.Text, r); i >= 0 {
					t.Errorf("stored text keeps the invisible control %U: %q", r, d.Text[max(0, i-20):min(len(d.Text), i+20)])
				}
			}
			for _, name := range []string{"Kharkiv", "Russian forces"} {
				found := false
				for _, e := range d.Entities {
					found = found || e.Text == name
				}
				if !found {
					t.Errorf("%s (split by an invisible control) not recognised: %+v", name, d.Entities)
				}
			}
		},
	},
	{
		name: "Windows-1256 Arabic text",
		make: func(t *testing.T, dir string) []string {
			ar := "قصفت القوات الروسية مدينة خاركيف يوم الاثنين، ما أدى إلى مقتل أربعة مدنيين وإصابة أحد عشر آخرين، بحسب ما قال حاكم المنطقة.\n\n" +
				"وجاء الهجوم بعد يوم من اشتباكات على أطراف المدينة، وفق مسؤولين محليين.\n"
			enc, err := charmap.Windows1256.NewEncoder().Bytes([]byte(ar))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "arabic.txt"), enc)
			return []string{"arabic.txt"}
		},
		code: 0, docs: 1,
		check: func(t *testing.T, dir string) {
			out := must(t, dir, "docs", "--format", "json")
			if !strings.Contains(out, "خاركيف") {
				t.Errorf("the Windows-1256 text was not decoded to Arabic:\n%.300s", out)
			}
		},
	},
}

// peakRSS is a finished process's peak resident set in bytes. Children
// are measured through rssWrap (main_test.go), and the large inputs are
// streamed to disk rather than built in memory, so that this figure is the
// child's own.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10 // kilobytes on Linux
	}
	return 0
}

// ingest runs `sitrep ingest` on the inputs in dir and returns its
// result and peak memory.
func ingest(t *testing.T, dir string, inputs ...string) (result, int64) {
	t.Helper()
	rssFile := filepath.Join(t.TempDir(), "rss")
	args := append([]string{binary, "ingest", "--max-bytes", fmt.Sprint(maxBytes)}, inputs...)
	cmd := exec.Command(os.Args[0], args...) // through rssWrap (main_test.go)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "SITREP_DB=", rssWrapEnv+"="+rssFile)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	b, err := os.ReadFile(rssFile)
	if err != nil {
		t.Fatalf("peak RSS of %v: %v\n%s", args, err, errb.String())
	}
	rss, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		t.Fatalf("peak RSS %q: %v", b, err)
	}
	return result{out.String(), errb.String(), cmd.ProcessState.ExitCode()}, rss
}

// maxBytes is the input limit the hostile runs use: far below the 50 MB
// attacks, so that memory bounded by the limit and memory growing with
// the input are told apart by a wide margin.
const maxBytes = 1 << 20

// headroom is how much more than ingesting one small article a hostile
// input may cost. Holding a 50 MB input once, as bytes and as a string,
// would take twice that; startup alone varies by some 30 MB with GC
// timing.
const headroom = 48 << 20

func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100 MB of inputs and runs the binary on each")
	}
	base := t.TempDir()
	write(t, filepath.Join(base, "small.txt"), []byte(story))
	r, baseline := ingest(t, base, "small.txt")
	if r.code != 0 {
		t.Fatalf("baseline ingest: exit %d\n%s", r.code, r.stderr)
	}
	t.Logf("baseline peak RSS %d MB", baseline>>20)
	for _, tc := range hostileCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			inputs := tc.make(t, dir)
			r, rss := ingest(t, dir, inputs...)
			t.Logf("exit %d, peak RSS %d MB, stderr:\n%s", r.code, rss>>20, clip(r.stderr))
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") || r.code > 1 {
				t.Fatalf("ingest crashed (exit %d):\n%s", r.code, clip(r.stderr))
			}
			if tc.code >= 0 && r.code != tc.code {
				t.Errorf("exit status %d, want %d", r.code, tc.code)
			}
			for _, want := range tc.errs {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr does not name the problem %q:\n%s", want, clip(r.stderr))
				}
			}
			if r.code == 1 && !strings.Contains(r.stderr, inputs[0]) {
				t.Errorf("the error does not name the input %s:\n%s", inputs[0], clip(r.stderr))
			}
			if rss > baseline+headroom {
				t.Errorf("peak RSS %d MB, more than %d MB over the %d MB of a one-article ingest", rss>>20, headroom>>20, baseline>>20)
			}
			if !utf8.ValidString(r.stderr) {
				t.Errorf("stderr is not valid UTF-8: %q", clip(r.stderr))
			}
			if tc.docs > 0 {
				if got := len(docIDs(t, dir, "sitrep.db")); got != tc.docs {
					t.Errorf("stored %d documents, want %d", got, tc.docs)
				}
			}
			if tc.check != nil {
				tc.check(t, dir)
			}
		})
	}
}
