#!/usr/bin/env bash
# Times the TinyViT training step of `anneal bench` side by side with the PyTorch reference, alternating who goes
# first each round, and prints each round's median ms/step and the median of the per-round ratios.
# A third column times anneal on MKL's default kernel path (ANNEAL_MKL_AVX512=0; see docs/kernels.md).
#
# The PyTorch peer runs with its best kernels on this kind of CPU: Debian's PyTorch computes with OpenBLAS, which the
# development machine's environment pins to AVX2 (OPENBLAS_CORETYPE=Haswell); for this comparison only, the peer runs
# with OPENBLAS_CORETYPE=SkylakeX (AVX-512) and OPENBLAS_L2_SIZE unset. Nothing else sets these.
#
# Usage: scripts/bench-vs-pytorch.sh [ROUNDS=3] [THREADS=2] [BATCH=128] [STEPS=40]
# Env:   PYTORCH_REFERENCE (default ../shared/reference/tinyvit_torch.py next to the repo, else /work/shared/...)
set -euo pipefail

rounds=${1:-3}
threads=${2:-2}
batch=${3:-128}
steps=${4:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
reference=${PYTORCH_REFERENCE:-$root/../shared/reference/tinyvit_torch.py}
[[ -f $reference ]] || reference=/work/shared/reference/tinyvit_torch.py

dotnet build "$root/src/Client/Anneal.Client.csproj" -c Release -v q -nologo >/dev/null
anneal=$root/src/Client/bin/Release/net10.0/linux-x64/anneal

median_ms() { sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p'; }
pytorch() { env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 "$reference" --steps "$steps" --threads "$threads" --batch "$batch" | median_ms; }
anneal_tuned() { "$anneal" bench --steps "$steps" --threads "$threads" --batch "$batch" 2>/dev/null | median_ms; }
anneal_mkl_default() { ANNEAL_MKL_AVX512=0 "$anneal" bench --steps "$steps" --threads "$threads" --batch "$batch" 2>/dev/null | median_ms; }

echo "threads=$threads batch=$batch steps=$steps rounds=$rounds load=$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %12s %12s %16s %8s %14s\n' round pytorch_ms anneal_ms anneal_mkldefault anneal/pt mkldefault/pt
ratios=(); plain_ratios=()
for ((r = 1; r <= rounds; r++)); do
    if ((r % 2 == 1)); then
        pt=$(pytorch); an=$(anneal_tuned); nm=$(anneal_mkl_default)
    else
        nm=$(anneal_mkl_default); an=$(anneal_tuned); pt=$(pytorch)
    fi
    ratio=$(awk -v a="$an" -v p="$pt" 'BEGIN { printf "%.3f", a / p }')
    plain=$(awk -v a="$nm" -v p="$pt" 'BEGIN { printf "%.3f", a / p }')
    ratios+=("$ratio"); plain_ratios+=("$plain")
    printf '%-6s %12s %12s %16s %8s %14s\n' "$r" "$pt" "$an" "$nm" "$ratio" "$plain"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "median ratio anneal/pytorch: $(median "${ratios[@]}")  (MKL default path: $(median "${plain_ratios[@]}"))"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
