// Package queue runs sitrep's pipeline as a pool of workers over a shared
// work queue, so that ingesting scales past one machine: `sitrep enqueue`
// stores raw inputs quickly, and any number of `sitrep worker` processes
// claim them, extract, store and merge.
//
// The queue itself lives in the store (internal/postgres implements
// Queue with SELECT ... FOR UPDATE SKIP LOCKED); this package holds what
// does not depend on the database: the worker loop, retries and graceful
// shutdown. Results do not depend on how work is split among workers: each
// input is cleaned on its own (the cleaner learns only from the documents
// of that input) and merging is order-independent.
package queue
