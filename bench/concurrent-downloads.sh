#!/usr/bin/env bash
# COUNT (default 1,000) downloads of one SIZE_MB (default 100 MB) file at the same time, from
# Ferry (encrypted at rest, decrypted per stream, server at -Xmx512m) and from nginx serving
# the plaintext file (the baseline), in the same run (see bench/README.md, section
# "Concurrent downloads"). curl runs them with --parallel in CURL_PROCS processes (curl caps
# --parallel-max at 300 a process). Prints per server: errors (a status other than 200 or a
# short body), wall time, aggregate MB/s, and for Ferry the peak heap in use (jstat -gc
# every second), the heap's committed peak and the peak RSS (VmHWM).
# Not a test: it never fails on a time.
#
#   bench/concurrent-downloads.sh          # needs the built jar (./mvnw -B -DskipTests package)
#   COUNT=200 SIZE_MB=20 bench/concurrent-downloads.sh
#
# Variables: COUNT (1000), SIZE_MB (100, 10^6 bytes), CURL_PROCS (4),
# BENCH_JAVA_OPTS (-Xmx512m), NGINX_PORT (18190), FERRY_BENCH_PORT (18191).
# Ferry's per-account and per-address download limits are raised for the run (by default
# one account may start 1,200 downloads a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/services.sh
help_or_go "$0" "$@"
. bench/lib/nginx.sh

COUNT=${COUNT:-1000}
SIZE_MB=${SIZE_MB:-100}
CURL_PROCS=${CURL_PROCS:-4}
[ $((COUNT / CURL_PROCS)) -lt 300 ] || CURL_PROCS=$(((COUNT + 298) / 299))
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
NGINX_PORT=${NGINX_PORT:-18190}
FERRY_PORT=${FERRY_BENCH_PORT:-18191}

# Every connection is a file descriptor, on both ends.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((COUNT * 2 + 256)) ] ||
  die "ulimit -n is $(ulimit -n); $COUNT downloads need at least $((COUNT * 2 + 256)) (raise the hard limit)"

open_work downloads
mkdir -p "$WORK/www"
log "creating a $SIZE_MB MB random file"
head -c "$((SIZE_MB * 1000000))" /dev/urandom >"$WORK/www/file.bin"
SIZE=$(stat -c %s "$WORK/www/file.bin")
start_nginx "$NGINX_PORT" "$WORK/www" "$COUNT"
log "starting Ferry ($JAR, $BENCH_JAVA_OPTS)"
start_ferry ferry "$FERRY_PORT" FERRY_RATE_API=100000000 FERRY_RATE_DOWNLOADS_PER_ACCOUNT=100000000 \
  FERRY_RATE_DOWNLOADS_PER_ADDRESS=100000000
FERRY=http://127.0.0.1:$FERRY_PORT
FERRY_PID=$(cat "$WORK/ferry.pid")
TOKEN=$(login "$FERRY")
FILE_ID=$(ferry_put "$FERRY" "$TOKEN" "$WORK/www/file.bin" /bench/file.bin | cut -d' ' -f2)
# Until C2 has compiled the AES-GCM intrinsics, the first few hundred MB decrypt many times
# slower: about 2 GB of downloads first.
WARM=$(((2000 + SIZE_MB - 1) / SIZE_MB))
log "warming Ferry up ($WARM downloads)"
for _ in $(seq 1 "$WARM"); do ferry_get "$FERRY" "$TOKEN" "$FILE_ID" >/dev/null; done

# Ferry's heap every second from before the downloads to their end: jstat reads the JVM's
# performance counters (no attach, no safepoint), one process for the whole run. Prints the
# peaks of the heap in use (survivors + eden + old) and committed, in KiB.
heap_peaks() { # <jstat output>
  awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {
      used = $3 + $4 + $6 + $8; committed = $1 + $2 + $5 + $7
      if (used > u) u = used; if (committed > c) c = committed
    } END { printf "%d %d\n", u, c }' "$1"
}

# COUNT downloads of <url> in CURL_PROCS curl processes at once; prints
# "<seconds> <errors> <bytes>" after all have ended.
download_all() { # <name> <url> [curl options...]
  local name=$1 url=$2 start end p n
  shift 2
  for p in $(seq 1 "$CURL_PROCS"); do
    n=$((COUNT / CURL_PROCS + (p <= COUNT % CURL_PROCS ? 1 : 0)))
    for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$WORK/$name-$p.conf"
  done
  start=$(date +%s.%N)
  for p in $(seq 1 "$CURL_PROCS"); do
    curl -sS --no-progress-meter --parallel --parallel-immediate --parallel-max 300 "$@" -K "$WORK/$name-$p.conf" \
      -w '%{http_code} %{size_download}\n' >"$WORK/$name-$p.result" 2>"$WORK/$name-$p.err" &
  done
  wait
  end=$(date +%s.%N)
  cat "$WORK/$name"-*.result | awk -v size="$SIZE" -v count="$COUNT" -v t="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" '
    { n++; bytes += $2; if ($1 != 200 || $2 != size) bad++ }
    END { printf "%.1f %d %d\n", t, bad + (count - n), bytes }'
}

# jstat starts now, as a JVM of its own takes seconds to start on a busy machine.
jstat -gc "$FERRY_PID" 1000 >"$WORK/jstat" 2>&1 &
SAMPLER=$!
log "nginx: $COUNT downloads at once"
read -r NGINX_T NGINX_ERR NGINX_BYTES <<<"$(download_all nginx "$NGINX/file.bin")"
NGINX_LOAD=$(load_average)
log "Ferry: $COUNT downloads at once"
read -r FERRY_T FERRY_ERR FERRY_BYTES <<<"$(download_all ferry "$FERRY/api/v1/files/$FILE_ID/download" -H "Authorization: Bearer $TOKEN")"
FERRY_LOAD=$(load_average)
kill "$SAMPLER"
read -r HEAP_USED HEAP_TOTAL <<<"$(heap_peaks "$WORK/jstat")"
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$FERRY_PID/status")
# curl's messages, with the byte counts taken out so that alike errors count together.
curl_errors() { # <name>
  grep -h '^curl:' "$WORK/$1"-*.err | sed -E 's/[0-9]+ bytes/N bytes/' | sort | uniq -c | sort -rn | head -3 || true
}

echo
echo "$COUNT concurrent downloads of a $SIZE_MB MB file, loopback, $(nproc) cores, $(java -version 2>&1 | head -1), Ferry $BENCH_JAVA_OPTS"
printf '%-8s %7s %9s %12s  %s\n' server errors seconds "MB/s (sum)" "load average at the end"
printf '%-8s %7s %9s %12s  %s\n' nginx "$NGINX_ERR" "$NGINX_T" "$(mbs "$(awk -v b="$NGINX_BYTES" -v t="$NGINX_T" 'BEGIN { print b / t }')")" "$NGINX_LOAD"
printf '%-8s %7s %9s %12s  %s\n' Ferry "$FERRY_ERR" "$FERRY_T" "$(mbs "$(awk -v b="$FERRY_BYTES" -v t="$FERRY_T" 'BEGIN { print b / t }')")" "$FERRY_LOAD"
echo "Ferry / nginx aggregate throughput: x$(ratio "$(awk -v a="$NGINX_T" -v b="$FERRY_T" 'BEGIN { print a / b }')" 1)"
echo "Ferry peak heap in use $((HEAP_USED / 1024)) MiB (committed $((HEAP_TOTAL / 1024)) MiB), peak RSS (VmHWM) $((RSS_KB / 1024)) MiB"
for name in nginx ferry; do
  errors=$(curl_errors "$name")
  [ -z "$errors" ] || printf 'curl errors from %s (most frequent):\n%s\n' "$name" "$errors"
done
echo "nginx error log: $(grep -c . "$WORK/nginx/error.log" || true) lines$(grep -m1 . "$WORK/nginx/error.log" | cut -c1-200 | sed 's/^/, the first: /')"
warnings=$(grep -cE '^\S+ +(WARN|ERROR) ' "$WORK/ferry.log" || true)
echo "Ferry log: $warnings WARN/ERROR lines$( [ "$warnings" = 0 ] || echo ", the first ones:")"
grep -E '^\S+ +(WARN|ERROR) ' "$WORK/ferry.log" | cut -c1-300 | head -5 || true
echo "Goal (issue 18): no error, heap never above 512 MiB."
