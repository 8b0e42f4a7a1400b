#!/usr/bin/env bash
# Rebuilds internal/server/assets/vendor/ from pinned npm packages, so the
# UI works offline and the copied files can be checked against upstream.
# Run from anywhere: bash internal/server/assets/vendor.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Pinned versions: change them here and rerun.
pkgs=(leaflet@1.9.4 world-atlas@2.0.2 topojson-client@3.1.0 vis-timeline@8.5.4)

cd "$tmp"
for p in "${pkgs[@]}"; do
  npm pack --silent "$p" >/dev/null
done
for t in *.tgz; do
  d="${t%.tgz}"
  mkdir -p "$d"
  tar -xzf "$t" -C "$d" --strip-components=1
done

rm -rf "$out"
mkdir -p "$out/leaflet/images" "$out/world-atlas" "$out/topojson-client" "$out/vis-timeline"
cp leaflet-1.9.4/dist/leaflet.js leaflet-1.9.4/dist/leaflet.css "$out/leaflet/"
cp leaflet-1.9.4/dist/images/*.png "$out/leaflet/images/"
cp leaflet-1.9.4/LICENSE "$out/leaflet/LICENSE"
cp world-atlas-2.0.2/countries-110m.json "$out/world-atlas/"
cp world-atlas-2.0.2/LICENSE "$out/world-atlas/LICENSE"
cp topojson-client-3.1.0/dist/topojson-client.min.js "$out/topojson-client/"
cp topojson-client-3.1.0/LICENSE "$out/topojson-client/LICENSE"
cp vis-timeline-8.5.4/standalone/umd/vis-timeline-graph2d.min.js "$out/vis-timeline/"
cp vis-timeline-8.5.4/styles/vis-timeline-graph2d.min.css "$out/vis-timeline/"
cp vis-timeline-8.5.4/LICENSE* "$out/vis-timeline/" 2>/dev/null || true
# Versions, for the record and for the licence notices.
printf '%s\n' "${pkgs[@]}" > "$out/VERSIONS"
