#!/usr/bin/env bash
# Three Ferry nodes behind nginx round robin against one node behind the same nginx and
# against that nginx serving the same files directly, then a node killed with SIGKILL in the
# middle of the transfers (see bench/README.md, section "Cluster"). Not a test: it prints
# figures and never fails on a time; it exits non-zero only when a transfer did not complete
# with the right SHA-256. It ends with the figures as markdown, ready to paste into the README.
#
#   bench/cluster.sh                     # 4 parallel x 32 MiB, 2 runs: 2-3 minutes on an idle machine
#   PARALLEL=8 SIZE_MB=256 RUNS=3 bench/cluster.sh   # (the three nodes alone start in 5 minutes under load)
#
# It starts, under a fresh temporary directory and on its own ports (18290-18298), what the
# cluster test (ClusterIntegrationTests) starts: a throw-away PostgreSQL, S3Proxy (as
# bin/test-services does), Redis, three nodes from server/target/ferry.jar sharing them and
# one keyset file (FERRY_NODE_NAME node-1..3), and Debian's nginx with three front ends:
#   - "three nodes": upstream node-1, node-2, node-3, round robin, no stickiness;
#   - "one node": upstream node-1 only, so both pay the same proxy hop;
#   - "direct": the same random files as plain files, GET with sendfile (the baseline: what
#     nginx alone does with these bytes on this machine), and PUT into the directory with
#     the dav module (a whole-file upload, no tus, no encryption: an upper bound).
# The nginx settings are the cluster test's: bodies streamed both ways, a request that
# cannot reach a node passed to the next one (PATCH included).
#
# The clients are curl, PARALLEL at once, each on its own random file of SIZE_MB:
#   - a tus 1.0 upload: POST, then PATCHes of CHUNK_MB (default 8) at Upload-Offset; after
#     a failed PATCH it asks HEAD for the offset the server kept and goes on from there;
#   - a download of an uploaded file, resumed with "Range: bytes=<received>-" after a
#     broken response.
# Every failed request is counted ("errors") and retried, up to 60 times per transfer.
#
# Phases, each through nginx:
#   1. per run (RUNS times): direct, PARALLEL PUTs at once, then PARALLEL GETs at once;
#      one node, PARALLEL uploads at once, then PARALLEL downloads at once; three nodes,
#      the same; aggregate MB/s (all bytes / wall time), median of RUNS, ratios three nodes /
#      one node / direct;
#   2. kill: PARALLEL uploads and PARALLEL downloads at once through the three-node front
#      end; node-2 gets SIGKILL when half of all bytes have moved. Then every upload's
#      SHA-256 (as the server computed it, GET /api/v1/files/<id>) and every download's
#      (of the bytes curl wrote) is compared with the source file's.
#
# Needs: the built jar (./mvnw -B -DskipTests package), Java 17+, curl, sha256sum, and the
# Debian packages nginx, redis-server and postgresql (bin/test-services installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/services.sh
help_or_go "$0" "$@"

PARALLEL=${PARALLEL:-4}
SIZE_MB=${SIZE_MB:-32}
CHUNK_MB=${CHUNK_MB:-8}
RUNS=${RUNS:-2}
BASE_PORT=${CLUSTER_BENCH_PORT:-18290}
open_work cluster
for tool in nginx redis-server sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing: run bin/test-services once (it installs the Debian packages)"
done
SIZE=$((SIZE_MB * 1024 * 1024))
CHUNK=$((CHUNK_MB * 1024 * 1024))
NODE_PORTS=($((BASE_PORT + 3)) $((BASE_PORT + 4)) $((BASE_PORT + 5)))
THREE=http://127.0.0.1:$((BASE_PORT + 6))
ONE=http://127.0.0.1:$((BASE_PORT + 7))
DIRECT=http://127.0.0.1:$((BASE_PORT + 8))

log "starting PostgreSQL, S3Proxy and Redis"
start_postgres "$BASE_PORT"
start_s3proxy $((BASE_PORT + 1))
start_redis $((BASE_PORT + 2))

node_env() { # <index 0..2>
  echo FERRY_DB_URL="$PG_URL" FERRY_DB_USER=ferry FERRY_KEYSET_FILE="$WORK/keys/kek.json" \
    FERRY_REDIS_URL="$REDIS_URL" FERRY_NODE_NAME="node-$(($1 + 1))" FERRY_STORAGE=s3 \
    FERRY_S3_ENDPOINT="$S3_ENDPOINT" FERRY_S3_BUCKET=ferry FERRY_S3_ACCESS_KEY=$S3_KEY \
    FERRY_S3_SECRET_KEY=$S3_SECRET FERRY_S3_PATH_STYLE=true
}
# The first node creates the keyset, the schema and the administrator; then the others.
log "starting node-1"
start_ferry node-1 "${NODE_PORTS[0]}" $(node_env 0)
log "starting node-2 and node-3"
start_ferry node-2 "${NODE_PORTS[1]}" $(node_env 1) &
second=$!
start_ferry node-3 "${NODE_PORTS[2]}" $(node_env 2)
wait "$second" || die "node-2 did not start"

mkdir -p "$WORK/nginx/tmp"
cat >"$WORK/nginx/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user root root;")
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  upstream three {
$(for port in "${NODE_PORTS[@]}"; do echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"; done)
  }
  upstream one {
    server 127.0.0.1:${NODE_PORTS[0]};
  }
  proxy_http_version 1.1;
  proxy_set_header Host \$http_host;
  proxy_set_header Connection "";
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_request_buffering off;
  proxy_buffering off;
  proxy_next_upstream error timeout non_idempotent;
  proxy_connect_timeout 2s;
  proxy_read_timeout 120s;
  proxy_send_timeout 120s;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:$((BASE_PORT + 6));
    location / { proxy_pass http://three; }
  }
  server {
    listen 127.0.0.1:$((BASE_PORT + 7));
    location / { proxy_pass http://one; }
  }
  server {
    listen 127.0.0.1:$((BASE_PORT + 8));
    sendfile on;
    root $WORK/src;
    location /upload/ { dav_methods PUT; }
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
remember_pid $!
wait_for 30 curl -fs "$THREE/health" || die "nginx did not start; see $WORK/nginx/error.log"
TOKEN=$(login "$THREE")
AUTH="Authorization: Bearer $TOKEN"

log "creating $PARALLEL random files of $SIZE_MB MiB"
mkdir -p "$WORK/src/upload" "$WORK/out" "$WORK/result"
for i in $(seq 1 "$PARALLEL"); do
  head -c "$SIZE" /dev/urandom >"$WORK/src/$i.bin"
  sha256sum "$WORK/src/$i.bin" | cut -d' ' -f1 >"$WORK/src/$i.sha256"
done

b64() { printf '%s' "$1" | base64 -w0; }
TUS=(-H "$AUTH" -H "Tus-Resumable: 1.0.0")
MAX_ERRORS=60

# tus upload of source file <i> through <base>; writes "<file id> <errors>" to <result>
# and the offset reached to <result>.offset as it goes.
tus_upload() { # <base> <i> <result>
  local base=$1 file=$WORK/src/$2.bin result=$3 url="" offset=0 errors=0 status next
  until [ -n "$url" ]; do
    url=$(curl -sS -o /dev/null -D - -X POST "${TUS[@]}" -H "Upload-Length: $SIZE" \
      -H "Upload-Metadata: filename $(b64 "$2-$RANDOM.bin"),path $(b64 /bench)" "$base/api/v1/uploads" 2>/dev/null |
      tr -d '\r' | sed -n 's/^[Ll]ocation: //p') || true
    [ -n "$url" ] || { errors=$((errors + 1)); [ "$errors" -lt "$MAX_ERRORS" ] || break; sleep 0.5; }
  done
  url=$base/api/v1/uploads/${url##*/}
  while [ "$offset" -lt "$SIZE" ] && [ "$errors" -lt "$MAX_ERRORS" ]; do
    status=$(tail -c +$((offset + 1)) "$file" | head -c "$CHUNK" |
      curl -sS -o /dev/null -w '%{http_code}' -X PATCH "${TUS[@]}" -H "Upload-Offset: $offset" \
        -H 'Content-Type: application/offset+octet-stream' --data-binary @- "$url" 2>/dev/null) || true
    if [ "$status" = 204 ]; then
      offset=$((offset + CHUNK < SIZE ? offset + CHUNK : SIZE))
    else
      errors=$((errors + 1))
      sleep 0.5
      next=$(curl -sS -I "${TUS[@]}" "$url" 2>/dev/null | tr -d '\r' | sed -n 's/^[Uu]pload-[Oo]ffset: //p') || true
      [ -n "$next" ] && offset=$next
    fi
    echo "$offset" >"$result.offset"
  done
  echo "${url##*/} $errors" >"$result"
}

# Download of <url> into <out>, resuming after a broken response; writes "<errors>" to
# <result>. The same client for Ferry's downloads and nginx's plain files.
download() { # <url> <out> <result>
  local url=$1 out=$2 result=$3 errors=0 have=0 range=()
  : >"$out"
  while [ "$have" -lt "$SIZE" ] && [ "$errors" -lt "$MAX_ERRORS" ]; do
    if ! curl -sS -f -H "$AUTH" "${range[@]}" "$url" >>"$out" 2>/dev/null; then
      errors=$((errors + 1))
      sleep 0.5
    fi
    have=$(stat -c %s "$out")
    range=(-r "$have-")
  done
  echo "$errors" >"$result"
}

now() { date +%s.%N; }
# Aggregate bytes per second of <count> transfers of SIZE that took from <start> to now.
rate() { awk -v n="$1" -v s="$SIZE" -v t0="$2" -v t1="$(now)" 'BEGIN { printf "%.0f", n * s / (t1 - t0) }'; }
sum_errors() { cat "$@" | awk '{ e += $NF } END { print e + 0 }'; }

# One round through <base>: PARALLEL uploads, then PARALLEL downloads of what they stored.
# Prints "<upload B/s> <download B/s> <errors>". Waits for its own jobs only: the services
# are background jobs of this shell too.
round() { # <base> <tag>
  local base=$1 tag=$2 start up down i pids=()
  start=$(now)
  for i in $(seq 1 "$PARALLEL"); do
    tus_upload "$base" "$i" "$WORK/result/$tag-up-$i" &
    pids+=($!)
  done
  wait "${pids[@]}"
  up=$(rate "$PARALLEL" "$start")
  start=$(now) pids=()
  for i in $(seq 1 "$PARALLEL"); do
    download "$base/api/v1/files/$(cut -d' ' -f1 "$WORK/result/$tag-up-$i")/download" "$WORK/out/$tag-$i.bin" \
      "$WORK/result/$tag-down-$i" &
    pids+=($!)
  done
  wait "${pids[@]}"
  down=$(rate "$PARALLEL" "$start")
  rm -f "$WORK"/out/"$tag"-*.bin
  echo "$up $down $(sum_errors "$WORK"/result/"$tag"-up-? "$WORK"/result/"$tag"-down-?)"
}

# The baseline through the same nginx: PARALLEL whole-file PUTs of the source files at
# once, then PARALLEL GETs of them at once (sendfile). Prints "<upload B/s> <download B/s>".
direct_round() { # <tag>
  local tag=$1 start up down i pids=()
  start=$(now)
  for i in $(seq 1 "$PARALLEL"); do
    curl -fsS -o /dev/null -T "$WORK/src/$i.bin" "$DIRECT/upload/$tag-$i.bin" &
    pids+=($!)
  done
  wait "${pids[@]}" || die "a PUT to nginx failed; see $WORK/nginx/error.log"
  up=$(rate "$PARALLEL" "$start")
  start=$(now) pids=()
  for i in $(seq 1 "$PARALLEL"); do
    download "$DIRECT/$i.bin" "$WORK/out/$tag-$i.bin" "$WORK/result/$tag-down-$i" &
    pids+=($!)
  done
  wait "${pids[@]}"
  down=$(rate "$PARALLEL" "$start")
  rm -f "$WORK"/out/"$tag"-*.bin "$WORK"/src/upload/*
  echo "$up $down"
}

log "warming up (one untimed round through three nodes)"
round "$THREE" warm >/dev/null
direct_up=() direct_down=() one_up=() one_down=() one_err=0 three_up=() three_down=() three_err=0
for run in $(seq 1 "$RUNS"); do
  log "run $run of $RUNS: nginx direct, one node, three nodes"
  read -r up down < <(direct_round "direct-$run")
  [ -n "$down" ] || die "the direct round through nginx failed; see $WORK/nginx/error.log"
  direct_up+=("$up") direct_down+=("$down")
  read -r up down err < <(round "$ONE" "one-$run")
  one_up+=("$up") one_down+=("$down") one_err=$((one_err + err))
  read -r up down err < <(round "$THREE" "three-$run")
  three_up+=("$up") three_down+=("$down") three_err=$((three_err + err))
done

log "kill: $PARALLEL uploads and $PARALLEL downloads through three nodes; SIGKILL for node-2 at half"
start=$(now) pids=()
for i in $(seq 1 "$PARALLEL"); do
  tus_upload "$THREE" "$i" "$WORK/result/kill-up-$i" &
  pids+=($!)
  download "$THREE/api/v1/files/$(cut -d' ' -f1 "$WORK/result/warm-up-$i")/download" "$WORK/out/kill-$i.bin" \
    "$WORK/result/kill-down-$i" &
  pids+=($!)
done
running() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
half=$((PARALLEL * SIZE))
killed_at=""
while [ -z "$killed_at" ] && running; do
  # Until the first PATCH and response arrive there are no such files: not an error.
  moved=$( (cat "$WORK"/result/kill-up-*.offset 2>/dev/null || true) | awk '{ s += $1 } END { print s + 0 }')
  moved=$((moved + $( (cat "$WORK"/out/kill-*.bin 2>/dev/null || true) | wc -c)))
  if [ "$moved" -ge "$half" ]; then
    kill -9 "$(cat "$WORK/node-2.pid")"
    killed_at=$moved
  fi
  sleep 0.2
done
wait "${pids[@]}"
kill_rate=$(rate $((2 * PARALLEL)) "$start")

complete=0 wrong=0
for i in $(seq 1 "$PARALLEL"); do
  expected=$(cat "$WORK/src/$i.sha256")
  read -r id _ <"$WORK/result/kill-up-$i"
  stored=$(curl -fsS -H "$AUTH" "$THREE/api/v1/files/$id" | sed -nE 's/.*"sha256":"([0-9a-f]{64})".*/\1/p') || true
  got=$(sha256sum "$WORK/out/kill-$i.bin" | cut -d' ' -f1)
  for actual in "$stored" "$got"; do
    if [ "$actual" = "$expected" ]; then complete=$((complete + 1)); else wrong=$((wrong + 1)); fi
  done
done
kill_errors=$(sum_errors "$WORK"/result/kill-up-? "$WORK"/result/kill-down-?)

med() { median "$@"; }
runs() { for v in "$@"; do printf '%s ' "$(mbs "$v")"; done; }
x() { ratio "$(med $1)" "$(med $2)"; } # x "<values a>" "<values b>": median a / median b
load=$(cut -d' ' -f1-3 /proc/loadavg)
jvm=$(java -version 2>&1 | head -1)
echo
echo "Cluster, $PARALLEL parallel x ${SIZE_MB} MiB, tus PATCHes of ${CHUNK_MB} MiB, through nginx, median of $RUNS,"
echo "$(nproc) cores, load $load, $jvm"
line() { printf '  %-34s %9s MB/s  %-34s runs: %s\n' "$@"; }
line "nginx direct, PUT (dav)" "$(mbs "$(med "${direct_up[@]}")")" "" "$(runs "${direct_up[@]}")"
line "one node, upload" "$(mbs "$(med "${one_up[@]}")")" "x$(x "${one_up[*]}" "${direct_up[*]}") direct" "$(runs "${one_up[@]}")"
line "three nodes, upload" "$(mbs "$(med "${three_up[@]}")")" \
  "x$(x "${three_up[*]}" "${one_up[*]}") one node, x$(x "${three_up[*]}" "${direct_up[*]}") direct" "$(runs "${three_up[@]}")"
line "nginx direct, GET (sendfile)" "$(mbs "$(med "${direct_down[@]}")")" "" "$(runs "${direct_down[@]}")"
line "one node, download" "$(mbs "$(med "${one_down[@]}")")" "x$(x "${one_down[*]}" "${direct_down[*]}") direct" "$(runs "${one_down[@]}")"
line "three nodes, download" "$(mbs "$(med "${three_down[@]}")")" \
  "x$(x "${three_down[*]}" "${one_down[*]}") one node, x$(x "${three_down[*]}" "${direct_down[*]}") direct" "$(runs "${three_down[@]}")"
echo "  failed requests (retried): one node $one_err, three nodes $three_err"
echo "Kill: node-2 SIGKILLed after $(mbs "$killed_at") MB of $(mbs $((2 * half))) MB had moved;"
echo "  $PARALLEL uploads + $PARALLEL downloads at $(mbs "$kill_rate") MB/s aggregate, $kill_errors failed requests retried;"
echo "  SHA-256 equal for $complete of $((2 * PARALLEL)) transfers, wrong or missing for $wrong"

# The same as markdown: the table of this run, and one row for the README's table of runs.
md() { printf '| %s | %s | %s | %s |\n' "$1" "$(mbs "$(med $2)")" "$(runs $2 | sed 's/ $//; s/ /, /g')" "$3"; }
echo
echo "Markdown ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $load, $jvm):"
echo
echo "| $PARALLEL parallel × $SIZE_MB MiB, through nginx | MB/s aggregate | runs | ratio |"
echo "|---|---:|---|---|"
md "nginx direct, PUT (dav)" "${direct_up[*]}" ""
md "one node, tus uploads ($CHUNK_MB MiB PATCHes)" "${one_up[*]}" "$(x "${one_up[*]}" "${direct_up[*]}") × direct"
md "three nodes, tus uploads" "${three_up[*]}" \
  "$(x "${three_up[*]}" "${one_up[*]}") × one node, $(x "${three_up[*]}" "${direct_up[*]}") × direct"
md "nginx direct, GET (sendfile)" "${direct_down[*]}" ""
md "one node, downloads" "${one_down[*]}" "$(x "${one_down[*]}" "${direct_down[*]}") × direct"
md "three nodes, downloads" "${three_down[*]}" \
  "$(x "${three_down[*]}" "${one_down[*]}") × one node, $(x "${three_down[*]}" "${direct_down[*]}") × direct"
echo "| failed requests, one node / three nodes | $one_err / $three_err | | |"
echo
echo "Row for the table of runs in bench/README.md:"
echo
printf '| %s | %s, load %s | %s × %s MiB, %s run%s | %s | %s | %s | %s | %s | %s | %s of %s |\n' \
  "$(date -u +%Y-%m-%d)" "$(nproc) cores" "$(cut -d' ' -f1 /proc/loadavg)" "$PARALLEL" "$SIZE_MB" "$RUNS" \
  "$([ "$RUNS" = 1 ] || echo s)" \
  "$(mbs "$(med "${direct_down[@]}")")" \
  "$(mbs "$(med "${one_down[@]}")") ($(x "${one_down[*]}" "${direct_down[*]}"))" \
  "$(mbs "$(med "${three_down[@]}")") ($(x "${three_down[*]}" "${direct_down[*]}"))" \
  "$(mbs "$(med "${direct_up[@]}")")" \
  "$(mbs "$(med "${one_up[@]}")") ($(x "${one_up[*]}" "${direct_up[*]}"))" \
  "$(mbs "$(med "${three_up[@]}")") ($(x "${three_up[*]}" "${direct_up[*]}"))" \
  "$complete" "$((2 * PARALLEL))"
[ "$wrong" = 0 ] && [ -n "$killed_at" ]
