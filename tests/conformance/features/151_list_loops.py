# Loops over lists, stepped through by index in compiled code: the list
# may grow or shrink while it is iterated, be left early, raise inside,
# or be what a rebound `range` returns; other iterables keep the
# iterator protocol.

def f(xs):
    t = 0
    for x in xs:
        t += x
    return t

def g(xs):
    out = []
    for x in xs:
        if x == 2:
            xs.append(10)
        if x == 10:
            xs.clear()
        out.append(x)
    return out

def h(xs):
    for x in xs:
        if x > 2:
            return x
    return None

def k(xs):
    total = 0.0
    for i in range(3):
        for x in xs:
            total += x * 0.5
    return total

def m(rows):
    s = 0
    for r in rows:
        for v in r:
            s += v
        r = None
    return s

def e(xs):
    try:
        for x in xs:
            1 // x
    except ZeroDivisionError:
        return "zero"

range_ = range
def n(k):
    global range
    range = lambda a: [a, a + 1, "x"]
    out = []
    for i in range(k):
        out.append(i)
    range = range_
    return out

class Obj:
    def __init__(self, v): self.v = v
    def __del__(self): pass

def objs(n):
    xs = [Obj(i) for i in range(n)]
    s = 0
    for o in xs:
        s += o.v
    del xs
    return s

print(f([1, 2, 3]), f([]), f(list(range(100))))
print(g([1, 2, 3]))
print(h([1, 2, 3, 4]), h([]))
print(k([1.0, 2.0, 3.5]))
print(m([[1, 2], [3], []]))
print(e([1, 2, 0, 3]))
print(n(5))
print(objs(10))
print(f((1, 2, 3)), f("")  if False else 0, f({1: 2, 3: 4}), f(iter([5, 6])))
