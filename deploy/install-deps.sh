#!/usr/bin/env bash
# Installs every Debian 12 package Cadre needs to build, test and run. Idempotent: packages already
# present are skipped, and apt is not touched at all when nothing is missing. Run as root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake g++ git pkg-config clang-format
  # core
  libsqlite3-dev sqlite3 libssl-dev nlohmann-json3-dev
  # tests and reference data
  googletest libgtest-dev libgmock-dev iso-codes python3
  # server (issue 3)
  libcpprest-dev libboost-system-dev openssl
  # Qt Quick client (issue 4): Qt 6.4 with Quick Controls, Quick Test, Linguist, offscreen platform
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins libgl-dev libvulkan-dev fonts-dejavu-core
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtquick-dialogs
  qml6-module-qtqml-workerscript qml6-module-qtquick-shapes qml6-module-qttest
  qml6-module-qt-labs-settings qml6-module-qt-labs-platform qml6-module-qtcore
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing ${missing[*]}; run as root (or with sudo)" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
