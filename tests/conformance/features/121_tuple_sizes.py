# Tuples of every size around the inline limit: building, indexing,
# slicing, concatenation, comparison, hashing, unpacking, and the order
# in which a dropped tuple releases its items.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def sizes():
    for n in [0, 1, 2, 3, 11, 12, 13, 14, 25]:
        t = tuple(range(n))
        u = t + (n,)
        print(n, len(t), t[-1:] if t else t, u[-2:], t[::5], sum(u))
        print(t == tuple(list(t)), t < u, hash(t) == hash(tuple(range(n))))
        if n >= 3:
            a, b, *rest = t
            print(a, b, len(rest))


def literal():
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)
    print(t, len(t), t.count(13), t.index(7))
    nested = ((1, 2), (3, (4, 5)), ())
    print(nested, nested[1][1][0], {nested: "key"}[nested])


def drop_order():
    t = (Noisy("a"), Noisy("b"), Noisy("c"))
    del t
    print("---")
    big = tuple(Noisy(str(i)) for i in range(14))
    big = None
    print("done")


sizes()
literal()
drop_order()
