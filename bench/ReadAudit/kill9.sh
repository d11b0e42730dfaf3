#!/usr/bin/env bash
# The kill -9 experiment of docs/benchmarks/read-audit.md: a real `stayline serve` on a demo database, several
# clients reading people through the API as fast as curl allows, the server killed with SIGKILL mid-load; then
# every read the clients were served (HTTP 200) is looked up in the audit log. Prints served, audited, missing.
# Usage: bench/ReadAudit/kill9.sh [seconds of load, default 8] [clients, default 8]
# Loopback only; every loop stops by itself (stop file, then a cap of 100,000 requests per client).
set -euo pipefail
export LC_ALL=C
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-8}"
clients="${2:-8}"
dir="$(mktemp -d -t stayline-kill9-XXXXXX)"
server=""
cleanup() {
  touch "$dir/stop"
  if [ -n "$server" ]; then kill -9 "$server" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
db="$dir/stayline.db"
st() { "$root/stayline" "$@" --db "$db"; }

st demo --people 2000 >/dev/null
echo "kill9-password-1234" | st user add --email reader@kill9.test --role viewer >/dev/null
token="$(st token create --email reader@kill9.test | tail -n 1)"
people="$(sqlite3 "$db" 'SELECT max("Id") FROM people')"
port=$((20000 + RANDOM % 20000))
dotnet "$root/artifacts/app/stayline.dll" serve --db "$db" --urls "http://127.0.0.1:$port" >"$dir/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
before="$(sqlite3 "$db" "SELECT count(*) FROM audit_events WHERE \"Action\" = 'view'")"

for c in $(seq 1 "$clients"); do
  (
    for i in $(seq 1 100000); do
      [ -e "$dir/stop" ] && break
      id=$(( (RANDOM * 32768 + RANDOM) % people + 1 ))
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/people/$id" || true)
      echo "$code $id"
    done >"$dir/client$c.log"
  ) &
done

sleep "$seconds"
kill -9 "$server"
server=""
sleep 1
touch "$dir/stop"
wait

# SQLite journals reads beside the database (ADR 0007): what the killed server had not yet moved is moved by the
# next start. Start it again, let it move the journal, stop it.
left="$(ls "$db-reads" 2>/dev/null | wc -l)"
dotnet "$root/artifacts/app/stayline.dll" serve --db "$db" --urls "http://127.0.0.1:$port" >"$dir/serve2.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2
kill -TERM "$server"
wait "$server" 2>/dev/null || true
server=""

cat "$dir"/client*.log | awk '$1 == 200 { print $2 }' | sort | uniq -c | awk '{ print $2, $1 }' | sort >"$dir/served.txt"
sqlite3 "$db" "SELECT \"PersonId\", count(*) FROM audit_events WHERE \"Action\" = 'view' AND \"After\" LIKE 'GET /api/v1/people/%' GROUP BY \"PersonId\"" \
  | tr '|' ' ' | sort >"$dir/audited.txt"
served=$(awk '{ s += $2 } END { print s + 0 }' "$dir/served.txt")
audited=$(awk '{ s += $2 } END { print s + 0 }' "$dir/audited.txt")
# A served read is missing when its person has fewer audit rows than times they were served.
missing=$(join -a 1 -e 0 -o 0,1.2,2.2 "$dir/served.txt" "$dir/audited.txt" | awk '$2 > $3 { m += $2 - $3 } END { print m + 0 }')
echo "load ${seconds}s, ${clients} clients; audit rows before the load: $before"
echo "journal segments left by the killed server (moved by the restart): $left"
echo "served reads (HTTP 200): $served"
echo "audit rows for API reads: $audited"
echo "served reads without an audit row: $missing"
