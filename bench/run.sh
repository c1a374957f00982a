#!/usr/bin/env bash
# bench/run.sh: run the project's benchmarks and its peers in one go and
# write bench/results.txt.
#
#   bench/run.sh                 # COUNT=5 BENCHTIME=1s by default
#   COUNT=10 BENCHTIME=2s bench/run.sh
#
# What runs:
#   1. go test -bench 'Stage|PeerSentences|Pipeline' -cpu 1,2 in the root
#      package: parse, link (full A-share master), claims, entities, end to
#      end with and without entities, on the real corpus (../shared/corpus)
#      and on a generated one; MB/s, articles/s, MB/cpu-s, allocations;
#   1b. the pipeline at -cpu 1,2,4,8 (run, encode, vs-stages), for the
#      scaling model in bench/README.md;
#   2. segmentation: gse's own Segment beside our Entities (entities
#      package: BenchmarkGseSegment, BenchmarkEntities), and the two
#      interleaved in one process, timed in CPU time, for their ratio
#      (BenchmarkEntitiesVsSegment, metric x-segment);
#   3. the Recognizers-Text JavaScript peer (../shared/peers/recognizers-js,
#      installed with npm ci in a temporary copy) and our claim extractor on
#      the same sentences: the peer's own test sentences, generated article
#      texts and the real articles' texts;
#   4. cold start to the first analysed article without entities;
#   5. peak memory of coverage runs: 100k articles with metrics.Coverage,
#      100k and a million (MILLION=N to change) with a bounded metrics.Coverage;
#   6. benchstat over the Go results.
# Needs Go, and node + npm for the peer (skipped without them). Everything
# temporary goes to a mktemp folder that is removed at the end.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SHARED=$ROOT/../shared
COUNT=${COUNT:-5}
BENCHTIME=${BENCHTIME:-1s}
OUT=${OUT:-$ROOT/bench/results.txt}
TMP=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT

log() { printf 'bench: %s\n' "$*" >&2; }

{
	echo "# stocknews benchmark results"
	echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(go version), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
	echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); COUNT=$COUNT BENCHTIME=$BENCHTIME"
	echo
} >"$TMP/head.txt"

log "Go stage benchmarks (-cpu 1,2, count $COUNT)"
go test -run '^$' -bench 'Stage|PeerSentences|Pipeline' -benchmem -benchtime "$BENCHTIME" \
	-count "$COUNT" -cpu 1,2 . >"$TMP/go.txt"

log "pipeline scaling (-cpu 1,2,4,8, count $COUNT)"
go test -run '^$' -bench 'Pipeline/(run|encode|vs-stages)$' -benchmem -benchtime "$BENCHTIME" \
	-count "$COUNT" -cpu 1,2,4,8 . >"$TMP/scale.txt"

log "segmentation: gse Segment beside Entities, and their ratio in one process"
go test -run '^$' -bench 'GseSegment|Entities$|EntitiesVsSegment' -benchmem -benchtime "$BENCHTIME" \
	-count "$COUNT" -cpu 1 ./entities >"$TMP/gse.txt" || log "entities benchmarks failed"

# Peer: the same sentence files for both sides.
: >"$TMP/peer.jsonl"
: >"$TMP/peer-go.txt"
texts=()
if [ -f "$SHARED/peers/recognizers-js/testdata/news-zh.txt" ]; then
	cp "$SHARED/peers/recognizers-js/testdata/news-zh.txt" "$TMP/news-zh.txt"
	texts+=("$TMP/news-zh.txt")
fi
go run ./bench/peertext -gen 100 -out "$TMP/generated.txt" && texts+=("$TMP/generated.txt")
if [ -d "$SHARED/corpus" ]; then
	go run ./bench/peertext -corpus "$SHARED/corpus" -out "$TMP/corpus.txt" && texts+=("$TMP/corpus.txt")
fi
if command -v node >/dev/null && command -v npm >/dev/null && [ -d "$SHARED/peers/recognizers-js" ]; then
	log "installing the Recognizers-Text peer in a temporary copy"
	cp -r "$SHARED/peers/recognizers-js" "$TMP/peer"
	rm -rf "$TMP/peer/node_modules"
	(cd "$TMP/peer" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	for f in "${texts[@]}"; do
		# the peer's default model set (with currency) runs at about 10,000
		# characters per second: only on its own small sentence file
		sets=(number,percentage)
		rounds=3
		if [ "$(basename "$f")" = news-zh.txt ]; then
			sets+=(number,percentage,currency,dimension)
			rounds=10
		fi
		for models in "${sets[@]}"; do
			log "peer: $(basename "$f") $models"
			node "$TMP/peer/bench.js" --file "$f" --models "$models" --rounds "$rounds" >>"$TMP/peer.jsonl" ||
				log "peer failed on $f"
		done
	done
else
	log "node, npm or the peer is missing: peer skipped"
fi
for f in "${texts[@]}"; do
	log "Go claims on $(basename "$f")"
	echo "# file: $(basename "$f")" >>"$TMP/peer-go.txt"
	STOCKNEWS_PEER_TEXT=$f go test -run '^$' -bench 'PeerSentences' -benchmem -benchtime "$BENCHTIME" \
		-count "$COUNT" -cpu 1 . >>"$TMP/peer-go.txt"
done

log "cold start"
go build -o "$TMP/coldstart" ./bench/coldstart
"$TMP/coldstart" -runs 20 testdata/em-a-share.md >"$TMP/cold.txt"

log "peak memory of coverage runs: 100k articles exact, 100k and 1M bounded"
go build -o "$TMP/peakmem" ./bench/peakmem
"$TMP/peakmem" -n 100000 >"$TMP/mem.txt"
"$TMP/peakmem" -n 100000 -bounded >>"$TMP/mem.txt"
"$TMP/peakmem" -n "${MILLION:-1000000}" -bounded >>"$TMP/mem.txt"

log "benchstat"
BENCHSTAT=(go run golang.org/x/perf/cmd/benchstat@latest)
"${BENCHSTAT[@]}" "$TMP/go.txt" >"$TMP/stat-go.txt" 2>&1 || cp "$TMP/go.txt" "$TMP/stat-go.txt"
"${BENCHSTAT[@]}" "$TMP/gse.txt" >"$TMP/stat-gse.txt" 2>&1 || cp "$TMP/gse.txt" "$TMP/stat-gse.txt"
"${BENCHSTAT[@]}" "$TMP/scale.txt" >"$TMP/stat-scale.txt" 2>&1 || cp "$TMP/scale.txt" "$TMP/stat-scale.txt"

log "summary"
python3 bench/summary.py "$TMP" >"$TMP/summary.txt"

{
	cat "$TMP/head.txt"
	cat "$TMP/summary.txt"
	echo "## Cold start"
	echo
	cat "$TMP/cold.txt"
	echo
	echo "## Peak memory"
	echo
	cat "$TMP/mem.txt"
	echo
	echo "## benchstat: stages"
	echo
	cat "$TMP/stat-go.txt"
	echo
	echo "## benchstat: pipeline scaling"
	echo
	cat "$TMP/stat-scale.txt"
	echo
	echo "## benchstat: segmentation and entities"
	echo
	cat "$TMP/stat-gse.txt"
	echo
	echo "## Raw: our claims on the peer's sentences"
	echo
	cat "$TMP/peer-go.txt"
	echo
	echo "## Raw: peer"
	echo
	cat "$TMP/peer.jsonl"
} >"$OUT"
log "wrote $OUT"
