#!/usr/bin/env bash
# Throughput of Ferry's encrypted downloads and uploads against nginx serving the same file
# on the same machine in the same run (see bench/README.md, section "Throughput"): one
# stream and STREAMS parallel streams over plain HTTP (nginx with sendfile) and over
# HTTP/2 with TLS (both sides), plus Tink's standalone decrypt ceiling and the disk's durable
# write speed (dd with fsync, the ceiling for uploads that must survive a crash) and nginx's
# PUT followed by an fsync of what it stored. Medians over RUNS,
# every run's figure beside them. Not a test: it prints figures and never fails on a time.
#
#   bench/throughput.sh            # 1 GiB file; needs the built jar (./mvnw -DskipTests package)
#   SIZE_MB=256 RUNS=5 bench/throughput.sh
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/throughput.sh   # Ferry on another JDK
# Every upload keeps a new file, so the run needs about (2 + 4 × RUNS) × SIZE_MB of free disk.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-1024}
RUNS=${RUNS:-3}
STREAMS=${STREAMS:-8}
JAR=${JAR:-server/target/ferry.jar}
JAVA=${JAVA:-java}
FERRY_JAVA_OPTS=${FERRY_JAVA_OPTS:--Xmx256m}
WORK=$(mktemp -d /tmp/ferry-bench-XXXXXX)
NGINX_PORT=${NGINX_PORT:-18080}
NGINX_TLS_PORT=${NGINX_TLS_PORT:-18443}
FERRY_PORT=${FERRY_BENCH_PORT:-18081}
FERRY_TLS_PORT=${FERRY_BENCH_TLS_PORT:-18444}
ADMIN_EMAIL=bench@ferry.test
ADMIN_PASSWORD=bench-password-not-secret

log() { echo "bench: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

FERRY_PIDS=()
cleanup() {
  local status=$?
  for pid in "${FERRY_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A failed run says what the servers logged before their logs go with $WORK.
  if [ "$status" != 0 ]; then
    for server_log in "$WORK"/ferry*.log; do
      [ -f "$server_log" ] && grep -E ' (WARN|ERROR) ' "$server_log" | tail -20 | sed "s|^|$(basename "$server_log"): |" >&2
    done
  fi
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { log "no $JAR: run './mvnw -B -DskipTests package' first"; exit 1; }
JAR=$(realpath "$JAR")
if ! command -v nginx >/dev/null; then
  log "installing nginx (Debian package)"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx >&2
fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log "creating a ${SIZE_MB} MiB random file and a self-signed certificate"
mkdir -p "$WORK/www/upload" "$WORK/nginx-tmp" "$WORK/ferry" "$WORK/ferry-tls" "$WORK/out" "$WORK/libs"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$WORK/www/file.bin"
FILE="$WORK/www/file.bin"
SIZE=$(stat -c %s "$FILE")
HALF=$((SIZE / 2))
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

# nginx as it is usually deployed for static files: sendfile for plain HTTP; TLS with
# HTTP/2 (no sendfile there: the bytes pass through OpenSSL in user space).
cat > "$WORK/nginx.conf" <<CONF
daemon on;
user root;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 256; }
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
  server {
    listen 127.0.0.1:$NGINX_TLS_PORT ssl http2;
    ssl_certificate $WORK/cert.pem;
    ssl_certificate_key $WORK/key.pem;
    root $WORK/www;
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"

# Two servers from the same jar on the same JVM: one plain HTTP, one HTTPS with HTTP/2
# (FERRY_TLS_CERT), each on its own data directory, started side by side.
start_ferry() {
  local port=$1 dir=$2
  shift 2
  env FERRY_DATA_DIR="$dir" FERRY_PORT="$port" FERRY_ADMIN_EMAIL=$ADMIN_EMAIL \
    FERRY_ADMIN_PASSWORD=$ADMIN_PASSWORD "$@" \
    "$JAVA" $FERRY_JAVA_OPTS -jar "$JAR" > "$dir.log" 2>&1 &
  FERRY_PIDS+=($!)
}
log "starting Ferry ($JAR, $("$JAVA" -version 2>&1 | head -1), $FERRY_JAVA_OPTS) twice: HTTP and HTTPS"
start_ferry "$FERRY_PORT" "$WORK/ferry"
FERRY_PID=${FERRY_PIDS[0]}
start_ferry "$FERRY_TLS_PORT" "$WORK/ferry-tls" FERRY_TLS_CERT="$WORK/cert.pem" FERRY_TLS_KEY="$WORK/key.pem"
FERRY_TLS_PID=${FERRY_PIDS[1]}
FERRY="http://127.0.0.1:$FERRY_PORT"
FERRY_TLS="https://127.0.0.1:$FERRY_TLS_PORT"
for _ in $(seq 1 300); do
  curl -fs "$FERRY/health" >/dev/null 2>&1 && curl -kfs "$FERRY_TLS/health" >/dev/null 2>&1 && break
  sleep 1
done
login() {
  curl -kfsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$1/api/v1/auth/login" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
TOKEN=$(login "$FERRY")
TLS_TOKEN=$(login "$FERRY_TLS")
AUTH="Authorization: Bearer $TOKEN"
TLS_AUTH="Authorization: Bearer $TLS_TOKEN"

log "uploading the file once to each server for the download runs"
# Over HTTP/1.1: a curl -T upload over HTTP/2 ends in a PROTOCOL_ERROR from Tomcat here
# (see bench/README.md), and the upload is not what this part measures.
upload_id() {
  curl -kfsS --http1.1 -H "$1" -T "$FILE" "$2/api/v1/files/content?path=/bench/download.bin" |
    sed -E 's/.*"id":"([^"]+)".*/\1/'
}
FILE_ID=$(upload_id "$AUTH" "$FERRY")
TLS_FILE_ID=$(upload_id "$TLS_AUTH" "$FERRY_TLS")
NGINX_URL="http://127.0.0.1:$NGINX_PORT/file.bin"
NGINX_TLS_URL="https://127.0.0.1:$NGINX_TLS_PORT/file.bin"
FERRY_URL="$FERRY/api/v1/files/$FILE_ID/download"
FERRY_TLS_URL="$FERRY_TLS/api/v1/files/$TLS_FILE_ID/download"
H2=(-k --http2)
for url in "$NGINX_TLS_URL" "$FERRY_TLS_URL"; do
  version=$(curl -fsS "${H2[@]}" -H "$TLS_AUTH" -r 0-0 -o /dev/null -w '%{http_version}' "$url")
  [ "$version" = 2 ] || log "warning: $url answered HTTP/$version, not HTTP/2"
done

get() { curl -fsS -o /dev/null -w '%{speed_download}' "$@"; }
put() { curl -fsS -o /dev/null -w '%{speed_upload}' "$@"; }
# STREAMS downloads of the whole file at once; the figure is all their bytes over the
# wall time from the first start to the last end.
parallel_get() {
  local started pids=() pid
  started=$(date +%s.%N)
  for _ in $(seq 1 "$STREAMS"); do
    curl -fsS -o /dev/null "$@" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  awk -v b="$((SIZE * STREAMS))" -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", b / (e - s) }'
}

# The disk's durable write speed for the same bytes: Ferry syncs every stored file before
# it answers (an acknowledged upload survives a crash), nginx's dav PUT does not, so this,
# not nginx PUT, is the ceiling a durable upload can reach.
synced_write() {
  local started
  started=$(date +%s.%N)
  dd if="$FILE" of="$WORK/synced.bin" bs=1M conv=fsync status=none
  awk -v b="$SIZE" -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", b / (e - s) }'
  rm -f "$WORK/synced.bin"
}

# nginx's PUT and then an fsync of the file it stored: the time until nginx's copy is as
# durable as Ferry's is when Ferry answers. nginx's PUT alone never syncs, so its figure
# follows the phase the VM's disk is in (bench/README.md, "The disk has two speeds").
durable_put() {
  local started
  started=$(date +%s.%N)
  curl -fsS -o /dev/null -T "$FILE" "http://127.0.0.1:$NGINX_PORT/upload/durable.bin"
  sync "$WORK/www/upload/durable.bin"
  awk -v b="$SIZE" -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", b / (e - s) }'
}

# tus with curl, 64 MiB per PATCH from pieces split off the file beforehand: a client that
# costs next to nothing, so the figure is the server's (tus-java-client below is a client
# a Java application would use, and spends CPU of its own on the same cores).
mkdir -p "$WORK/pieces"
split -b 64M -d -a 4 "$FILE" "$WORK/pieces/piece."
tus_curl() {
  local started location offset=0 piece
  started=$(date +%s.%N)
  location=$(curl -fsS -o /dev/null -D - -X POST -H "$AUTH" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $SIZE" \
    -H "Upload-Metadata: filename $(printf 'curl-%s.bin' "$RANDOM$RANDOM" | base64 -w0),path $(printf /bench | base64 -w0)" \
    "$FERRY/api/v1/uploads" | tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
  [[ $location == http* ]] || location=$FERRY$location
  for piece in "$WORK"/pieces/piece.*; do
    curl -fsS -o /dev/null -X PATCH -H "$AUTH" -H 'Tus-Resumable: 1.0.0' -H "Upload-Offset: $offset" \
      -H 'Content-Type: application/offset+octet-stream' -H 'Expect:' -T "$piece" "$location"
    offset=$((offset + $(stat -c %s "$piece")))
  done
  awk -v b="$SIZE" -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", b / (e - s) }'
}

# Each run measures nginx and Ferry one after the other for every row, so both see the
# same neighbours; the tables print the median of the runs and every run's figure.
declare -A FIGURES
measure() {
  local name=$1
  shift
  FIGURES[$name]="${FIGURES[$name]:-} $("$@")"
}
median() { tr ' ' '\n' <<<"${FIGURES[$1]:-}" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : 0) }'; }
runs() { tr ' ' '\n' <<<"${FIGURES[$1]:-}" | grep . | awk '{ printf "%s%.0f", (NR > 1 ? ", " : ""), $1 / 1e6 }'; }
mbs() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

log "warming Ferry up (one download from each server)"
get -H "$AUTH" "$FERRY_URL" >/dev/null
get "${H2[@]}" -H "$TLS_AUTH" "$FERRY_TLS_URL" >/dev/null

for run in $(seq 1 "$RUNS"); do
  log "downloads, run $run of $RUNS"
  measure nginx_get get "$NGINX_URL"
  measure ferry_get get -H "$AUTH" "$FERRY_URL"
  measure nginx_range get -r "0-$((HALF - 1))" "$NGINX_URL"
  measure ferry_range get -r "0-$((HALF - 1))" -H "$AUTH" "$FERRY_URL"
  measure nginx_par parallel_get "$NGINX_URL"
  measure ferry_par parallel_get -H "$AUTH" "$FERRY_URL"
  measure nginx_tls get "${H2[@]}" "$NGINX_TLS_URL"
  measure ferry_tls get "${H2[@]}" -H "$TLS_AUTH" "$FERRY_TLS_URL"
  measure nginx_tls_par parallel_get "${H2[@]}" "$NGINX_TLS_URL"
  measure ferry_tls_par parallel_get "${H2[@]}" -H "$TLS_AUTH" "$FERRY_TLS_URL"
done
# Every measured upload sends bytes no server has seen: the first bytes of the file (and of
# its first tus piece) are stamped anew, so Ferry stores a new file as users mostly do, not a
# duplicate (with deduplication on by default, a duplicate's own copy is destroyed and purged
# on a background thread, whose disk writes then fell into the next measurement). And each
# upload starts with no dirty page cache left by the one before (nginx's PUT does not sync;
# the kernel wrote its file back during the next row).
measure_upload() {
  local stamp target
  stamp=$(printf 'ferry-bench %s %020d' "$1" "$RANDOM$RANDOM$RANDOM")
  for target in "$FILE" "$WORK/pieces/piece.0000"; do
    printf '%s' "$stamp" | dd of="$target" conv=notrunc status=none
  done
  sync
  measure "$@"
}
for run in $(seq 1 "$RUNS"); do
  log "uploads, run $run of $RUNS"
  # The disk is fast until a few GiB were written, then slow for a while (bench/README.md,
  # "The disk has two speeds"), so the rows take turns at going first: odd runs start with
  # nginx, even runs with Ferry.
  rows=(nginx_put disk_sync nginx_put_sync ferry_put tus_curl)
  (( run % 2 )) || rows=(tus_curl ferry_put nginx_put_sync disk_sync nginx_put)
  for upload_row in "${rows[@]}"; do
    case $upload_row in
      nginx_put) measure_upload nginx_put put -T "$FILE" "http://127.0.0.1:$NGINX_PORT/upload/put.bin" ;;
      disk_sync) measure_upload disk_sync synced_write ;;
      nginx_put_sync) measure_upload nginx_put_sync durable_put ;;
      ferry_put) measure_upload ferry_put put -H "$AUTH" -T "$FILE" "$FERRY/api/v1/files/content?path=/bench/put-$run.bin" ;;
      tus_curl) measure_upload tus_curl tus_curl ;;
    esac
  done
done

# tus: the upload module's tus-java-client main (dev.ferry.upload.TusUploadBench) from the
# test classpath; 10 MiB per PATCH is tus-java-client's default request payload size.
HAVE_TUS=""
if [ -f server/target/test-classes/dev/ferry/upload/TusUploadBench.class ]; then
  HAVE_TUS=yes
  CP_FILE="$WORK/cp.txt"
  ./mvnw -B -q -pl server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
  CP="server/target/test-classes:server/target/classes:$(cat "$CP_FILE")"
  tus() {
    FERRY_TOKEN=$TOKEN "$JAVA" -cp "$CP" dev.ferry.upload.TusUploadBench "$FERRY" "$FILE" "$1" |
      sed -E 's/.*mb_per_s=([0-9.]+).*/\1/' | awk '{ printf "%.0f", $1 * 1e6 }'
  }
  for run in $(seq 1 "$RUNS"); do
    log "tus uploads, run $run of $RUNS"
    measure_upload tus_default tus 10485760
    measure_upload tus_large tus 67108864
  done
else
  log "tus: dev.ferry.upload.TusUploadBench is not in this build (run './mvnw -DskipTests test-compile' first)"
fi

PEAK_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$FERRY_PID/status")
PEAK_TLS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$FERRY_TLS_PID/status")
for pid in "${FERRY_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
FERRY_PIDS=()

# The ceiling: Tink alone, the jar's own Tink, one thread, 64 KiB segments and reads.
log "Tink decrypt ceiling (bench/tink-ceiling/TinkDecryptCeiling.java, ${SIZE_MB} MiB)"
(cd "$WORK/libs" && unzip -q -j "$JAR" 'BOOT-INF/lib/tink-*.jar' 'BOOT-INF/lib/protobuf-java-*.jar' \
  'BOOT-INF/lib/gson-*.jar' 'BOOT-INF/lib/error_prone_annotations-*.jar')
CEILING_LINE=$("$JAVA" -cp "$(ls "$WORK"/libs/*.jar | tr '\n' ':')" bench/tink-ceiling/TinkDecryptCeiling.java \
  "$WORK" "$SIZE_MB" "$RUNS" 2>/dev/null)
CEILING=$(sed -E 's/.*tink_decrypt_mbps=([0-9]+).*/\1/' <<<"$CEILING_LINE")
CEILING_RUNS=$(sed -E 's/.*runs=([0-9,]+).*/\1/; s/,/, /g' <<<"$CEILING_LINE")
FIGURES[tink]=$(tr ',' ' ' <<<"$CEILING_RUNS" | awk '{ for (i = 1; i <= NF; i++) printf " %d", $i * 1e6 }')
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

row() {
  local name=$1 key=$2 base=${3:-} label=${4:-}
  local value note=""
  value=$(median "$key")
  [ -n "$base" ] && note="$(ratio "$value" "$(median "$base")") × $label"
  printf '| %s | %s | %s | %s |\n' "$name" "$(mbs "$value")" "$(runs "$key")" "$note"
}

echo
echo "Throughput, ${SIZE_MB} MiB file, loopback, median of $RUNS"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores"
echo "Ferry JVM: $("$JAVA" -version 2>&1 | head -1) $FERRY_JAVA_OPTS; $(nginx -v 2>&1); $(curl --version | head -1 | cut -d' ' -f1-2)"
echo "load average: $LOAD_BEFORE before, $LOAD_AFTER after"
echo "command: SIZE_MB=$SIZE_MB RUNS=$RUNS STREAMS=$STREAMS JAVA=$JAVA bench/throughput.sh"
echo
echo "| measurement | MB/s | runs | ratio |"
echo "|---|---:|---|---|"
row "nginx download (sendfile)" nginx_get
row "Ferry download (decrypt + stream)" ferry_get nginx_get "nginx, $(ratio "$(median ferry_get)" "$(median tink)") × Tink ceiling"
row "nginx ranged half" nginx_range
row "Ferry ranged half" ferry_range nginx_range nginx
row "nginx, $STREAMS parallel downloads" nginx_par
row "Ferry, $STREAMS parallel downloads" ferry_par nginx_par nginx
row "nginx download, TLS + HTTP/2" nginx_tls
row "Ferry download, TLS + HTTP/2" ferry_tls nginx_tls "nginx TLS"
row "nginx, $STREAMS parallel, TLS + HTTP/2" nginx_tls_par
row "Ferry, $STREAMS parallel, TLS + HTTP/2" ferry_tls_par nginx_tls_par "nginx TLS"
row "Tink decrypt ceiling (one thread, 64 KiB)" tink
row "nginx PUT" nginx_put
row "disk write + fsync (dd conv=fsync)" disk_sync
row "nginx PUT + fsync of the file" nginx_put_sync
durable() { echo "$(ratio "$(median "$1")" "$(median nginx_put_sync)") × nginx PUT + fsync"; }
row "Ferry plain upload (curl -T)" ferry_put nginx_put "nginx PUT, $(durable ferry_put), $(ratio "$(median ferry_put)" "$(median disk_sync)") × disk write + fsync"
row "Ferry tus, curl, 64 MiB per PATCH" tus_curl nginx_put "nginx PUT, $(durable tus_curl)"
if [ -n "$HAVE_TUS" ]; then
  row "Ferry tus-java-client, 10 MiB per PATCH" tus_default nginx_put "nginx PUT"
  row "Ferry tus-java-client, 64 MiB per PATCH" tus_large nginx_put "nginx PUT"
fi
echo "| Ferry peak RSS (VmHWM), HTTP / HTTPS | $((PEAK_KB / 1024)) / $((PEAK_TLS_KB / 1024)) MiB | | |"
