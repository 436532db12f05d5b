#!/usr/bin/env bash
# Ingest throughput, storage included: documents/s, MB/s, events/s and peak memory, on
# the NGEC synthetic JSONL and on WARC archives generated from it (bench/make-warc.py),
# a small one and a large one, to show that memory stays flat as the input grows.
#
#   bench/ingest.sh [WARC_MB]        (default 1024: a 1 GiB WARC; WARC_MB=0 skips WARCs)
#
# Env: BENCH_DIR (default target/bench; the WARCs and databases go there and are kept
# for re-runs), THREADS (default: all cores), NGEC (the JSONL).
set -euo pipefail
cd "$(dirname "$0")/.."
ngec=${NGEC:-../shared/eval/ngec-synthetic/dev.jsonl}
warc_mb=${1:-1024}
dir=${BENCH_DIR:-target/bench}
threads=${THREADS:-$(nproc)}
mkdir -p "$dir"
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/attache

# one ingest into a fresh database: the summary lines, CPU time and peak memory. The
# machine may be shared: the load average before the run says how much, and MB per
# CPU-second (user + system) is the per-core figure that contention changes least.
run() {
  local name=$1; shift
  rm -f "$dir/$name.db" "$dir/$name.db-wal" "$dir/$name.db-shm"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$bin" ingest "$@" --db "$dir/$name.db" --quiet --threads "$threads" 2> "$dir/$name.log" || {
    echo "ingest failed (exit $?), see $dir/$name.log"; tail -5 "$dir/$name.log"; return 1; }
  echo "== $name ($(du -h "$1" | cut -f1) in, $threads threads)"
  grep '^attache:' "$dir/$name.log" | sed 's/^/   /'
  local mb
  mb=$(du -m --apparent-size "$1" | cut -f1)
  awk -v mb="$mb" -v load="$load" -F': ' '
    /User time/ { u = $2 } /System time/ { s = $2 } /Percent of CPU/ { p = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "   cpu: %.1f s user + %.1f s system (%s of the machine), %.2f MB per CPU-second; load before: %s\n",
                 u, s, p, mb / (u + s), load
          printf "   peak memory: %.0f MB\n", rss / 1024 }' "$dir/$name.log"
  echo "   database: $(du -h "$dir/$name.db" | cut -f1)"
}

run ngec "$ngec"
# the same again: everything is already stored, nothing is coded (what a resumed run does)
"$bin" ingest "$ngec" --db "$dir/ngec.db" --quiet --threads "$threads" 2>&1 | sed 's/^/   again: /' | tail -1

if [ "$warc_mb" != 0 ]; then
  small=$dir/ngec-64mb.warc
  large=$dir/ngec-${warc_mb}mb.warc
  [ -s "$small" ] || python3 bench/make-warc.py "$small" --size-mb 64 --jsonl "$ngec"
  [ -s "$large" ] || python3 bench/make-warc.py "$large" --size-mb "$warc_mb" --jsonl "$ngec"
  run warc-small "$small"
  run warc-large "$large"
fi
