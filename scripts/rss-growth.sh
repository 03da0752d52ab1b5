#!/usr/bin/env bash
# Resident memory of one training process sampled every 1,000 steps up to 10,000 (no native tensor leak means the
# 10,000-step figure stays within 10% of the 1,000-step one). Small batch on synthetic data keeps it to minutes.
#
# Usage: scripts/rss-growth.sh [STEPS=10000] [BATCH=4] [THREADS=1]
set -euo pipefail
steps=${1:-10000}
batch=${2:-4}
threads=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/src/Client/Anneal.Client.csproj" -c Release -v q -nologo >/dev/null
"$root/src/Client/bin/Release/net10.0/linux-x64/anneal" bench --steps "$steps" --warmup 0 --batch "$batch" --threads "$threads" \
    --rss-every 1000 --json 2>/dev/null \
  | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
samples = {s["step"]: s["rssMb"] for s in r["rssSamples"]}
for step, mb in sorted(samples.items()):
    print(f"step {step:>6}: rss {mb:8.1f} MB")
first, last = samples[min(samples)], samples[max(samples)]
growth = 100 * (last - first) / first
print("growth from step %d to %d: %+.2f%%  (median %.2f ms/step, batch %d, peak %.0f MB)" % (min(samples), max(samples), growth, r["medianMs"], r["batchSize"], r["peakRssMb"]))
'
