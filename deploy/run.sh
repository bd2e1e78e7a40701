#!/usr/bin/env bash
# Installs what Cadre needs, builds it, and runs the system on this machine: cadre-server on the
# embedded SQLite repository (./cadre-data/cadre.db) over HTTPS, with demo accounts and data on
# first run. Stop it with Ctrl-C; run again to go on with the same data.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/install-deps.sh
cmake --preset release
cmake --build --preset release --target cadre-server cadre-sync cadre_demo

data=${CADRE_DATA_DIR:-cadre-data}
host=${CADRE_HOST:-127.0.0.1}
port=${CADRE_PORT:-8443}
server=build/release/server/cadre-server
mkdir -p "$data"

if [ ! -f "$data/server.pem" ]; then
  echo "== a self-signed certificate for this machine (devices trust $data/server.pem)"
  "$server" make-cert --cert "$data/server.pem" --key "$data/server.key" \
    --host localhost --host 127.0.0.1 --host ::1 --host "$(hostname)"
fi
if [ ! -f "$data/cadre.db" ]; then
  echo "== demo accounts and data"
  "$server" demo-data --data "$data"
fi

cat <<EOT
== cadre-server on https://$host:$port (repository $data/cadre.db)
   Accounts: hq.reviewer, admin, amina, luc (experts), fatou (trainer); password cadre-demo-2026
   Try:  curl --cacert $data/server.pem https://$host:$port/health
   A device signs in with POST /v1/login (docs/PROTOCOL.md); the SyncClient does it for the app.
EOT
exec "$server" serve --data "$data" --host "$host" --port "$port" \
  --cert "$data/server.pem" --key "$data/server.key"
