# One call site, objects of different built-in kinds (and instances with
# a method of the same name): each call finds its own type's method.


class Counter:
    def count(self, x):
        return "Counter.count(%r)" % (x,)

    def index(self, x):
        return -1

    def __contains__(self, x):
        return True


def probe(objs):
    out = []
    for o in objs:
        out.append((o.count("a"), o.index("a") if "a" in o else None))
    return out


things = ["banana", ["a", "b", "a"], ("a",), "xyz", ["x"], Counter(), "aaa"]
for row in probe(things + things):
    print(row)
print(probe([Counter()]))

words = "The quick brown fox".split()
lowered = [w.lower() for w in words]
counts = {}
for w in lowered + ["the", "fox"]:
    counts[w] = counts.get(w, 0) + 1
print(lowered, counts, sorted(counts.items()))
s = set()
for w in words:
    s.add(w.upper())
print(sorted(s), frozenset([1, 2]).union([3]) == {1, 2, 3})

for bad in [lambda: "a".lower(1), lambda: [].append(), lambda: {}.get(),
            lambda: (1, 2).index(5), lambda: [1].remove(2), lambda: {}.pop("k")]:
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ":", e)


def fails(xs):
    total = 0
    for x in xs:
        total += x.index("q")
    return total


fails(["q", "aq", "zz"])
