#!/usr/bin/env bash
# Throughput of Ferry's plain downloads and uploads against nginx serving the same file on
# the same machine in the same run (see bench/README.md, section "Throughput"). Not a test:
# it prints figures and never fails on a time.
#
#   bench/throughput.sh            # 1 GiB file; needs the built jar (./mvnw -DskipTests package)
#   SIZE_MB=256 bench/throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-1024}
JAR=${JAR:-server/target/ferry.jar}
WORK=$(mktemp -d /tmp/ferry-bench-XXXXXX)
NGINX_PORT=${NGINX_PORT:-18080}
FERRY_PORT=${FERRY_BENCH_PORT:-18081}
ADMIN_EMAIL=bench@ferry.test
ADMIN_PASSWORD=bench-password-not-secret

log() { echo "bench: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

cleanup() {
  [ -n "${FERRY_PID:-}" ] && kill "$FERRY_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { log "no $JAR: run './mvnw -B -DskipTests package' first"; exit 1; }
if ! command -v nginx >/dev/null; then
  log "installing nginx (Debian package)"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx >&2
fi

log "creating a ${SIZE_MB} MiB random file"
mkdir -p "$WORK/www/upload" "$WORK/nginx-tmp" "$WORK/ferry" "$WORK/out"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$WORK/www/file.bin"
FILE="$WORK/www/file.bin"
SIZE=$(stat -c %s "$FILE")
HALF=$((SIZE / 2))

cat > "$WORK/nginx.conf" <<CONF
daemon on;
user root;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/nginx-tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
    location /upload/ {
      dav_methods PUT;
      create_full_put_path on;
      client_max_body_size 0;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

log "starting Ferry ($JAR)"
FERRY_DATA_DIR="$WORK/ferry" FERRY_PORT=$FERRY_PORT FERRY_ADMIN_EMAIL=$ADMIN_EMAIL \
  FERRY_ADMIN_PASSWORD=$ADMIN_PASSWORD java -jar "$JAR" > "$WORK/ferry.log" 2>&1 &
FERRY_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$FERRY_PORT/health" >/dev/null 2>&1 && break
  sleep 1
done
FERRY="http://127.0.0.1:$FERRY_PORT"
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$FERRY/api/v1/auth/login" |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

mbs() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
row() { printf '%-34s %10s MB/s %s\n' "$1" "$(mbs "$2")" "$3"; }

# Each figure is the best of RUNS so a stray neighbour process does not decide it.
RUNS=${RUNS:-2}
best() {
  local best=0 v
  for _ in $(seq 1 "$RUNS"); do
    v=$("$@")
    best=$(awk -v a="$v" -v b="$best" 'BEGIN { print (a > b) ? a : b }')
  done
  echo "$best"
}
get() { curl -fsS -o /dev/null -w '%{speed_download}' "$@"; }
put() { curl -fsS -o /dev/null -w '%{speed_upload}' "$@"; }

log "uploading the file once for the download runs"
FILE_ID=$(curl -fsS -H "$AUTH" -T "$FILE" "$FERRY/api/v1/files/content?path=/bench/download.bin" |
  sed -E 's/.*"id":"([^"]+)".*/\1/')

log "measuring (best of $RUNS each)"
NGINX_GET=$(best get "http://127.0.0.1:$NGINX_PORT/file.bin")
FERRY_GET=$(best get -H "$AUTH" "$FERRY/api/v1/files/$FILE_ID/download")
NGINX_RANGE=$(best get -r "0-$((HALF - 1))" "http://127.0.0.1:$NGINX_PORT/file.bin")
FERRY_RANGE=$(best get -r "0-$((HALF - 1))" -H "$AUTH" "$FERRY/api/v1/files/$FILE_ID/download")
NGINX_PUT=$(best put -T "$FILE" "http://127.0.0.1:$NGINX_PORT/upload/put.bin")
FERRY_PUT=$(best put -H "$AUTH" -T "$FILE" "$FERRY/api/v1/files/content?path=/bench/put.bin")

# tus: the upload module's tus-java-client main (dev.ferry.upload.TusUploadBench) from the
# test classpath; 10 MiB per PATCH is tus-java-client's default request payload size.
TUS_DEFAULT=""
TUS_LARGE=""
if [ -f server/target/test-classes/dev/ferry/upload/TusUploadBench.class ]; then
  CP_FILE="$WORK/cp.txt"
  ./mvnw -B -q -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
  CP="server/target/test-classes:server/target/classes:$(cat "$CP_FILE")"
  tus() {
    FERRY_TOKEN=$TOKEN java -cp "$CP" dev.ferry.upload.TusUploadBench "$FERRY" "$FILE" "$1" |
      sed -E 's/.*mb_per_s=([0-9.]+).*/\1/' | awk '{ printf "%.0f", $1 * 1e6 }'
  }
  TUS_DEFAULT=$(best tus 10485760)
  TUS_LARGE=$(best tus 67108864)
else
  log "tus: dev.ferry.upload.TusUploadBench is not in this build (run './mvnw -DskipTests test-compile' on a tree with the upload module)"
fi

PEAK_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$FERRY_PID/status")

echo
echo "Throughput, ${SIZE_MB} MiB file, loopback, $(nproc) cores, $(java -version 2>&1 | head -1)"
row "nginx download" "$NGINX_GET" ""
row "Ferry download" "$FERRY_GET" "x$(ratio "$FERRY_GET" "$NGINX_GET") of nginx"
row "nginx ranged half" "$NGINX_RANGE" ""
row "Ferry ranged half" "$FERRY_RANGE" "x$(ratio "$FERRY_RANGE" "$NGINX_RANGE") of nginx"
row "nginx PUT" "$NGINX_PUT" ""
row "Ferry plain upload (curl -T)" "$FERRY_PUT" "x$(ratio "$FERRY_PUT" "$NGINX_PUT") of nginx PUT"
if [ -n "$TUS_DEFAULT" ]; then
  row "Ferry tus, 10 MiB per PATCH" "$TUS_DEFAULT" "x$(ratio "$TUS_DEFAULT" "$NGINX_PUT") of nginx PUT"
  row "Ferry tus, 64 MiB per PATCH" "$TUS_LARGE" "x$(ratio "$TUS_LARGE" "$NGINX_PUT") of nginx PUT"
else
  echo "Ferry tus                          (not measured: upload module missing in this build)"
fi
echo "Ferry peak RSS (VmHWM)             $((PEAK_KB / 1024)) MiB"
