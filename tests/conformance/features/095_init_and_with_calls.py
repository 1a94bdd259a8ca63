# __init__ and __enter__/__exit__ calls: results, errors, contexts, __del__
# timing (the VM runs them in its own dispatch loop).
class Bad:
    def __init__(self):
        return 5
try:
    Bad()
except TypeError as e:
    print("TypeError", e)
class Raises:
    def __init__(self, x):
        self.x = x
        raise ValueError(x)
def make(v):
    return Raises(v)
try:
    make(3)
except ValueError as e:
    print("ValueError", e, e.__context__)
class Ctx:
    def __init__(self, name, fail_enter=False, fail_exit=False):
        self.name, self.fail_enter, self.fail_exit = name, fail_enter, fail_exit
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise KeyError(self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        if self.fail_exit:
            raise RuntimeError("exit " + self.name)
        return False
with Ctx("a") as a, Ctx("b") as b:
    print(a, b)
try:
    with Ctx("c"), Ctx("d", fail_enter=True):
        print("not here")
except KeyError as e:
    print("KeyError", e)
try:
    with Ctx("e", fail_exit=True):
        print("body e")
except RuntimeError as e:
    print("RuntimeError", e, e.__context__)
try:
    with Ctx("f", fail_exit=True):
        raise IndexError("in f")
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__context__))
class Del:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
for i in range(2):
    Del(i)
    print("after", i)
x = Ctx("g")
with x:
    pass
