package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/server"
)

// resolve follows a local JSON pointer ("#/components/schemas/X").
func resolve(doc map[string]any, ref string) bool {
	if !strings.HasPrefix(ref, "#/") {
		return false
	}
	var cur any = doc
	for _, part := range strings.Split(ref[2:], "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		if cur, ok = m[part]; !ok {
			return false
		}
	}
	return true
}

// refs collects every "$ref" value in v.
func refs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if s, ok := c.(string); ok && k == "$ref" {
				*out = append(*out, s)
			}
			refs(c, out)
		}
	case []any:
		for _, c := range x {
			refs(c, out)
		}
	}
}

func TestOpenAPIIsValid(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(server.OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if v, _ := doc["openapi"].(string); !strings.HasPrefix(v, "3.") {
		t.Errorf("openapi version %q, want 3.x", v)
	}
	info, _ := doc["info"].(map[string]any)
	if info["title"] == nil || info["version"] == nil {
		t.Errorf("info lacks title or version: %v", info)
	}
	var all []string
	refs(doc, &all)
	if len(all) < 10 {
		t.Errorf("only %d $refs: the schemas should be shared", len(all))
	}
	for _, r := range all {
		if !resolve(doc, r) {
			t.Errorf("$ref %q does not resolve", r)
		}
	}
	paths, _ := doc["paths"].(map[string]any)
	for p, item := range paths {
		for method, op := range item.(map[string]any) {
			o := op.(map[string]any)
			if o["operationId"] == nil || o["responses"] == nil {
				t.Errorf("%s %s lacks operationId or responses", method, p)
			}
		}
	}
}

// TestOpenAPIMatchesRoutes checks both directions: every API route is
// documented, and every documented operation is routed.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(server.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	routed := map[string]bool{}
	for _, r := range server.New(nil, nil, server.Options{}).Routes() {
		if !strings.HasPrefix(r.Pattern, "/api/") {
			continue
		}
		key := strings.ToLower(r.Method) + " " + r.Pattern
		routed[key] = true
		if _, ok := doc.Paths[r.Pattern][strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s is not documented", r.Method, r.Pattern)
		}
	}
	if len(routed) < 10 {
		t.Errorf("only %d API routes registered", len(routed))
	}
	for p, ops := range doc.Paths {
		for m := range ops {
			if m == "parameters" || m == "summary" || m == "description" {
				continue
			}
			if !routed[m+" "+p] {
				t.Errorf("documented %s %s is not routed", strings.ToUpper(m), p)
			}
		}
	}
}
