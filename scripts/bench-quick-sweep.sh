#!/usr/bin/env bash
# Trains the same sweep twice with `anneal sweep start --local`, back to back, and prints both wall times and their
# ratio: first the old configuration (one slot with 2 torch threads, MKL's default kernel path), then today's default
# (one slot per core with one thread each, MKL's AVX-512 kernels where the CPU has them). See docs/performance.md.
#
# Usage: scripts/bench-quick-sweep.sh [SWEEP ARGS...]
#   default SWEEP ARGS: --preset quick   (the README's main command; about 7-14 minutes per configuration on 2 cores)
#   e.g.   scripts/bench-quick-sweep.sh -f my-small-sweep.json --dataset synthetic
# Env: ANNEAL (the anneal executable; default: build src/Client in Release and use its output).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sweep=("$@")
((${#sweep[@]})) || sweep=(--preset quick)
if [[ -z ${ANNEAL:-} ]]; then
    dotnet build "$root/src/Client/Anneal.Client.csproj" -c Release -v q -nologo >/dev/null
    ANNEAL=$root/src/Client/bin/Release/net10.0/linux-x64/anneal
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/anneal-bench-quick-sweep.XXXXXX")

# timed_sweep NAME ENV_ARG [SWEEP START OPTIONS...]: prints the seconds `anneal sweep start --local` took; its own
# output goes to $out/NAME.log.
timed_sweep() {
    local name=$1 environment=$2; shift 2
    local start end
    start=$(date +%s.%N)
    if ! env $environment "$ANNEAL" sweep start --local "${sweep[@]}" "$@" --out "$out/$name" >"$out/$name.log" 2>&1; then
        echo "the $name configuration failed; see $out/$name.log" >&2
        tail -n 5 "$out/$name.log" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }'
}

echo "sweep: ${sweep[*]}   cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)"
old=$(timed_sweep old ANNEAL_MKL_AVX512=0 --slots 1 --threads 2)
echo "old configuration (1 slot x 2 threads, MKL default path): ${old} s"
new=$(timed_sweep new "-u ANNEAL_MKL_AVX512")
echo "new default (1 slot per core x 1 thread, MKL kernels by CPU): ${new} s"
echo "ratio new/old: $(awk -v n="$new" -v o="$old" 'BEGIN { printf "%.3f", n / o }')   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "reports and logs: $out"
