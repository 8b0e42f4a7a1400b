package entity_test

import (
	"fmt"
	"time"

	"github.com/sitrep/sitrep/internal/entity"
	"github.com/sitrep/sitrep/internal/kb"
)

func ExampleRecognizer_Find() {
	k, err := kb.Load("")
	if err != nil {
		panic(err)
	}
	r, err := entity.New(k)
	if err != nil {
		panic(err)
	}
	text := "Kremlin spokesman Dmitry Peskov said the Syrian army had halted its advance on rebels in eastern Aleppo."
	for _, e := range r.Find(text, time.Date(2016, 12, 9, 0, 0, 0, 0, time.UTC)) {
		fmt.Printf("%s %q -> %s\n", e.Type, e.Text, e.Canonical)
	}
	// Output:
	// ORGANIZATION "Kremlin" -> Kremlin
	// PERSON "Dmitry Peskov" -> Dmitry Peskov
	// ARMED_GROUP "Syrian army" -> Military Forces of Syria
	// ARMED_GROUP "rebels" -> Syrian opposition armed groups
	// PLACE "Aleppo" -> Aleppo
}
