package kb_test

import (
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/kb"
)

func ExampleKB_Holder() {
	k, err := kb.Load("")
	if err != nil {
		panic(err)
	}
	at := time.Date(2016, 10, 28, 0, 0, 0, 0, time.UTC)
	president, _ := k.Holder("president", "Russia", at)
	spokesman, _ := k.Holder("spokesperson", "Kremlin", at)
	fmt.Println(president.Name, "/", spokesman.Name)
	c, _ := k.Country("Syrian")
	fmt.Println(c.Name, c.Code)
	p, _ := k.Place("Dayr al-Zawr")
	fmt.Println(p.Name, p.Country)
	// Output:
	// Vladimir Putin / Dmitry Peskov
	// Syria SY
	// Deir ez-Zor Syria
}
