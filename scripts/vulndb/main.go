// Command vulndb builds an offline Go vulnerability database for
// govulncheck from the OSV files of the golang.org/x/vulndb module, for
// machines (CI here) that reach the Go module proxy but not vuln.go.dev.
//
// The module holds one OSV entry per file (data/osv/GO-YYYY-NNNN.json);
// govulncheck's `-db file:///DIR` wants the layout vuln.go.dev serves:
//
//	DIR/index/db.json       {"modified": TIME}
//	DIR/index/modules.json  [{"path": MODULE, "vulns": [{"id", "modified"}]}]
//	DIR/ID/GO-YYYY-NNNN.json
//
// Usage: go run ./scripts/vulndb -src "$(go mod download -json golang.org/x/vulndb@V | jq -r .Dir)/data/osv" -out DIR
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// entry is the part of an OSV record the index needs.
type entry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Affected []struct {
		Package struct {
			Name      string `json:"name"`
			Ecosystem string `json:"ecosystem"`
		} `json:"package"`
	} `json:"affected"`
}

type vuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	// Fixed is left out: govulncheck then reads every entry of a module
	// and checks the affected ranges itself, which is exact, where a
	// wrong "fixed" here would hide a vulnerability.
}

type module struct {
	Path  string `json:"path"`
	Vulns []vuln `json:"vulns"`
}

func main() {
	src := flag.String("src", "", "directory of OSV entries (data/osv of golang.org/x/vulndb)")
	out := flag.String("out", "", "directory to write the database to")
	stamp := flag.String("modified", "", "RFC 3339 time for entries whose modified time is unset (default: newest source file's mtime)")
	flag.Parse()
	if *src == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: vulndb -src DIR -out DIR")
		os.Exit(2)
	}
	if err := build(*src, *out, *stamp); err != nil {
		fmt.Fprintln(os.Stderr, "vulndb:", err)
		os.Exit(1)
	}
}

func build(src, out, stamp string) error {
	files, err := filepath.Glob(filepath.Join(src, "*.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no OSV entries (*.json)", src)
	}
	var fallback time.Time
	if stamp != "" {
		if fallback, err = time.Parse(time.RFC3339, stamp); err != nil {
			return fmt.Errorf("-modified %q: %w", stamp, err)
		}
	}
	if err := os.MkdirAll(filepath.Join(out, "ID"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "index"), 0o755); err != nil {
		return err
	}
	type pending struct {
		e    entry
		body []byte
	}
	var all []pending
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var e entry
		if err := json.Unmarshal(body, &e); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		if e.ID+".json" != filepath.Base(f) {
			return fmt.Errorf("%s: file name does not match id %q", f, e.ID)
		}
		if stamp == "" {
			if st, err := os.Stat(f); err == nil && st.ModTime().After(fallback) {
				fallback = st.ModTime().UTC().Truncate(time.Second)
			}
		}
		all = append(all, pending{e, body})
	}
	modules := map[string]*module{}
	var newest time.Time
	for _, p := range all {
		e := p.e
		if e.Modified.IsZero() || e.Modified.Year() < 2000 {
			e.Modified = fallback
		}
		if e.Modified.After(newest) {
			newest = e.Modified
		}
		if err := os.WriteFile(filepath.Join(out, "ID", e.ID+".json"), p.body, 0o644); err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, a := range e.Affected {
			path := a.Package.Name
			if path == "" || seen[path] || !strings.EqualFold(a.Package.Ecosystem, "Go") {
				continue
			}
			seen[path] = true
			m := modules[path]
			if m == nil {
				m = &module{Path: path}
				modules[path] = m
			}
			m.Vulns = append(m.Vulns, vuln{ID: e.ID, Modified: e.Modified})
		}
	}
	list := make([]*module, 0, len(modules))
	for _, m := range modules {
		sort.Slice(m.Vulns, func(i, j int) bool { return m.Vulns[i].ID < m.Vulns[j].ID })
		list = append(list, m)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	if err := writeJSON(filepath.Join(out, "index", "modules.json"), list); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(out, "index", "db.json"), map[string]time.Time{"modified": newest}); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "vulndb: %d entries, %d modules -> %s\n", len(all), len(list), out)
	return nil
}

func writeJSON(file string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(file, b, 0o644)
}
