#!/usr/bin/env bash
# Adds up the counters of every .trx file in a folder and prints "Tests: N passed, N failed, N skipped".
set -euo pipefail
passed=0 failed=0 skipped=0
for trx in "$1"/*.trx; do
    [ -e "$trx" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + $(value notExecuted)))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
