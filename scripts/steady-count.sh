#!/usr/bin/env bash
# Steady-state instruction count of a benchmark: the difference between
# two sizes under callgrind, divided by the units of work between them,
# which cancels start-up and JIT compilation (deterministic, unlike wall
# time on a shared machine).
#
#   usage: scripts/steady-count.sh BIN MODE BENCH N1 N2 UNITS
#   e.g.   scripts/steady-count.sh target/release/tern jit nbody 10000 20000 10000
#
# BENCH is a program of ../shared/bench (or set BENCH_DIR); it gets N1, then
# N2 as its argument.
set -euo pipefail
if [ $# -ne 6 ]; then
    sed -n '2,12p' "$0" >&2
    exit 2
fi
bin=$1 mode=$2 bench=$3 n1=$4 n2=$5 units=$6
dir=${BENCH_DIR:-$(cd "$(dirname "$0")/../../shared/bench" && pwd)}
refs() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$bin" run --mode "$mode" "$dir/$bench.py" "$1" 2>&1 >/dev/null |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
a=$(refs "$n1")
b=$(refs "$n2")
awk -v a="$a" -v b="$b" -v u="$units" -v name="$bench $mode" \
    'BEGIN { printf "%s: %.1f instructions per unit\n", name, (b - a) / u }'
