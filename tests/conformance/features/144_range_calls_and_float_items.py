# Counted range loops whose range() call makes no object, and float list
# items read unboxed in float loops, with every case that must leave the
# fast paths.
import builtins


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i, n):
            for k in range(j, i - 1, -1):
                total += i * j - k
    return total


print(nested(6))


def args_kinds():
    out = []
    for stop in (3, 0, -2, True, 2 ** 48 + 2):
        row = 0
        for x in range(stop):
            row += 1
            if row > 5:
                break
        out.append(row)
    for start, stop, step in ((0, 10, 3), (10, 0, -4), (5, 5, 1), (-3, 3, 2), (2 ** 47, 2 ** 47 + 9, 4)):
        out.append([v for v in range(start, stop, step)])
        acc = 0
        for v in range(start, stop, step):
            acc += v
        out.append(acc)
    return out


print(args_kinds())


def zero_step():
    total = 0
    for s in (1, 0):
        for v in range(0, 3, s):
            total += v
    return total


try:
    zero_step()
except ValueError as e:
    print("ValueError:", e)


def not_ints():
    total = 0
    for v in range(2.5):
        total += v
    return total


try:
    not_ints()
except TypeError as e:
    print("TypeError:", e)


def my_range(*args):
    return [10, 20, 30][: len(args) + 1]


def rebound(n):
    total = 0
    for _ in range(n):
        for v in range(3):
            total += v
    return total


print(rebound(3))
range = my_range
print(rebound(3))
del range
print(rebound(3))
builtins_range = builtins.range


def shadowed():
    range = lambda n: [n, n]
    total = 0
    for v in range(7):
        total += v
    return total


print(shadowed())


def reenter(n):
    hits = []
    for i in range(n):
        for j in range(n):
            if j == i:
                break
            hits.append((i, j))
    return hits


print(reenter(4))


def raise_inside(n):
    caught = 0
    for i in range(n):
        try:
            for j in range(n):
                if j == i:
                    raise KeyError(j)
        except KeyError:
            caught += 1
    return caught


print(raise_inside(5))


def dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i] + 0.5
    return s


print(dot([1.0, 2.5, -3.0], [4.0, 0.5, 2.0]))
print(dot([1, 2, 3], [4, 5, 6]))
print(dot([1.0, 2, 3.5], [True, 2.0, 1]))
print(dot([float("nan"), 1.0], [1.0, 2.0]))
print(dot([float("inf"), -1.0], [1.0, float("inf")]))
try:
    print(dot([1.0, "x"], [2.0, 3.0]))
except TypeError as e:
    print("TypeError:", e)
try:
    print(dot([1.0, 2.0], [2.0]))
except IndexError as e:
    print("IndexError:", e)


def update(bodies, dt):
    for i in range(len(bodies)):
        b = bodies[i]
        for j in range(i + 1, len(bodies)):
            c = bodies[j]
            d = b[0] - c[0]
            b[1] -= d * dt
            c[1] += d * dt
            c[2] = c[-1] * 0.5 + b[-2]
    return bodies


print(update([[1.0, 0.0, 2.0], [3.0, 1.0, 1.0], [0.5, -1.0, 4.0]], 0.1))
print(update([[1, 0, 2], [3.0, 1, 1], [0.5, -1.0, 4]], 0.25))
weird = [[1.0, 0.0, 2.0], [2.0, [], 1.0]]
try:
    update(weird, 0.1)
except TypeError as e:
    print("TypeError:", e, weird)


def pure_scale(x):
    return x * 2.0


def with_pure(xs):
    s = 0.0
    for i in range(len(xs)):
        s += pure_scale(xs[i]) * xs[i]
    return s


print(with_pure([1.0, 2.0, 3.0]), with_pure([1, 2, 3]), with_pure([1.5, 2, True]))
