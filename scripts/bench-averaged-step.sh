#!/usr/bin/env bash
# Times the training step of the averaged and schedule-free variants against a plain one, interleaved: each round
# runs `anneal bench` for constant, ema-0.999 and sf-ema in turn (rotating who goes first), and prints each round's
# median ms/step and the ratios to constant, then the median ratio over the rounds. See docs/performance.md.
#
# Usage: scripts/bench-averaged-step.sh [ROUNDS=5] [THREADS=1] [STEPS=40]
# Env: ANNEAL (the anneal executable; default: build src/Client in Release and use its output).
set -euo pipefail

rounds=${1:-5}
threads=${2:-1}
steps=${3:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z ${ANNEAL:-} ]]; then
    dotnet build "$root/src/Client/Anneal.Client.csproj" -c Release -v q -nologo >/dev/null
    ANNEAL=$root/src/Client/bin/Release/net10.0/linux-x64/anneal
fi

step_ms() { "$ANNEAL" bench --variant "$1" --steps "$steps" --threads "$threads" 2>/dev/null | sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

variants=(constant ema-0.999 sf-ema)
echo "threads=$threads steps=$steps rounds=$rounds load=$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %12s %12s %12s %10s %10s\n' round constant_ms ema_ms sf_ema_ms ema/const sf/const
ema_ratios=(); sf_ratios=()
for ((r = 0; r < rounds; r++)); do
    declare -A ms=()
    for ((i = 0; i < ${#variants[@]}; i++)); do
        variant=${variants[$(((i + r) % ${#variants[@]}))]}
        ms[$variant]=$(step_ms "$variant")
    done
    ema=$(awk -v a="${ms[ema-0.999]}" -v c="${ms[constant]}" 'BEGIN { printf "%.3f", a / c }')
    sf=$(awk -v a="${ms[sf-ema]}" -v c="${ms[constant]}" 'BEGIN { printf "%.3f", a / c }')
    ema_ratios+=("$ema"); sf_ratios+=("$sf")
    printf '%-6s %12s %12s %12s %10s %10s\n' $((r + 1)) "${ms[constant]}" "${ms[ema-0.999]}" "${ms[sf-ema]}" "$ema" "$sf"
    unset ms
done
echo "median ratio ema-0.999/constant: $(median "${ema_ratios[@]}")  sf-ema/constant: $(median "${sf_ratios[@]}")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
