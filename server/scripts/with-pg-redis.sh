#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster and a throwaway redis-server (Debian's packages
# postgresql and redis-server), both on free loopback ports in a temporary directory, with
#   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres   REDIS_URL=redis://127.0.0.1:PORT
# set; stops both and removes the directory afterwards, whatever the command did. Exits with its status.
#   bash server/scripts/with-pg-redis.sh npm run test:pg-inner
# As root, PostgreSQL runs as the "postgres" user (initdb refuses root), or as "nobody" without one.
set -euo pipefail
if [ $# -eq 0 ]; then echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then echo "with-pg-redis: PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 1; fi
command -v redis-server >/dev/null || { echo "with-pg-redis: redis-server not installed (apt-get install redis-server)" >&2; exit 1; }
command -v redis-cli >/dev/null || { echo "with-pg-redis: redis-cli not installed (apt-get install redis-tools)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pikku-pg-redis.XXXXXX")
chmod 755 "$tmp"
mkdir -p "$tmp/pg" "$tmp/sock" "$tmp/redis"
as_pg=()
if [ "$(id -u)" = 0 ]; then
  pguser=postgres; getent passwd postgres >/dev/null || pguser=nobody
  chown "$pguser" "$tmp/pg" "$tmp/sock"
  as_pg=(runuser -u "$pguser" --)
fi

# Two loopback ports that were free a moment ago (the servers fail loudly if one was taken since).
read -r pgport redisport < <(node -e '
const net = require("node:net");
const one = () => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
(async () => { let a = await one(), b = await one(); while (b === a) b = await one(); console.log(a, b); })();')

pg_started=0; redis_started=0
cleanup() {
  rc=$?
  if [ "$redis_started" = 1 ]; then redis-cli -h 127.0.0.1 -p "$redisport" shutdown nosave >/dev/null 2>&1 || true; fi
  if [ "$pg_started" = 1 ]; then "${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/pg" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"${as_pg[@]}" "$pgbin/initdb" -D "$tmp/pg" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
# A test cluster: loopback only, socket in the temp dir, durability off (thrown away anyway).
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/pg" -l "$tmp/sock/pg.log" -w -t 30 start \
  -o "-p $pgport -k $tmp/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$tmp/sock/pg.log" >&2; exit 1; }
pg_started=1

redis-server --port "$redisport" --bind 127.0.0.1 --dir "$tmp/redis" --save "" --appendonly no \
  --daemonize yes --pidfile "$tmp/redis/redis.pid" --logfile "$tmp/redis/redis.log"
redis_started=1
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$redisport" ping 2>/dev/null | grep -q PONG && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$redisport" ping 2>/dev/null | grep -q PONG || { cat "$tmp/redis/redis.log" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/postgres"
export REDIS_URL="redis://127.0.0.1:$redisport"
echo "with-pg-redis: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on $pgport, redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') on $redisport" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
