#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages listed in tools/debian-packages.txt that are not yet installed:
# all of them (what every test needs), or with --main only those marked "main" (what the main job
# needs: the program and its figure). Safe to run again: when nothing is missing it does nothing.
# Works as root, or through sudo.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list="$here/debian-packages.txt"

case "${1:-}" in
  "") tag="" ;;
  --main) tag="main" ;;
  *) echo "usage: $0 [--main]   (--main: only the packages the main job needs)" >&2; exit 2 ;;
esac

# Each line: a package name, then optional tags; '#' starts a comment.
mapfile -t wanted < <(sed -e 's/#.*//' "$list" |
                      awk -v tag="$tag" 'NF && (tag == "" || index(" " $0 " ", " " tag " ")) {print $1}')

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "bootstrap: all ${#wanted[@]} packages already installed"
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "bootstrap: these packages are missing and I am neither root nor able to use sudo:" >&2
  echo "  ${missing[*]}" >&2
  echo "Ask an administrator to run: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "bootstrap: installing ${#missing[@]} missing packages: ${missing[*]}"
apt_opts=(-o DPkg::Lock::Timeout=600 -y --no-install-recommends)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
"${as_root[@]}" apt-get install "${apt_opts[@]}" -qq "${missing[@]}"
echo "bootstrap: done"
