#!/usr/bin/env bash
# Ferry on S3 against Ferry on local storage, against S3Proxy itself and against the AWS
# SDK's own transfer manager on that S3Proxy, same bytes, same machine, same run (see
# bench/README.md, section "S3"). Not a test: it prints figures and ratios and never fails on
# a time. It ends with the figures as a markdown table, ready to paste into the README.
#
#   bench/s3.sh                          # 256 MiB, 3 runs: about 3 minutes on 2 cores
#   SIZES_MB="256 1024" RUNS=5 bench/s3.sh
#
# It starts, under a fresh temporary directory and on its own ports (18190-18192):
#   - S3Proxy (org.gaul:s3proxy from Maven Central, filesystem backend), as bin/test-services
#     starts it for the tests;
#   - Ferry "local": server/target/ferry.jar, SQLite, encrypted blobs on local disk;
#   - Ferry "s3": the same jar with FERRY_STORAGE=s3 on that S3Proxy, hot cache on
#     (FERRY_CACHE_SIZE, default 4GB here so a 1 GiB file fits).
# Both Ferry nodes run with FERRY_DEDUP=off and FERRY_COMPRESSION=off, so each run stores
# its own copy of the random file (with dedup the second upload would be free).
#
# Per size and run, in this order so a change of load hits every row alike:
#   S3Proxy direct PUT and GET (curl --aws-sigv4; the baseline: what the S3 server can do),
#   the AWS SDK v2's S3TransferManager (bench/s3-baseline/TransferManagerBaseline.java, the
#   SDK version of the server, run with "java -cp" in one warm JVM beside the script)
#   uploading the file as "aws s3 cp" does (8 MiB parts, 10 at once; Java-based client) and
#   downloading it to a file (8 MiB ranges, 10 at once; CRT-based client),
#   Ferry local upload (curl -T) and download,
#   Ferry s3 upload, download "cold" (the node's cache has never seen the file: uploads do
#   not fill it) and the same download again "warm" (every segment from the cache).
# Each copy is deleted (S3 DELETE, Ferry ?permanent=true) as soon as it was measured, which
# keeps the disk use under four times the size. Figures are medians over RUNS; MB/s is 10^6 bytes per second.
#
# Needs: the built jar (./mvnw -B -DskipTests package), a JDK 17+ (java runs the baseline's
# source file), curl 7.75+ (--aws-sigv4); the first run fetches the SDK's s3-transfer-manager,
# netty-nio-client and aws-crt from Maven Central into ~/.m2 (bench/s3-baseline/pom.xml).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/services.sh
help_or_go "$0" "$@"

SIZES_MB=${SIZES_MB:-256}
RUNS=${RUNS:-3}
CACHE_SIZE=${CACHE_SIZE:-4GB}
S3_PORT=${S3_BENCH_PORT:-18190}
LOCAL_PORT=${LOCAL_BENCH_PORT:-18191}
S3_FERRY_PORT=${S3_FERRY_BENCH_PORT:-18192}
open_work s3
largest=$(printf '%s\n' $SIZES_MB | sort -n | tail -1)
free_mb=$(df -Pm "$WORK" | awk 'NR == 2 { print $4 }')
[ "$free_mb" -gt $((largest * 4)) ] || die "$WORK has ${free_mb} MB free; a ${largest} MiB run needs about $((largest * 4)) MB"

log "resolving the transfer manager's classpath (bench/s3-baseline/pom.xml)"
AWSSDK_VERSION=$(sed -n 's:.*<awssdk.version>\(.*\)</awssdk.version>.*:\1:p' pom.xml)
baseline_classpath() { # [maven options]: offline first, Maven Central on the first run
  ./mvnw -B -q "$@" -f bench/s3-baseline/pom.xml -Dawssdk.version="$AWSSDK_VERSION" \
    dependency:build-classpath -Dmdep.outputFile="$WORK/baseline.classpath" >"$WORK/baseline-maven.log" 2>&1
}
baseline_classpath -o || baseline_classpath || die "no classpath for the baseline; see $WORK/baseline-maven.log"

log "starting S3Proxy, the transfer manager baseline and two Ferry nodes"
start_s3proxy "$S3_PORT"
s3_curl -X PUT "$S3_ENDPOINT/direct" -o /dev/null
# One JVM for all runs, warm like the Ferry nodes: a line with a file's path in, a line
# "<upload B/s> <download B/s> <upload's S3 requests by operation>" out. exec: its pid is
# the JVM's. Its temporary directory is $WORK, for the CRT's native library.
coproc BASELINE { exec java -Djava.io.tmpdir="$WORK" -cp "$(cat "$WORK/baseline.classpath")" bench/s3-baseline/TransferManagerBaseline.java \
  "$S3_ENDPOINT" baseline "$S3_KEY" "$S3_SECRET" "$WORK" 2>"$WORK/baseline.log"; }
remember_pid "$BASELINE_PID"
BASELINE_IN=${BASELINE[1]} BASELINE_OUT=${BASELINE[0]}
COMMON=(FERRY_DEDUP=off FERRY_COMPRESSION=off)
start_ferry local "$LOCAL_PORT" "${COMMON[@]}" &
local_start=$!
start_ferry s3 "$S3_FERRY_PORT" "${COMMON[@]}" FERRY_STORAGE=s3 FERRY_S3_ENDPOINT="$S3_ENDPOINT" \
  FERRY_S3_BUCKET=ferry FERRY_S3_ACCESS_KEY=$S3_KEY FERRY_S3_SECRET_KEY=$S3_SECRET FERRY_S3_PATH_STYLE=true \
  FERRY_CACHE_SIZE="$CACHE_SIZE"
wait "$local_start" || die "Ferry local did not start"
LOCAL=http://127.0.0.1:$LOCAL_PORT
S3F=http://127.0.0.1:$S3_FERRY_PORT
LOCAL_TOKEN=$(login "$LOCAL")
S3_TOKEN=$(login "$S3F")

shred_file() { # <base> <token> <id>
  curl -fsS -X DELETE -H "Authorization: Bearer $2" "$1/api/v1/files/$3?permanent=true"
}

# One untimed 64 MiB round trip per node: class loading and the first JIT compilations
# would otherwise land in run 1's figures.
log "warming up"
head -c $((64 * 1024 * 1024)) /dev/urandom >"$WORK/warm.bin"
for node in "$LOCAL $LOCAL_TOKEN" "$S3F $S3_TOKEN"; do
  set -- $node
  out=$(ferry_put "$1" "$2" "$WORK/warm.bin" /bench/warm.bin)
  id=${out#* }
  ferry_get "$1" "$2" "$id" >/dev/null
  shred_file "$1" "$2" "$id"
done
rm -f "$WORK/warm.bin"
read -r ready <&"$BASELINE_OUT" && [ "$ready" = ready ] || die "the transfer manager baseline did not start; see $WORK/baseline.log"

# One timed round trip of <file> by the transfer manager; sets tm_up, tm_down, tm_requests.
baseline_round() { # <file>
  echo "$1" >&"$BASELINE_IN"
  read -r tm_up tm_down tm_requests <&"$BASELINE_OUT" || die "the transfer manager baseline failed; see $WORK/baseline.log"
}

report() { # <label> <values...>
  local label=$1
  shift
  printf '%s\n' "$*" >"$WORK/$label"
}
values() { cat "$WORK/$1"; }
med() { median $(values "$1"); }
# A figure as a line of the report, and as a row of the markdown table in $WORK/table.md.
row() { # <label> <key> <ratio text>
  local runs
  runs=$(for v in $(values "$2"); do printf '%s ' "$(mbs "$v")"; done)
  printf '  %-44s %9s MB/s  %-54s runs: %s\n' "$1" "$(mbs "$(med "$2")")" "$3" "$runs"
  printf '| %s | %s | %s | %s |\n' "$1" "$(mbs "$(med "$2")")" "$(echo $runs | sed 's/ /, /g')" \
    "$(echo "$3" | sed -E 's/x([0-9.]+) /\1 × /g')" >>"$WORK/table.md"
}

for size_mb in $SIZES_MB; do
  file=$WORK/file-$size_mb.bin
  log "${size_mb} MiB: creating the random file"
  head -c $((size_mb * 1024 * 1024)) /dev/urandom >"$file"
  s3_put=() s3_get=() tm_put=() tm_get=() local_put=() local_get=() ferry_put=() ferry_cold=() ferry_warm=()
  for run in $(seq 1 "$RUNS"); do
    log "${size_mb} MiB: run $run of $RUNS"
    s3_put+=("$(s3_curl -T "$file" -o /dev/null -w '%{speed_upload}' "$S3_ENDPOINT/direct/file.bin")")
    s3_get+=("$(s3_curl -o /dev/null -w '%{speed_download}' "$S3_ENDPOINT/direct/file.bin")")
    s3_curl -X DELETE -o /dev/null "$S3_ENDPOINT/direct/file.bin"
    baseline_round "$file"
    tm_put+=("$tm_up") tm_get+=("$tm_down")
    out=$(ferry_put "$LOCAL" "$LOCAL_TOKEN" "$file" "/bench/$size_mb-$run.bin")
    read -r speed id <<<"$out"
    local_put+=("$speed")
    local_get+=("$(ferry_get "$LOCAL" "$LOCAL_TOKEN" "$id")")
    shred_file "$LOCAL" "$LOCAL_TOKEN" "$id"
    out=$(ferry_put "$S3F" "$S3_TOKEN" "$file" "/bench/$size_mb-$run.bin")
    read -r speed id <<<"$out"
    ferry_put+=("$speed")
    ferry_cold+=("$(ferry_get "$S3F" "$S3_TOKEN" "$id")")
    ferry_warm+=("$(ferry_get "$S3F" "$S3_TOKEN" "$id")")
    shred_file "$S3F" "$S3_TOKEN" "$id"
  done
  rm -f "$file"
  report s3_put "${s3_put[@]}"
  report s3_get "${s3_get[@]}"
  report tm_put "${tm_put[@]}"
  report tm_get "${tm_get[@]}"
  report local_put "${local_put[@]}"
  report local_get "${local_get[@]}"
  report ferry_put "${ferry_put[@]}"
  report ferry_cold "${ferry_cold[@]}"
  report ferry_warm "${ferry_warm[@]}"

  echo
  title="S3, ${size_mb} MiB random file, median of $RUNS, loopback, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "$title"
  printf '| %s MiB, median of %s | MB/s | runs | ratio |\n|---|---:|---|---|\n' "$size_mb" "$RUNS" >"$WORK/table.md"
  echo " upload"
  row "S3Proxy direct PUT (curl)" s3_put ""
  row "AWS SDK S3TransferManager upload" tm_put "x$(ratio "$(med tm_put)" "$(med s3_put)") S3Proxy"
  row "Ferry local upload (curl -T)" local_put ""
  row "Ferry on S3 upload (curl -T)" ferry_put \
    "x$(ratio "$(med ferry_put)" "$(med s3_put)") S3Proxy, x$(ratio "$(med ferry_put)" "$(med tm_put)") transfer manager, x$(ratio "$(med ferry_put)" "$(med local_put)") local"
  echo " download"
  row "S3Proxy direct GET (curl)" s3_get ""
  row "AWS SDK S3TransferManager download" tm_get "x$(ratio "$(med tm_get)" "$(med s3_get)") S3Proxy"
  row "Ferry local download" local_get ""
  row "Ferry on S3 download, cold cache" ferry_cold \
    "x$(ratio "$(med ferry_cold)" "$(med s3_get)") S3Proxy, x$(ratio "$(med ferry_cold)" "$(med tm_get)") transfer manager, x$(ratio "$(med ferry_cold)" "$(med local_get)") local"
  row "Ferry on S3 download, warm cache" ferry_warm \
    "x$(ratio "$(med ferry_warm)" "$(med s3_get)") S3Proxy, x$(ratio "$(med ferry_warm)" "$(med tm_get)") transfer manager, x$(ratio "$(med ferry_warm)" "$(med local_get)") local"
  echo "  transfer manager's upload requests in the last run: $tm_requests"
  echo
  echo "Markdown ($title):"
  echo
  cat "$WORK/table.md"
  echo
  echo "Row for the table of runs in bench/README.md:"
  echo
  printf '| %s | %s cores, load %s | %s MiB, %s run%s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$(date -u +%Y-%m-%d)" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" "$size_mb" "$RUNS" "$([ "$RUNS" = 1 ] || echo s)" \
    "$(mbs "$(med s3_put)")" "$(mbs "$(med tm_put)")" \
    "$(mbs "$(med ferry_put)") ($(ratio "$(med ferry_put)" "$(med tm_put)"))" \
    "$(mbs "$(med s3_get)")" "$(mbs "$(med tm_get)")" \
    "$(mbs "$(med ferry_cold)") ($(ratio "$(med ferry_cold)" "$(med tm_get)"))" \
    "$(mbs "$(med ferry_warm)") ($(ratio "$(med ferry_warm)" "$(med tm_get)"))"
done
echo
echo "Ferry on S3, from its /metrics: cache hits and misses, ranged S3 reads"
curl -fsS "$S3F/metrics" | grep -E '^(cache_gets_total\{cache="ferry\.storage\.cache"|ferry_storage_(cache_gets_total|cache_bytes|s3_reads_total))' | sed 's/^/  /' || true
