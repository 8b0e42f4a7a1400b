package domain

import "errors"

// ErrNotFound is returned by every store for an id it does not hold, so
// callers (command line, HTTP API) test for it with errors.Is whatever the
// store.
var ErrNotFound = errors.New("not found")
