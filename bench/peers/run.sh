#!/usr/bin/env bash
# The peers side by side: installs SUNDIALS (libsundials-dev) and SciPy (python3-scipy) from
# Debian if missing (they are for this benchmark only; the tests need neither), builds
# build/release with the CVODE peer, then prints:
#   1. cvode_peer: myoflux's steppers and CVODE BDF (dense, band, KLU) with the exact Jacobian,
#      each at the loosest tolerance meeting the accuracy bar, CPU ms per run (medians);
#   2. callgrind instruction counts per 10-week run, for myoflux's recommended solver and CVODE
#      (exact, unlike times on a shared machine);
#   3. scipy_peer.py: SciPy solve_ivp LSODA and BDF through myoflux.equations.
# Usage: bench/peers/run.sh [BUILD_DIR]     (about 5 minutes on 2 cores after the build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build=${1:-build/release}
missing=()
for pkg in libsundials-dev python3-scipy valgrind; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}"
fi
cmake --preset release > /dev/null
cmake --build "$build" --target cvode_peer _core

echo "## myoflux and CVODE (CPU time, medians)"
"$build/bench/peers/cvode_peer"

echo
echo "## Instructions per 10-week run (callgrind: runs of 3 minus runs of 1, halved)"
plan=scenarios/hiit_4x4_brief.yaml
count() {  # a part of the solver's name; each at its tolerance meeting the bar
  local one three
  valgrind --tool=callgrind --callgrind-out-file=/tmp/peer_cg1.out "$build/bench/peers/cvode_peer" --once "$1" "$plan" 1 > /dev/null 2>&1
  valgrind --tool=callgrind --callgrind-out-file=/tmp/peer_cg3.out "$build/bench/peers/cvode_peer" --once "$1" "$plan" 3 > /dev/null 2>&1
  one=$(callgrind_annotate /tmp/peer_cg1.out | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  three=$(callgrind_annotate /tmp/peer_cg3.out | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  echo $(( (three - one) / 2 ))
}
ours=$(count recommended)
cvode=$(count KLU)
dense=$(count "dense LU")
echo "| solver | instructions per run | vs recommended |"
echo "|---|---:|---:|"
echo "| myoflux recommended | $ours | 1x |"
awk -v o="$ours" -v c="$cvode" -v d="$dense" 'BEGIN {
  printf "| CVODE BDF, KLU, exact J | %d | %.1fx |\n", c, c / o
  printf "| CVODE BDF, dense LU, exact J | %d | %.1fx |\n", d, d / o }'

echo
echo "## SciPy solve_ivp through myoflux.equations"
PYTHONPATH="$build/python" /usr/bin/python3 bench/peers/scipy_peer.py hiit_4x4_brief.yaml \
  tests/engine/sweep/data/one_day.yaml
