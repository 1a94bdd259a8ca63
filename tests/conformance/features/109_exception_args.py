# The args of exceptions made with and without __init__ overrides, and
# __init__ called again (tern skips rebuilding an identical args tuple).
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
class F(Exception):
    pass
e = E(1, 2); print(e.args, e.b, str(e))
f = F(1, [2]); print(f.args, repr(f))
g = ValueError(); print(g.args, repr(g))
h = KeyError("k"); print(h.args, str(h))
x = Exception(1, 2); x.__init__(3); print(x.args)
y = Exception(1, 2); y.__init__(1, 2); print(y.args)
