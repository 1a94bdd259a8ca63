# A pure callee or math loaded for a call in a loop, with the arguments'
# arithmetic in between (which may run Python code that rebinds the callee).
import math


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        global f
        f = g
        return self.v + o


def f(x, y):
    return x * 2.0 + y


def g(x, y):
    return x - y


def loop(n, extra):
    s = 0.0
    for i in range(n):
        s += f(i * 0.5 + 1.0, i - 2.5) + math.sqrt(i * 2.0 + 1.0)
        s += f(extra + i, 1.0)
    return s


print(loop(5, 1))
print(loop(5, Num(3)))
print(loop(5, 2.5))
