package cleaning

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sitrep/sitrep/internal/kb"
)

// outletInfo is one line of outlets.tsv.
type outletInfo struct {
	name, country, kind string
}

// lexicons holds the tables built from the knowledge base, read-only
// after New.
type lexicons struct {
	outletByName   map[string]*outletInfo // normalised name or variant
	outletByDomain map[string]*outletInfo
	// outletBySquashed finds names written without spaces ("TRTWorld",
	// "PressTV"): letters and digits only, six or more.
	outletBySquashed map[string]*outletInfo
	// outletFirst holds the first words of outlet names, to try n-grams
	// only where a name can start.
	outletFirst    map[string]bool
	maxOutletWords int

	wireByName map[string]string // normalised variant -> canonical agency

	chromeLine map[string]bool
	chromeStop map[string]bool

	captionVerbs map[string]bool // one or two words
	// agencyLast holds the last words of agency and credit names,
	// lower-cased: a line can end with a credit only if it ends so.
	agencyLast    map[string]bool
	captionPrefix []string

	// creditAt matches a photo credit running to the end of the text it
	// is given; creditOnly a line that is nothing but a credit.
	creditAt, creditOnly *regexp.Regexp
	// chromeByWord indexes the prefix and contains phrases by first word.
	chromeByWord map[string][]chromePhrase
	// longPhrases are those allowed in lines of more than 20 words.
	longPhrases    []chromePhrase
	maxPhraseWords int
	// wireEnd matches a wire credit closing the last paragraph (" - AFP").
	wireEnd *regexp.Regexp
	// wireLine matches a lone credit line ("AFP", "Source: Reuters").
	wireLine *regexp.Regexp
	// dateline matches a dateline opening the first paragraph.
	dateline *regexp.Regexp
}

type phrase struct {
	text     string
	maxWords int
}

type chromePhrase struct {
	phrase
	prefixOnly, suffixOnly bool
}

// chromePhrase reports a prefix or contains phrase of chrome.tsv in key,
// looking phrases up by the word they start with.
func (lx *lexicons) chromePhrase(key string, words int) bool {
	if words > lx.maxPhraseWords {
		return false
	}
	if words > 20 {
		// Long lines: only the few phrases allowed in long lines.
		for _, p := range lx.longPhrases {
			if words <= p.maxWords && strings.Contains(key, p.text) && (!p.prefixOnly || strings.HasPrefix(key, p.text)) && (!p.suffixOnly || strings.HasSuffix(key, p.text)) {
				return true
			}
		}
		return false
	}
	start := 0
	for start < len(key) {
		end := strings.IndexByte(key[start:], ' ')
		if end < 0 {
			end = len(key)
		} else {
			end += start
		}
		for _, p := range lx.chromeByWord[key[start:end]] {
			if words <= p.maxWords && (!p.prefixOnly || start == 0) && strings.HasPrefix(key[start:], p.text) && boundaryAfter(key, start+len(p.text)) &&
				(!p.suffixOnly || start+len(p.text) == len(key)) {
				return true
			}
		}
		start = end + 1
	}
	return false
}

func loadLexicons(k *kb.KB) (*lexicons, error) {
	lx := &lexicons{
		outletByName:     map[string]*outletInfo{},
		outletByDomain:   map[string]*outletInfo{},
		outletBySquashed: map[string]*outletInfo{},
		outletFirst:      map[string]bool{},
		wireByName:       map[string]string{},
		chromeLine:       map[string]bool{},
		chromeStop:       map[string]bool{},
		captionVerbs:     map[string]bool{},
		agencyLast:       map[string]bool{},
		chromeByWord:     map[string][]chromePhrase{},
	}
	if k == nil {
		return nil, fmt.Errorf("cleaning: no knowledge base")
	}
	for _, t := range k.Lexicon("outlets") {
		o := &outletInfo{name: t.Text, country: strings.ToUpper(t.Field(2)), kind: t.Field(3)}
		lx.addOutletName(t.Text, o)
		for _, d := range splitList(t.Field(0), ",") {
			lx.outletByDomain[strings.TrimPrefix(strings.ToLower(d), "www.")] = o
		}
		for _, v := range splitList(t.Field(1), "|") {
			lx.addOutletName(v, o)
		}
	}
	var agencies []string
	for _, t := range k.Lexicon("wire") {
		lx.wireByName[normKey(t.Text)] = t.Text
		agencies = append(agencies, t.Text)
		for _, v := range splitList(t.Field(0), "|") {
			lx.wireByName[normKey(v)] = t.Text
			agencies = append(agencies, v)
		}
	}
	for _, t := range k.Lexicon("chrome") {
		key := normKey(t.Text)
		if strings.HasSuffix(t.Text, ":") {
			// "read more:" is a link label; "read more" may start a sentence
			key += ":"
		}
		max := 20
		if f := t.Field(1); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("%s line %d: maxwords %q: %w", t.File, t.Line, f, err)
			}
			max = n
		}
		switch t.Field(0) {
		case "line", "":
			lx.chromeLine[key] = true
		case "stop":
			lx.chromeStop[key] = true
		case "prefix", "contains", "suffix":
			first := key
			if i := strings.IndexByte(key, ' '); i > 0 {
				first = key[:i]
			}
			cp := chromePhrase{phrase{key, max}, t.Field(0) == "prefix", t.Field(0) == "suffix"}
			lx.chromeByWord[first] = append(lx.chromeByWord[first], cp)
			if max > 20 {
				lx.longPhrases = append(lx.longPhrases, cp)
			}
			if max > lx.maxPhraseWords {
				lx.maxPhraseWords = max
			}
		default:
			return nil, fmt.Errorf("%s line %d: unknown match %q", t.File, t.Line, t.Field(0))
		}
	}
	var creditWords, picAgencies []string
	for _, t := range k.Lexicon("chrome-captions") {
		switch t.Field(0) {
		case "verb":
			lx.captionVerbs[strings.ToLower(t.Text)] = true
		case "prefix":
			lx.captionPrefix = append(lx.captionPrefix, strings.ToLower(t.Text))
		case "credit":
			creditWords = append(creditWords, t.Text)
		case "agency":
			picAgencies = append(picAgencies, t.Text)
		default:
			return nil, fmt.Errorf("%s line %d: unknown kind %q", t.File, t.Line, t.Field(0))
		}
	}
	lx.agencyLast["agencies"] = true
	for _, a := range append(append(agencies, picAgencies...), creditWords...) {
		ws := strings.Fields(strings.ToLower(a))
		if len(ws) > 0 {
			lx.agencyLast[strings.Trim(ws[len(ws)-1], "()/.-")] = true
		}
	}
	var err error
	if lx.creditAt, lx.creditOnly, err = creditPatterns(creditWords, append(picAgencies, agencies...)); err != nil {
		return nil, err
	}
	ag := alternation(agencies)
	lx.wireEnd, err = regexp.Compile(`(?:\s+[-–—]{1,2}\s*|\s*[-–—]{1,2}\s+|\s*\(\s*|\s*/)(?:with\s+)?(` + ag + `)(?:\s*[/,]\s*(?:` + ag + `))*\s*\)?/?\s*$`)
	if err != nil {
		return nil, fmt.Errorf("wire credit pattern: %w", err)
	}
	// "AFP", "Source: Reuters", "(With AFP)", "Daily Sabah with AFP",
	// "With inputs from Reuters and AP".
	lx.wireLine, err = regexp.Compile(`^[-–—(\s]*(?:(?:[\p{L}'’.]+\s+){0,4}(?i:with|via))?\s*(?:(?i:source|sources|credit|courtesy|by|inputs\s+from|agency\s+inputs\s+from)\s*:?\s+)?(` + ag + `)(?:\s*(?:,|/|and|&)\s*(?:` + ag + `|agencies))*[)\s.]*$`)
	if err != nil {
		return nil, fmt.Errorf("wire line pattern: %w", err)
	}
	lx.dateline, err = regexp.Compile(datelinePattern(ag))
	if err != nil {
		return nil, fmt.Errorf("dateline pattern: %w", err)
	}
	return lx, nil
}

func (lx *lexicons) addOutletName(name string, o *outletInfo) {
	key := normKey(name)
	if key == "" {
		return
	}
	if _, dup := lx.outletByName[key]; !dup {
		lx.outletByName[key] = o
	}
	if sq := alnumOnly(key); len(sq) >= 6 && strings.Contains(key, " ") {
		if _, dup := lx.outletBySquashed[sq]; !dup {
			lx.outletBySquashed[sq] = o
		}
	}
	ws := strings.Fields(key)
	if len(ws) > lx.maxOutletWords {
		lx.maxOutletWords = len(ws)
	}
	lx.outletFirst[ws[0]] = true
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// alternation builds a case-insensitive regexp alternation, longest first
// so that "Agence France-Presse" wins over "AFP"-like prefixes.
func alternation(xs []string) string {
	seen := map[string]bool{}
	var uniq []string
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			uniq = append(uniq, x)
		}
	}
	sort.Slice(uniq, func(i, j int) bool {
		if len(uniq[i]) != len(uniq[j]) {
			return len(uniq[i]) > len(uniq[j])
		}
		return uniq[i] < uniq[j]
	})
	q := make([]string, len(uniq))
	for i, x := range uniq {
		q[i] = regexp.QuoteMeta(x)
	}
	return `(?:` + strings.Join(q, "|") + `)\b`
}

// creditPatterns builds the photo-credit patterns: "(Photo by AFP)",
// "(Photos: Reuters)", "- AFP/VNA Photo", "Photo: Reuters/John Smith",
// "John Smith/AFP via Getty Images", "(AFP)".
func creditPatterns(words, agencies []string) (end, only *regexp.Regexp, err error) {
	cw := alternation(words)
	ag := alternation(agencies)
	name := `[\p{Lu}][\p{L}.'’\-]*(?:\s+[\p{Lu}][\p{L}.'’\-]*){0,3}`
	who := `(?:` + ag + `|` + name + `)(?:\s*[/|]\s*(?:` + ag + `|` + name + `))*(?:\s+via\s+Getty\s+Images)?`
	photographer := `[\p{Lu}][\p{L}'’\-]+\s+[\p{Lu}][\p{L}'’\-]+`
	parts := []string{
		// (Photo by AFP) (Photos: Reuters) (File photo/AP)
		`\(\s*(?i:` + cw + `)\s*(?:by|credit|:|/|-|–|—)?\s*:?\s*[^()]{1,80}\)`,
		// (AFP Photo) (AFP/Getty Images) (Reuters/John Smith)
		`\(\s*` + ag + `(?:\s*(?:[/|]\s*[^()]{1,60}|\s+(?i:` + cw + `)))\s*\)`,
		// - AFP/VNA Photo   | Reuters Photo
		`(?:^|\s)[-–—|]\s*` + who + `\s+(?i:` + cw + `)`,
		// Photo: Reuters/John Smith   Photo credit: AFP (at the start of
		// the line or after a sentence, so that "a photo by" in prose is left)
		`(?:^|[.!?)”"]\s+|\s[-–—|]\s*)(?i:` + cw + `)\s*(?i:credit)?\s*(?i:by|:)\s*` + who,
		// John Smith/AFP via Getty Images   Ammar Awad/Reuters
		`(?:^|\s)` + photographer + `\s*/\s*` + ag + `(?:\s+via\s+Getty\s+Images)?`,
		// REUTERS/Omar Sanadiki   AFP/Bulent Kilic
		`(?:^|\s)(?i:` + ag + `)\s*/\s*` + photographer,
		// "... in recent weeks. / TRT World and Agencies"
		`[.!?”"]\s*/\s*` + name + `(?:\s+(?i:and)\s+(?i:agencies))?`,
	}
	tail := `\s*[.]?\s*$`
	end, err = regexp.Compile(`^\s*(?:` + strings.Join(parts, "|") + `)` + tail)
	if err != nil {
		return nil, nil, fmt.Errorf("photo credit pattern: %w", err)
	}
	onlyParts := append([]string{
		`(?:` + ag + `)(?:\s*/\s*(?:` + ag + `|` + name + `))*\s+(?i:` + cw + `)`,
		`(?i:` + cw + `)\s*(?i:credit)?\s*(?i:by|:)\s*` + who,
		// AP Photo/Hussein Malla
		`(?:` + ag + `)\s*/\s*` + name,
	}, parts...)
	only, err = regexp.Compile(`^[-–—|\s]*(?:` + strings.Join(onlyParts, "|") + `)` + tail)
	if err != nil {
		return nil, nil, fmt.Errorf("photo credit pattern: %w", err)
	}
	return end, only, nil
}

// datelinePattern matches "ALEPPO, Syria -", "KYIV (Reuters) -",
// "GAZA CITY, Dec 3 (AFP) -", "Beirut, Oct 5 (AFP) -", "(CNN) -",
// "SANAA, Yemen, March 26, 2015 (Xinhua) --". A place in mixed case is
// accepted only with an agency credit, which keeps ordinary sentences out.
func datelinePattern(ag string) string {
	capsPlace := `\p{Lu}[\p{Lu}'’.\-]+(?:\s+\p{Lu}[\p{Lu}'’.\-]*){0,3}(?:\s*\[[^\]]{1,24}\])?`
	anyPlace := `\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3}(?:\s*\[[^\]]{1,24}\])?`
	// "Democratic Republic of Congo", "Bosnia and Herzegovina": a region
	// may carry lower-case particles between its capitalised words.
	region := `(?:,\s*\p{Lu}[\p{L}'’.\-]+(?:\s+(?:(?:of|the|and)\s+)?\p{Lu}[\p{L}'’.\-]*){0,3})?`
	month := `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`
	date := `(?:,\s*(?:` + month + `\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+` + month + `(?:\s+\d{4})?))?`
	wire := `\(\s*(?P<wire>` + ag + `[^()]{0,30})\)`
	dash := `\s*(?:[-–—]{1,3}|:)\s+`
	// Outlets put their own initials where agencies put theirs: "(AST)".
	house := `\(\s*\p{Lu}[\p{Lu}\p{L}\d.&/ ]{0,20}\)`
	// TASS writes "MOSCOW, October 5. /TASS/." and SANA "Damascus, SANA -".
	slashed := `\.?\s*/\s*(?P<wire>` + ag + `)\s*/\.?\s+`
	bare := `,\s*(?P<wire>` + ag + `)`
	return `^(?:(?:(?P<place>` + capsPlace + region + date + `)\s*(?:` + wire + `|` + house + `)?` +
		`|(?P<place2>` + anyPlace + region + date + `)\s*` + wire +
		`|(?P<place2>` + anyPlace + `)` + bare +
		`|` + wire + `)` + dash + `|(?P<place2>` + anyPlace + region + date + `)` + slashed + `)`
}
