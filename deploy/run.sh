#!/usr/bin/env bash
# Installs what Cadre needs, builds it and runs what the system has so far: the offline-sync
# demonstration (devices and a central repository, on real SQLite files under ./cadre-data).
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/install-deps.sh
cmake --preset release
cmake --build --preset release --target cadre_demo
exec build/release/tools/cadre_demo --data-dir "${CADRE_DATA_DIR:-cadre-data}" "$@"
