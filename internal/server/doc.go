// Package server publishes a sitrep store to people and programs: a JSON
// API described by an OpenAPI file, download endpoints sharing the
// command line's exporters, and a small web UI (timeline, map, incident
// pages, outlet comparison, search) whose assets are all embedded, so the
// single binary works on a machine with no network.
//
// Article text is untrusted input: the API returns it as JSON strings and
// the UI inserts it with textContent only; the Content-Security-Policy
// forbids inline scripts as a second line of defence.
package server
