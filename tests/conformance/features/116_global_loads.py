# Global loads that compiled code caches (`jit::runtime_calls::GlobalSite`):
# every way a global or builtin can change between two loads of it.
import builtins

counter = 0


def read_counter():
    return counter


def bump():
    global counter
    counter += 1


def read_len(x):
    return len(x)


print(read_counter())
bump()
print(read_counter())
globals()["counter"] = 10
print(read_counter())
counter = "str now"
print(read_counter())
del counter
try:
    read_counter()
except NameError as e:
    print("NameError:", e)
counter = 3
print(read_counter())

# A global that shadows a builtin, then goes away again.
print(read_len([1, 2, 3]))


def len(x):
    return -1


print(read_len([1, 2, 3]))
del len
print(read_len([1, 2, 3]))

# A builtin changed behind the module's back.
saved = builtins.abs


def use_abs(x):
    return abs(x)


print(use_abs(-4))
builtins.abs = lambda x: "patched"
print(use_abs(-4))
builtins.abs = saved
print(use_abs(-4))


# A loop reading a global that its body changes.
total = 0


def accumulate(n):
    global total
    for i in range(n):
        total = total + i
    return total


print(accumulate(10), total)


# Globals updated through a dict view of them and through update().
def read_pair():
    return (alpha, beta)


alpha, beta = 1, 2
print(read_pair())
globals().update(alpha=10, beta=20)
print(read_pair())
g = globals()
g.pop("alpha")
try:
    read_pair()
except NameError as e:
    print("NameError:", e)
g.setdefault("alpha", 7)
print(read_pair())
