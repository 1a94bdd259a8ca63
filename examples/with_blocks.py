# Context managers: __enter__/__exit__, suppression, and cleanup on errors.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, "after", exc_type.__name__ if exc_type else "success")
        return self.suppress


with Resource("a") as a, Resource("b") as b:
    print("using", a.name, b.name)

with Resource("quiet", suppress=True):
    raise RuntimeError("swallowed")
print("the error was suppressed")

try:
    with Resource("loud"):
        raise RuntimeError("propagates")
except RuntimeError as e:
    print("caught:", e)
