# An exception in a function the JIT runs without frames: the traceback
# names every frame, as CPython's does.


def inv(x):
    return 1 / x


def total(n, k):
    if n == 0:
        return inv(k)
    return total(n - 1, k) + inv(n + k)


def main():
    s = 0.0
    for k in range(3, -1, -1):
        s += total(6, k)
        print(round(s, 6))


main()
