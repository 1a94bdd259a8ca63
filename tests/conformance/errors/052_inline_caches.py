# Attribute, method and property sites that see several classes, and
# changes that must invalidate what those sites remember.


class Base:
    def __init__(self, n):
        self.n = n

    def describe(self):
        return "base %d" % self.n

    def value(self):
        return self.n


class Child(Base):
    def describe(self):
        return "child %d" % self.n


class Other:
    def __init__(self, n):
        self.n = n * 10

    def describe(self):
        return "other %d" % self.n

    def value(self):
        return -self.n


class WithProp:
    def __init__(self, n):
        self._n = n

    @property
    def n(self):
        return self._n + 1000

    def describe(self):
        return "prop %d" % self.n

    def value(self):
        return self._n


class Fifth(Base):
    pass


class Sixth(Child):
    pass


def show(objs):
    # One attribute site, one method site: up to six classes each.
    return [(o.n, o.describe()) for o in objs]


objs = [Base(1), Child(2), Other(3), WithProp(4), Fifth(5), Sixth(6)]
for _ in range(3):
    print(show(objs))

# An instance attribute shadows the method, then goes away again.
b = objs[0]
b.describe = lambda: "shadowed"
print(show(objs)[0])
del b.describe
print(show(objs)[0])

# Replacing a method on a class is seen at once by every site.
Base.describe = lambda self: "patched %d" % self.n
print(show(objs))
Child.value = lambda self: 99
print([o.value() for o in objs])

# A property added to a class after its instances were seen.
Other.n = property(lambda self: 777)
print(show(objs))

# A getter that raises: the traceback names the access and the getter.


class Broken:
    @property
    def boom(self):
        return 1 / 0


def read(o):
    return o.boom


for _ in range(2):
    try:
        read(Broken())
    except ZeroDivisionError as e:
        print("caught", e)

# Setting an attribute through a site that saw a property without setter.
w = WithProp(1)
try:
    w.n = 5
except AttributeError as e:
    print("AttributeError:", e)

read(Broken())
