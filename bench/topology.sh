#!/usr/bin/env bash
# The production topology on one machine: every service in its own JVM (two replicas of auth and my),
# behind a real nginx that uses the compose gateway's routes (compose/nginx/routes.conf), against the
# machine's PostgreSQL, Redis and RabbitMQ. Then:
#   1. the held flow through the gateway: register -> login -> my profile appears (user.registered) ->
#      logout -> the token is dead at auth and at my, on every replica;
#   2. sign-ins under load while one auth replica gets SIGTERM (graceful: expect no failed request),
#      then the same with SIGKILL (what a crash costs);
# and one summary line. Needs: built jars (mvn -B -q -DskipTests install), nginx, wrk, python3, psql,
# rabbitmqctl. Usage: bench/topology.sh          (env knobs: LOAD_SECONDS, KILL_AFTER, CONNECTIONS, USERS)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
OUT=${OUT:-$BENCH_DIR/out/topology}
LOAD_SECONDS=${LOAD_SECONDS:-12}
KILL_AFTER=${KILL_AFTER:-4}
CONNECTIONS=${CONNECTIONS:-8}
USERS=${USERS:-40}
GATEWAY_PORT=${GATEWAY_PORT:-19080}
DB_NAME=${DB_NAME:-eco2_topology}
PG_ADMIN=${PG_ADMIN:-postgres}
VHOST=${VHOST:-eco2_topology}
REDIS_DB=${REDIS_DB:-3}
GATEWAY="http://127.0.0.1:$GATEWAY_PORT"
export BENCH_PASSWORD=${BENCH_PASSWORD:-topology-Passw0rd}
export BENCH_PREFIX=${BENCH_PREFIX:-topo_u}
export BENCH_EMAIL_DOMAIN=${BENCH_EMAIL_DOMAIN:-topology.eco2.test}

# name port jar: the processes of the topology
SERVICES=(
  "auth-1 19081 auth" "auth-2 19181 auth"
  "my-1 19082 my" "my-2 19182 my"
  "location-1 19083 location" "info-1 19084 info" "workers-1 19085 workers"
)
declare -A PIDS=()
NGINX_PID=""

log() { printf '[topology %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
  local rc=$?
  for name in "${!PIDS[@]}"; do kill -TERM "${PIDS[$name]}" 2>/dev/null || true; done
  if [[ -n $NGINX_PID ]]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java nginx wrk python3 psql rabbitmqctl curl; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
for jar in auth my location info workers; do
  [[ -f $REPO_DIR/$jar/target/$jar.jar ]] || die "$jar/target/$jar.jar is missing: run mvn -B -q -DskipTests install"
done
[[ -f $REPO_DIR/compose/target/eco2-dev.jar ]] || die "compose/target/eco2-dev.jar is missing"

for port in "$GATEWAY_PORT" 19081 19181 19082 19182 19083 19084 19085; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken: stop what listens there"; fi
done
rm -rf "$OUT" && mkdir -p "$OUT/nginx"

# --- a clean database, Redis index and broker vhost of our own ------------------------------------------------
log "fresh database $DB_NAME, Redis db $REDIS_DB, RabbitMQ vhost $VHOST"
psql -h 127.0.0.1 -U "$PG_ADMIN" -d postgres -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)" >/dev/null
redis-cli -n "$REDIS_DB" flushdb >/dev/null
rabbitmqctl -q delete_vhost "$VHOST" >/dev/null 2>&1 || true
rabbitmqctl -q add_vhost "$VHOST" >/dev/null
rabbitmqctl -q set_permissions -p "$VHOST" guest '.*' '.*' '.*' >/dev/null

COMMON_ENV=(
  ECO2_ENV=dev
  DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME"
  DB_BOOTSTRAP=false
  REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
  AMQP_URL="amqp://guest:guest@127.0.0.1:5672/$VHOST"
  JWKS_URL="$GATEWAY/api/v1/auth/.well-known/jwks.json"
  JWT_DEV_KEY_FILE="$OUT/jwt-signing-key.pem"
  MAILBOX_DIR="$OUT/mailbox"
  AVATAR_DIR="$OUT/avatars"
  RATE_LIMIT_ENABLED=false
  DB_POOL_SIZE=4
  SHUTDOWN_GRACE_SECONDS=20
)

# The compose stack's migrate step, as the admin: roles, schemas, every migration.
log "migrating every schema"
env "${COMMON_ENV[@]}" DB_BOOTSTRAP=true DB_ADMIN_USER="$PG_ADMIN" \
  java -cp "$REPO_DIR/compose/target/eco2-dev.jar" eco2.compose.MigrateAll >"$OUT/migrate.log" 2>&1 ||
  die "migration failed: see $OUT/migrate.log"

start_service() { # name port jar; a restarted process logs to a new file
  local log_file="$OUT/$1.log"
  [[ -e $log_file ]] && log_file="$OUT/$1.restarted.log"
  env "${COMMON_ENV[@]}" PORT="$2" java -Xmx256m -jar "$REPO_DIR/$3/target/$3.jar" >"$log_file" 2>&1 &
  PIDS[$1]=$!
}

await_ready() { # name port
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$2/ready" >/dev/null && return 0
    kill -0 "${PIDS[$1]}" 2>/dev/null || die "$1 exited: see $OUT/$1.log"
    sleep 0.5
  done
  die "$1 did not become ready: see $OUT/$1.log"
}

# --- the gateway: compose's routes, upstreams on local ports ------------------------------------------------
write_nginx_conf() {
  {
    echo "upstream eco2_auth     { server 127.0.0.1:19081; server 127.0.0.1:19181; }"
    echo "upstream eco2_my       { server 127.0.0.1:19082; server 127.0.0.1:19182; }"
    echo "upstream eco2_location { server 127.0.0.1:19083; }"
    echo "upstream eco2_info     { server 127.0.0.1:19084; }"
    echo "upstream eco2_workers  { server 127.0.0.1:19085; }"
  } >"$OUT/nginx/upstreams.conf"
  cat >"$OUT/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log $OUT/nginx/access.log;
  client_body_temp_path $OUT/nginx/body;
  proxy_temp_path $OUT/nginx/proxy;
  fastcgi_temp_path $OUT/nginx/fastcgi;
  uwsgi_temp_path $OUT/nginx/uwsgi;
  scgi_temp_path $OUT/nginx/scgi;
  include $REPO_DIR/compose/nginx/request-id.conf;
  include $OUT/nginx/upstreams.conf;
  server {
    listen 127.0.0.1:$GATEWAY_PORT;
    # The load generator plays many clients (login.lua's X-Forwarded-For) from one machine: take its word, as a
    # gateway behind a trusted load balancer would, so routes.conf forwards each simulated client's address
    # (routes.conf itself replaces the header with the peer's address, which would make every client one).
    set_real_ip_from 127.0.0.1;
    real_ip_header X-Forwarded-For;
    include $REPO_DIR/compose/nginx/routes.conf;
  }
}
EOF
}

log "starting auth-1 first (it creates the shared dev signing key), then the rest"
start_service auth-1 19081 auth
await_ready auth-1 19081
for entry in "${SERVICES[@]:1}"; do
  read -r name port jar <<<"$entry"
  start_service "$name" "$port" "$jar"
done
write_nginx_conf
nginx -t -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" >"$OUT/nginx/test.log" 2>&1 || die "nginx -t: $(cat "$OUT/nginx/test.log")"
nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" &
NGINX_PID=$!
for entry in "${SERVICES[@]}"; do
  read -r name port _ <<<"$entry"
  await_ready "$name" "$port"
done
log "all ${#SERVICES[@]} processes ready behind $GATEWAY"

# --- 1. the held flow through the gateway ---------------------------------------------------------------------
json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

name="topo_flow_$RANDOM"
user_id=$(curl -sf -XPOST "$GATEWAY/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$name@example.com\",\"username\":\"$name\",\"password\":\"$BENCH_PASSWORD\"}" |
  json "['id']") || die "register failed"
token=$(curl -sf -XPOST "$GATEWAY/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$name\",\"password\":\"$BENCH_PASSWORD\"}" | json "['access_token']")
profile=""
for _ in $(seq 1 100); do
  profile=$(curl -s "$GATEWAY/api/v1/users/me" -H "Authorization: Bearer $token")
  [[ $profile == *"\"user_id\":\"$user_id\""* ]] && break
  sleep 0.1
done
[[ $profile == *"\"user_id\":\"$user_id\""* ]] || die "my never showed the profile: $profile"
[[ $(status -XPOST "$GATEWAY/api/v1/auth/logout" -H "Authorization: Bearer $token") == 204 ]] || die "logout failed"
dead=0
for _ in 1 2 3 4; do # round-robin: both replicas of each service answer
  [[ $(status "$GATEWAY/api/v1/auth/me" -H "Authorization: Bearer $token") == 401 ]] && dead=$((dead + 1))
  [[ $(status "$GATEWAY/api/v1/users/me" -H "Authorization: Bearer $token") == 401 ]] && dead=$((dead + 1))
done
((dead == 8)) || die "the logged-out token still worked somewhere ($dead/8 calls refused)"
log "flow ok: register -> login -> profile via event -> logout -> token dead on every replica"

# --- 2. sign-ins under load while an auth replica dies ----------------------------------------------------------
log "seeding $USERS users for the load"
for n in $(seq 1 "$USERS"); do
  email=$(printf '%s%04d@%s' "$BENCH_PREFIX" "$n" "$BENCH_EMAIL_DOMAIN")
  curl -s -o /dev/null -XPOST "$GATEWAY/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"username\":\"$(printf '%s%04d' "$BENCH_PREFIX" "$n")\",\"password\":\"$BENCH_PASSWORD\"}"
done

load_with_kill() { # signal; leaves its summary in $OUT/summary-<signal>.txt
  local out="$OUT/wrk-$1.txt"
  BENCH_USERS=$USERS wrk -t2 -c"$CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 10s \
    -s "$BENCH_DIR/lua/login.lua" "$GATEWAY/api/v1/auth/login" >"$out" 2>&1 &
  local wrk_pid=$!
  sleep "$KILL_AFTER"
  log "SIG$1 to auth-2 (pid ${PIDS[auth-2]}) under load"
  local started=$SECONDS
  kill -"$1" "${PIDS[auth-2]}"
  wait "${PIDS[auth-2]}" 2>/dev/null && exit_code=0 || exit_code=$?
  log "auth-2 gone after $((SECONDS - started)) s, exit status $exit_code"
  unset 'PIDS[auth-2]'
  wait "$wrk_pid"
  python3 - "$out" "$1" "$exit_code" >"$OUT/summary-$1.txt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
for line in text.splitlines():
    if line.startswith("BENCH_RESULT"):
        f = dict(kv.split("=", 1) for kv in line.split()[1:])
        failed = sum(int(f[k]) for k in ("http_errors", "connect_errors", "read_errors", "write_errors", "timeouts"))
        print(f"SIG{sys.argv[2]}: {f['requests']} sign-ins, {failed} failed, exit status {sys.argv[3]}, "
              f"p99 {float(f['p99_ms']):.0f} ms")
        break
else:
    sys.exit("no BENCH_RESULT in " + sys.argv[1])
EOF
}

load_with_kill TERM
term_line=$(cat "$OUT/summary-TERM.txt")
log "$term_line"
log "restarting auth-2"
start_service auth-2 19181 auth
await_ready auth-2 19181
load_with_kill KILL
kill_line=$(cat "$OUT/summary-KILL.txt")
log "$kill_line"

echo "topology: 7 processes behind nginx; flow ok; $term_line; $kill_line"
