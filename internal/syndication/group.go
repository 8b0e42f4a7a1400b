package syndication

import "sort"

// Doc is one report as grouping needs it.
type Doc struct {
	ID        string
	Wire      string // the agency credited, "" if none
	Signature Signature
}

// Group assigns every document to a source group: documents that are
// near-verbatim copies of each other (similarity ≥ Threshold) share one,
// transitively. The group's name is its smallest document ID, so the
// result does not depend on the order of docs.
func Group(docs []Doc) map[string]string {
	parent := make(map[string]string, len(docs))
	var find func(string) string
	find = func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra == rb {
			return
		}
		if rb < ra {
			ra, rb = rb, ra
		}
		parent[rb] = ra
	}
	buckets := map[uint64][]int{}
	for i, d := range docs {
		parent[d.ID] = d.ID
		for _, k := range d.Signature.BandKeys() {
			buckets[k] = append(buckets[k], i)
		}
	}
	keys := make([]uint64, 0, len(buckets))
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, k := range keys {
		idx := buckets[k]
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				a, b := docs[idx[x]], docs[idx[y]]
				if Same(a, b) {
					union(a.ID, b.ID)
				}
			}
		}
	}
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		out[d.ID] = find(d.ID)
	}
	return out
}

// wireThreshold is the lower bar for two reports credited to the same
// agency: outlets trim and retitle wire copy, but keep much of it.
const wireThreshold = 0.3

// Same reports whether two documents are one source.
func Same(a, b Doc) bool {
	sim := a.Signature.Similarity(b.Signature)
	if a.Wire != "" && a.Wire == b.Wire {
		return sim >= wireThreshold
	}
	return sim >= Threshold
}
