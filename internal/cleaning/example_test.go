package cleaning_test

import (
	"fmt"

	"github.com/sitrep/sitrep/internal/cleaning"
	"github.com/sitrep/sitrep/internal/domain"
	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/reader"
)

func ExampleCleaner_Clean() {
	k, err := kb.Load("")
	if err != nil {
		panic(err)
	}
	c, err := cleaning.New(k)
	if err != nil {
		panic(err)
	}
	page := "World / Middle East\n\n" +
		"Aid trucks enter Gaza through Kerem Shalom\n\n" +
		"Trucks queue at the Kerem Shalom crossing on January 8, 2024. (Photo by AFP)\n\n" +
		"GAZA CITY, Jan 8 (AFP) - Dozens of aid trucks entered the Gaza Strip on Monday, the UN said.\n\n" +
		"Share this article"
	d, err := c.Clean(reader.Raw{Path: "page.txt", Format: "text", Body: page})
	if err != nil {
		panic(err)
	}
	fmt.Println(domain.Deref(d.Source.Headline))
	fmt.Println(domain.Deref(d.Source.Wire), "|", domain.Deref(d.Source.Dateline))
	fmt.Println(d.Source.Captions)
	fmt.Println(d.Text)
	// Output:
	// Aid trucks enter Gaza through Kerem Shalom
	// AFP | GAZA CITY, Jan 8 (AFP)
	// [Trucks queue at the Kerem Shalom crossing on January 8, 2024. (Photo by AFP)]
	// Dozens of aid trucks entered the Gaza Strip on Monday, the UN said.
}
