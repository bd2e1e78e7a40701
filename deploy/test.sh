#!/usr/bin/env bash
# Installs what Cadre needs, builds it (CI preset: optimised, warnings as errors) and runs every
# test with ctest. This is the README's test command and what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/install-deps.sh
preset=${CADRE_TEST_PRESET:-ci}
cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset"
