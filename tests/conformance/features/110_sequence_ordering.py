# Ordering tuples and lists as CPython does: the first pair of items that
# are not equal decides, compared with the same operator (a reflected
# method when only the other side defines it; its result as returned),
# else the lengths decide; sorting, min and max use `<` the same way.


class Noisy:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, Noisy) and self.v == o.v

    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v

    __hash__ = None


class Weird:
    def __lt__(self, o):
        return "weird result"

    def __eq__(self, o):
        return False

    __hash__ = None


a = (1, Noisy(2), 3)
b = (1, Noisy(2), 4)
c = (1, Noisy(5))
print(a < b, a == b, a < c, c > a, (1, 2) < (1, 2, 0), (2,) > (1, 9))
nan = float("nan")
print((1, nan) < (1, 2), (nan,) < (nan,), (nan,) <= (nan,), [nan] >= [nan], (1, nan) == (1, nan))
print((Weird(),) < (Weird(),), [Weird()] < [Weird()])
print([1, [2, 3]] < [1, [2, 4]], ([1], 2) >= ([1], 2), [(1, 2)] > [(1,)])
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), max([(1, 2), (1, 3), (0, 9)]))
print(min([[3, 1], [2, 9], [2, 8, 0]]), sorted([(1, Noisy(3)), (1, Noisy(1))], key=lambda t: t[1].v)[0][1].v)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    [None] < [None]
except TypeError as e:
    print("TypeError:", e)
print([None] <= [None] if False else "skipped", (None,) == (None,))
