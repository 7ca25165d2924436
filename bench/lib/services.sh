# Shared by bench/s3.sh and bench/cluster.sh (sourced, not run): private S3Proxy,
# PostgreSQL, Redis and Ferry processes under the bench's own $WORK directory and ports,
# so a benchmark neither shares the test services' S3Proxy with running tests nor leaves
# anything behind. Each start_* records a pid in $WORK/pids for stop_all.

S3PROXY_VERSION=${S3PROXY_VERSION:-4.1.0}
S3_KEY=ferry-bench
S3_SECRET=ferry-bench-secret
ADMIN_EMAIL=bench@ferry.test
ADMIN_PASSWORD=bench-password-not-secret

JAR=${JAR:-server/target/ferry.jar}

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

# -h or --help prints the script's header comment (its manual) and exits.
help_or_go() { # <script> <its arguments...>
  case "${2:-}" in
    -h | --help)
      sed -n '2,/^set -euo/p' "$1" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
  esac
}

# A fresh $WORK that stop_all removes however the script ends, once the jar is there.
open_work() { # <name>
  WORK=$(mktemp -d "/tmp/ferry-bench-$1-XXXXXX")
  trap stop_all EXIT
  trap "exit 130" INT TERM
  [ -f "$JAR" ] || die "no $JAR: run './mvnw -B -DskipTests package' first"
}

# MB/s (10^6 bytes) of a bytes-per-second figure, and a / b with two decimals.
mbs() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

# The median of the numbers given as arguments (the mean of the middle two for an even count).
median() {
  printf '%s\n' "$@" | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

remember_pid() { echo "$1" >>"$WORK/pids"; }

# SIGTERM to every process started here, then the directory; kill_node has already
# SIGKILLed some of them, which is fine.
stop_all() {
  if [ -f "$WORK/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$WORK/pids"
    sleep 1
    while read -r pid; do kill -9 "$pid" 2>/dev/null || true; done <"$WORK/pids"
  fi
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    pg_run "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  [ -n "${KEEP_WORK:-}" ] && { log "kept $WORK"; return; }
  rm -rf "$WORK"
}

wait_for() { # <seconds> <command...>: until the command succeeds
  local seconds=$1
  shift
  for _ in $(seq 1 "$((seconds * 4))"); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  return 1
}

# S3Proxy from Maven Central on a filesystem backend, as bin/test-services starts it.
start_s3proxy() { # <port>
  local port=$1 repo=${FERRY_TEST_M2_REPO:-$HOME/.m2/repository} jar
  jar=$repo/org/gaul/s3proxy/$S3PROXY_VERSION/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar
  if [ ! -f "$jar" ]; then
    log "fetching S3Proxy $S3PROXY_VERSION from Maven Central"
    ./mvnw -B -q dependency:get -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" >&2
  fi
  mkdir -p "$WORK/s3/data"
  cat >"$WORK/s3/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_KEY
s3proxy.credential=$S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3/data
CONF
  java -Xmx256m -jar "$jar" --properties "$WORK/s3/s3proxy.conf" >"$WORK/s3/s3proxy.log" 2>&1 &
  remember_pid $!
  S3_ENDPOINT=http://127.0.0.1:$port
  wait_for 120 curl -s -o /dev/null "$S3_ENDPOINT/" || die "S3Proxy did not start; see $WORK/s3/s3proxy.log"
}

# curl signing with AWS Signature Version 4, as any S3 client does.
# curl 7.88 signs no payload hash of its own: the header says so, as streaming clients do.
s3_curl() {
  curl -fsS --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_KEY:$S3_SECRET" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

pg_bin() { dirname "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)"; }
pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A throw-away PostgreSQL cluster (fsync off, as the tests run it).
start_postgres() { # <port>
  local port=$1 bin
  bin=$(pg_bin)
  mkdir -p "$WORK/pg/data"
  [ "$(id -u)" = 0 ] && chown -R postgres "$WORK/pg" && chmod o+x "$WORK"
  pg_run "$bin/initdb" -D "$WORK/pg/data" -U ferry --auth=trust -E UTF8 --no-locale >"$WORK/pg/init.log" 2>&1 ||
    die "initdb failed; see $WORK/pg/init.log"
  pg_run "$bin/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/pg.log" -w -t 60 \
    -o "-p $port -h 127.0.0.1 -k $WORK/pg -c fsync=off -c max_connections=200" start >/dev/null ||
    die "PostgreSQL did not start; see $WORK/pg/pg.log"
  PG_URL=jdbc:postgresql://127.0.0.1:$port/postgres
}

start_redis() { # <port>
  local port=$1
  mkdir -p "$WORK/redis"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$WORK/redis" --save '' --appendonly no \
    --logfile "$WORK/redis/redis.log" &
  remember_pid $!
  REDIS_URL=redis://127.0.0.1:$port
  wait_for 30 redis-cli -p "$port" ping || die "Redis did not start; see $WORK/redis/redis.log"
}

# Ferry from the built jar: start_ferry <name> <port> [VAR=value ...]. The node's pid goes
# to $WORK/<name>.pid; it answers /health when this returns.
start_ferry() {
  local name=$1 port=$2
  shift 2
  mkdir -p "$WORK/$name"
  env FERRY_DATA_DIR="$WORK/$name" FERRY_PORT="$port" FERRY_ADMIN_EMAIL=$ADMIN_EMAIL \
    FERRY_ADMIN_PASSWORD=$ADMIN_PASSWORD "$@" java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >>"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
  remember_pid $!
  wait_for 300 curl -fs "http://127.0.0.1:$port/health" || die "Ferry $name did not start; see $WORK/$name.log"
}

# An access token of the administrator, from a node or balancer.
login() { # <base URL>
  curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$1/api/v1/auth/login" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# Plain upload (curl -T) of a file; prints "<upload bytes/s> <file id>".
ferry_put() { # <base> <token> <file> <path in Ferry>
  curl -fsS -H "Authorization: Bearer $2" -T "$3" -w ' %{speed_upload}' "$1/api/v1/files/content?path=$4" |
    sed -E 's/.*"id":"([^"]+)".* ([0-9.]+)$/\2 \1/'
}

# Download of a file to /dev/null; prints bytes/s.
ferry_get() { # <base> <token> <file id>
  curl -fsS -H "Authorization: Bearer $2" -o /dev/null -w '%{speed_download}' "$1/api/v1/files/$3/download"
}
