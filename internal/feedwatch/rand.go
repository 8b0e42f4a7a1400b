package feedwatch

import (
	"math/rand/v2"
	"sync"
)

// lockedRand returns a jitter source safe for concurrent use.
func lockedRand() func() float64 {
	var mu sync.Mutex
	r := rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	return func() float64 {
		mu.Lock()
		defer mu.Unlock()
		return r.Float64()
	}
}
