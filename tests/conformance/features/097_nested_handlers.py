# A runtime error deep inside nested try/except/finally and with blocks:
# every cleanup runs in order, handlers see the right exception, and
# break/continue/return leave through finally.
class Guard:
    def __init__(self, log, name, swallow=False):
        self.log, self.name, self.swallow = log, name, swallow

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, kind, value, tb):
        self.log.append("exit " + self.name + (" with " + kind.__name__ if kind else ""))
        return self.swallow


def fail(kind):
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][3]
    if kind == "attr":
        return None.nope
    return 1 // 0


def nested(log, depth, kind):
    if depth == 0:
        return fail(kind)
    with Guard(log, "g%d" % depth, swallow=(depth == 3 and kind == "attr")):
        try:
            try:
                return nested(log, depth - 1, kind)
            except ValueError:
                log.append("wrong handler")
            finally:
                log.append("finally %d" % depth)
        except (KeyError, IndexError) as e:
            log.append("caught %s at %d" % (type(e).__name__, depth))
            if depth % 2:
                raise RuntimeError("wrapped at %d" % depth) from e
    return "fell through at %d" % depth


for kind in ["key", "index", "attr", "zero"]:
    log = []
    try:
        print(kind, "->", nested(log, 5, kind))
    except Exception as e:
        print(kind, "raised", type(e).__name__, e, "cause:", repr(e.__cause__))
    for line in log:
        print("  ", line)


def loops():
    out = []
    for i in range(6):
        try:
            try:
                if i == 1:
                    continue
                if i == 4:
                    break
                out.append(i * 10 // (i - 2))
            finally:
                out.append("f%d" % i)
        except ZeroDivisionError:
            out.append("zde")
    while True:
        try:
            return out
        finally:
            out.append("last")


print(loops())
