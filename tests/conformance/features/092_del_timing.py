# __del__ runs exactly where CPython runs it: at del, at rebinding, when a
# function returns, when a container is cleared or an item replaced, and when
# a temporary dies inside an expression.
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

print("del statement")
a = T("a")
del a
print("rebinding")
b = T("b1")
b = T("b2")
print("function return")
def f():
    local = T("local")
    return 1
print("returned", f())
print("nested call argument")
print("len is", len([T("arg")]))
print("container clearing")
items = [T("i0"), T("i1"), T("i2")]
items.clear()
print("dict item replaced")
d = {"k": T("dv")}
d["k"] = None
print("list slice assignment")
xs = [T("s0"), T("s1")]
xs[:] = []
print("attribute rebinding")
class Box:
    pass
box = Box()
box.item = T("attr1")
box.item = T("attr2")
del box
print("exception variable")
try:
    raise ValueError(T("in exception"))
except ValueError:
    print("  handling")
print("end")
b = None
