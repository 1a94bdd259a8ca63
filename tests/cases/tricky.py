@functools.lru_cache(maxsize=None)
@(lambda f: f)
def fib(n):  # comment after the colon
    return n if n < 2 else fib(n - 1) + fib(n - 2)

msg = (f"{'a' if x else 'b'}"
       f'{x!r:>{width}.{prec}}'
       "plain"
       rf"{x}\d")
nested = f"{f'{x:{y}}'!s:^10}"
spec = f"{value:{fill}{align}{width}}"
braces = f"{{}} {{{x}}} {x}}}"
lam = lambda a=lambda: 1, *, b=lambda c=2: c: (a, b)
cond = (lambda: 1) if x else (lambda: 2)
chain = a not in b not in c
class Meta(Base, *mixins, metaclass=M, **opts): pass
comp = {k: v for k, v in d.items() if v if k} | {x for x in y if not x}
print(*[1, 2], sep='', end='\n')
rev = s[::-1], s[-1:-3:-1], s[1:-1], t[1:2, ...], t[...]
match = 1; case = 2; type = 3; _ = 4
print(match, case, type, _)

def outer():
    x = 0
    def inner():
        nonlocal x
        global G
        x += 1
        G = x
        return x
    return inner

def stars(*a, **k):
    return *a, *k

try:
    pass
except (A, B):
    pass
else:
    pass

while x:
    x -= 1
else:
    done = True

value = (
    1 +  # one
    2    # two
    # only a comment
)
if x:

    y = 1
    
    z = 2
numbers = [0, 00, 0b0, 0o0, 0x0, 0.0, 0e0, .0, 0., 1_0.0_1e1_0]
strs = ['\'', "\"", '\\', '\x00', '\u1234', '\U00012345', '\1', '\12', '\123', '\n\
x']
d = {
    'key': [
        1,
            2,
    3],
}
def docstring():
    """Docstring with 'quotes' and "quotes" and \t escapes."""
    '''Another string statement.'''
assert isinstance(x, int), f"bad {x!r}"
for i, (a, *b) in enumerate(pairs): pass
[a, [b, *c]] = 1, [2, 3, 4]
x = y = z = [] if a else {}
del x[0], y.z, (w)
x = not not not a
x = - - - a
x = a if b else c if d else e if f else g
