# `except` operands of every shape (a class, a tuple, a nested tuple, and
# ones that are not exception classes), iteration over built-ins and over
# instances, and the small-int operators other than + - * / // %.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n, 0, -1))


class Indexed:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


def catch(exc, spec):
    try:
        try:
            raise exc
        except spec:
            return "caught"
    except TypeError as e:
        return "TypeError: " + str(e)
    except Exception as e:
        return "escaped " + type(e).__name__


print(catch(KeyError("k"), LookupError))
print(catch(KeyError("k"), (ValueError, KeyError)))
print(catch(KeyError("k"), (ValueError, (TypeError, LookupError))))
print(catch(KeyError("k"), ValueError))
print(catch(KeyError("k"), int))
print(catch(KeyError("k"), 42))
print(catch(KeyError("k"), (ValueError, "nope")))
print(catch(KeyError("k"), (KeyError, "nope")))

for src in [[1, 2], (3, 4), "ab", range(2), {"k": 1}, {5}, frozenset([6]),
            Countdown(3), Indexed(), iter([7, 8])]:
    print(list(src), [x for x in src])

try:
    for x in 42:
        pass
except TypeError as e:
    print(e)

for a, b in [(12345, 3), (-12345, 3), (1, 47), (1, 48), (1, 70), (255, 0)]:
    print(a << b, a >> b, a & b, a | b, a ^ b, a ** (b % 5))
x = 5
x <<= 3
x |= 1
x ^= 0xF0
x &= 0x7F
x >>= 1
x **= 2
print(x)
try:
    print(1 >> -1)
except ValueError as e:
    print("ValueError:", e)
print(2 ** -1, (-2) ** 3, 0 ** 0, 7 ** 20)
