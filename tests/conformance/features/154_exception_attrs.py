# Attributes of exception instances: their own fields (args, __cause__,
# __context__, __suppress_context__) and plain attributes set in a loop
# (the store cache), and super() through a chain of classes.
class E(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
        self.args = ("changed", code)
        self.note = "n"

for i in range(3):
    try:
        raise E(i, "m")
    except E as e:
        e.__cause__ = ValueError("c")
        e.__context__ = None
        e.extra = i
        print(e.code, e.args, e.note, e.extra, repr(e.__cause__), e.__suppress_context__, vars(e))
        e.__suppress_context__ = False
        print(e.__suppress_context__, str(e))


class B:
    def f(self):
        return "B.f"


class C(B):
    def f(self):
        return "C.f+" + super().f()


class D(C):
    def f(self):
        return "D.f+" + super().f()


print(D().f(), C().f())
