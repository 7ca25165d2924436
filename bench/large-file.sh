#!/usr/bin/env bash
# A SIZE_GIB (default 10 GiB) file up and down through Ferry at -Xmx256m (see bench/README.md,
# section "Large file"): a plain upload (curl -T) and a tus upload (tus-js-client in Node,
# bench/tus-node/upload.mjs, CHUNK_MB per PATCH), each downloaded again with curl into
# sha256sum and compared with the source's SHA-256 (and with the sha256 Ferry recorded);
# so sha256sum's own speed bounds every download figure, nginx's included.
# nginx PUT and GET of the same file are the baseline of the same run. Prints MB/s, ratios,
# Ferry's peak RSS (VmHWM) and its heap's committed size. Not a test: it never fails on a
# time, but it exits 1 when a digest differs or a transfer fails.
#
#   bench/large-file.sh              # needs the built jar and ~3 × SIZE_GIB free in $TMPDIR
#   SIZE_GIB=2 bench/large-file.sh
#
# Variables: SIZE_GIB (10), CHUNK_MB (tus PATCH size in MiB, 0 = the whole rest in one
# PATCH, tus-js-client's default; 50 by default), BENCH_JAVA_OPTS (-Xmx256m),
# NGINX_PORT (18200), FERRY_BENCH_PORT (18201). Runs `npm ci` in bench/tus-node when its
# node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/services.sh
help_or_go "$0" "$@"
. bench/lib/nginx.sh

SIZE_GIB=${SIZE_GIB:-10}
CHUNK_MB=${CHUNK_MB:-50}
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m}
NGINX_PORT=${NGINX_PORT:-18200}
FERRY_PORT=${FERRY_BENCH_PORT:-18201}
SIZE=$((SIZE_GIB * 1024 * 1024 * 1024))

# The source, nginx's copy and Ferry's two encrypted copies (a little larger) share the disk.
FREE=$(df -B1 --output=avail "${TMPDIR:-/tmp}" | tail -1)
[ "$FREE" -gt $((SIZE * 4 + 1024 * 1024 * 1024)) ] ||
  die "$(numfmt --to=iec "$FREE") free in ${TMPDIR:-/tmp}; SIZE_GIB=$SIZE_GIB needs $(numfmt --to=iec $((SIZE * 4 + 1024 * 1024 * 1024)))"
[ -d bench/tus-node/node_modules ] || (cd bench/tus-node && npm ci --no-audit --no-fund >&2)

open_work large
mkdir -p "$WORK/www"
log "creating a $SIZE_GIB GiB random file and its SHA-256"
head -c "$SIZE" /dev/urandom >"$WORK/file.bin"
SHA=$(sha256sum "$WORK/file.bin" | cut -d' ' -f1)
start_nginx "$NGINX_PORT" "$WORK/www"
log "starting Ferry ($JAR, $BENCH_JAVA_OPTS)"
start_ferry ferry "$FERRY_PORT" FERRY_RATE_UPLOAD_BYTES=0
FERRY=http://127.0.0.1:$FERRY_PORT
FERRY_PID=$(cat "$WORK/ferry.pid")
TOKEN=$(login "$FERRY")
FAILED=0

# A download piped into sha256sum: prints "<bytes/s> <sha256>".
get_sha() { # <url> [curl options...]
  local url=$1
  shift
  curl -fsS "$@" -w '%{speed_download}\n' -o >(sha256sum | cut -d' ' -f1 >"$WORK/sha") "$url" >"$WORK/speed"
  # The process substitution may still be hashing the last bytes when curl returns.
  wait_for 60 test -s "$WORK/sha"
  echo "$(cat "$WORK/speed") $(cat "$WORK/sha")"
  rm -f "$WORK/sha"
}
check() { # <sha256>
  if [ "$1" = "$SHA" ]; then echo "equal"; else echo "DIFFERENT ($1)"; fi
}
# Ferry's own record of the content's SHA-256.
recorded_sha() { # <file id>
  curl -fsS -H "Authorization: Bearer $TOKEN" "$FERRY/api/v1/files/$1" | sed -nE 's/.*"sha256":"([0-9a-f]+)".*/\1/p'
}

log "nginx PUT and GET"
NGINX_PUT=$(curl -fsS -T "$WORK/file.bin" -o /dev/null -w '%{speed_upload}' "$NGINX/upload/file.bin")
NGINX_PUT_LOAD=$(load_average)
read -r NGINX_GET NGINX_SHA <<<"$(get_sha "$NGINX/upload/file.bin")"
NGINX_GET_LOAD=$(load_average)
rm -f "$WORK/www/upload/file.bin"

log "Ferry plain upload (curl -T) and download"
read -r PUT_SPEED PUT_ID <<<"$(ferry_put "$FERRY" "$TOKEN" "$WORK/file.bin" /bench/plain.bin)"
PUT_LOAD=$(load_average)
read -r PUT_GET PUT_SHA <<<"$(get_sha "$FERRY/api/v1/files/$PUT_ID/download" -H "Authorization: Bearer $TOKEN")"
PUT_GET_LOAD=$(load_average)

log "Ferry tus upload (tus-js-client, ${CHUNK_MB} MiB per PATCH) and download"
CHUNK=$((CHUNK_MB * 1024 * 1024))
[ "$CHUNK" -gt 0 ] || CHUNK=""
read -r TUS_SPEED _ <<<"$(TUS_AUTHORIZATION="Bearer $TOKEN" TUS_PATH=/bench TUS_NAME=tus.bin \
  node bench/tus-node/upload.mjs "$FERRY/api/v1/uploads" "$WORK/file.bin" $CHUNK)"
TUS_LOAD=$(load_average)
TUS_ID=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$FERRY/api/v1/files?path=/bench" |
  grep -oE '"id":"[^"]+","name":"tus.bin"' | sed -E 's/"id":"([^"]+)".*/\1/')
read -r TUS_GET TUS_SHA <<<"$(get_sha "$FERRY/api/v1/files/$TUS_ID/download" -H "Authorization: Bearer $TOKEN")"
TUS_GET_LOAD=$(load_average)

PUT_RECORDED=$(recorded_sha "$PUT_ID")
TUS_RECORDED=$(recorded_sha "$TUS_ID")
for digest in "$NGINX_SHA" "$PUT_SHA" "$TUS_SHA" "$PUT_RECORDED" "$TUS_RECORDED"; do
  [ "$digest" = "$SHA" ] || FAILED=1
done
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$FERRY_PID/status")
HEAP=$(jcmd "$FERRY_PID" GC.heap_info 2>/dev/null | grep -m1 -oE 'total [0-9]+K, used [0-9]+K' || echo "unknown")

row() { printf '%-32s %9s MB/s  %-26s load %s\n' "$1" "$(mbs "$2")" "$3" "$4"; }
echo
echo "Large file: $SIZE_GIB GiB ($SIZE bytes), loopback, $(nproc) cores, $(java -version 2>&1 | head -1), Ferry $BENCH_JAVA_OPTS"
echo "source sha256 $SHA"
row "nginx PUT" "$NGINX_PUT" "" "$NGINX_PUT_LOAD"
row "nginx GET" "$NGINX_GET" "sha256 $(check "$NGINX_SHA")" "$NGINX_GET_LOAD"
row "Ferry PUT (curl -T)" "$PUT_SPEED" "x$(ratio "$PUT_SPEED" "$NGINX_PUT") of nginx PUT" "$PUT_LOAD"
row "  its download" "$PUT_GET" "x$(ratio "$PUT_GET" "$NGINX_GET"), sha256 $(check "$PUT_SHA")" "$PUT_GET_LOAD"
row "Ferry tus (${CHUNK_MB} MiB PATCHes)" "$TUS_SPEED" "x$(ratio "$TUS_SPEED" "$NGINX_PUT") of nginx PUT" "$TUS_LOAD"
row "  its download" "$TUS_GET" "x$(ratio "$TUS_GET" "$NGINX_GET"), sha256 $(check "$TUS_SHA")" "$TUS_GET_LOAD"
echo "Ferry's recorded sha256: plain $(check "$PUT_RECORDED"), tus $(check "$TUS_RECORDED")"
echo "Ferry peak RSS (VmHWM) $((RSS_KB / 1024)) MiB; heap at the end: $HEAP"
exit "$FAILED"
