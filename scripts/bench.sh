#!/usr/bin/env bash
# Reproduce the figures of docs/performance.md. Every step is bounded and
# talks only to 127.0.0.1. Sizes are environment variables so a quick run
# is possible: INGEST_N=2000 EVENTS=100000 scripts/bench.sh
#
#   1. per-stage benchmarks and CPU profile (internal/bench)
#   2. `sitrep extract` and `sitrep ingest` on a synthetic corpus, with
#      wall time and peak RSS from /usr/bin/time -v
#   3. a store of EVENTS events (scripts/bigstore), `sitrep serve` on it,
#      and the load generator (scripts/loadgen) against it
set -euo pipefail
cd "$(dirname "$0")/.."
INGEST_N=${INGEST_N:-100000}
EVENTS=${EVENTS:-1000000}
LOAD_N=${LOAD_N:-2000}
LOAD_C=${LOAD_C:-4}
LOAD_DURATION=${LOAD_DURATION:-5m}
PORT=${PORT:-18080}
out=${OUT:-$(mktemp -d /tmp/sitrep-bench.XXXXXX)}
mkdir -p "$out"
echo "== results in $out"
echo "== machine"
{ nproc; grep -m1 'model name' /proc/cpuinfo; free -m | sed -n 2p; uptime; go version; } | tee "$out/machine.txt"

echo "== 1. stage benchmarks"
go test -run '^$' -bench . -benchtime 2s -count 1 -cpuprofile "$out/cpu.prof" -o "$out/bench.test" ./internal/bench | tee "$out/bench.txt"
go tool pprof -top -nodecount 30 "$out/bench.test" "$out/cpu.prof" > "$out/pprof-top.txt" 2>/dev/null || true

echo "== 2. extract and ingest ($INGEST_N synthetic articles)"
go build -o "$out/sitrep" ./cmd/sitrep
"$out/sitrep" synth --n "$INGEST_N" > "$out/corpus.jsonl"
/usr/bin/time -v "$out/sitrep" extract --format json "$out/corpus.jsonl" > /dev/null 2> "$out/extract.time"
/usr/bin/time -v "$out/sitrep" ingest --db "$out/ingest.db" "$out/corpus.jsonl" 2> "$out/ingest.time"
for f in extract ingest; do
	echo "$f: $(grep -E 'Elapsed|Maximum resident' "$out/$f.time" | sed 's/^[[:space:]]*//' | paste -sd ';')"
done | tee "$out/cli.txt"

echo "== 3. API load test on a store of $EVENTS events"
go run ./scripts/bigstore -db "$out/big.db" -events "$EVENTS"
"$out/sitrep" serve --db "$out/big.db" --addr "127.0.0.1:$PORT" > "$out/serve.log" 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	grep -q serving "$out/serve.log" && break
	sleep 1
done
go run ./scripts/loadgen -addr "127.0.0.1:$PORT" -n "$LOAD_N" -c "$LOAD_C" -duration "$LOAD_DURATION" | tee "$out/load.txt"
