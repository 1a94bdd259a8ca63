# Method calls of instances, made directly from native code in jit mode:
# each case below is one the direct path must hand back to the general
# call, or get exactly right itself.


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

    def fail(self, k):
        return 10 // k


class Loud(Counter):
    def bump(self, k):
        # A method with a closure cell (`super()` needs `__class__`).
        return super().bump(k) * 10


def drive(obj, rounds):
    total = 0
    for i in range(rounds):
        total += obj.bump(i)
    return total


c = Counter()
print(drive(c, 50), c.n)
print(drive(Loud(), 50))

# The instance's own attribute shadows the class's method.
s = Counter()
s.bump = lambda k: -k
print(drive(s, 10))

# The class's method replaced between calls (and during one).
class Swapped:
    def m(self):
        Swapped.m = lambda self: "new"
        return "old"

w = Swapped()
print([w.m() for _ in range(3)])

# An exception raised in a directly called method, caught by the caller.
def guarded(obj, k):
    try:
        return obj.fail(k)
    except ZeroDivisionError as e:
        return "caught " + str(e)

print([guarded(c, k) for k in (5, 0, 2)])

# Recursion through methods ends in RecursionError, not a crash.
class Deep:
    def down(self, n):
        return self.down(n + 1)

try:
    Deep().down(0)
except RecursionError as e:
    print("RecursionError:", e)

# Methods that yield, have handlers, or take keywords.
class Mixed:
    def gen(self, n):
        yield from range(n)

    def safe(self, x):
        try:
            return 1 / x
        except ZeroDivisionError:
            return None

    def kw(self, a, b=2):
        return a * b

m = Mixed()
out = []
for i in range(4):
    out.append((sum(m.gen(i)), m.safe(i), m.kw(i), m.kw(i, b=3)))
print(out)

# The uncaught exception's traceback names the method's line.
c.fail(0)
