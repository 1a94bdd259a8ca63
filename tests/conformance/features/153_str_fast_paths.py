# str methods on their fast paths: one-character replace (all, counted,
# absent), the argument errors whose messages name "str.<method>", dict
# lookups in small dicts (no index) and growing past them, and tuples built
# and unpacked in place.
print("a.b.c".replace(".", "-"), "a.b.c".replace(".", "", 1), "abc".replace("x", "y"))
print("aaa".replace("a", "bb", 2), "x".replace("", "-"), "héllo".replace("l", "L"))
print("12.50".replace(".", ""), "1,234,567".replace(",", ""), "--".replace("-", "ab", 0))
for call in (lambda: "a".partition(), lambda: "a".upper(1),
             lambda: "a".startswith("a", x=1), lambda: "a".find(sub="a"),
             lambda: "ab".center()):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)

d = {}
for i in range(12):
    d[f"k{i}"] = i
    if i in (3, 7, 8, 11):
        print(len(d), d.get("k0"), d.get(f"k{i}"), d.get("missing"), "k5" in d)
for k in ("k1", "k9", "k3"):
    del d[k]
print(sorted(d.items())[:4], len(d))
small = {1: "a", 2: "b"}
small[1.0] = "c"
del small[2]
small[(1, 2)] = "t"
print(small, small.get(1), small.get((1, 2)))


class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2


ps = [P(i) for i in range(5)]
ps[2].z = 9
del ps[2].x
print([vars(p) for p in ps])

pairs = [(i, i * i) for i in range(4)]
total = 0
for a, b in pairs:
    total += a * b
t = (pairs, "x", None)
u, v, w = t
print(total, u[-1], v, w, len(t), t[1:], t[::-1][0])
