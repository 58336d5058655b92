#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the jars Maven downloaded (no Spark installation needed):
# a master and two workers, each its own JVM, bound to 127.0.0.1, and a check that a solve submitted to it gives the
# in-process answer.
#
#   distributed/scripts/standalone-cluster.sh start           master spark://127.0.0.1:7077, two 1-core workers
#   distributed/scripts/standalone-cluster.sh check [SYSTEM]  solve SYSTEM (default cyclic7) on the cluster and in
#                                                              process, same seed; exit 1 unless the answers agree
#   distributed/scripts/standalone-cluster.sh lose-executor [SYSTEM]
#                                                              the same, killing one executor mid-solve (its worker
#                                                              starts another, Spark re-runs the lost tasks)
#   distributed/scripts/standalone-cluster.sh stop            stops the JVMs this script started (by their pids)
#
# State (pids, logs, work directories) in $LPS_SPARK_CLUSTER_DIR, default /tmp/lps-spark-cluster.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dist="$root/distributed/target"
state="${LPS_SPARK_CLUSTER_DIR:-/tmp/lps-spark-cluster}"
master_url="spark://127.0.0.1:7077"
# everything binds to the loopback: the master, the workers, their executors, the driver
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_LOCAL_HOSTNAME=127.0.0.1

die() { echo "standalone-cluster: $*" >&2; exit 1; }

ensure_built() {
  if [ ! -f "$dist/lps-spark.jar" ] || [ ! -f "$dist/spark-classpath.txt" ] || [ ! -f "$dist/spark-jvm.args" ]; then
    echo "standalone-cluster: building the Spark runner..." >&2
    (cd "$root" && mvn -q -B -DskipTests package -pl distributed -am >&2) || die "build failed"
  fi
}

# A Spark home for the workers: Spark's launcher code, which builds each executor's command line, takes the class
# path from $SPARK_HOME/jars; here that directory holds links to the jars Maven downloaded.
make_spark_home() {
  rm -rf "$state/spark-home"
  mkdir -p "$state/spark-home/jars" "$state/spark-home/conf"
  tr ':' '\n' < "$dist/spark-classpath.txt" | while read -r jar; do
    [ -n "$jar" ] && ln -s "$jar" "$state/spark-home/jars/$(basename "$jar")"
  done
  # the daemons log at INFO (to their files in $state): the master's log shows the workers registering
  sed 's/^rootLogger.level = warn/rootLogger.level = info/' "$root/distributed/scripts/log4j2.properties" \
    > "$state/spark-home/conf/log4j2.properties"
}

# java for a Spark daemon: the Java 17 options, the warnings-only log, Spark's jars
daemon() {
  local name="$1"; shift
  SPARK_HOME="$state/spark-home" SPARK_SCALA_VERSION=2.12 nohup java @"$dist/spark-jvm.args" -Xmx512m \
    -Dlog4j2.configurationFile="$state/spark-home/conf/log4j2.properties" \
    -cp "$state/spark-home/conf:$(cat "$dist/spark-classpath.txt")" "$@" > "$state/$name.log" 2>&1 &
  echo $! > "$state/$name.pid"
}

alive() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

wait_for() {   # wait_for SECONDS DESCRIPTION COMMAND...
  local limit="$1" what="$2"; shift 2
  for _ in $(seq 1 "$limit"); do
    if "$@"; then return 0; fi
    sleep 1
  done
  die "no $what after $limit s (logs in $state)"
}

master_up() { (exec 3<>/dev/tcp/127.0.0.1/7077) 2>/dev/null; }
workers_registered() { [ "$(grep -c 'Registering worker' "$state/master.log" 2>/dev/null || true)" -ge 2 ]; }

start() {
  ensure_built
  for d in master worker1 worker2; do
    alive "$d" && die "$d is already running (pid $(cat "$state/$d.pid")); stop first"
  done
  mkdir -p "$state"
  make_spark_home
  daemon master org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 7077 --webui-port 18080
  wait_for 120 "master on 127.0.0.1:7077" master_up
  for w in 1 2; do
    mkdir -p "$state/work$w"
    daemon "worker$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
      --webui-port $((18080 + w)) --work-dir "$state/work$w" "$master_url"
  done
  wait_for 120 "registration of both workers" workers_registered
  echo "standalone-cluster: master $master_url (pid $(cat "$state/master.pid")), workers pids $(cat "$state/worker1.pid")" \
       "$(cat "$state/worker2.pid"), 1 core each; logs in $state"
}

stop() {
  local d pid
  for d in worker2 worker1 master; do
    if alive "$d"; then
      pid="$(cat "$state/$d.pid")"
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      echo "standalone-cluster: stopped $d (pid $pid)"
    fi
    rm -f "$state/$d.pid"
  done
}

# The solve's JSON without what may differ between runs (wall times, thread counts), one line per solution.
normalize() {
  python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("seconds", "threads"):
    r.pop(k, None)
r["start"].pop("seconds", None)
print(json.dumps(r, sort_keys=True))' "$1"
}

check() {
  local system="${1:-cyclic7}" kill_one="${2:-}"
  alive master || die "no cluster: run $0 start"
  mkdir -p "$state/check"
  echo "standalone-cluster: lps solve --system $system --seed 7 --spark $master_url"
  local t0 t1
  t0=$(date +%s.%N)
  "$root/lps" solve --system "$system" --seed 7 --json --solutions --quiet --spark "$master_url" \
    > "$state/check/spark.json" 2> "$state/check/spark.err" &
  local solve=$!
  if [ -n "$kill_one" ]; then
    # the executor of worker 1 is a child JVM of that worker: kill it once it has started working
    local executor=""
    for _ in $(seq 1 120); do
      executor="$(pgrep -P "$(cat "$state/worker1.pid")" -f CoarseGrainedExecutorBackend || true)"
      [ -n "$executor" ] && break
      sleep 1
    done
    [ -n "$executor" ] || die "worker 1 started no executor"
    # ... once it has finished a task and is running the next (its log is in the worker's newest app directory)
    local log
    for _ in $(seq 1 300); do
      log="$(ls -td "$state"/work1/app-*/* 2>/dev/null | head -1)/stderr"
      [ "$(grep -c 'Finished task' "$log" 2>/dev/null || true)" -ge 1 ] && break
      sleep 0.5
    done
    echo "standalone-cluster: killing worker 1's executor (pid $executor) mid-solve, after" \
      "$(grep -c 'Finished task' "$log" 2>/dev/null || echo 0) finished task(s)"
    kill -9 "$executor"
  fi
  wait "$solve" || { cat "$state/check/spark.err" >&2; die "the solve on the cluster failed"; }
  t1=$(date +%s.%N)
  echo "standalone-cluster: cluster solve $(python3 -c "print(round($t1 - $t0, 1))") s (JVM and Spark context start-up included)"
  "$root/lps" solve --system "$system" --seed 7 --json --solutions --quiet --threads 2 > "$state/check/local.json"
  python3 -c '
import json, sys
for f in sys.argv[1:]:
    r = json.load(open(f))
    print("  %-10s paths %d, nonsingular %d, singular %d, at infinity %d, failed %d, %.1f s" % (
        f.split("/")[-1], r["paths"], r["nonsingular"], r["singular"], r["atInfinity"], r["failed"], r["seconds"]))
' "$state/check/spark.json" "$state/check/local.json"
  if [ "$(normalize "$state/check/spark.json")" = "$(normalize "$state/check/local.json")" ]; then
    echo "standalone-cluster: same answer: every solution and path, bit for bit, in the same order"
  else
    die "the cluster's answer differs from the in-process one (see $state/check)"
  fi
  if [ -n "$kill_one" ]; then
    echo "standalone-cluster: what the driver said about it:"
    grep -h "Lost executor\|Lost task\|Resubmitted" "$state/check/spark.err" | cut -c1-160 | head -6 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  check) check "${2:-cyclic7}" ;;
  lose-executor) check "${2:-cyclic7}" kill ;;
  *) echo "usage: $0 start|check [SYSTEM]|lose-executor [SYSTEM]|stop" >&2; exit 2 ;;
esac
