# Generators driven by `for` loops: suspension and resumption, exceptions
# raised through the loop (StopIteration becomes RuntimeError), exceptions
# a generator is handling across its yields, mixing `for` with next(),
# `yield from`, recursion, and finally blocks when a loop stops early.
import sys


def count(n):
    i = 0
    while i < n:
        sent = yield i
        assert sent is None
        i += 1
    return "done"


total = 0
for x in count(5):
    total += x
print("total", total)


def nested_loops():
    g = count(6)
    pairs = []
    for a in g:
        for b in g:
            pairs.append((a, b))
            if b % 2 == 1:
                break
    return pairs


print(nested_loops())


def mixed():
    g = count(6)
    out = []
    for x in g:
        out.append(x)
        if x == 1:
            out.append(("next", next(g)))
        if x == 3:
            break
    out.append(("after break", next(g)))
    out.append(("rest", list(g)))
    return out


print(mixed())


def faulty(n):
    for i in range(n):
        if i == 2:
            raise KeyError("at two")
        yield i


try:
    for x in faulty(5):
        print("got", x)
except KeyError as e:
    print("KeyError", e)


def stops():
    yield 1
    raise StopIteration("inner")


try:
    for x in stops():
        print("got", x)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def handling():
    try:
        raise ValueError("inside")
    except ValueError:
        yield 1
        yield 2
        raise


try:
    for x in handling():
        try:
            raise TypeError("outside")
        except TypeError:
            print("loop handled TypeError at", x)
except ValueError as e:
    print("re-raised:", e)


def self_next():
    yield 1
    try:
        next(me)
    except ValueError as e:
        print("ValueError:", e)
    yield 2


me = self_next()
print([x for x in me])
me = self_next()
for x in me:
    print("self_next", x)


def delegating():
    yield 0
    yield from count(3)
    yield from [10, 11]
    yield 99


print([x for x in delegating()])
for x in delegating():
    print("delegating", x)


def walk(depth):
    if depth == 0:
        yield "leaf"
        return
    for x in walk(depth - 1):
        yield x
    yield "node%d" % depth


for x in walk(3):
    print(x)


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


for x in guarded():
    print("guarded", x)
    break
print("after guarded loop")


def deep(n):
    for x in deep(n + 1):
        yield x
    yield n


sys.setrecursionlimit(200)
try:
    for x in deep(0):
        pass
except RecursionError:
    print("RecursionError")


def total_of(g):
    s = 0
    for x in g:
        s += x
    return s


print(total_of(x * x for x in range(10)))
print(total_of(count(100)))


def broken():
    yield 1
    yield 1 / 0


for x in broken():
    print("broken", x)
