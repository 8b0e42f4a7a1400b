package reader

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// collect runs Each and returns the documents and the error messages.
func collect(t *testing.T, r *Reader, inputs ...string) (docs []Raw, errs []string) {
	t.Helper()
	err := r.Each(context.Background(), inputs, func(raw Raw, err error) error {
		if err != nil {
			if raw.Path == "" {
				t.Errorf("error without a path: %v", err)
			}
			errs = append(errs, err.Error())
			return nil
		}
		docs = append(docs, raw)
		return nil
	})
	if err != nil {
		t.Fatalf("Each: %v", err)
	}
	return docs, errs
}

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestSniffFormat(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{"plain text", "Shelling resumes in Avdiivka\n\nUkrainian officials said...", FormatText, false},
		{"text starting with a quote", "\"We will not leave,\" the mayor said.", FormatText, false},
		{"doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>", FormatHTML, false},
		{"fragment", "<div><p>Air raid sirens sounded over Odesa.</p></div>", FormatHTML, false},
		{"xhtml with prolog", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html></html>", FormatHTML, false},
		{"rss", "<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel></channel></rss>", FormatFeed, false},
		{"atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", FormatFeed, false},
		{"rdf", "<?xml version=\"1.0\"?><rdf:RDF></rdf:RDF>", FormatFeed, false},
		{"json lines", "{\"id\": 1, \"maintext\": \"x\"}\n", FormatJSONL, false},
		{"json array", "[\n {\"id\": 1}\n]", "", true},
		{"other xml", "<?xml version=\"1.0\"?><kml><Document/></kml>", "", true},
		{"leading blank lines", "\n\n  Aleppo, Syria\n", FormatText, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sniffFormat(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("format = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr bool
	}{
		{"utf-8", []byte("Dnipro — “quotes”"), "Dnipro — “quotes”", false},
		{"utf-8 bom", []byte("\xef\xbb\xbfKherson"), "Kherson", false},
		{"utf-16le bom", []byte{0xff, 0xfe, 'G', 0, 'a', 0, 'z', 0, 'a', 0}, "Gaza", false},
		{"windows-1252", []byte("The caf\xe9 in Homs \x93reopened\x94 on Monday."), "The café in Homs “reopened” on Monday.", false},
		{"windows-1256", []byte("\xcd\xe1\xc8 city"), "حلب city", false},
		{"declared charset", []byte("<html><head><meta charset=\"windows-1256\"></head><body>\xcf\xe3\xd4\xde</body></html>"), "<html><head><meta charset=\"windows-1256\"></head><body>دمشق</body></html>", false},
		{"random high bytes", []byte("ab\xc0\xc1\xf5\xff\x80\x8d\x9d\xfe\xfd\xfc"), "", true},
		{"control bytes in a legacy text", []byte("Idlib \x01\x02 caf\xe9"), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("decode = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBinaryKind(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"text", []byte("Mariupol\n"), ""},
		{"pdf", []byte("%PDF-1.7\n..."), "PDF"},
		{"png", []byte("\x89PNG\r\n\x1a\n"), "PNG image"},
		{"gzip", []byte{0x1f, 0x8b, 8, 0}, "gzip archive"},
		{"nul bytes", []byte("abc\x00def"), "binary file"},
		{"utf-16 text", []byte{0xff, 0xfe, 'a', 0}, ""},
		{"many controls", bytes.Repeat([]byte{1, 2, 3, 'a'}, 10), "binary file"},
	}
	for _, tt := range tests {
		if got := binaryKind(tt.in); got != tt.want {
			t.Errorf("%s: binaryKind = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestEachBadInputs: every bad input yields one error naming it, and the
// good inputs around it are still read, in sorted order.
func TestEachBadInputs(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"a-good.txt":        []byte("Strike on Sumy\n\nTwo people were killed in a strike on Sumy on Monday, officials said.\n"),
		"b-binary.txt":      {0x89, 'P', 'N', 'G', 0, 0, 1},
		"c-empty.txt":       {},
		"d-blank.txt":       []byte("  \n\n \t\n"),
		"e/records.jsonl":   []byte("{\"id\":\"r1\",\"maintext\":\"Shelling hit Kherson.\"}\n\n{not json}\n{\"id\":\"r3\",\"text\":\"Aid reached Gaza.\"}\n{\"id\":\"r4\"}\n"),
		"f-other.xml":       []byte("<?xml version=\"1.0\"?><kml></kml>"),
		"g-broken.rss":      []byte("<rss version=\"2.0\"><channel><item><title>x</title>"),
		"h-invalid.txt":     []byte("ab\xc0\xc1\xf5\xff\x80\x8d\x9d\xfe\xfd\xfc"),
		"i-big.txt":         bytes.Repeat([]byte("Sloviansk. "), 20),
		".hidden/skip.txt":  []byte("never read"),
		"j-no-text.html":    []byte("<html><body><nav><a href=\"/\">Home</a></nav></body></html>"),
		"k-windows1252.txt": []byte("Caf\xe9 owners in Aleppo reopened on Monday.\n"),
	})
	r := New(Options{MaxBytes: 200}, nil)
	docs, errs := collect(t, r, dir)
	var paths []string
	for _, d := range docs {
		paths = append(paths, strings.TrimPrefix(filepath.ToSlash(d.Path), filepath.ToSlash(dir)+"/"))
	}
	wantPaths := []string{"a-good.txt", "e/records.jsonl#1", "e/records.jsonl#4", "k-windows1252.txt"}
	if diff := cmp.Diff(wantPaths, paths); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		"b-binary.txt: not text (PNG image)",
		"c-empty.txt: empty file",
		"d-blank.txt: empty file (only white space)",
		"e/records.jsonl line 3: invalid JSON",
		"e/records.jsonl line 5: record has no article text",
		"f-other.xml: XML document",
		"g-broken.rss: malformed feed",
		"h-invalid.txt: not valid UTF-8",
		"i-big.txt: larger than the 200-byte limit",
		"j-no-text.html: no article text found",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors = %q, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.Contains(filepath.ToSlash(errs[i]), w) {
			t.Errorf("error %d = %q, want it to contain %q", i, errs[i], w)
		}
	}
	if len(docs) == 4 && docs[3].Body != "Café owners in Aleppo reopened on Monday.\n" {
		t.Errorf("windows-1252 body = %q", docs[3].Body)
	}
}

func TestJSONLFieldVariants(t *testing.T) {
	tests := []struct {
		name string
		line string
		want Raw
	}{
		{
			name: "news-please",
			line: `{"id":"a1","url":"https://example.org/x","title":"Truce in Taiz","date_publish":"2022-04-02 10:00:00","source_domain":"example.org","authors":["A. Writer","B. Writer"],"maintext":"First paragraph.\nSecond paragraph."}`,
			want: Raw{ID: "a1", URL: "https://example.org/x", Title: "Truce in Taiz", Published: "2022-04-02 10:00:00", SiteName: "example.org", Author: "A. Writer, B. Writer", Body: "First paragraph.\n\nSecond paragraph."},
		},
		{
			name: "variants",
			line: `{"_id":7,"link":"https://example.org/y","headline":"Evacuation from Mariupol","published":"2022-05-03","domain":"example.org","author":{"name":"C. Writer"},"text":"Buses left the plant."}`,
			want: Raw{ID: "7", URL: "https://example.org/y", Title: "Evacuation from Mariupol", Published: "2022-05-03", SiteName: "example.org", Author: "C. Writer", Body: "Buses left the plant."},
		},
		{
			name: "html body and publisher object",
			line: `{"id":"z","headline":"Strike in Marib","date":"2021-02-10","publisher":{"@type":"Organization","name":"Example News"},"body":"<p>One.</p><p>Two &amp; three.</p>"}`,
			want: Raw{ID: "z", Title: "Strike in Marib", Published: "2021-02-10", SiteName: "Example News", Body: "One.\n\nTwo & three."},
		},
		{
			name: "unix time",
			line: `{"id":"t","published":1656072000,"content":"Text."}`,
			want: Raw{ID: "t", Published: "2022-06-24T12:00:00Z", Body: "Text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRecord("f#1", []byte(tt.line))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path, tt.want.Format, tt.want.Raw = "f#1", FormatJSONL, []byte(tt.line)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONLLongLine: a line over the limit is refused without stopping
// the file, and the line numbers of later records stay right.
func TestJSONLLongLine(t *testing.T) {
	long := `{"id":"big","maintext":"` + strings.Repeat("x", 5000) + `"}`
	in := `{"id":"a","maintext":"Short."}` + "\n" + long + "\n" + `{"id":"c","maintext":"After."}`
	r := New(Options{MaxBytes: 1000}, strings.NewReader(in))
	docs, errs := collect(t, r, "-")
	if len(docs) != 2 || docs[0].Path != "-#1" || docs[1].Path != "-#3" || docs[1].ID != "c" {
		t.Errorf("docs = %+v", docs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "line 2: longer than the 1000-byte limit") {
		t.Errorf("errs = %q", errs)
	}
}

func TestHTMLPage(t *testing.T) {
	docs, errs := collect(t, New(Options{}, nil), "testdata/news-page.html")
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, errs %q", len(docs), errs)
	}
	d := docs[0]
	if d.Format != FormatHTML || d.Title != "Drone strike hits Kharkiv apartment block" ||
		d.SiteName != "Eastern Front News" || d.Published != "2023-11-05T06:40:00+02:00" {
		t.Errorf("metadata = %q %q %q %q", d.Format, d.Title, d.SiteName, d.Published)
	}
	for _, want := range []string{
		"A Russian drone struck a nine-storey apartment block in Kharkiv overnight",
		"Regional governor Oleh Syniehubov said a 12-year-old girl",
		"is frequently targeted by missiles and drones.",
	} {
		if !strings.Contains(d.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Home", "Eastern Front News ©", "air raid alert"} {
		if strings.Contains(d.Body, unwanted) {
			t.Errorf("body keeps %q", unwanted)
		}
	}
	if !strings.Contains(d.Body, "overnight, injuring at least six people, the city's mayor Ihor Terekhov said on Sunday.\n\nThe drone") {
		t.Errorf("paragraphs not separated by a blank line:\n%s", d.Body)
	}
}

func TestHTMLJSONLD(t *testing.T) {
	page := `<html><head><title>Site title</title>
<script type="application/ld+json">[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"Ceasefire holds in Hodeidah","datePublished":"2019-01-02","publisher":{"name":"Example Wire"},"author":[{"name":"D. Writer"}]}]</script>
</head><body><article><p>The ceasefire in Hodeidah held for a third day on Wednesday, residents said, as UN monitors arrived in the port city to oversee the withdrawal of forces.</p></article></body></html>`
	got, err := readHTML("p.html", []byte(page), page)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Ceasefire holds in Hodeidah" || got.Published != "2019-01-02" || got.SiteName != "Example Wire" || got.Author != "D. Writer" {
		t.Errorf("got %q %q %q %q", got.Title, got.Published, got.SiteName, got.Author)
	}
}

func TestFeedItems(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire - World</title>
<item><title>One</title><guid>g1</guid><link>https://example.org/1</link><pubDate>Mon, 05 Dec 2016 10:00:00 GMT</pubDate><description>Rebels left the district.</description></item>
<item><title>Two</title><guid>g2</guid><description><![CDATA[<p>Para one.</p><p>Para two.</p>]]></description></item>
</channel></rss>`
	r := New(Options{}, strings.NewReader(feed))
	docs, errs := collect(t, r, "-")
	if len(errs) > 0 || len(docs) != 2 {
		t.Fatalf("docs %d errs %q", len(docs), errs)
	}
	if docs[0].Path != "-#1" || docs[0].ID != "g1" || docs[0].Published != "2016-12-05T10:00:00Z" || docs[0].SiteName != "Example Wire - World" {
		t.Errorf("item 1 = %+v", docs[0])
	}
	if docs[1].Body != "Para one.\n\nPara two." {
		t.Errorf("item 2 body = %q", docs[1].Body)
	}
	if !bytes.HasPrefix(docs[1].Raw, []byte("<item>")) || !bytes.HasSuffix(docs[1].Raw, []byte("</item>")) || bytes.Contains(docs[1].Raw, []byte("g1")) {
		t.Errorf("item 2 raw is not its own element: %q", docs[1].Raw)
	}
}

func TestTextKeptVerbatim(t *testing.T) {
	in := "Headline\r\n\r\nBody line one.\r\n"
	docs, _ := collect(t, New(Options{}, strings.NewReader(in)), "-")
	if len(docs) != 1 || string(docs[0].Raw) != in || docs[0].Body != "Headline\n\nBody line one.\n" || docs[0].Path != "-" {
		t.Fatalf("docs = %+v", docs)
	}
}

func TestEachStops(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"1.txt": []byte("One body line."),
		"2.txt": []byte("Two body line."),
	})
	stop := errors.New("stop")
	n := 0
	err := New(Options{}, nil).Each(context.Background(), []string{dir}, func(Raw, error) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("callback error: err = %v after %d calls", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	n = 0
	err = New(Options{}, nil).Each(ctx, []string{dir}, func(Raw, error) error { n++; return nil })
	if !errors.Is(err, context.Canceled) || n != 0 {
		t.Errorf("cancelled context: err = %v after %d calls", err, n)
	}
}

func TestMissingInput(t *testing.T) {
	_, errs := collect(t, New(Options{}, nil), filepath.Join(t.TempDir(), "nope.txt"))
	if len(errs) != 1 || !strings.Contains(errs[0], "nope.txt: no such file") {
		t.Errorf("errs = %q", errs)
	}
}

func TestExamplesRead(t *testing.T) {
	docs, errs := collect(t, New(Options{}, nil), "../../examples/corpus")
	if len(errs) > 0 {
		t.Errorf("errors reading examples: %q", errs)
	}
	// 1 text page, 2 HTML pages, 3 RSS items, 2 Atom entries, 4 records.
	if len(docs) != 12 {
		t.Errorf("read %d documents from examples, want 12", len(docs))
	}
	for _, d := range docs {
		if !utf8.ValidString(d.Body) || strings.TrimSpace(d.Body) == "" {
			t.Errorf("%s: empty or invalid body", d.Path)
		}
	}
}

func TestFeedLegacyEncoding(t *testing.T) {
	feed := "<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>T</title>" +
		"<item><title>Caf\xe9 reopens</title><description>The caf\xe9 in Homs \x93reopened\x94 on Monday.</description></item></channel></rss>"
	docs, errs := collect(t, New(Options{}, strings.NewReader(feed)), "-")
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d errs %q", len(docs), errs)
	}
	if docs[0].Title != "Café reopens" || docs[0].Body != "The café in Homs “reopened” on Monday." {
		t.Errorf("decoded twice? title %q body %q", docs[0].Title, docs[0].Body)
	}
}

// TestSniffIgnoresExtension: the content decides the reader, not the name.
func TestSniffIgnoresExtension(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"page.txt":    []byte("<!DOCTYPE html><html><head><title>Strike on Izium</title></head><body><article><p>A missile struck a hotel in Izium on Tuesday, killing two people, the governor said.</p></article></body></html>"),
		"notes.html":  []byte("Strike on Izium\n\nA missile struck a hotel in Izium on Tuesday.\n"),
		"records.txt": []byte(`{"id":"x","maintext":"Aid arrived in Kherson."}` + "\n"),
	})
	docs, errs := collect(t, New(Options{}, nil), dir)
	if len(errs) > 0 {
		t.Fatalf("errors: %q", errs)
	}
	got := map[string]string{}
	for _, d := range docs {
		got[filepath.Base(d.Path)] = d.Format
	}
	want := map[string]string{"notes.html": FormatText, "page.txt": FormatHTML, "records.txt#1": FormatJSONL}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("formats (-want +got):\n%s", diff)
	}
}

func TestDirectoryWalkSkipsNonArticles(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.txt":       "Shelling hit the town on Monday, officials said.\n",
		"README.md":   "# notes about this corpus\n",
		"embed.go":    "package corpus\n",
		"outlets.tsv": "example.org\tExample\n",
		".hidden.txt": "Hidden file.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var paths []string
	err := New(Options{}, nil).Each(context.Background(), []string{dir}, func(r Raw, err error) error {
		paths = append(paths, filepath.Base(r.Path))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 1 || paths[0] != "a.txt" {
		t.Errorf("walked %v, want only a.txt", paths)
	}
}
