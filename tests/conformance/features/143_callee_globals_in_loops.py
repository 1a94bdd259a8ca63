# Calls in loops of a global function (pure) or of math.sqrt, while the
# global is rebound, deleted or replaced in the middle of the loop.
import math
real_math = math


def f(x):
    return x * 2 + 1


def g(x):
    return x - 3


def rebind(name, value):
    globals()[name] = value


def loop_rebinding(n):
    total = 0
    for i in range(n):
        total += f(i)
        if i == 5:
            rebind("f", g)
        if i == 8:
            rebind("f", abs)
        if i == 11:
            rebind("f", lambda x: x * 100)
    return total


print(loop_rebinding(15))
rebind("f", f.__globals__["g"])


def h(x, y):
    return x * y + x


def loop_big(n):
    total = 0
    for i in range(n):
        total += h(i, 2 ** 45) + h(i, 1.5)
    return total


print(loop_big(10))


def k(x):
    return x + 1


def loop_deleted(n):
    total = 0
    for i in range(n):
        total += k(i)
        if i == 3:
            del globals()["k"]
    return total


try:
    print(loop_deleted(10))
except NameError as e:
    print("NameError:", e)


class FakeMath:
    def sqrt(self, x):
        return -x


def loop_sqrt(n):
    s = 0.0
    for i in range(n):
        x = i * 1.0
        s += math.sqrt(x)
        if i == 4:
            rebind("math", FakeMath())
    return s


print(loop_sqrt(10))
rebind("math", real_math)


def loop_sqrt_error(n):
    s = 0.0
    for i in range(n):
        s += math.sqrt(3.0 - i)
    return s


try:
    print(loop_sqrt_error(10))
except ValueError as e:
    print("ValueError:", e)


def m(a, b):
    return a / b


def loop_zero(n):
    s = 0.0
    for i in range(n):
        s += m(1.0, 3 - i)
    return s


try:
    print(loop_zero(10))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
