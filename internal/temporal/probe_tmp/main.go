// Command probe_tmp is a temporary harness; deleted before delivery.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/sitrep/sitrep/internal/kb"
	"github.com/sitrep/sitrep/internal/quantity"
	"github.com/sitrep/sitrep/internal/temporal"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	a, _ := time.Parse("2006-01-02", os.Args[2])
	k, _ := kb.Load("")
	f, _ := quantity.New(k)
	for _, d := range temporal.Resolve(string(b), a) {
		fmt.Printf("D %-40q %s\n", d.Text, d.Value)
	}
	for _, q := range f.Find(string(b)) {
		v := func(p *float64) string {
			if p == nil {
				return "-"
			}
			return fmt.Sprint(*p)
		}
		fmt.Printf("Q %-60q %-20s v=%s lo=%s hi=%s subj=%q\n", q.Text, q.Kind, v(q.Value), v(q.Low), v(q.High), q.Subject)
	}
}
