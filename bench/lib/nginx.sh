# Shared by bench/api-load.sh, bench/concurrent-downloads.sh and bench/large-file.sh (sourced
# after lib/services.sh and open_work): nginx as the baseline, serving a directory under
# $WORK with sendfile and accepting PUT (dav module) under /upload/, as bench/throughput.sh
# runs it. Its pid goes to $WORK/pids, so stop_all ends it.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_nginx() {
  command -v nginx >/dev/null && return
  log "installing nginx (Debian package)"
  as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx >&2
}

# start_nginx <port> <root> [worker connections]: one worker process, as Ferry gets one JVM;
# NGINX_WORKERS raises it.
start_nginx() {
  local port=$1 root=$2 connections=${3:-1024}
  ensure_nginx
  mkdir -p "$WORK/nginx/tmp" "$root/upload"
  cat >"$WORK/nginx/nginx.conf" <<CONF
daemon on;
user root;
worker_processes ${NGINX_WORKERS:-1};
worker_rlimit_nofile $((connections * 2 + 64));
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections $((connections + 64)); }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  client_body_temp_path $WORK/nginx/tmp;
  default_type application/octet-stream;
  types { application/json json; }
  server {
    listen 127.0.0.1:$port backlog=4096;
    root $root;
    location /upload/ {
      dav_methods PUT;
      create_full_put_path on;
      client_max_body_size 0;
    }
  }
}
CONF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" || die "nginx did not start; see $WORK/nginx/error.log"
  cat "$WORK/nginx/nginx.pid" >>"$WORK/pids"
  NGINX=http://127.0.0.1:$port
}

# The load average (1, 5, 15 minutes) to print beside each figure: the machine is shared.
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
