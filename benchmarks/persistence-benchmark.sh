#!/usr/bin/env bash
# Persistence benchmark of real redis-server against the reference server, on loopback.
#
#   benchmarks/persistence-benchmark.sh [keys] [requests]
#
# 1. RDB: [keys] keys of mixed types (60% strings, 10% each lists, hashes, sets, sorted sets of 5
#    elements) loaded through redis-cli --pipe; SAVE's wall time (best of ROUNDS); load time at restart (each
#    server's own "DB loaded from disk: X seconds" log line, best of ROUNDS=3 restarts).
# 2. BGSAVE stall: p99 and max latency of redis-benchmark GET/SET (-c 50) alone and while BGSAVE
#    runs back to back, plus Redis's fork time against our snapshot's longest hold of the event loop
#    (latest_fork_usec on both, read after every BGSAVE: median and max), and our capture's own log
#    line (start, slices, loop time in all).
# 3. AOF: SET throughput with appendonly yes, appendfsync everysec: both servers up, ROUNDS
#    alternating runs, the best of each side.
# Our JVM runs with ZGC unless JAVA_OPTS says otherwise (e.g. JAVA_OPTS=-XX:+UseG1GC): the
# stall goal is about the event loop's longest pause, and G1's or Parallel's young collections
# stop the loop for tens of milliseconds with or without a BGSAVE (the GC log shows them).
# Prints every figure and the ratios ours/redis; stops the servers by itself. Needs redis-server,
# redis-cli, redis-benchmark, java, python3 and the shaded jar
# (mvn -pl reference-server -am package -DskipTests).
set -euo pipefail

KEYS=${1:-1000000}
REQUESTS=${2:-200000}
# load times and AOF throughput are the best of this many runs per side
ROUNDS=${ROUNDS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/reference-server/target/reference-server.jar
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -pl reference-server -am package -DskipTests" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() {
  for _ in $(seq 1 600); do
    redis-cli -p "$1" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2; exit 1
}
# start <kind> <dir> <port> [args...]: echoes the pid
start() {
  local kind=$1 dir=$2 port=$3; shift 3
  if [ "$kind" = redis ]; then
    redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" "$@" >"$dir/server.log" 2>&1 &
  else
    java -Xmx8g ${JAVA_OPTS:--XX:+UseZGC} -Xlog:gc,gc+phases:file="$dir/gc-$port.log" -jar "$JAR" --port "$port" --bind 127.0.0.1 --dir "$dir" --save "" "$@" >"$dir/server.log" 2>&1 &
  fi
  echo $!
}
stop() { redis-cli -p "$1" shutdown nosave >/dev/null 2>&1 || true; wait "$2" 2>/dev/null || true; }
ms() { python3 -c 'import time; print(int(time.time()*1000))'; }
ratio() { python3 -c "import sys; a,b=float('$1'),float('$2'); print('%.2f' % (a/b) if b else 'n/a')"; }

python3 - "$KEYS" >"$WORK/data.resp" <<'PY'
import sys
n = int(sys.argv[1]); out = sys.stdout.buffer
def cmd(*a):
    out.write(b"*%d\r\n" % len(a))
    for x in a:
        x = x if isinstance(x, bytes) else str(x).encode()
        out.write(b"$%d\r\n%s\r\n" % (len(x), x))
for i in range(n):
    k = "key:%08d" % i; t = i % 10
    if t < 6: cmd("SET", k, "value-%d-%s" % (i, "x" * (i % 40)))
    elif t == 6: cmd("RPUSH", k, *["e%d" % j for j in range(5)])
    elif t == 7: cmd("HSET", k, *[x for j in range(5) for x in ("f%d" % j, "v%d" % (i + j))])
    elif t == 8: cmd("SADD", k, *[i + j for j in range(5)])
    else: cmd("ZADD", k, *[x for j in range(5) for x in (j * 1.5, "m%d" % j)])
PY

declare -A SAVE LOAD P99_BASE P99_BG MAX_BASE MAX_BG FORK FORK_MAX BGSAVES SETS
# worst p99 and worst max (ms) over the SET and GET tests of a redis-benchmark --csv run
latency() {
  redis-benchmark -p "$1" -t set,get -n "$REQUESTS" -c 50 -r 100000 --csv 2>/dev/null \
    | awk -F'","' 'NR>1 {gsub(/"/,"",$7); gsub(/"/,"",$8); if ($7+0>p) p=$7+0; if ($8+0>m) m=$8+0} END {print p, m}'
}
for kind in redis ours; do
  dir=$WORK/$kind; mkdir -p "$dir"; port=$(free_port)
  pid=$(start $kind "$dir" "$port"); PIDS+=("$pid"); wait_ready "$port"
  redis-cli -p "$port" --pipe <"$WORK/data.resp" >/dev/null
  [ $kind = ours ] && redis-benchmark -p "$port" -t get,set -n 50000 -c 50 -q >/dev/null 2>&1   # JIT warm-up
  # SAVE: best of ROUNDS (the first of ours also compiles the serializer)
  for _ in $(seq 1 "$ROUNDS"); do
    t0=$(ms); redis-cli -p "$port" save >/dev/null; t1=$(ms)
    SAVE[$kind]=$(printf '%s\n' "${SAVE[$kind]:-999999999}" "$((t1 - t0))" | sort -g | head -1)
  done
  # latency alone, then with BGSAVE back to back (each fork time recorded)
  read -r P99_BASE[$kind] MAX_BASE[$kind] < <(latency "$port")
  forks=$WORK/$kind-forks; : >"$forks"
  ( for _ in $(seq 1 30); do redis-cli -p "$port" bgsave >/dev/null 2>&1 || true; \
      while redis-cli -p "$port" info persistence | grep -q 'rdb_bgsave_in_progress:1'; do sleep 0.02; done; \
      redis-cli -p "$port" info stats | awk -F: '/latest_fork_usec/ {print $2}' | tr -d '\r' >>"$forks"; done ) &
  bg=$!
  read -r P99_BG[$kind] MAX_BG[$kind] < <(latency "$port")
  kill $bg 2>/dev/null || true; wait $bg 2>/dev/null || true
  while redis-cli -p "$port" info persistence | grep -q 'rdb_bgsave_in_progress:1'; do sleep 0.1; done
  redis-cli -p "$port" info stats | awk -F: '/latest_fork_usec/ {print $2}' | tr -d '\r' >>"$forks"
  BGSAVES[$kind]=$(wc -l <"$forks")
  FORK[$kind]=$(sort -n "$forks" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  FORK_MAX[$kind]=$(sort -n "$forks" | tail -1)
  if [ $kind = ours ]; then
    CAPTURE_LOG=$( (grep 'Snapshot of' "$dir/server.log" || true) | tail -1 | sed 's/.*\* //')
    CPU=$( (grep -o 'at most [0-9]* us of CPU' "$dir/server.log" || true) | awk '{print $3}' | sort -n \
      | awk '{a[NR]=$1} END {if (NR) printf "median %d us, max %d us over %d BGSAVEs", a[int((NR+1)/2)], a[NR], NR}')
    # the JVM's own stalls over the same run: young GC pauses stop the loop too, BGSAVE or not
    GC_PAUSES=$( (grep -h 'Pause.* [0-9.]*ms$' "$dir"/gc-"$port".log || true) | awk '{v=$NF; sub(/ms/,"",v); v+=0; n++; if (v>m) m=v; s+=v} END {printf "%d pauses, max %.1f ms, %.0f ms in all", n, m, s}')
  fi
  redis-cli -p "$port" save >/dev/null
  stop "$port" "$pid"
  # load time at restart: the best of ROUNDS restarts (a busy machine only ever slows a run down)
  loads=()
  for _ in $(seq 1 "$ROUNDS"); do
    pid=$(start $kind "$dir" "$port"); PIDS+=("$pid"); wait_ready "$port"
    loads+=("$(grep -o 'DB loaded from disk: [0-9.]* seconds' "$dir/server.log" | awk '{print $5}')")
    stop "$port" "$pid"
  done
  LOAD[$kind]=$(printf '%s\n' "${loads[@]}" | sort -g | head -1)
done

# AOF everysec SET throughput on empty servers, both running, ROUNDS alternating runs, best of each
declare -A APORT APID
for kind in redis ours; do
  adir=$WORK/$kind-aof; mkdir -p "$adir"; APORT[$kind]=$(free_port)
  APID[$kind]=$(start $kind "$adir" "${APORT[$kind]}" --appendonly yes --appendfsync everysec); PIDS+=("${APID[$kind]}")
  wait_ready "${APORT[$kind]}"
done
redis-benchmark -p "${APORT[ours]}" -t set -n 100000 -c 50 -q >/dev/null 2>&1   # JIT warm-up
for _ in $(seq 1 "$ROUNDS"); do
  for kind in redis ours; do
    rps=$(redis-benchmark -p "${APORT[$kind]}" -t set -n "$REQUESTS" -c 50 -r 100000 --csv 2>/dev/null \
      | awk -F'","' 'NR>1 {gsub(/"/,"",$2); print $2}')
    SETS[$kind]=$(printf '%s\n' "${SETS[$kind]:-0}" "$rps" | sort -g | tail -1)
  done
done
for kind in redis ours; do stop "${APORT[$kind]}" "${APID[$kind]}"; done

echo "keys=$KEYS requests=$REQUESTS"
printf '%-34s %12s %12s %8s\n' metric redis ours ratio
printf '%-34s %12s %12s %8s\n' "SAVE ms" "${SAVE[redis]}" "${SAVE[ours]}" "$(ratio "${SAVE[ours]}" "${SAVE[redis]}")"
printf '%-34s %12s %12s %8s\n' "load s" "${LOAD[redis]}" "${LOAD[ours]}" "$(ratio "${LOAD[ours]}" "${LOAD[redis]}")"
printf '%-34s %12s %12s %8s\n' "p99 GET/SET ms, idle" "${P99_BASE[redis]}" "${P99_BASE[ours]}" "$(ratio "${P99_BASE[ours]}" "${P99_BASE[redis]}")"
printf '%-34s %12s %12s %8s\n' "max GET/SET ms, idle" "${MAX_BASE[redis]}" "${MAX_BASE[ours]}" "$(ratio "${MAX_BASE[ours]}" "${MAX_BASE[redis]}")"
printf '%-34s %12s %12s %8s\n' "p99 GET/SET ms, during BGSAVE" "${P99_BG[redis]}" "${P99_BG[ours]}" "$(ratio "${P99_BG[ours]}" "${P99_BG[redis]}")"
printf '%-34s %12s %12s %8s\n' "max GET/SET ms, during BGSAVE" "${MAX_BG[redis]}" "${MAX_BG[ours]}" "$(ratio "${MAX_BG[ours]}" "${MAX_BG[redis]}")"
printf '%-34s %12s %12s %8s\n' "BGSAVEs during the load" "${BGSAVES[redis]}" "${BGSAVES[ours]}" ""
printf '%-34s %12s %12s %8s\n' "fork / loop stall us, median" "${FORK[redis]}" "${FORK[ours]}" "$(ratio "${FORK[ours]}" "${FORK[redis]}")"
printf '%-34s %12s %12s %8s\n' "fork / loop stall us, max" "${FORK_MAX[redis]}" "${FORK_MAX[ours]}" "$(ratio "${FORK_MAX[ours]}" "${FORK_MAX[redis]}")"
printf '%-34s %12s %12s %8s\n' "SET/s appendfsync everysec" "${SETS[redis]}" "${SETS[ours]}" "$(ratio "${SETS[ours]}" "${SETS[redis]}")"
echo "ours, last capture: ${CAPTURE_LOG:-none}"
echo "ours, most CPU time of a slice (no GC pause, no preemption), per capture: ${CPU:-none}"
echo "ours, JVM GC during load + SAVE + latency runs: ${GC_PAUSES:-none}"
