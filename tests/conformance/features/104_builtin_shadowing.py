# A builtin looked up from a function, then shadowed by a global made later
# in several ways, then revealed again when the global is deleted: every
# lookup must see the current binding (the VM and JIT cache misses).


def use_len(x):
    return len(x)


def use_abs(x):
    return abs(x)


def shadow_with_global_statement():
    global len
    len = lambda x: "shadowed " + str(x)


for i in range(3):
    print(use_len("abc"), use_abs(-i))

shadow_with_global_statement()
print(use_len("abc"))
del len
print(use_len("abcd"))

globals()["abs"] = lambda x: "abs via globals()"
print(use_abs(-5))
del globals()["abs"]
print(use_abs(-6))

def len(x):
    return "len from def"


print(use_len("xyz"))
del len
print(use_len("xyz"))


def late():
    return isinstance(1, int), isinstance_later(2)


try:
    late()
except NameError as e:
    print("NameError:", e)


def isinstance_later(x):
    return x * 10


print(late())
import builtins

builtins.my_builtin = lambda: "new builtin"


def use_new():
    return my_builtin()


print(use_new())
my_builtin = lambda: "global wins"
print(use_new())
del my_builtin
print(use_new())
