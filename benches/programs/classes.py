# Classes and methods: a small shape hierarchy with overriding and super(),
# a vector type with operator overloading, properties and a classmethod,
# and a bank simulation moving money between account objects. Stresses
# method calls, attribute access, instance creation and dunder dispatch.
#   usage: classes.py [N]   (default 50000 rounds)
import sys


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return len(self.name) + self.area()


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"


class Tri(Shape):
    def __init__(self, b, h):
        super().__init__("tri")
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @classmethod
    def zero(cls):
        return cls(0, 0)

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


class Account:
    def __init__(self, ident):
        self.ident = ident
        self._balance = 1000
        self.ops = 0

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        self._balance += amount
        self.ops += 1

    def withdraw(self, amount):
        if amount > self._balance:
            return False
        self._balance -= amount
        self.ops += 1
        return True


class Bank:
    def __init__(self, n):
        self.accounts = [Account(i) for i in range(n)]
        self.failed = 0

    def transfer(self, a, b, amount):
        if self.accounts[a].withdraw(amount):
            self.accounts[b].deposit(amount)
        else:
            self.failed += 1


def main(n):
    shapes = []
    for i in range(n // 4):
        k = i % 3
        if k == 0:
            shapes.append(Rect(i % 7 + 1, i % 5 + 1))
        elif k == 1:
            shapes.append(Square(i % 9 + 1))
        else:
            shapes.append(Tri(i % 11 + 1, i % 4 + 2))
    described = sum(s.describe() for s in shapes)
    v = Vec.zero()
    for i in range(n):
        v = v + Vec(i % 3 - 1, i % 5 - 2) * 2
        if v == Vec.zero():
            v = v + Vec(1, 1)
    bank = Bank(50)
    for i in range(n):
        bank.transfer(i * 7 % 50, i * 13 % 50, i * 31 % 400)
    total = sum(a.balance for a in bank.accounts)
    ops = sum(a.ops for a in bank.accounts)
    print(
        f"classes n={n}: shapes={Shape.count} described={described} "
        f"vec=({v.x},{v.y}) norm={v.norm1} total={total} ops={ops} failed={bank.failed}"
    )


main(int(sys.argv[1]) if len(sys.argv) > 1 else 50000)
