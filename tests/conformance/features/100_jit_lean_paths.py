# Instructions the JIT runs inline or through lean entries: copies of
# heap values, constants, `is`, tuple building, unpacking, iteration over
# lists and tuples. Reference counts must come out right: `__del__` runs
# exactly when the last reference goes.


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def copies():
    a = Tracked("a")
    b = a            # a copy of a heap local
    c = b
    del a
    print("after del a")
    b = None
    print("after b = None")
    return c.name


print(copies())
print("returned")


def unpack_replaces():
    x, y = Tracked("x1"), Tracked("y1")
    print("unpacking again")
    pair = (Tracked("x2"), Tracked("y2"))
    x, y = pair                             # the old x and y die here
    print("unpacked", x.name, y.name)
    x, y = [1, 2]
    print("from a list", x, y)
    pair = (3, 4)
    x, y = pair
    x, y = y, x
    print("swapped", x, y)


unpack_replaces()

for bad in [(1, 2, 3), [1], "ab", "abc", range(2), {1: 2, 3: 4}]:
    try:
        p, q = bad
        print("ok", p, q)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)

try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)


def identity():
    nan = float("nan")
    big = 10 ** 20
    same_big = big
    s = "text"
    items = [None, True, 0, 1.5, nan, s, big]
    out = []
    for v in items:
        out.append((v is v, v is not v, v is None, v is same_big, v is s))
    t = (1, 2)
    u = t
    out.append((t is u, t is not u, [] is []))
    return out


for row in identity():
    print(row)


def tuples(n):
    acc = []
    for i in range(n):
        t = (i, i * 2, "k", None)
        acc.append(t)
    s = 0
    for a, b, k, z in acc:
        s += a + b
    return s, acc[-1], len(acc)


print(tuples(5))


def iterate():
    xs = [1, 2, 3]
    seen = []
    for x in xs:
        seen.append(x)
        if x == 2:
            xs.append(4)          # a list iterator sees appends
    it = iter(xs)
    print(list(it), list(it))     # exhausted stays exhausted
    total = 0
    for v in (10, 20, 30):
        total += v
    for ch in "ab":
        seen.append(ch)
    for k in {"one": 1, "two": 2}:
        seen.append(k)
    return seen, total


print(iterate())


def drop_during_iteration():
    ts = [Tracked("t1"), Tracked("t2")]
    for t in ts:
        print("see", t.name)
    ts = None
    print("list dropped")


drop_during_iteration()
print("end")

# A NaN is itself (identity before equality in containment and lookups),
# but two NaNs made apart are two objects.
x = float("nan")
print(x is x, x in [x], [x].count(x), [x].index(x), x in (x,), {x: 1}.get(x), x in {x})
print([x] == [x], (x,) == (x,), x == x, x != x)
y = float("nan")
print(x is y, x in [y], y == y, {x: 1}.get(y))
