# math.sqrt in float loops (the JIT computes it inline): every argument
# the inline path does not take, and the function rebound, behave as in
# CPython.
import math


def norms(points):
    total = 0.0
    for x, y in points:
        total += math.sqrt(x * x + y * y)
    return total


def roots(values):
    out = []
    for v in values:
        r = 0.5
        try:
            r = r * math.sqrt(v)
        except ValueError as e:
            print("ValueError:", e, "for", v)
        except (TypeError, OverflowError) as e:
            print(type(e).__name__ + ":", e)
        out.append(r)
    return out


def main():
    pts = [(3.0, 4.0), (1.0, 1.0), (0.0, 0.0), (5, 12), (1e200, 1e200)]
    print(norms(pts))
    vals = [4.0, 2, -0.0, 0.0, float("inf"), float("nan"), -1.0, -4, True, 10**20, 2**1100, "x"]
    for r in roots(vals):
        print(repr(r))
    # math.sqrt rebound while a loop calls it, then restored.
    real = math.sqrt
    acc = 0.0
    for k in range(6):
        if k == 3:
            math.sqrt = lambda x: -x
        acc += 1.0 * math.sqrt(k * 4.0)
    math.sqrt = real
    print(acc)
    print(norms(pts[:2]))


main()
