# Indexing, item stores and range loops on the paths every backend
# specialises, with the cases that must fall back to the general one.
import math

xs = [10, 20, 30, 40]
t = ("a", "b", "c")
print(xs[0], xs[-1], xs[3], t[1], t[-3])
for bad in (4, -5):
    try:
        print(xs[bad])
    except IndexError as e:
        print("IndexError:", e)
try:
    print(t[3])
except IndexError as e:
    print("IndexError:", e)
print(xs[True], t[False])
d = {0: "zero", -1: "minus one"}
print(d[0], d[-1])
print("text"[1], "text"[-1])

# Stores: ints, objects replacing objects, negative indexes, errors.
ys = [None] * 5
for i in range(5):
    ys[i] = [i] * i
ys[-1] = "last"
ys[0] = ys[1]
print(ys)
try:
    ys[5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    t[0] = "z"
except TypeError as e:
    print("TypeError:", e)
d[2] = "two"
print(sorted(d.items()))


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


zs = [Noisy("first"), Noisy("second")]
zs[0] = Noisy("third")
print("after store")
zs[1] = 0
print("after second store")

# Range loops: empty, negative steps, bounds beyond 48 bits, nested,
# and an iterator reused after it is exhausted.
total = 0
for i in range(0):
    total += 1
for i in range(10, 0, -3):
    total += i
big = 2 ** 50
for i in range(big, big + 3):
    total += i - big
print(total)
print([i for i in range(2 ** 47 - 1, 2 ** 47 + 2)])
it = iter(range(3))
for i in it:
    pass
for i in it:
    print("never")
print("it done", i)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
acc = 0.0
for r in range(3):
    for c in range(3):
        acc += math.sqrt(grid[r][c])
print(round(acc, 6))
print(math.floor(2.5), math.pi > 3)
try:
    math.nosuch(1)
except AttributeError as e:
    print("AttributeError:", e)
