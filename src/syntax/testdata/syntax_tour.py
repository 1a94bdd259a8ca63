# A tour of the syntax tern parses; tests/ast_vs_cpython.rs compares the AST
# with CPython's (it is never run).
import os
import os.path as osp, sys
from os import path, sep as separator
from os.path import (join, exists,)
from . import sibling
from .. import parent
from ...pkg.mod import thing as other
from .mod import *

x = 1; y = 2; z = 3;
a = b = c = 0
a, b = b, a
a, *rest, b = [1, 2, 3, 4]
*head, tail = range(5)
[p, q] = 1, 2
(r, s) = 3, 4
for i, (j, k) in enumerate([(1, 2)]): pass
for (i, j) in []: pass
for i, in [(1,)]: pass
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 2; x **= 2; x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1; x @= 1
obj.attr = 5
obj.a.b[1][2:3] = 6
d["k"] += 1
del x, y
del (a, b), [c]
del obj.attr, d["k"]
del a[1:2]
pass

def f(a, b=1, *args, c, d=2, **kwargs): return a, b
def g(a, b, /, c, *, d): pass
def h(a, /): pass
def h2(*, a=1, b): pass
def h3(a, b=1, /, c=2, *d, e, **f): pass
def empty(): return
def gen():
    x = yield
    y = yield 1
    z = yield 1, 2
    yield from range(3)
    w = (yield)
    print((yield x))
    return x
def notgen():
    def inner(): yield 1
    lambda: (yield)
    class C:
        pass
    return [x for x in range(3)]
def gen2(): [x for x in (yield)]

@decorator
@decorator.with_args(1, 2, key="v")
@decorators[0]
def decorated(): pass

@dataclass
class Plain: pass
class Base(object): pass
class Multi(A, B, metaclass=M, *extra, **kw):
    """Doc."""
    attr = 1
    def method(self): return self.attr
    @property
    def prop(self): return 1
    @staticmethod
    def static(): pass

if x: pass
if x:
    pass
elif y:
    pass
elif z: pass
else:
    pass
while x: x -= 1
while True:
    if x: break
    else: continue
else:
    pass
for i in range(10):
    continue
else: pass
for x in 1, 2, 3: pass
for x in *a, *b: pass

try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except Exception as e:
    raise RuntimeError("x") from e
except:
    raise Exception
else:
    pass
finally:
    pass
try: pass
finally: pass
try:
    pass
except E: pass

with open("f") as fh: pass
with a as b, c as d, e: pass
with (a as b, c as d): pass
with (a, b): pass
with (a, b) as c: pass
def wy():
    with (yield): pass
with a as (b, c), d as [e, f], g as h.i, j as k[0]: pass

def scopes():
    global G, H
    v = 1
    def inner():
        nonlocal v
        v += 1
    return inner

assert x
assert x, "message"
raise
raise E
raise E("m") from None
lambda: 0
lambda x: x
lambda x, y=1, *a, z, **k: (x, y, a, z, k)
lambda *, k: k
lambda x, /, y: x
lambda *a: a
lambda **k: k
f = lambda: lambda y: y

# Expressions and precedence.
v = -2 ** 2
v = 2 ** -1
v = -x ** -y ** z
v = not a == b
v = not not a
v = a and b or c and d
v = a or b and not c
v = a if b else c if d else e
v = (a if b else c) if d else e
v = lambda: a if b else c
v = a < b < c
v = a < b == c != d > e >= f <= g
v = a not in b is not c in d is e
v = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
v = ~a + -b - +c
v = a ** b ** c
v = (a + b) * c
v = a.b.c(d)[e].f
v = a[1]
v = a[1:2]
v = a[1:2:3]
v = a[::2]
v = a[:]
v = a[::]
v = a[1:]
v = a[:2]
v = a[1, 2]
v = a[1:2, 3]
v = a[1:2, ::3]
v = a[()]
v = a[(1, 2)]
v = a[b, ]
v = a[*b]
v = a[*b, c]
v = f()
v = f(a)
v = f(a, b=1)
v = f(*args, **kwargs)
v = f(a, *b, c, *d, e=1, **f, g=2)
v = f(x for x in y)
v = f(a=1, *b)
v = f(**a, b=1)
v = f(a,)
v = (x for x in y)
v = (x for x in y if x for z in w if z if x)
v = [x for x in y]
v = [x + 1 for x in y if x > 1]
v = [(x, y) for x in range(3) for y in range(x)]
v = {x for x in y}
v = {k: v for k, v in items}
v = {k: v for k, v in items if k}
v = [x for x in a if b if c]
v = [x for x in (1 if a else 2)]
v = []
v = [1]
v = [1, 2,]
v = [*a, *b, c]
v = ()
v = (1,)
v = (1, 2)
v = (1, 2,)
v = 1,
v = 1, 2
v = *a, *b
v = (*a, b)
v = {}
v = {1: 2}
v = {1: 2, 3: 4,}
v = {**a, 'b': 1, **c}
v = {1}
v = {1, 2,}
v = {*a, *b}
v = {*a, 1}
v = ...
v = None, True, False
v = 'single', "double", '''triple single''', """triple double"""
v = 'concat' "enation" '''of''' """strings"""
v = r'raw\n' R"RAW\d" u'unicode' U"UNICODE"
v = '\n\t\\\'\"\a\b\f\v\r\0\x41\101\u00e9\U0001F600'
v = 'unknown \q escape'
v = 'line \
continuation'
v = """multi
line
string"""
v = '''it's "quoted"'''
v = 'ünïcödé ✓ 😀'
v = f'plain'
v = f"{x}"
v = f"a{x}b{y}c"
v = f"{x!r} {x!s} {x!a}"
v = f"{x:>10} {x:.2f} {x:,} {x:{width}} {x:{w}.{p}f}"
v = f"{x!r:>{width}}"
v = f"{x=}"
v = f"{x = }"
v = f"{x * y=}"
v = f"{x=!s}"
v = f"{x=:>5}"
v = f"{{literal}} {{{x}}}"
v = f"{'nested'}" f'{"other"}'
v = f"{f'{x}'}"
v = f"{a['key']}"
v = f"{x if y else z}"
v = f"{(lambda: 1)()}"
v = f"{ {'a': 1}['a'] }"
v = f"{x:}"
v = f"{x!r:}"
v = 'a' f'{b}' 'c'
v = f'{a}' 'b' f'{c}'
v = rf"{x}\n" fr'\d{y}' Rf"{z}" fR"{w}"
v = f"""multi
{x}
line"""
v = f"{x:{'>'}10}"
v = f"{3.14:.1f}"
v = f"{x!r}" "tail"
v = f"\n{x}\t"
v = f"{x}" f"{y}"
v = F"{x}"

# Numbers.
n = 0; n = 00; n = 0_0; n = 7; n = 1_000_000
n = 0x1F; n = 0XfF; n = 0x_1_f; n = 0o17; n = 0O7_7; n = 0b1010; n = 0B1_0
n = 123456789012345678901234567890
n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF
n = 1.5; n = 1.; n = .5; n = 1e10; n = 1E-10; n = 1.5e+3; n = 1_000.000_1; n = 1e1_0
n = 0.0; n = 00.5; n = 0e0; n = 1.e2; n = 5.
n = 1e400
n = 1if x else 2

# Unicode identifiers.
café = 1
π = 3.14
名前 = "name"
_private = __dunder__ = 1

# Backslash continuation and implicit joining.
total = 1 + \
    2 + \
    3
items = [
    1,
    2,  # comment
    3,
]
call(
    a,

    b,
)
if (a and
        b):
    pass

class Empty:
    pass


# Trailing comment at the end
