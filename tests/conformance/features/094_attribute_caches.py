# Attribute loads and stores on instances stay right when the class changes
# under them (the VM caches attribute lookups per class).
class P:
    def __init__(self, v):
        self.v = v
        self.w = v * 2
def read(o):
    return o.v + o.w
ps = [P(i) for i in range(5)]
print([read(p) for p in ps])
P.v = property(lambda self: 100)
print([read(p) for p in ps])
del P.v
print([read(p) for p in ps])
def store(o, x):
    o.v = x
log = []
for p in ps:
    store(p, 7)
def sa(self, n, x):
    log.append((n, x))
    pass
P.__setattr__ = sa
store(ps[0], 8)
print(log, ps[0].v)
del P.__setattr__
store(ps[1], 9)
print(log, ps[1].v)
del ps[1].v
try:
    read(ps[1])
except AttributeError as e:
    print("AttributeError", e)
class E(Exception):
    pass
def setargs(e):
    e.args = (1, 2)
    return e.args
for _ in range(3):
    print(setargs(E("x")))
class Q:
    pass
q = Q()
for i in range(3):
    store(q, i)
    print(read.__name__, q.v)
