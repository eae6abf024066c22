#!/usr/bin/env bash
# Fuzzing campaign (issue 15, docs/reliability.md): builds the libFuzzer targets with clang
# (build/fuzz, every library instrumented, ASan+UBSan) and runs each for SECONDS (default 600)
# on the committed corpus, merging new inputs into a scratch corpus. Crashes are written to
# WORK/crashes/<target>/; for the result reader they are mostly libhdf5's own (see
# tests/fuzz/fuzz_result_reader.cpp), which `myoflux info` survives by reading in a child: copy
# them into tests/fuzz/corpus/hdf5_crashers so the tests replay them through `myoflux info`.
#   bench/reliability/fuzz_campaign.sh [SECONDS] [WORK]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-600}
work=${2:-/tmp/myoflux_fuzz_campaign}
mkdir -p "$work"

CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DMYOFLUX_FUZZ=ON -DMYOFLUX_PYTHON=OFF \
  -DMYOFLUX_MPI=OFF -DMYOFLUX_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$work/configure.log"
cmake --build build/fuzz --target fuzz_scenario_loader fuzz_sweep_spec fuzz_result_reader

run_target() {  # name corpus max_len [extra libFuzzer flags]
  local name=$1 corpus=$2 max_len=$3
  shift 3
  local new="$work/corpus/$name" crashes="$work/crashes/$name"
  mkdir -p "$new" "$crashes"
  echo "== $name: ${seconds} s on tests/fuzz/corpus/$corpus"
  # -fork=1 -ignore_crashes=1: a crash is saved and the campaign goes on (libhdf5 crashes often).
  build/fuzz/tests/fuzz/"$name" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -artifact_prefix="$crashes/" "$@" "$new" "tests/fuzz/corpus/$corpus" \
    > "$work/$name.log" 2>&1 || true
  # The last progress line: "#EXECS: cov: ... exec/s RATE ..." (fork mode prints no colon after exec/s).
  local progress
  progress=$(grep -oE '^#[0-9]+: cov: [0-9]+ .*exec/s:? [0-9]+' "$work/$name.log" | tail -1 |
             sed -E 's/^#([0-9]+): cov: ([0-9]+) .*exec\/s:? ([0-9]+)/\1 runs, coverage \2, last rate \3 exec\/s/' || true)
  echo "   $(grep -c '' <(ls "$new")) inputs in the new corpus, $(ls "$crashes" | wc -l) crashes, $progress"
  echo "   log: $work/$name.log"
}

run_target fuzz_scenario_loader scenario 4096 -dict=tests/fuzz/scenario.dict
run_target fuzz_sweep_spec sweep_spec 8192 -dict=tests/fuzz/scenario.dict
run_target fuzz_result_reader hdf5 300000
