# Calls of global functions that the JIT makes as direct native calls
# (`jit::translate::calls`): every guard failing once, and what a call must
# keep doing on the way: recursion limit, frames for logging, finalizers,
# exceptions and tracebacks, globals() in the callee.
import logging
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", fib(20))


# The global rebound while callers run: the guard sees another function.
def one():
    return 1


def two():
    return 2


def call_one_many(n):
    total = 0
    for i in range(n):
        total += one()
    return total


print(call_one_many(10))
saved = one
one = two
print(call_one_many(10))
one = 5
try:
    call_one_many(1)
except TypeError as e:
    print("TypeError:", e)
one = saved
print(call_one_many(3))


# Recursion past the limit is a RecursionError, and the stacks recover.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print("fib after", fib(15))


# A callee with many registers, deep: the register stack moves on to new
# chunks in the middle of direct calls.
def wide(n, a, b, c):
    x1 = a + b
    x2 = b + c
    x3 = x1 * x2
    x4 = x3 - a
    x5 = x4 + n
    x6 = [x1, x2, x3]
    x7 = (x4, x5)
    x8 = "s" + str(n)
    if n == 0:
        return len(x6) + len(x7) + len(x8)
    return wide(n - 1, a, b, c) + 1


sys.setrecursionlimit(3000)
print("wide", wide(2000, 1, 2, 3))


# Exceptions raised in a directly called function: caught by the caller,
# chained, and with the callee's line in the traceback.
def fail(x):
    if x > 2:
        raise ValueError("too big: " + str(x))
    return x


def try_all():
    out = []
    for i in range(5):
        try:
            out.append(fail(i))
        except ValueError as e:
            out.append(str(e))
    return out


print(try_all())


# Objects a callee leaves in its locals are released when it returns,
# before the caller goes on (finalizer order as in CPython).
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_and_drop(name):
    n = Noisy(name)
    return len(name)


def caller():
    print("before")
    r = make_and_drop("a") + make_and_drop("bb")
    print("after", r)


caller()


# Returning an object the callee also holds in a local.
def pair(a):
    t = (a, a)
    return t


def many_pairs():
    last = None
    for i in range(1000):
        last = pair(str(i))
    return last


print(many_pairs())


# logging names the directly called function and its line.
logging.basicConfig(format="%(funcName)s:%(lineno)d:%(message)s", level=logging.INFO, stream=sys.stdout)


def logs(x):
    logging.info("x=%d", x)
    return x


def calls_logs():
    return logs(1) + logs(2)


print(calls_logs())


# globals() in a directly called function is the module's.
def has_fib():
    return "fib" in globals()


def ask():
    return has_fib()


print(ask())


# An uncaught exception through direct calls: the traceback's last line.
def level3(d):
    return {}[d]


def level2(d):
    return level3(d) + 1


def level1(d):
    return level2(d) + 1


level1("missing")
