# Property reads, whose getters jit mode calls directly from native code:
# each case is one the direct path must get right or hand back.


class Box:
    def __init__(self, v):
        self.v = v

    @property
    def double(self):
        return self.v * 2

    @property
    def broken(self):
        return self.v // 0


def total(boxes):
    t = 0
    for b in boxes:
        t += b.double
    return t


boxes = [Box(i) for i in range(20)]
print(total(boxes))

# The object is a temporary (moved into the getter), then reused.
print([Box(k).double for k in range(5)])
x = Box(7)
print(x.double + x.double, x.v)

# A getter using super() (a closure cell) and a subclass overriding it.
class Twice(Box):
    @property
    def double(self):
        return super().double * 10

print(total([Twice(1), Box(1), Twice(2)]))

# The property replaced on the class between reads.
class Flip:
    @property
    def side(self):
        Flip.side = property(lambda self: "tails")
        return "heads"

f = Flip()
print([f.side for _ in range(3)])

# A getter that raises, caught by the caller; recursion through a getter.
def safe(b):
    try:
        return b.broken
    except ZeroDivisionError as e:
        return "caught " + str(e)

print([safe(Box(k)) for k in range(2)])

class Loop:
    @property
    def again(self):
        return self.again

try:
    Loop().again
except RecursionError as e:
    print("RecursionError:", e)

# Uncaught: the traceback ends in the getter's line.
print(Box(1).broken)
