#!/usr/bin/env bash
# Stored size and plain upload/download throughput with deduplication and zstd on (the
# defaults: FERRY_DEDUP=account, FERRY_COMPRESSION=zstd) against both off, two Ferry
# servers side by side in the same run (see bench/README.md, section "Dedup and zstd").
# Not a test: it prints figures and never fails on a time.
#
#   bench/dedup.sh                 # 256 MiB per file; needs the built jar
#   SIZE_MB=64 bench/dedup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-256}
JAR=${JAR:-server/target/ferry.jar}
WORK=$(mktemp -d /tmp/ferry-bench-dedup-XXXXXX)
ON_PORT=${ON_PORT:-18091}
OFF_PORT=${OFF_PORT:-18092}
ADMIN_EMAIL=bench@ferry.test
ADMIN_PASSWORD=bench-password-not-secret
PIDS=()

log() { echo "bench: $*" >&2; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { log "no $JAR: run './mvnw -B -DskipTests package' first"; exit 1; }

log "creating the files: ${SIZE_MB} MiB of text (log lines) and of random bytes"
mkdir -p "$WORK/on" "$WORK/off"
awk -v n=$((SIZE_MB * 1024 * 1024)) 'BEGIN { srand(1); s = 0;
  while (s < n) { l = sprintf("2026-12-04T03:%02d:%02d.%03dZ INFO  dev.ferry.files.FileService user=%d file=%08x size=%d ok\n",
    int(rand()*60), int(rand()*60), int(rand()*1000), int(rand()*5000), int(rand()*4294967295), int(rand()*1e9));
    printf "%s", l; s += length(l) } }' > "$WORK/text.log"
truncate -s $((SIZE_MB * 1024 * 1024)) "$WORK/text.log"
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom > "$WORK/random.bin"
SIZE=$(stat -c %s "$WORK/text.log")

start() { # name port dedup compression
  FERRY_DATA_DIR="$WORK/$1" FERRY_PORT=$2 FERRY_DEDUP=$3 FERRY_COMPRESSION=$4 FERRY_ADMIN_EMAIL=$ADMIN_EMAIL \
    FERRY_ADMIN_PASSWORD=$ADMIN_PASSWORD java -jar "$JAR" > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
}
start on "$ON_PORT" account zstd
start off "$OFF_PORT" off off
for port in "$ON_PORT" "$OFF_PORT"; do
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 1
  done
done

token() {
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "http://127.0.0.1:$1/api/v1/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
mbs() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
stored() { du -sb "$WORK/$1/blobs" | cut -f1; }

# name port: uploads text twice (a duplicate) and random once, downloads the text; prints
# "upload_Bps download_Bps stored_bytes"
run() {
  local port=$2 token auth up down id
  token=$(token "$port")
  auth="Authorization: Bearer $token"
  up=$(curl -fsS -o "$WORK/$1.json" -w '%{speed_upload}' -H "$auth" -H 'Content-Type: text/plain' \
    -T "$WORK/text.log" "http://127.0.0.1:$port/api/v1/files/content?path=/bench/a.log")
  id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$WORK/$1.json")
  curl -fsS -o /dev/null -H "$auth" -H 'Content-Type: text/plain' -T "$WORK/text.log" \
    "http://127.0.0.1:$port/api/v1/files/content?path=/bench/b.log"
  curl -fsS -o /dev/null -H "$auth" -T "$WORK/random.bin" "http://127.0.0.1:$port/api/v1/files/content?path=/bench/r.bin"
  down=$(curl -fsS -o /dev/null -w '%{speed_download}' -H "$auth" "http://127.0.0.1:$port/api/v1/files/$id/download")
  echo "$up $down $(stored "$1")"
}

log "measuring"
read -r ON_UP ON_DOWN ON_STORED < <(run on "$ON_PORT")
read -r OFF_UP OFF_DOWN OFF_STORED < <(run off "$OFF_PORT")
LOGICAL=$((3 * SIZE))

echo
echo "Dedup and zstd, ${SIZE_MB} MiB text twice + ${SIZE_MB} MiB random, loopback, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-38s %14s %14s\n' "" "dedup+zstd on" "both off"
printf '%-38s %14s %14s\n' "stored bytes (of $LOGICAL uploaded)" "$ON_STORED" "$OFF_STORED"
printf '%-38s %14s %14s\n' "stored / uploaded" "$(ratio "$ON_STORED" "$LOGICAL")" "$(ratio "$OFF_STORED" "$LOGICAL")"
printf '%-38s %9s MB/s %9s MB/s\n' "text upload (curl -T)" "$(mbs "$ON_UP")" "$(mbs "$OFF_UP")"
printf '%-38s %9s MB/s %9s MB/s\n' "text download" "$(mbs "$ON_DOWN")" "$(mbs "$OFF_DOWN")"
echo "on / off: upload x$(ratio "$ON_UP" "$OFF_UP"), download x$(ratio "$ON_DOWN" "$OFF_DOWN"), stored x$(ratio "$ON_STORED" "$OFF_STORED")"
