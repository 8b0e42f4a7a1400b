package entity

import (
	"fmt"
	"os"
	"testing"
)

func TestZZTmpDump(t *testing.T) {
	r := mustRecognizer(t)
	b, err := os.ReadFile(os.Getenv("DUMP"))
	if err != nil {
		t.Skip()
	}
	for _, e := range r.Find(string(b), day("2024-03-01")) {
		fmt.Printf("%-12s %-35q %-35s %s\n", e.Type, e.Text, e.Canonical, e.Label)
	}
}
