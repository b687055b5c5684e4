#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages SIRT Desktop needs, skipping any already present.
#   --runtime : what Qt needs to show a window (default)
#   --test    : also what the test suite and CI use (Xvfb, poppler, desktop-file/appstream
#               validators, CUPS with a PDF printer, a PostgreSQL server for the shared-helpline
#               test; installing postgresql does not start a server; locales, whose
#               localedef compiles a Welsh locale for the locale-free dates test)
#   --dist    : what make dist and make dist-check use: readelf and dpkg-shlibdeps, the
#               libraries of the optional parts (so their Recommends can be worked out),
#               debootstrap for the bare-machine check, Xvfb and xdotool for its window,
#               poppler for its PDF checks, lintian, and icoutils to check the .ico
# Uses sudo when not root. Does nothing on systems without apt-get (install the
# equivalents with your package manager).
set -euo pipefail

RUNTIME=(libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
         libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
         libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-render0 libxcb-randr0
         libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-util1 libx11-xcb1 libpulse0
         fontconfig python3-venv)
TEST=(xvfb xauth xdotool poppler-utils desktop-file-utils appstream cups printer-driver-cups-pdf
      cups-client postgresql locales)
DIST=(mount binutils dpkg-dev zstd libspeechd2 libwayland-client0 libwayland-cursor0 debootstrap
      xvfb xdotool x11-utils poppler-utils lintian icoutils)

want=("${RUNTIME[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${TEST[@]}"); fi
if [[ "${1:-}" == "--dist" ]]; then want+=("${DIST[@]}"); fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: no apt-get here; please install the equivalents of: ${want[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing system packages: ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
