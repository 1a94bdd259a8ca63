# `x is None` / `x is not None` as branch conditions (temporaries consumed,
# finalizers run), and tuple assignment straight into local variables,
# which assigns nothing when the length is wrong.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make(name):
    return Noisy(name)


def branches(x, y):
    if x is None:
        print("x is None")
    if x is not None:
        print("x is not None")
    if make("temp") is None:
        print("unreachable")
    print("after temp")
    while y is not None:
        y = None
        print("loop once")
    if not (x is y):
        print("x and y differ")
    return x is None or y is None, x is not y and y is None


print(branches(None, 1))
print(branches(3, None))
print(branches(None, None))


def unpacking(pair):
    first, second = pair
    print(first, second)
    a, b = [10, 20]
    a, b = b, a
    print(a, b)
    c, d = "xy"
    print(c, d)
    try:
        e, f = [1, 2, 3]
    except ValueError as err:
        print("ValueError:", err)
    try:
        print(e)
    except UnboundLocalError as err:
        print("UnboundLocalError:", err)
    g = (7, 8)
    g, h = g
    print(g, h)
    n1, n2 = Noisy("n1"), Noisy("n2")
    n1, n2 = 1, 2
    print("replaced", n1, n2)
    for i, j in [(1, 2), (3, 4)]:
        print(i + j)
    return first is second


print(unpacking((None, None)))
print(unpacking([1, 2]))
