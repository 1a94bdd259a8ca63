# d[k], d[k] = v and k in d on dicts in loops: str, int and tuple keys,
# keys with Python __hash__/__eq__ (each call visible), KeyError caught
# and uncaught, and temporaries as keys.
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        print("hash", self.n)
        return self.n % 3
    def __eq__(self, other):
        print("eq", self.n, getattr(other, "n", other))
        return isinstance(other, Key) and other.n == self.n

counts = {}
pairs = {}
prev = None
for w in "a b a c b a a".split():
    counts[w] = counts.get(w, 0) + 1
    if prev is not None:
        key = (prev, w)
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
    prev = w
print(sorted(counts.items()), sorted(pairs.items()))
print("a" in counts, "z" in counts, "z" not in counts, ("a", "b") in pairs)

d = {}
for n in (1, 4, 7):
    d[Key(n)] = n * 10
print(d[Key(4)], Key(7) in d, Key(2) in d)
d[Key(1)] = 99
print(sorted(v for v in d.values()))
ints = {i: i * i for i in range(5)}
total = 0
for i in range(5):
    total += ints[i] + ints[-0 + i]
print(total)
for k in ("x", ("t", 1), 10):
    try:
        print(counts[k])
    except KeyError as e:
        print("KeyError", repr(e), e.args)
try:
    {"a": 1}[["list"]]
except TypeError as e:
    print("TypeError:", e)
try:
    counts[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
print([1] in [[1]], "b" in {"a": 1, "b": 2}.keys())
print(counts["missing"])
