# Calls and recursion: a recursive Fibonacci, Takeuchi's function, and a
# closure updating a nonlocal. Stresses call/return, argument passing and
# small-int arithmetic.
#   usage: calls.py [N]   (default 27: fib(N), tak of N-derived arguments)
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def make_counter(step):
    total = 0

    def add(k):
        nonlocal total
        total = (total + k * step) % 1000003
        return total

    return add


def main(n):
    a = fib(n)
    b = tak(n // 2 + 2, n // 3, n // 6)
    add = make_counter(7)
    c = 0
    for i in range(n * 4000):
        c = add(i % 11)
    print(f"calls n={n}: fib={a} tak={b} counter={c}")


main(int(sys.argv[1]) if len(sys.argv) > 1 else 27)
