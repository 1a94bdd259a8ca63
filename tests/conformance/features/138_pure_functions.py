# Functions that only compute on numbers (the JIT runs them without
# frames): every case they do not handle must behave as in CPython.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def grow(n):
    # Past 48 bits the ints are big ints.
    if n == 0:
        return 1
    return grow(n - 1) * 3


def div(x, y):
    return x / y


def floor_mod(x, y):
    return x // y, x % y


def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1


def sign(x):
    if x > 0:
        return 1
    elif x < 0:
        return -1
    return 0


def truth(x):
    if x:
        return "yes"
    return "no"


def truth2(x):
    if x:
        return 1
    return 0


def neg(x):
    return -x


def pos(x):
    return +x


def not_(x):
    return not x


def maybe(x):
    if x > 0:
        return x


def both(x, y):
    return x > 0 and y > 0


def either(x, y):
    return x or y


def twice(x):
    return helper(x) + helper(x)


def helper(x):
    return x * 2


def other_helper(x):
    return x * 100


def scale(x):
    return x * FACTOR


FACTOR = 3


def outer(x):
    return middle(x) + 1


def middle(x):
    return inner(x) * 2


def inner(x):
    return x + 1


def inner2(x):
    return x - 1


def main():
    for i in range(3):
        print(fib(20 + i))
    t = 0.0
    for i in range(40):
        for j in range(40):
            t += a(i, j)
    print(t)
    for k in range(28, 33):
        print(grow(k))
    values = [7, -7, 2.5, -0.0, float("nan"), float("inf"), True, False, None, 2**60]
    for v in values:
        try:
            print("sign", repr(v), repr(sign(v)))
        except TypeError as e:
            print("sign", repr(v), "TypeError:", e)
        print("truth2", repr(v), truth2(v))
        try:
            print("neg", repr(v), repr(neg(v)))
        except TypeError as e:
            print("neg", repr(v), "TypeError:", e)
        try:
            print("pos", repr(v), repr(pos(v)))
        except TypeError as e:
            print("pos", repr(v), "TypeError:", e)
        print("not_", repr(v), not_(v))
        try:
            print("maybe", repr(v), repr(maybe(v)))
        except TypeError as e:
            print("maybe", repr(v), "TypeError:", e)
    for v in [2**47 - 1, -(2**47), 2**47]:
        print(neg(v), pos(v), neg(neg(v)))
    for x, y in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7.5, 2), (1, 0)]:
        try:
            print(x, y, floor_mod(x, y))
        except ZeroDivisionError as e:
            print(x, y, "ZeroDivisionError:", e)
    for y in [4, 2, 1, 0.5, 0, 0.0]:
        try:
            print(div(1, y))
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
    for x, y in [(1, 2), (0, 2), (1, 0), (-1, -1)]:
        print(both(x, y), either(x, y), either(0, y))
    for v in [0, 1, 0.0, 3.5, None, True, "", "s", [], [0]]:
        print(truth(v))
    # The global a pure function calls is rebound while it runs in a loop.
    global helper
    for i in range(6):
        if i == 3:
            helper = other_helper
        print(twice(i))
    global FACTOR
    for i in range(4):
        print(scale(i))
        FACTOR = 2.5 if i == 1 else "ab"[: i]
    # A function two calls down is rebound.
    global inner
    for i in range(6):
        if i == 3:
            inner = inner2
        print(outer(i))
    # The recursion limit is the same with or without frames.
    print(deep(500))
    sys.setrecursionlimit(300)
    try:
        for n in range(280, 320, 10):
            print(n, deep(n))
    except RecursionError as e:
        print("RecursionError:", e)
    sys.setrecursionlimit(1000)
    print(deep(900))


main()
