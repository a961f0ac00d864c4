#!/usr/bin/env bash
# Runs one fuzz target for a fixed time: Fuzz/run.sh TARGET SECONDS
# Targets: header signal record annotation hdf5 csv. Builds the target (Fuzz/build.sh), seeds its
# corpus (Fuzz/seeds.sh), runs libFuzzer, and prints one summary line:
#   TARGET: N iterations in S s, C crashes (artifacts in .build/fuzz/artifacts/TARGET)
# A crash artifact becomes a regression test in Tests/HostileInputTests.
set -uo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Fuzz/run.sh TARGET SECONDS}"
seconds="${2:-60}"
binary=$(Fuzz/build.sh "$target" 2> >(grep -v "Cannot export local symbol" >&2)) || exit 1
corpus=$(Fuzz/seeds.sh "$target") || exit 1
artifacts=.build/fuzz/artifacts/$target/
mkdir -p "$artifacts"
log=.build/fuzz/$target.log
# -rss_limit_mb / -timeout: memory exhaustion and hangs count as failures too.
ASAN_OPTIONS=detect_leaks=0 "$binary" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -max_len=8192 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1
status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
crashes=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
echo "$target: ${runs:-?} iterations in $seconds s, exit $status, $crashes crash/timeout/oom artifacts (log $log, artifacts $artifacts)"
[[ $status -eq 0 ]]
