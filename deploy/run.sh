#!/usr/bin/env bash
# Installs what Cadre needs, builds it, and runs the system on this machine: cadre-server on the
# embedded SQLite repository (./cadre-data/cadre.db) over HTTPS, with demo accounts and data on
# first run, and — where there is a display — the field client `cadre` signed in to it as a demo
# expert. Without a display the server runs alone, in the foreground, and this prints how to
# connect a client from another machine. Stop with Ctrl-C; run again to go on with the same data.
#
# Settings (environment): CADRE_DATA_DIR (cadre-data), CADRE_HOST (127.0.0.1; 0.0.0.0 lets other
# machines in), CADRE_PORT (8443), CADRE_DEMO_USER (amina; also luc, fatou, hq.reviewer, admin).
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/install-deps.sh
cmake --preset release
targets=(cadre-server cadre-sync cadre_demo)
# The field client, once its target is part of the build.
# (The list is read whole first: grep -q stopping early would give make a SIGPIPE, and pipefail
# would then read that as "no client".)
build_targets=$(cmake --build --preset release --target help)
if grep -qE '^\.\.\. cadre( |$)' <<<"$build_targets"; then
  targets+=(cadre)
fi
cmake --build --preset release --target "${targets[@]}"

data=${CADRE_DATA_DIR:-cadre-data}
host=${CADRE_HOST:-127.0.0.1}
port=${CADRE_PORT:-8443}
user=${CADRE_DEMO_USER:-amina}
server=build/release/server/cadre-server
client=build/release/client/cadre
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
password_file="$data/demo-password"
if [ ! -f "$password_file" ]; then
  (umask 077 && echo "cadre-demo-2026" >"$password_file")
fi

# The address a client on this machine uses (a wildcard bind is reached through loopback).
case "$host" in
  0.0.0.0 | :: | "[::]") local_host=127.0.0.1 ;;
  *) local_host=$host ;;
esac
url="https://$local_host:$port"
fingerprint=$(openssl x509 -in "$data/server.pem" -noout -fingerprint -sha256 2>/dev/null |
  sed 's/^.*=//') || fingerprint="(openssl x509 -in $data/server.pem -noout -fingerprint -sha256)"
serve=("$server" serve --data "$data" --host "$host" --port "$port"
  --cert "$data/server.pem" --key "$data/server.key")

cat <<EOT
== cadre-server on https://$host:$port (repository $data/cadre.db)
   Accounts: hq.reviewer, admin, amina, luc (experts), fatou (trainer); password cadre-demo-2026
   Try:  curl --cacert $data/server.pem $url/health
EOT

if [ -x "$client" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  # The server in the background (its request log in $data/server.log), the client in front.
  "${serve[@]}" >"$data/server.out" 2>>"$data/server.log" &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
  trap 'exit 130' INT TERM
  for _ in $(seq 1 300); do
    grep -q "listening on" "$data/server.out" 2>/dev/null && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "cadre-server stopped at start; its log:" >&2
      tail -n 20 "$data/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "== the field client, signed in as $user (its data in $data/client-$user)"
  "$client" --data "$data/client-$user" --server "$url" --ca "$(realpath "$data/server.pem")" \
    --user "$user" --password-file "$password_file" ||
    echo "== the client ended with status $?"
  echo "== the client is closed; cadre-server still runs on $url — Ctrl-C to stop it"
  wait "$server_pid"
  exit $?
fi

if [ -x "$client" ]; then
  echo "== No display here (\$DISPLAY and \$WAYLAND_DISPLAY are empty): the field client cannot"
  echo "   open a window on this machine. The server runs on its own in the foreground."
else
  echo "== The field client is not built yet: the server runs on its own in the foreground."
fi
if [ "$host" = "127.0.0.1" ] || [ "$host" = "localhost" ] || [ "$host" = "::1" ]; then
  reach="   It listens on loopback only: to let other machines in, run  CADRE_HOST=0.0.0.0 bash deploy/run.sh"
else
  reach="   Other machines reach it at https://$(hostname):$port"
fi
cat <<EOT
== To connect a client from another machine
$reach
   Server certificate (copy it to the device): $(realpath "$data/server.pem")
   Its SHA-256 fingerprint (to check, or to pin instead of the file): $fingerprint
   Field client:  cadre --server https://$(hostname):$port --ca server.pem --user $user --password-file FILE
                  (or the sign-in page: server address, "The server uses its own certificate", the file
                  or the fingerprint above, username and password)
   Headless:      cadre-sync login --replica device.db --server https://$(hostname):$port --ca server.pem --username $user
EOT
exec "${serve[@]}"
