#!/usr/bin/env bash
# Compares two interpreters on the benchmark programs of xtask/benchmarks/: the best of 3
# user+sys CPU seconds of each program under each binary, run alternately, and the ratio B/A.
# How the steps of docs/design/0006 ("Built, second round") and 0010 were measured:
#   cp target/release/protopy /tmp/before; (change, rebuild); xtask/scripts/cpu-compare.sh /tmp/before target/release/protopy
# Usage: xtask/scripts/cpu-compare.sh BIN_A BIN_B [program ...]
set -euo pipefail
a=$(realpath "$1"); b=$(realpath "$2"); shift 2
cd "$(dirname "$0")/../benchmarks"
names=${*:-$(ls ./*.py | sed 's|^\./||; s|\.py$||')}
cpu() { { /usr/bin/time -f "%U %S" "$1" "$2.py" >/dev/null; } 2>&1 | tail -1 | awk '{print $1 + $2}'; }
for n in $names; do
    best_a=99; best_b=99
    for _ in 1 2 3; do
        best_a=$(awk -v x="$(cpu "$a" "$n")" -v y="$best_a" 'BEGIN {print (x < y) ? x : y}')
        best_b=$(awk -v x="$(cpu "$b" "$n")" -v y="$best_b" 'BEGIN {print (x < y) ? x : y}')
    done
    awk -v n="$n" -v x="$best_a" -v y="$best_b" 'BEGIN {printf "%-16s %6.3f %6.3f  %5.2f\n", n, x, y, y / x}'
done
