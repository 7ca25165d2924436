#!/usr/bin/env bash
# Ferry's tus uploads against the official Node tus server, the peer users would pick
# instead (see bench/README.md, section "tus against the Node server"): @tus/server with
# @tus/file-store (plain files, no encryption) and Ferry (encrypted blob store, SHA-256,
# audit), both driven by the same client, tus-js-client in Node (bench/tus-node/upload.mjs),
# with CHUNK_MB (default 50 MiB) per PATCH, on the same SIZE_MB (default 1024 MiB) file.
# After an untimed warm-up round, RUNS rounds, each uploading once to each server in turn;
# prints every figure, the medians and Ferry / Node. Not a test: it never fails on a time.
#
#   bench/tus-node.sh              # needs the built jar; runs `npm ci` in bench/tus-node once
#   SIZE_MB=256 RUNS=5 bench/tus-node.sh
#
# Variables: SIZE_MB (1024), CHUNK_MB (50), RUNS (3), BENCH_JAVA_OPTS (-Xmx256m),
# TUS_NODE_PORT (18210), FERRY_BENCH_PORT (18211).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/services.sh
help_or_go "$0" "$@"
. bench/lib/nginx.sh

SIZE_MB=${SIZE_MB:-1024}
CHUNK_MB=${CHUNK_MB:-50}
RUNS=${RUNS:-3}
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m}
NODE_PORT=${TUS_NODE_PORT:-18210}
FERRY_PORT=${FERRY_BENCH_PORT:-18211}
CHUNK=$((CHUNK_MB * 1024 * 1024))

command -v node >/dev/null || die "Node.js 20.19 or later is needed (@tus/server 2)"
[ -d bench/tus-node/node_modules ] || (cd bench/tus-node && npm ci --no-audit --no-fund >&2)

open_work tus-node
log "creating a $SIZE_MB MiB random file"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom >"$WORK/file.bin"
mkdir -p "$WORK/node-store"
node bench/tus-node/server.mjs "$NODE_PORT" "$WORK/node-store" >"$WORK/node.log" 2>&1 &
remember_pid $!
TUS_NODE=http://127.0.0.1:$NODE_PORT/files
wait_for 30 curl -fs -X OPTIONS "$TUS_NODE" || die "the Node tus server did not start; see $WORK/node.log"
log "starting Ferry ($JAR, $BENCH_JAVA_OPTS)"
start_ferry ferry "$FERRY_PORT" FERRY_RATE_UPLOAD_BYTES=0
FERRY=http://127.0.0.1:$FERRY_PORT
TOKEN=$(login "$FERRY")

upload() { # <endpoint> [VAR=value ...]: bytes/s of one upload
  local endpoint=$1
  shift
  env "$@" node bench/tus-node/upload.mjs "$endpoint" "$WORK/file.bin" "$CHUNK" | cut -d' ' -f1
}

# One untimed round first: C2 compiles Ferry's AES-GCM and SHA-256 paths (and V8 optimises
# the Node server) during the first few hundred MB.
log "warm-up round (not counted)"
upload "$TUS_NODE" >/dev/null
rm -f "$WORK"/node-store/*
upload "$FERRY/api/v1/uploads" TUS_AUTHORIZATION="Bearer $TOKEN" TUS_PATH=/bench TUS_NAME=warm-up.bin >/dev/null

NODE_FIGURES=()
FERRY_FIGURES=()
printf '\n%-6s %14s %14s %8s  %s\n' run "Node MB/s" "Ferry MB/s" ratio "load average"
for i in $(seq 1 "$RUNS"); do
  log "round $i of $RUNS"
  node_speed=$(upload "$TUS_NODE")
  rm -f "$WORK"/node-store/*
  ferry_speed=$(upload "$FERRY/api/v1/uploads" TUS_AUTHORIZATION="Bearer $TOKEN" TUS_PATH=/bench TUS_NAME="tus-$i.bin")
  NODE_FIGURES+=("$node_speed")
  FERRY_FIGURES+=("$ferry_speed")
  printf '%-6s %14s %14s %8s  %s\n' "$i" "$(mbs "$node_speed")" "$(mbs "$ferry_speed")" \
    "x$(ratio "$ferry_speed" "$node_speed")" "$(load_average)"
done
NODE_MEDIAN=$(median "${NODE_FIGURES[@]}")
FERRY_MEDIAN=$(median "${FERRY_FIGURES[@]}")

echo
echo "tus uploads, $SIZE_MB MiB file, tus-js-client $(node -p "require('./bench/tus-node/node_modules/tus-js-client/package.json').version")" \
  "with $CHUNK_MB MiB PATCHes, loopback, $(nproc) cores, Node $(node -v),"
echo "@tus/server $(node -p "require('./bench/tus-node/node_modules/@tus/server/package.json').version") + @tus/file-store," \
  "Ferry $BENCH_JAVA_OPTS on $(java -version 2>&1 | head -1)"
echo "median of $RUNS: Node $(mbs "$NODE_MEDIAN") MB/s, Ferry $(mbs "$FERRY_MEDIAN") MB/s," \
  "Ferry / Node x$(ratio "$FERRY_MEDIAN" "$NODE_MEDIAN") (goal in issue 18: >= 1.5)"
