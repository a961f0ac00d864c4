#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60): Fuzz/run-all.sh [SECONDS]
cd "$(dirname "$0")/.."
failed=0
for target in header signal record annotation hdf5 csv; do
    Fuzz/run.sh "$target" "${1:-60}" || failed=1
done
exit $failed
