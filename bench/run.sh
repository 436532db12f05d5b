#!/usr/bin/env bash
# Throughput of the coder on a news-like corpus, one core and all cores.
#   bench/run.sh [FILE]     (default: ../shared/eval/ngec-synthetic/dev.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/eval/ngec-synthetic/dev.jsonl}
cargo build --release --quiet
echo "== one core"
target/release/attache bench "$file" --threads 1 --repeat 3
echo
echo "== all cores ($(nproc))"
target/release/attache bench "$file" --repeat 3
