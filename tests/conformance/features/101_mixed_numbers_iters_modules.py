# Mixed int/float arithmetic, iter() of built-in iterables and calls of a
# module's functions: paths the VM and the JIT take without the general
# machinery must give CPython's results and errors.
import math
import mod_utils


def mixed(pairs):
    out = []
    for a, b in pairs:
        row = [a + b, a - b, a * b]
        try:
            row.append(a / b)
        except ZeroDivisionError as e:
            row.append("ZeroDivisionError: " + str(e))
        out.append(row)
    return out


big = 2 ** 47 - 1
for row in mixed([(1, 2), (7, 2), (-7, 2), (1, 3.0), (2.5, 4), (0, -1.5),
                  (-0.0, 0), (0, -0.0), (5, 0), (5.0, 0), (5, 0.0), (big, 3),
                  (big, -big), (-big - 1, 7), (2 ** 60, 3), (1e308, 10),
                  (10, 1e-308), (True, 2), (3, False), (float("inf"), 2)]):
    print(row)

total = 0.0
for i in range(1, 2000):
    total += 1.0 / (i * (i + 1) // 2 + i + 1)
    total -= i / (i + 0.5)
print(round(total, 9), 7 / 7, -7 / 7, 1 / 3, 2 / -3, 10 ** 15 / 7)


def each(x):
    try:
        it = iter(x)
    except TypeError as e:
        return "TypeError: " + str(e)
    return list(it)


print(each([1, 2]), each((3,)), each("héllo"), each(range(3, -3, -2)))
print(each({"k": 1, "j": 2}), sorted(each({4, 1, 3})), sorted(each(frozenset("ab"))))
print(each(x * 2 for x in range(3)), each(iter([7, 8])), each(5), each(None))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n, 0, -1))


print(each(Countdown(3)), [c for c in Countdown(2)])
d = {"a": 1}
it = iter(d)
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)

acc = 0.0
for i in range(1, 500):
    acc += math.sqrt(i) + math.floor(i / 7) + math.gcd(i, 12)
print(round(acc, 6), math.pi)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.floor("x")
except TypeError as e:
    print("TypeError:", e)
print(mod_utils.shout("hi"), mod_utils.GREETING)
try:
    mod_utils.fail("boom")
except mod_utils.UtilError as e:
    print("UtilError:", e)
try:
    mod_utils.missing()
except AttributeError as e:
    print("AttributeError:", e)
