# Float arithmetic: Simpson's rule for pi, Newton's square roots checked
# against math.sqrt, and a heat-diffusion stencil on a grid of lists.
# Stresses float +-*/, float/int mixing, list indexing and nested loops.
# Only correctly rounded operations are used, so every implementation
# prints the same digits.
#   usage: float_math.py [N]   (default 90: a 90x90 grid)
import math
import sys


def simpson(steps):
    h = 1.0 / steps
    total = 0.0
    for i in range(steps + 1):
        x = i * h
        y = 4.0 / (1.0 + x * x)
        if i == 0 or i == steps:
            total += y
        elif i % 2 == 1:
            total += 4.0 * y
        else:
            total += 2.0 * y
    return total * h / 3.0


def newton_error(count):
    worst = 0.0
    for k in range(1, count + 1):
        a = k * 0.37 + 1.0
        x = a
        for _ in range(30):
            x = 0.5 * (x + a / x)
        err = abs(x - math.sqrt(a))
        if err > worst:
            worst = err
    return worst


def heat(n, steps):
    grid = [[0.0] * n for _ in range(n)]
    for i in range(n):
        grid[0][i] = 100.0
        grid[i][0] = 50.0
    for _ in range(steps):
        new = [row[:] for row in grid]
        for i in range(1, n - 1):
            above = grid[i - 1]
            row = grid[i]
            below = grid[i + 1]
            out = new[i]
            for j in range(1, n - 1):
                out[j] = row[j] + 0.2 * (above[j] + below[j] + row[j - 1] + row[j + 1] - 4.0 * row[j])
        grid = new
    total = 0.0
    for row in grid:
        for v in row:
            total += v
    return total


def main(n):
    pi = simpson(n * 1000)
    err = newton_error(n * 20)
    h = heat(n, n // 2)
    print(f"float_math n={n}: pi={pi:.12f} newton_err={err:.3e} heat={h:.6f}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 90)
