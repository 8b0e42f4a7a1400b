package kb

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Actor types; the same strings as the output contract's entity types.
const (
	TypePerson       = "PERSON"
	TypeOrganization = "ORGANIZATION"
	TypeArmedGroup   = "ARMED_GROUP"
	TypePlace        = "PLACE"
)

// Office is a post an actor held: roles are the words a text may use for
// it ("president", "leader"), Of the country or organisation it belongs to
// (canonical name), From/To the dates (YYYY-MM-DD, YYYY-MM or YYYY; To
// empty while in office). Offices let "the Russian president" resolve by
// the article's date.
type Office struct {
	Roles []string `yaml:"roles"`
	Of    string   `yaml:"of"`
	From  string   `yaml:"from"`
	To    string   `yaml:"to"`

	// from and to are From and To parsed at load (zero when absent or
	// bad; Check reports bad dates).
	from, to time.Time
}

// Generic says that an outlet's generic label of a kind ("rebels",
// "terrorists" are kind opposition) refers to this group when the
// article's context country is Context.
type Generic struct {
	Label   string `yaml:"label"`
	Context string `yaml:"context"`
}

// Actor is a person, organisation or armed group of the knowledge base.
type Actor struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// Type is derived from the ID prefix (person/, org/, group/) unless given.
	Type    string   `yaml:"type"`
	Aliases []string `yaml:"aliases"`
	// Short forms ("Ban" for Ban Ki-moon, "Earnest") name the actor only
	// after a fuller name has appeared in the same article. A person's
	// last name is a short form even when not listed.
	Short []string `yaml:"short"`
	// Country is the canonical name of the country the actor belongs to.
	Country string `yaml:"country"`
	// Side: state, opposition, jihadist, separatist, coalition, kurdish,
	// pro-government militia, international, ... (free text, for framing).
	Side        string    `yaml:"side"`
	Affiliation string    `yaml:"affiliation"`
	Kind        string    `yaml:"kind"`
	Generic     []Generic `yaml:"generic"`
	Offices     []Office  `yaml:"offices"`
	// Ambiguous lists aliases knowingly shared with another actor.
	Ambiguous []string `yaml:"ambiguous"`
	Note      string   `yaml:"note"`

	// File and Line locate the entry, for error messages.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
	// Generated is true for actors made from a template (Military Forces
	// of X for every country X).
	Generated bool `yaml:"-"`
}

var actorFields = map[string]bool{
	"id": true, "name": true, "type": true, "aliases": true, "short": true, "country": true, "side": true,
	"affiliation": true, "kind": true, "generic": true, "offices": true, "ambiguous": true, "note": true,
}
var officeFields = map[string]bool{"roles": true, "of": true, "from": true, "to": true}
var genericFields = map[string]bool{"label": true, "context": true}

// typeOfID maps ID prefixes to actor types.
var typeOfID = map[string]string{"person": TypePerson, "org": TypeOrganization, "group": TypeArmedGroup}

// Template generates one actor per country: Pattern is an alias with
// {country} (a country name) or {demonym} placeholders; Canonical and ID
// use {country} and {slug}. A pattern without a placeholder ("the army",
// "government forces") names the actor of the article's context country.
type Template struct {
	Pattern   string
	Type      string
	Canonical string
	ID        string
	File      string
	Line      int
}

// Contextual reports whether the template names an actor only through the
// article's context country.
func (t Template) Contextual() bool {
	return !strings.Contains(t.Pattern, "{country}") && !strings.Contains(t.Pattern, "{demonym}")
}

// Expand returns the canonical name and ID of the template's actor for a
// country.
func (t Template) Expand(country string) (canonical, id string) {
	slug := Slug(country)
	canonical = strings.ReplaceAll(t.Canonical, "{country}", country)
	id = strings.ReplaceAll(strings.ReplaceAll(t.ID, "{country}", country), "{slug}", slug)
	return canonical, id
}

// Slug makes the lower-case, hyphenated last part of an ID from a name.
func Slug(name string) string {
	return strings.ReplaceAll(Fold(name), " ", "-")
}

type actorIssue struct {
	file string
	line int
	msg  string
}

func (e actorIssue) Error() string { return fmt.Sprintf("%s line %d: %s", e.file, e.line, e.msg) }

// parseActors reads one YAML actor file: a list of entries. Problems that
// do not stop reading (unknown fields) are returned as issues for Check.
func parseActors(b []byte, file string) ([]Actor, []error, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if root.Kind == 0 {
		return nil, nil, nil
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 || root.Content[0].Kind != yaml.SequenceNode {
		return nil, nil, fmt.Errorf("%s: expected a list of actors", file)
	}
	var out []Actor
	var issues []error
	for _, n := range root.Content[0].Content {
		issues = append(issues, unknownFields(n, actorFields, file, "actor")...)
		for i := 0; i+1 < len(n.Content); i += 2 {
			switch n.Content[i].Value {
			case "offices":
				for _, o := range n.Content[i+1].Content {
					issues = append(issues, unknownFields(o, officeFields, file, "office")...)
				}
			case "generic":
				for _, o := range n.Content[i+1].Content {
					issues = append(issues, unknownFields(o, genericFields, file, "generic")...)
				}
			}
		}
		var a Actor
		if err := n.Decode(&a); err != nil {
			return nil, nil, fmt.Errorf("%s line %d: %w", file, n.Line, err)
		}
		a.File, a.Line = file, n.Line
		if a.Type == "" {
			if i := strings.IndexByte(a.ID, '/'); i > 0 {
				a.Type = typeOfID[a.ID[:i]]
			}
		}
		out = append(out, a)
	}
	return out, issues, nil
}

func unknownFields(n *yaml.Node, allowed map[string]bool, file, what string) []error {
	if n.Kind != yaml.MappingNode {
		return []error{actorIssue{file, n.Line, "expected a mapping for " + what}}
	}
	var out []error
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !allowed[k.Value] {
			out = append(out, actorIssue{file, k.Line, fmt.Sprintf("unknown %s field %q", what, k.Value)})
		}
	}
	return out
}

// parseTemplates reads actors/templates.tsv.
func parseTemplates(terms []Term) ([]Template, []error) {
	var out []Template
	var issues []error
	for _, t := range terms {
		tp := Template{Pattern: t.Text, Type: t.Field(0), Canonical: t.Field(1), ID: t.Field(2), File: t.File, Line: t.Line}
		if tp.Canonical == "" || tp.ID == "" || !validType(tp.Type) {
			issues = append(issues, actorIssue{t.File, t.Line, "template needs pattern, type, canonical and id"})
			continue
		}
		out = append(out, tp)
	}
	return out, issues
}

func validType(t string) bool {
	return t == TypePerson || t == TypeOrganization || t == TypeArmedGroup || t == TypePlace
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY. A coarse date stands for
// its first day when it opens an office and its last day when it ends one.
func parseDate(s string, end bool) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// Holds reports whether the office was held on day t (zero t: held now,
// that is the office is open-ended).
func (o Office) Holds(t time.Time) bool {
	if t.IsZero() {
		return o.To == ""
	}
	from, to := o.from, o.to
	if from.IsZero() && o.From != "" {
		from, _ = parseDate(o.From, false)
	}
	if to.IsZero() && o.To != "" {
		to, _ = parseDate(o.To, true)
	}
	if o.From != "" && (from.IsZero() || t.Before(from)) {
		return false
	}
	if o.To != "" && (to.IsZero() || t.After(to)) {
		return false
	}
	return true
}

// HasRole reports whether the office is known by role.
func (o Office) HasRole(role string) bool {
	for _, r := range o.Roles {
		if strings.EqualFold(r, role) {
			return true
		}
	}
	return false
}

func actorFiles(files map[string][][]byte) []string {
	var names []string
	for p := range files {
		if strings.HasPrefix(p, "actors/") && (path.Ext(p) == ".yaml" || path.Ext(p) == ".yml") {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	return names
}
