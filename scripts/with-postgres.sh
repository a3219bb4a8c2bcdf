#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server on 127.0.0.1, then stops and removes it.
#   scripts/with-postgres.sh npx vitest run packages/store
# The server's binaries come from Debian's PostgreSQL (/usr/lib/postgresql/<version>/bin).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
# A free port unless one is given: several suites (or sessions) may run side by side.
PGPORT=${PGPORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
PGTMP=$(mktemp -d)
run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
cleanup() {
  run_as_postgres "$PGBIN/pg_ctl -D $PGTMP/data -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGTMP"
run_as_postgres "$PGBIN/initdb -D $PGTMP/data -U postgres -A trust -E UTF8 --no-sync" >/dev/null
run_as_postgres "$PGBIN/pg_ctl -D $PGTMP/data -l $PGTMP/server.log -w -t 30 -o \"-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
"$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres compact
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/compact"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') at $DATABASE_URL"
"$@"
