package storetest

import (
	"embed"
	"io/fs"
	"path"

	"github.com/sitrep/sitrep/internal/queue"
)

//go:embed testdata/articles/*.txt
var articles embed.FS

// Articles returns short news reports written for sitrep's tests (several
// outlets' takes on one shelling, and unrelated strikes elsewhere), as
// queue items named articles/NAME, for end-to-end runs of the real
// pipeline into a store.
func Articles() []queue.Item {
	names, err := fs.Glob(articles, "testdata/articles/*.txt")
	if err != nil {
		panic(err) // a malformed pattern is a programming error
	}
	out := make([]queue.Item, 0, len(names))
	for _, n := range names {
		b, err := articles.ReadFile(n)
		if err != nil {
			panic(err) // embedded files are always readable
		}
		out = append(out, queue.Item{Path: "articles/" + path.Base(n), Raw: b})
	}
	return out
}
