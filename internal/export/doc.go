// Package export writes incidents in the formats analysts move between
// tools: JSON Lines (sitrep's own contract), CSV with ACLED's column names
// (sitrep's columns after them) and GeoJSON points for GIS and maps. The
// command line and the HTTP API share it, so a download and a `sitrep
// events` run give the same bytes.
package export
