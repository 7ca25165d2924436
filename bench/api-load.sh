#!/usr/bin/env bash
# API latency at a fixed request rate (see bench/README.md, section "API load"): wrk sends
# RATE requests/s (default 500) for DURATION seconds to
#   - GET /api/v1/files with an API key (an account holding FILES small files),
#   - the same with a sign-in access token,
#   - GET /api/v1/share/{token} (a share link's public metadata, no credentials),
# and the same rate to nginx serving static JSON files of the same sizes (the baseline).
# Prints the rate reached, p50/p90/p99/max latency and errors (socket errors and statuses
# >= 400) of each, Ferry's CPU time per request (user + system, all its threads, from
# /proc), and Ferry's p99 as a multiple of nginx's. Not a test: it never fails on
# a time.
#
#   bench/api-load.sh              # needs the built jar (./mvnw -B -DskipTests package)
#   RATE=200 DURATION=20 bench/api-load.sh
#
# Variables: RATE (500), DURATION (30 s per target), WARMUP (30 s, each Ferry endpoint
# before the measured runs), CLIENTS (keep-alive connections, 20), FILES (50),
# BENCH_JAVA_OPTS (-Xmx512m), NGINX_PORT (18180), FERRY_BENCH_PORT (18181).
# Ferry's rate limits are raised (FERRY_RATE_API, FERRY_RATE_PUBLIC) but stay on, so their
# bookkeeping is part of each request: with the defaults one account gets 50 requests/s.
# wrk is the Debian package (installed when missing); Debian has no wrk2, so
# bench/lib/constant-rate.lua paces the requests (h2load --rps cannot be used: h2load 1.52
# counts every answer of Tomcat, whose status line has no reason phrase, as failed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/services.sh
help_or_go "$0" "$@"
. bench/lib/nginx.sh

RATE=${RATE:-500}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30}
CLIENTS=${CLIENTS:-20}
FILES=${FILES:-50}
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
NGINX_PORT=${NGINX_PORT:-18180}
FERRY_PORT=${FERRY_BENCH_PORT:-18181}

open_work api
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk >&2
fi
mkdir -p "$WORK/www"
start_nginx "$NGINX_PORT" "$WORK/www"
log "starting Ferry ($JAR, $BENCH_JAVA_OPTS)"
start_ferry ferry "$FERRY_PORT" FERRY_RATE_API=100000000 FERRY_RATE_PUBLIC=100000000 FERRY_RATE_UPLOADS=100000000
FERRY=http://127.0.0.1:$FERRY_PORT
TOKEN=$(login "$FERRY")

log "an API key and $FILES files of 1 KiB"
API_KEY=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["read"]}' "$FERRY/api/v1/auth/api-keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')
head -c 1024 /dev/urandom >"$WORK/small.bin"
IDS=()
for i in $(seq 1 "$FILES"); do
  IDS+=("$(ferry_put "$FERRY" "$TOKEN" "$WORK/small.bin" "/bench/report-$i.bin" | cut -d' ' -f2)")
done
SHARE=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"title\":\"Bench\",\"file_ids\":[\"${IDS[0]}\",\"${IDS[1]}\",\"${IDS[2]}\"],\"link\":{}}" \
  "$FERRY/api/v1/transfers" | sed -E 's/.*"token":"([^"]+)".*/\1/')

# The baseline answers the same bytes: Ferry's bodies, saved as static files.
curl -fsS -H "Authorization: Bearer $API_KEY" -o "$WORK/www/files.json" "$FERRY/api/v1/files"
curl -fsS -o "$WORK/www/share.json" "$FERRY/api/v1/share/$SHARE"

# wrk over HTTP/1.1 keep-alive: two threads (one a core), CLIENTS connections, each thread
# pacing RATE / 2 requests/s; prints the RESULT line of bench/lib/constant-rate.lua.
THREADS=2
load() { # <seconds> <url> [wrk options...]
  local seconds=$1 url=$2
  shift 2
  wrk -t "$THREADS" -c "$CLIENTS" -d "${seconds}s" --timeout 10s -s bench/lib/constant-rate.lua "$@" "$url" \
    -- "$(awk -v t="$THREADS" -v r="$RATE" 'BEGIN { print t * 1000 / r }')" | grep '^RESULT'
}

declare -A P99
row() { # <name> <RESULT line> <load average> <Ferry CPU seconds>
  local f
  read -r -a f <<<"$2"
  P99[$1]=${f[7]}
  printf '%-20s %8s %7s %7s %7s %8s %7s %9s  load %s\n' "$1" \
    "$(awk -v n="${f[1]}" -v us="${f[4]}" 'BEGIN { printf "%.0f", n / (us / 1e6) }')" \
    "${f[5]}" "${f[6]}" "${f[7]}" "${f[8]}" "$((f[2] + f[3]))" \
    "$(case $1 in ferry-*) awk -v c="$4" -v n="${f[1]}" 'BEGIN { printf "%.2f", c * 1000 / n }' ;; *) echo - ;; esac)" "$3"
}

KEY_HEADER="Authorization: Bearer $API_KEY"
TOKEN_HEADER="Authorization: Bearer $TOKEN"
# CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat.
cpu_seconds() { # <pid>
  awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); printf "%.3f", ($12 + $13) / hz }' "/proc/$1/stat"
}
FERRY_PID=$(cat "$WORK/ferry.pid")

declare -A RESULT LOAD CPU
measure() { # <name> <url> [wrk options...]
  local name=$1 before
  shift
  log "$name: $RATE requests/s for $DURATION s"
  before=$(cpu_seconds "$FERRY_PID")
  RESULT[$name]=$(load "$DURATION" "$@")
  LOAD[$name]=$(load_average)
  CPU[$name]=$(awk -v a="$before" -v b="$(cpu_seconds "$FERRY_PID")" 'BEGIN { print b - a }')
}

log "warming Ferry up ($WARMUP s per endpoint)"
load "$WARMUP" "$FERRY/api/v1/files" -H "$KEY_HEADER" >/dev/null
load "$WARMUP" "$FERRY/api/v1/share/$SHARE" >/dev/null
measure nginx-files "$NGINX/files.json"
measure ferry-files-key "$FERRY/api/v1/files" -H "$KEY_HEADER"
measure ferry-files-token "$FERRY/api/v1/files" -H "$TOKEN_HEADER"
measure nginx-share "$NGINX/share.json"
measure ferry-share "$FERRY/api/v1/share/$SHARE"

echo
echo "API latency at $RATE requests/s, $CLIENTS connections (HTTP/1.1 keep-alive), ${DURATION} s each, $(nproc) cores,"
echo "$(java -version 2>&1 | head -1), Ferry $BENCH_JAVA_OPTS, files.json $(stat -c %s "$WORK/www/files.json") B," \
  "share.json $(stat -c %s "$WORK/www/share.json") B"
printf '%-20s %8s %7s %7s %7s %8s %7s %9s\n' "target" "req/s" "p50 ms" "p90 ms" "p99 ms" "max ms" errors "CPU ms/req"
for name in nginx-files ferry-files-key ferry-files-token nginx-share ferry-share; do
  row "$name" "${RESULT[$name]}" "${LOAD[$name]}" "${CPU[$name]:-0}"
done
echo "Ferry p99 / nginx p99: files (API key) x$(ratio "${P99[ferry-files-key]}" "${P99[nginx-files]}")," \
  "files (token) x$(ratio "${P99[ferry-files-token]}" "${P99[nginx-files]}")," \
  "share x$(ratio "${P99[ferry-share]}" "${P99[nginx-share]}")"
echo "Goal (issue 18): Ferry p99 < 20 ms at 500 requests/s, no errors."
