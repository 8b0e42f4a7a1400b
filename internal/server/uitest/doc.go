// Package uitest drives the sitrep web UI in a real headless Chromium
// against a real server on loopback, with the bundled example corpus
// ingested: what a person sees is tested, not only what the API returns.
// The tests skip when no Chromium is installed.
package uitest
