# for-loops over generators: values, early exit, exceptions in and out,
# yield from, handled exceptions across yields, re-entrance, recursion.
# (StopIteration inside a generator: 120_generators_in_for_loops.)
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def flat(groups):
    for g in groups:
        yield from g


print([x for x in evens(count(10))])
total = 0
for x in flat([count(3), [10, 20], (30,), count(2)]):
    total += x
print("flat total", total)


def with_finally(log):
    try:
        for i in range(5):
            yield i
    finally:
        log.append("finally")


log = []
for v in with_finally(log):
    if v == 2:
        break
print("after break", log)
log2 = []
g = with_finally(log2)
for v in g:
    if v == 1:
        break
del g
print("after del", log2)


def raises_after(n):
    for i in range(n):
        yield i
    raise ValueError("boom after %d" % n)


try:
    for v in raises_after(3):
        print("got", v)
except ValueError as e:
    print("caught", e)


def catches_inside():
    try:
        yield 1
        raise KeyError("k")
    except KeyError as e:
        print("inside handler, exc_info:", sys.exc_info()[0].__name__)
        yield 2
        print("still handling:", sys.exc_info()[0].__name__)
    yield 3


try:
    raise TypeError("outer")
except TypeError:
    for v in catches_inside():
        print("loop sees", v, sys.exc_info()[0].__name__)


def reenter():
    yield 1
    next(me)
    yield 2


me = reenter()
try:
    for v in me:
        print("re", v)
except ValueError as e:
    print("ValueError:", e)


def partly(g):
    # resume a generator that a for loop started, by hand, then loop again
    yield next(g)
    for x in g:
        yield x * 10


print(list(partly(count(4))))
c = count(5)
print(next(c), next(c))
print([x for x in c])
print([x for x in c])


def deleg():
    r = yield from count(2)
    print("delegate returned", r)
    yield from evens(count(5))


for v in deleg():
    print("d", v)


def nested(depth):
    if depth == 0:
        yield depth
        return
    for x in nested(depth - 1):
        yield x + 1


print(list(nested(50)))


def deep(depth):
    yield from ()
    for x in deep(depth + 1):
        yield x


try:
    for x in deep(0):
        pass
except RecursionError as e:
    print("RecursionError", e)


def gen_with_return_in_loop():
    for i in count(10):
        if i == 3:
            return
        yield i


print(list(gen_with_return_in_loop()))


def throw_into():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise


t = throw_into()
for v in t:
    print("t", v)
    break
del t


def err_in_caller():
    for v in count(3):
        if v == 1:
            raise IndexError("caller fails at %d" % v)


try:
    err_in_caller()
except IndexError as e:
    print("IndexError:", e)


def last_uncaught():
    yield 1
    {}["missing"]


for v in last_uncaught():
    print("last", v)
