#!/usr/bin/env bash
# Offline govulncheck: vuln.go.dev is not reachable from CI, but the Go
# module proxy serves the vulnerability database's source module
# (golang.org/x/vulndb, one OSV file per advisory under data/osv) and
# govulncheck itself. Build the database layout govulncheck reads from
# those files (scripts/vulndb), then scan. govulncheck exits 3 when code
# we call is affected, which fails this script; vulnerable code that is
# imported but never called is reported without failing.
#
# Pin newer versions here to pick up newer advisories.
set -euo pipefail
cd "$(dirname "$0")/.."
VULNDB=${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}
VULN=${GOVULNCHECK_VERSION:-v1.9.0}
work=$(mktemp -d /tmp/sitrep-vulndb.XXXXXX)
trap 'rm -rf "$work"' EXIT
src=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "golang.org/x/vulndb@$VULNDB" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src/data/osv" ]; then
	echo "vulncheck: could not fetch golang.org/x/vulndb@$VULNDB from the module proxy" >&2
	exit 1
fi
go run ./scripts/vulndb -src "$src/data/osv" -out "$work/db" -modified 2026-11-05T23:49:57Z
GOBIN="$work/bin" go install "golang.org/x/vuln/cmd/govulncheck@$VULN"
"$work/bin/govulncheck" -db "file://$work/db" ./...
