#!/usr/bin/env python3
"""Per-instruction counts of the JIT's machine code.

    TERN_JIT_DUMP=DIR valgrind --tool=callgrind --dump-instr=yes \\
        --callgrind-out-file=OUT target/release/tern run --mode jit PROG ARGS
    scripts/jit-annotate.py OUT DIR DIV [MIN]

DIR holds each compiled function's code (`ADDRESS_NAME.bin`, written by
the JIT when TERN_JIT_DUMP is set); callgrind's counts at those addresses
are divided by DIV (the units of work, e.g. steps of a simulation) and
printed next to the disassembly (objdump), instructions below MIN left out.
"""
import collections
import os
import re
import subprocess
import sys


def counts_by_address(path):
    """Instruction counts by address from a callgrind file with positions
    `instr` (addresses may be relative to the previous line's)."""
    counts = collections.Counter()
    last = 0
    ncols = 1
    skip = False
    for line in open(path):
        if line.startswith("positions:"):
            ncols = len(line.split()) - 1
            continue
        if line.startswith("calls="):
            skip = True  # the next line is the call's inclusive cost
            continue
        if not line or line[0] not in "0123456789+-*":
            continue
        parts = line.split()
        a = parts[0]
        if a.startswith("0x"):
            addr = int(a, 16)
        elif a.startswith("+"):
            addr = last + int(a[1:], 0)
        elif a.startswith("-"):
            addr = last - int(a[1:], 0)
        elif a == "*":
            addr = last
        else:
            continue
        last = addr
        if skip:
            skip = False
            continue
        if len(parts) > ncols:
            try:
                counts[addr] += int(parts[ncols])
            except ValueError:
                pass
    return counts


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    out, dump, div = sys.argv[1], sys.argv[2], float(sys.argv[3])
    least = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
    counts = counts_by_address(out)
    funcs = []
    for f in os.listdir(dump):
        m = re.match(r"([0-9a-f]+)_(.*)\.bin$", f)
        if m:
            funcs.append((int(m.group(1), 16), m.group(2), os.path.join(dump, f)))
    total = 0
    for base, name, path in sorted(funcs):
        size = os.path.getsize(path)
        here = sum(v for a, v in counts.items() if base <= a < base + size)
        if here / div < least:
            continue
        total += here
        print(f"=== {name} @ {base:x}: {here / div:.1f} per unit")
        dis = subprocess.run(
            ["objdump", "-D", "-b", "binary", "-mi386:x86-64", f"--adjust-vma={base:#x}", path],
            capture_output=True,
            text=True,
        ).stdout
        for line in dis.splitlines():
            m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} )+\s*(.*)", line)
            if not m:
                continue
            v = counts.get(int(m.group(1), 16), 0) / div
            if v >= least:
                print(f"{v:8.2f}  {m.group(1)}  {m.group(2)}")
    print(f"total in JIT code: {total / div:.1f} per unit")


if __name__ == "__main__":
    main()
