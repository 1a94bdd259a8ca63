# Integer loops: Collatz sequence lengths, Euclid's gcd in a nested loop,
# and a shift/xor/mask loop. Stresses while/for-range loops, comparisons,
# //, %, bit operations and branches; almost no calls.
#   usage: int_loops.py [N]   (default 20000 Collatz starting points)
import sys


def collatz(limit):
    total = 0
    longest = 0
    best = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        total += steps
        if steps > longest:
            longest = steps
            best = start
    return total, best, longest


def gcd_sum(m):
    s = 0
    for a in range(1, m):
        for b in range(1, m, 3):
            x = a
            y = b
            while y:
                x, y = y, x % y
            s += x
    return s


def mix(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc ^ (i << 3) ^ (i >> 2)) & 0xFFFFFF
        if acc & 1:
            acc += 7
        i += 1
    return acc


def main(n):
    total, best, longest = collatz(n)
    g = gcd_sum(n // 50)
    m = mix(n * 10)
    print(f"int_loops n={n}: collatz={total} best={best}/{longest} gcd={g} mix={m}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
