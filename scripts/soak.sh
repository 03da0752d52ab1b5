#!/usr/bin/env bash
# The soak of docs/performance.md ("Soak"): RUNS short runs (synthetic data, a few steps, checkpoints on) as one sweep
# through 2 silo processes on a real Redis (password, append-only file), then what the sweep left behind: runs
# completed and failed, checkpoint keys still in Redis, Redis memory retained per finished run, the silos' resident
# memory, and Redis memory after `anneal sweep delete` against where it started (PASS within 1 MB).
#
# Usage: scripts/soak.sh [RUNS=2000]
# Env:   ANNEAL_SKIP_BUILD=1   use the existing Release builds of src/Silo and src/Client
#        SOAK_STEPS=20         steps per run (a checkpoint every 10, the validator's least)
#        SOAK_TIMEOUT=SECONDS  give up waiting for the sweep after this long (default 600 + 10 per run)
# Everything it starts (redis-server, 2 silos) listens on 127.0.0.1 only and is stopped by process id on exit. The
# Redis password is made here, handed over in a config file (mode 0600) and environment variables, and never printed.
set -euo pipefail

runs=${1:-2000}
steps=${SOAK_STEPS:-20}
[[ $runs =~ ^[1-9][0-9]*$ ]] && ((runs <= 10000)) || { echo "soak: RUNS must be a whole number from 1 to 10000, got '$runs'" >&2; exit 2; }
[[ $steps =~ ^[1-9][0-9]*$ ]] && ((steps >= 10)) || { echo "soak: SOAK_STEPS must be a whole number of at least 10, got '$steps'" >&2; exit 2; }
timeout_s=${SOAK_TIMEOUT:-$((600 + 10 * runs))}
one_megabyte=$((1 << 20))

root=$(cd "$(dirname "$0")/.." && pwd)
silo_dir=$root/src/Silo/bin/Release/net10.0/linux-x64
anneal=$root/src/Client/bin/Release/net10.0/linux-x64/anneal
if [[ ${ANNEAL_SKIP_BUILD:-} != 1 ]]; then
    for project in src/Silo/Anneal.Silo.csproj src/Client/Anneal.Client.csproj; do
        dotnet build "$root/$project" -c Release -m:1 -v q -nologo >/dev/null
    done
fi
[[ -x $silo_dir/Anneal.Silo && -x $anneal ]] || { echo "soak: no Release build of src/Silo and src/Client (run without ANNEAL_SKIP_BUILD)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/anneal-soak.XXXXXX")
pids=()
# stop_all: the silos first (SIGTERM: they give their leases back and leave the membership table, which needs Redis
# still up), then Redis; whatever has not exited after 60 s gets SIGKILL.
stop_all() {
    local pid i
    for ((i = ${#pids[@]} - 1; i >= 1; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        pid=${pids[$i]}
        ((i > 0)) || kill "$pid" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    # The append-only file holds every checkpoint ever written until Redis rewrites it: gigabytes after a long soak.
    rm -rf "$work/redis"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
seconds_since() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }
fail() { echo "soak: $*" >&2; echo "logs: $work" >&2; exit 1; }

# wait_for SECONDS DESCRIPTION COMMAND...: runs COMMAND every second until it succeeds, or fails the soak.
wait_for() {
    local limit=$1 what=$2; shift 2
    local start=$SECONDS
    until "$@"; do
        ((SECONDS - start < limit)) || fail "$what did not happen within $limit s"
        sleep 1
    done
}

# Redis: a fresh server with a password and an append-only file, as the cluster tests run it.
redis_port=$(free_port)
password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
mkdir -m 700 "$work/redis"
(umask 077; cat >"$work/redis/redis.conf" <<EOF
bind 127.0.0.1
port $redis_port
requirepass $password
appendonly yes
save ""
dir $work/redis
logfile $work/redis.log
EOF
)
redis-server "$work/redis/redis.conf" >/dev/null 2>&1 &
pids+=($!)
export REDISCLI_AUTH=$password
rcli() { redis-cli -h 127.0.0.1 -p "$redis_port" --no-auth-warning "$@"; }
redis_up() { [[ $(rcli ping 2>/dev/null) == PONG ]]; }
wait_for 30 "redis-server answering on port $redis_port" redis_up

used_memory() { rcli info memory | tr -d '\r' | awk -F: '$1 == "used_memory" { print $2 }'; }
key_count() { rcli dbsize; }
# Keys the Redis checkpoint store writes (src/Silo/Checkpoints/RedisCheckpointStore.cs), service id "anneal"; the
# signing key is anneal:anneal:checkpoint-key, which the pattern does not match.
checkpoint_keys() { rcli --scan --pattern 'anneal:anneal:checkpoint:*' | wc -l; }
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# silos_lost: prints "silo N" for each silo process that has exited, with the reason Orleans gave when it stopped one.
silos_lost() {
    local i
    for i in 0 1; do
        kill -0 "${silo_pids[$i]}" 2>/dev/null && continue
        echo "silo $((i + 1)) exited: $(grep -m1 -o 'Reason: [^.]*' "$work/silo-$((i + 1)).log" || echo 'see its log')"
    done
}
# Runs each silo's slot trained to the end (the worker logs "finished (Accepted)").
trained_by() { grep -c 'finished (Accepted)' "$work/silo-$1.log" || true; }

# Silos: the flags of tests/Anneal.Silo.Tests/Infrastructure/SiloProcess.cs; the connection string (with its password)
# goes in the environment, not on a command line anyone can read in `ps`.
export ANNEAL_Anneal__Redis="127.0.0.1:$redis_port,password=$password"
export ANNEAL_REDIS=$ANNEAL_Anneal__Redis
silo_pids=()
http_ports=()
silos_start=$(now)
for i in 1 2; do
    http_port=$(free_port)
    (cd "$silo_dir" && Logging__Console__FormatterOptions__TimestampFormat='HH:mm:ss.fff ' exec ./Anneal.Silo --clustering redis --storage redis --checkpoints redis \
        --silo-port "$(free_port)" --gateway-port "$(free_port)" --http-port "$http_port" --advertise 127.0.0.1 \
        --slots 1 --threads 1 --device cpu) >"$work/silo-$i.log" 2>&1 &
    pids+=($!)
    silo_pids+=($!)
    http_ports+=("$http_port")
done
for i in 0 1; do
    silo_ready() { kill -0 "${silo_pids[$i]}" 2>/dev/null || fail "silo $((i + 1)) exited; see silo-$((i + 1)).log"
                   curl -sf "http://127.0.0.1:${http_ports[$i]}/health/ready" >/dev/null; }
    wait_for 180 "silo $((i + 1)) becoming an active member" silo_ready
done
echo "2 silos active in $(seconds_since "$silos_start") s"

spec=$work/spec.json
python3 - "$runs" "$steps" >"$spec" <<'EOF'
import json, sys
runs, steps = int(sys.argv[1]), int(sys.argv[2])
print(json.dumps({
    "name": f"soak-{runs}", "dataset": "synthetic", "batchSize": 8, "seeds": list(range(runs)),
    "checkpointEvery": 10, "progressEvery": 10, "evalEvery": 0, "evalBatches": 1, "smoothingWindow": 10,
    "runs": [{"variant": "linear", "steps": steps}],
}))
EOF

memory_start=$(used_memory)
keys_start=$(key_count)
rcli --scan | sort >"$work/keys-before.txt"
rss_start=("$(rss_mb "${silo_pids[0]}")" "$(rss_mb "${silo_pids[1]}")")
echo "soak: $runs runs of $steps steps (checkpoint every 10), 2 silos x 1 slot x 1 thread, cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "redis before: used_memory $memory_start bytes, $keys_start keys; silo RSS ${rss_start[0]} MB, ${rss_start[1]} MB"

start=$(now)
sweep_id=$("$anneal" sweep start -f "$spec" --detach --json --connect-timeout 60 | jq -r .sweepId) || fail "sweep start failed"
[[ $sweep_id =~ ^[A-Za-z0-9._-]+$ ]] || fail "sweep start printed no sweep id"
echo "sweep $sweep_id submitted in $(seconds_since "$start") s"

# The catalog line carries the status and counts: polling it costs the cluster one grain call, where `show` would
# read every run's curve each time.
listing() { "$anneal" sweep list --json --limit 1000 --connect-timeout 60 | jq -c --arg id "$sweep_id" '.[] | select(.sweepId == $id)'; }
last_note=$SECONDS
echo "# seconds runs-finished silo1-rss-mb silo2-rss-mb" >"$work/rss.txt"
while :; do
    line=$(listing) || line=
    status=$(jq -r '.status // empty' <<<"$line")
    [[ -n $status && $status != running ]] && break
    elapsed=$(seconds_since "$start")
    finished=$(jq -r '.counts.finished // 0' <<<"$line")
    rss_now="$(rss_mb "${silo_pids[0]}") $(rss_mb "${silo_pids[1]}")"
    echo "${elapsed%.*} $finished $rss_now" >>"$work/rss.txt"
    if ((SECONDS - last_note >= 60)); then
        echo "  ${elapsed%.*} s: $(jq -c '.counts // empty' <<<"$line")  silo RSS MB: $rss_now  load: $(cut -d' ' -f1-3 /proc/loadavg)"
        last_note=$SECONDS
    fi
    lost=$(silos_lost)
    if [[ -n $lost && -z ${lost_reported:-} ]]; then echo "  ${elapsed%.*} s: $lost"; lost_reported=1; fi
    awk -v e="$elapsed" -v l="$timeout_s" 'BEGIN { exit !(e > l) }' && fail "the sweep was still running after $timeout_s s"
    sleep 5
done
wall=$(seconds_since "$start")
memory_done=$(used_memory)
keys_done=$(key_count)
rss_done=("$(rss_mb "${silo_pids[0]}")" "$(rss_mb "${silo_pids[1]}")")
echo "${wall%.*} $runs ${rss_done[*]}" >>"$work/rss.txt"

"$anneal" sweep show "$sweep_id" --json --connect-timeout 60 >"$work/show.json" || fail "sweep show failed"
completed=$(jq .counts.completed "$work/show.json")
failed=$(jq .counts.failed "$work/show.json")
echo "sweep $status in $wall s: $completed completed, $failed failed, $(jq .counts.cancelled "$work/show.json") cancelled of $runs;" \
    "$(awk -v n="$completed" -v s="$wall" 'BEGIN { printf "%.2f", n / s }') runs/s   load: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((failed > 0)); then
    jq -r '.runs[] | select(.status == "failed") | "  failed: \(.runId): \(.failureReason)"' "$work/show.json" | head -n 5
fi

# A worker deletes a run's checkpoints just after the run grain accepts its completion: give the last ones a moment.
left=$(checkpoint_keys)
for _ in $(seq 30); do ((left == 0)) && break; sleep 1; left=$(checkpoint_keys); done
echo "checkpoint keys left in Redis: $left"
per_run() { awk -v d="$1" -v n="$completed" 'BEGIN { if (n > 0) printf "%.0f", d / n; else print "n/a" }'; }
echo "redis after the sweep: used_memory $memory_done bytes ($(printf %+d $((memory_done - memory_start))), $(per_run $((memory_done - memory_start))) bytes per finished run)," \
    "$keys_done keys ($(printf %+d $((keys_done - keys_start))))"
for i in 0 1; do
    trained=$(trained_by $((i + 1)))
    if kill -0 "${silo_pids[$i]}" 2>/dev/null; then
        grown=$((rss_done[i] - rss_start[i]))
        rss="${rss_done[$i]} MB ($(printf %+d "$grown") MB, $(awk -v g="$grown" -v n="$trained" 'BEGIN { if (n > 0) printf "%.0f KB per run trained", 1024 * g / n; else print "no run trained" }'))"
    else
        rss="exited"
    fi
    echo "silo $((i + 1)): trained $trained runs; RSS after the sweep $rss"
done
# The first runs grow a silo's heap to its working size (model, dataset cache, allocator arenas); what the second half
# of the sweep adds is what each further run keeps.
awk -v total="$runs" '!/^#/ && $2 >= total / 2 && !half { half = 1; t0 = $1; n0 = $2; a0 = $3; b0 = $4 }
    !/^#/ { n1 = $2; a1 = $3; b1 = $4 }
    END { if (half && n1 > n0) printf "silo RSS over the second half (%d to %d runs finished): %+d MB and %+d MB, %+.0f KB per finished run\n",
              n0, n1, a1 - a0, b1 - b0, 1024 * ((a1 - a0) + (b1 - b0)) / (n1 - n0) }' "$work/rss.txt"

delete_start=$(now)
"$anneal" sweep delete "$sweep_id" --json --connect-timeout 60 >"$work/delete.json" || fail "sweep delete failed"
echo "sweep delete: $(jq .runsDeleted "$work/delete.json") runs deleted in $(seconds_since "$delete_start") s"
# Redis frees some memory on its own clock after large deletes (docs/cluster.md): wait up to 30 s for it to settle.
memory_end=$(used_memory)
for _ in $(seq 15); do
    ((memory_end - memory_start < one_megabyte && memory_start - memory_end < one_megabyte)) && break
    sleep 2
    memory_end=$(used_memory)
done
delta=$((memory_end - memory_start))
verdict=FAIL
((delta < one_megabyte && -delta < one_megabyte)) && verdict=PASS
echo "redis after delete: used_memory $memory_end bytes ($((delta >= 0 ? delta : -delta)) bytes $( ((delta >= 0)) && echo above || echo below) the start)," \
    "$(key_count) keys (start $keys_start): $verdict (within 1 MB)"
# Keys the cluster itself keeps (the work queue, the catalog) may appear with the first sweep; none may name it.
rcli --scan | sort | comm -13 "$work/keys-before.txt" - | sed 's/^/  new key: /' | head -n 20
sweep_keys=$(rcli --scan --pattern "*$sweep_id*" | wc -l)
echo "keys naming the sweep after delete: $sweep_keys"
lost=$(silos_lost)
[[ -z $lost ]] || echo "$lost"
echo "logs: $work"

if [[ -z $lost && $status == completed && $completed == "$runs" && $left == 0 && $sweep_keys == 0 && $verdict == PASS ]]; then
    echo "soak: PASS"
else
    echo "soak: FAIL (needs both silos up to the end, every run completed, no checkpoint key left, no key of the sweep after delete, memory within 1 MB)"
    exit 1
fi
