#!/usr/bin/env bash
# Commands compared per second by the differential engine: the in-JVM reference server against
# real Redis (a container by default), every command both implement, shrinking off.
#
#   benchmarks/diff-benchmark.sh [a-spec] [b-spec] [commands-per-run] [runs]
#
# Defaults: reference redis-container 200000 3 (redis-process for a local redis-server). A
# warm-up run first, then the runs; prints each run and the mean and best, for all compared
# commands and for the generated ones alone (the rest are the final-keyspace reads). Compiles
# conformance-suite and reference-server (offline) and runs DiffBenchmark on their classes; the
# targets are started and stopped by the benchmark itself. Check `uptime` first: the figures
# move with the machine's load.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT

cd "$ROOT"
mvn -B -q -o -pl conformance-suite -am compile
mvn -B -q -o -pl conformance-suite dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
# this build's reference server, not a jar some other build left in ~/.m2
DEPS=$(tr ':' '\n' < "$CP_FILE" | grep -v '/dev/verdict/reference-server/' | paste -sd:)
export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
echo "load: $(uptime)"
java -cp "conformance-suite/target/classes:reference-server/target/classes:$DEPS" \
  dev.verdict.conformance.diff.DiffBenchmark "$@" 2>&1 \
  | grep -E '^(warm-up|run [0-9]+|.* vs .*: mean)'
