#!/usr/bin/env bash
# Runs every Anneal test and ends with one summary line: "Tests: N passed, N failed, N skipped".
# The tests use real servers and data from Debian's packages (redis-server, prometheus, kubectl,
# dataset-fashion-mnist); as root on Debian they are installed when missing, otherwise this says what to install.
set -euo pipefail
cd "$(dirname "$0")"

scripts/ensure-test-dependencies.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
# One test project at a time: the cluster tests kill and freeze silos on a 2-core machine, and
# sharing the cores with a training test of another project only makes their timings noisier.
dotnet test Anneal.slnx -c Release -m:1 --logger "trx" --results-directory "$results" "$@" || status=$?

scripts/summarize-trx.sh "$results"
exit $status
