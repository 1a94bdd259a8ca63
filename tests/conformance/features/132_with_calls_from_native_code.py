# `with` statements whose __enter__ and __exit__ jit mode calls directly
# from native code, in loops (so both are compiled by the later rounds).


class Tally:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("in")
        return len(self.log)

    def __exit__(self, kind, value, tb):
        self.log.append("out" if kind is None else "out:" + kind.__name__)
        return kind is KeyError


def rounds(n):
    log = []
    seen = []
    t = Tally(log)
    for i in range(n):
        with t as k:
            seen.append(k)
        with Tally(log):
            if i == 2:
                raise KeyError(i)  # suppressed by __exit__
        with Tally(log) as k2:
            if i == 3:
                break
            seen.append(k2)
    return seen, log


print(rounds(5))


class Strict:
    def __init__(self, fail_enter=False, fail_exit=False):
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit

    def __enter__(self):
        if self.fail_enter:
            raise ValueError("enter")
        return self

    def __exit__(self, *exc):
        if self.fail_exit:
            raise RuntimeError("exit")
        return False


def attempt(**flags):
    try:
        with Strict(**flags) as s:
            return type(s).__name__
    except (ValueError, RuntimeError) as e:
        return f"{type(e).__name__}: {e}"


print([attempt() for _ in range(3)])
print([attempt(fail_enter=True) for _ in range(2)])
print([attempt(fail_exit=True) for _ in range(2)])


def returns_from_with(x):
    with Tally([]) as n:
        return x * n


print([returns_from_with(i) for i in range(4)])

# __exit__ replaced between rounds; then a manager without __exit__.
Tally.__exit__ = lambda self, *exc: self.log.append("patched")
print(rounds(2)[1])
del Tally.__exit__
for _ in range(2):
    try:
        with Tally([]):
            pass
    except TypeError as e:
        print("TypeError:", e)
