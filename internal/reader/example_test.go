package reader_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/sitrep/sitrep/internal/reader"
)

func ExampleReader_Each() {
	records := `{"id": "a1", "title": "Truce holds in Taiz", "date_publish": "2022-04-03 09:00:00", "source_domain": "example.org", "maintext": "The truce held for a second day.\nResidents returned to the market."}
{"id": "a2", "maintext": 
`
	r := reader.New(reader.Options{}, strings.NewReader(records))
	_ = r.Each(context.Background(), []string{"-"}, func(raw reader.Raw, err error) error {
		if err != nil {
			fmt.Println("error:", err)
			return nil
		}
		fmt.Printf("%s %s %s %q\n", raw.Path, raw.Format, raw.ID, raw.Body)
		return nil
	})
	// Output:
	// -#1 jsonl a1 "The truce held for a second day.\n\nResidents returned to the market."
	// error: - line 2: invalid JSON: unexpected EOF
}
