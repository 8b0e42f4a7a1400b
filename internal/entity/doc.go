// Package entity finds the people, organisations, armed groups and places a
// news report mentions and ties each mention to the knowledge base, so that
// later stages (attribution, events) can reason about who did what where
// without re-reading names. Outlets name the same actor many ways ("Syrian
// army", "regime forces", "government troops"); resolving them here, once,
// keeps the downstream stages simple.
package entity
