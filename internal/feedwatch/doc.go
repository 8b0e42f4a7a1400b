// Package feedwatch polls RSS and Atom feeds on a schedule and hands new
// bodies to the ingest pipeline, so that sitrep can follow outlets as they
// publish rather than only read files it is given.
//
// It is polite and careful: requests are conditional (the ETag and
// Last-Modified of the last answer are remembered per feed, in the store,
// so a restarted watcher does not fetch everything again), errors back off
// exponentially with jitter so that many watchers do not retry in step,
// and it refuses to fetch anything but http(s) from public addresses. The
// address check runs when the connection is dialled, on the address
// actually dialled, so a name that resolves to a public address when
// checked and a private one when used (DNS rebinding) gains nothing.
package feedwatch
