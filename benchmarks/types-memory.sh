#!/usr/bin/env bash
# Memory per object of the collection types, ours against real Redis 7.0.15:
#   100,000 hashes of 5 small fields, 100,000 small sets of integers,
#   100,000 sorted sets of 10 members, 10,000 lists of 100 items.
# Redis: used_memory (INFO) before and after loading. Ours: used Java heap after a full GC
# (jcmd GC.run + GC.heap_info), i.e. what the JVM really holds, not the server's estimate.
# Usage: benchmarks/types-memory.sh   (builds reference-server's classes if needed)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REDIS_PORT=${REDIS_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
OURS_PORT=${OURS_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
HEAP=${HEAP:-2g}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

cd "$ROOT"
if [ ! -d reference-server/target/classes/dev ]; then mvn -B -q -o -pl reference-server -am compile; fi
mvn -B -q -o -pl reference-server dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
java -Xmx"$HEAP" -Xms"$HEAP" -XX:+UseG1GC -cp "reference-server/target/classes:$(cat "$WORK/cp.txt")" \
    dev.verdict.server.Main --port "$OURS_PORT" --bind 127.0.0.1 >"$WORK/ours.log" 2>&1 &
OURS_PID=$!
PIDS+=($OURS_PID)
for port in "$REDIS_PORT" "$OURS_PORT"; do
    for _ in $(seq 1 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.2; done
done

# Commands for one workload, as a RESP stream for redis-cli --pipe.
generate() {
    python3 - "$1" <<'PY'
import sys
kind = sys.argv[1]
out = sys.stdout.buffer
def cmd(*args):
    parts = [b'*%d\r\n' % len(args)]
    for a in args:
        a = a if isinstance(a, bytes) else str(a).encode()
        parts.append(b'$%d\r\n%s\r\n' % (len(a), a))
    out.write(b''.join(parts))
if kind == 'hash':
    for i in range(100000):
        cmd('HSET', 'h:%d' % i, 'name', 'user%d' % i, 'age', i % 90, 'city', 'Paris', 'score', i * 7, 'active', 'yes')
elif kind == 'set':
    for i in range(100000):
        cmd('SADD', 's:%d' % i, *[i % 1000 + k for k in range(8)])
elif kind == 'zset':
    for i in range(100000):
        args = []
        for k in range(10):
            args += [k * 1.5, 'member-%d' % k]
        cmd('ZADD', 'z:%d' % i, *args)
elif kind == 'list':
    for i in range(10000):
        cmd('RPUSH', 'l:%d' % i, *['item-%d' % k for k in range(100)])
PY
}

redis_used() { redis-cli -p "$REDIS_PORT" info memory | awk -F: '/^used_memory:/ {print $2}' | tr -d '\r'; }
ours_used() {
    jcmd "$OURS_PID" GC.run >/dev/null
    jcmd "$OURS_PID" GC.heap_info | awk '/garbage-first heap/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub(/K,?/,"",v); print v*1024 } }'
}

printf '%-6s %8s %14s %14s %7s\n' type objects redis_B/obj ours_B/obj ratio
for kind in hash set zset list; do
    count=100000; [ "$kind" = list ] && count=10000
    generate "$kind" > "$WORK/$kind.resp"
    redis-cli -p "$REDIS_PORT" flushall >/dev/null; redis-cli -p "$OURS_PORT" flushall >/dev/null
    r0=$(redis_used); o0=$(ours_used)
    redis-cli -p "$REDIS_PORT" --pipe < "$WORK/$kind.resp" >/dev/null
    redis-cli -p "$OURS_PORT" --pipe < "$WORK/$kind.resp" >/dev/null
    r1=$(redis_used); o1=$(ours_used)
    enc_r=$(redis-cli -p "$REDIS_PORT" object encoding "$(printf '%s:1' "${kind:0:1}")")
    enc_o=$(redis-cli -p "$OURS_PORT" object encoding "$(printf '%s:1' "${kind:0:1}")")
    python3 -c "
r=($r1-$r0)/$count; o=($o1-$o0)/$count
print('%-6s %8d %14.1f %14.1f %7.2f   (encoding redis=%s ours=%s)' % ('$kind', $count, r, o, o/r, '$enc_r', '$enc_o'))"
done
