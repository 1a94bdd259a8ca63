# `Class(...)` and `with` find __new__, __init__, __enter__ and __exit__
# on the class at every use: changing them between uses must show.


class Point:
    def __init__(self, x):
        self.x = x


def make(n):
    return [Point(i).x for i in range(n)]


print(make(3))
Point.__init__ = lambda self, x: setattr(self, "x", -x)
print(make(3))
del Point.__init__
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
print(vars(Point()))


class Base:
    def __init__(self):
        self.tag = "base"


class Child(Base):
    pass


print(Child().tag)
Base.__init__ = lambda self: setattr(self, "tag", "patched base")
print(Child().tag)
Child.__init__ = lambda self: setattr(self, "tag", "own")
print(Child().tag, Base().tag)


class Fresh:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.made_by = "new"
        return obj


print(Fresh().made_by)
Fresh.__new__ = lambda cls: "not an instance"
print(Fresh())


class Ctx:
    def __enter__(self):
        return "first enter"

    def __exit__(self, *exc):
        print("first exit")
        return False


def use():
    with Ctx() as v:
        print(v)


use()
Ctx.__enter__ = lambda self: "second enter"
Ctx.__exit__ = lambda self, *exc: print("second exit")
use()
del Ctx.__exit__
try:
    use()
except TypeError as e:
    print("TypeError:", e)
