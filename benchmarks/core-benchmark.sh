#!/usr/bin/env bash
# Side-by-side benchmark of real redis-server and the reference server on loopback.
#
#   benchmarks/core-benchmark.sh [requests] [keys-for-memory-run] [pipelined-requests]
#
# TESTS="incr get" measures only those tests; a memory run of 0 keys is skipped (to re-measure
# one figure quickly). ROUNDS and JAVA_OPTS as below.
#
# Throughput: redis-benchmark SET, GET, INCR, MSET with -c 50 at -P 1 and -P 16 against each
# server (the reference server gets one warm-up pass first: it is a JVM). -P 16 runs get ten
# times the requests by default: 200,000 pipelined requests last a quarter of a second, too short
# for a figure that one scheduler hiccup does not decide. Beside each rate, the server's own CPU
# time per request (user + system, from /proc): on a shared machine it moves far less than the
# rate does. Memory: 1,000,000 keys
# key:0000001... with 10-byte values loaded through redis-cli --pipe; bytes per key from each
# server's memory (Redis: used_memory; ours: JVM heap in use after a full GC, INFO's
# allocator_allocated) and RSS. Prints the ratios; stops both
# servers by itself. Needs redis-server, redis-benchmark, redis-cli, java, jcmd, python3, and
# the shaded jar (mvn -pl reference-server -am package -DskipTests).
set -euo pipefail

REQUESTS=${1:-200000}
MEMORY_KEYS=${2:-1000000}
PIPELINED_REQUESTS=${3:-$((REQUESTS * 10))}
TICKS=$(getconf CLK_TCK)
# Each pair is measured ROUNDS times, alternating servers, and the best of each side kept: on a
# shared machine the rounds disturbed by other load are the slow ones.
ROUNDS=${ROUNDS:-3}
TESTS=${TESTS:-set get incr mset}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/reference-server/target/reference-server.jar
WORK=$(mktemp -d)
REDIS_PID=""
OURS_PID=""

cleanup() {
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
  [ -n "$OURS_PID" ] && kill "$OURS_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "missing $JAR: run mvn -pl reference-server -am package -DskipTests" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

wait_ready() {
  for _ in $(seq 1 100); do
    redis-cli -p "$1" ping >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "server on port $1 did not start" >&2
  exit 1
}

start_redis() {
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
    --logfile "$WORK/redis.log" &
  REDIS_PID=$!
  wait_ready "$REDIS_PORT"
}

start_ours() {
  OURS_PORT=$(free_port)
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:--XX:+UseParallelGC -Xms1g -Xmx2g} -jar "$JAR" --port "$OURS_PORT" --bind 127.0.0.1 --save "" \
    --appendonly no --dir "$WORK" >"$WORK/ours.log" 2>&1 &
  OURS_PID=$!
  wait_ready "$OURS_PORT"
}

stop_servers() {
  kill "$REDIS_PID" "$OURS_PID" 2>/dev/null || true
  wait "$REDIS_PID" "$OURS_PID" 2>/dev/null || true
  REDIS_PID=""
  OURS_PID=""
}

# requests per second of one test and the server's CPU microseconds per request:
# bench PORT PID TEST PIPELINE prints "RPS CPU_US" (a command the server does not implement yet
# reports n/a instead of stopping the run)
bench() {
  local rps n cpu_before cpu_after
  n=$REQUESTS
  [ "$4" = 1 ] || n=$PIPELINED_REQUESTS
  cpu_before=$(awk '{ print $14 + $15 }' "/proc/$2/stat")
  rps=$( (timeout 120 redis-benchmark -p "$1" -c 50 -n "$n" -P "$4" -r 100000 -t "$3" --csv 2>/dev/null || true) \
    | awk -F'","' -v t="$(echo "$3" | tr a-z A-Z)" 'index($1, "\"" t) == 1 { gsub(/"/, "", $2); print $2; exit }')
  cpu_after=$(awk '{ print $14 + $15 }' "/proc/$2/stat")
  if [ -n "$rps" ] && [ "$(redis-cli -p "$1" "$3" probe:key 1 2>&1 | grep -c 'unknown command')" = 0 ]; then
    echo "$rps $(python3 -c "import sys; print('%.2f' % ((int(sys.argv[2]) - int(sys.argv[1])) * 1e6 / int(sys.argv[3]) / int(sys.argv[4])))" \
      "$cpu_before" "$cpu_after" "$TICKS" "$n")"
  else
    echo "n/a n/a"
  fi
}

# the best rate of several "RPS CPU_US" lines, with the CPU figure of that run
best() { printf '%s\n' "$@" | { grep -v n/a || true; } | sort -g -k1,1 | tail -1; }

ratio() {
  python3 -c "
import sys
try: print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))
except (ValueError, ZeroDivisionError): print('n/a')" "$1" "$2"
}

echo "== throughput: redis-benchmark -c 50 -r 100000, -n $REQUESTS at -P 1 and $PIPELINED_REQUESTS at -P 16,"
echo "   best of $ROUNDS alternating rounds; cpu = the server's CPU microseconds per request in that run"
start_redis
start_ours
for t in $TESTS; do bench "$OURS_PORT" "$OURS_PID" "$t" 16 >/dev/null; bench "$OURS_PORT" "$OURS_PID" "$t" 1 >/dev/null; done
printf '%-6s %-4s %14s %14s %7s %10s %10s\n' test P redis_rps ours_rps ratio redis_cpu ours_cpu
for p in 1 16; do
  for t in $TESTS; do
    rs=()
    os=()
    for _ in $(seq 1 "$ROUNDS"); do
      rs+=("$(bench "$REDIS_PORT" "$REDIS_PID" "$t" "$p")")
      os+=("$(bench "$OURS_PORT" "$OURS_PID" "$t" "$p")")
    done
    read -r r rc <<<"$(best "${rs[@]}")"
    read -r o oc <<<"$(best "${os[@]}")"
    printf '%-6s %-4s %14s %14s %7s %10s %10s\n' "$t" "$p" "${r:-n/a}" "${o:-n/a}" "$(ratio "${o:-n/a}" "${r:-n/a}")" \
      "${rc:-n/a}" "${oc:-n/a}"
  done
done
stop_servers
[ "$MEMORY_KEYS" -gt 0 ] || exit 0

echo
echo "== memory: $MEMORY_KEYS keys key:0000001... with 10-byte values"
python3 - "$MEMORY_KEYS" >"$WORK/load.resp" <<'PY'
import sys
n = int(sys.argv[1])
out = sys.stdout.buffer
for i in range(1, n + 1):
    k = b"key:%07d" % i
    out.write(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$10\r\nvalue%05d\r\n" % (len(k), k, i % 100000))
PY

info_field() { redis-cli -p "$1" info memory | tr -d '\r' | awk -F: -v f="$2" '$1 == f { print $2 }'; }
rss_of() { awk '/VmRSS/ { print $2 * 1024 }' "/proc/$1/status"; }
heap_after_gc() {
  jcmd "$OURS_PID" GC.run >/dev/null
  sleep 1
  info_field "$OURS_PORT" allocator_allocated
}

start_redis
start_ours
redis_before=$(info_field "$REDIS_PORT" used_memory)
redis_rss_before=$(rss_of "$REDIS_PID")
ours_before=$(heap_after_gc)
ours_rss_before=$(rss_of "$OURS_PID")
redis-cli -p "$REDIS_PORT" --pipe <"$WORK/load.resp" >/dev/null
redis-cli -p "$OURS_PORT" --pipe <"$WORK/load.resp" >/dev/null
redis_after=$(info_field "$REDIS_PORT" used_memory)
redis_rss_after=$(rss_of "$REDIS_PID")
ours_after=$(heap_after_gc)
ours_rss_after=$(rss_of "$OURS_PID")
keys_of() { redis-cli -p "$1" info keyspace | tr -d '\r' | sed -n 's/^db0:keys=\([0-9]*\),.*/\1/p'; }
redis_keys=$(keys_of "$REDIS_PORT")
ours_keys=$(keys_of "$OURS_PORT")
stop_servers

per_key() { python3 -c "import sys; print('%.1f' % ((float(sys.argv[2]) - float(sys.argv[1])) / float(sys.argv[3])))" "$1" "$2" "$3"; }
redis_bpk=$(per_key "$redis_before" "$redis_after" "$redis_keys")
ours_bpk=$(per_key "$ours_before" "$ours_after" "$ours_keys")
printf '%-28s %16s %16s\n' "" redis ours
printf '%-28s %16s %16s\n' "keys loaded" "$redis_keys" "$ours_keys"
printf '%-28s %16s %16s\n' "used_memory after (bytes)" "$redis_after" "$ours_after (heap after GC)"
printf '%-28s %16s %16s\n' "RSS after (bytes)" "$redis_rss_after" "$ours_rss_after"
printf '%-28s %16s %16s\n' "bytes per key" "$redis_bpk" "$ours_bpk"
printf '%-28s %16s %16s\n' "RSS growth per key" "$(per_key "$redis_rss_before" "$redis_rss_after" "$redis_keys")" \
  "$(per_key "$ours_rss_before" "$ours_rss_after" "$ours_keys")"
echo "bytes-per-key ratio (ours / redis): $(ratio "$ours_bpk" "$redis_bpk")  (goal: at most 1.5)"
