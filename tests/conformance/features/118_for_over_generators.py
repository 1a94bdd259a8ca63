# `for` loops over generators and other iterators the loop cannot step
# inline: values, exhaustion, errors (with the exception being handled as
# their context), early exits that close the generator, custom iterators.
def count_up(n, fail_at=None):
    try:
        for i in range(n):
            if i == fail_at:
                raise ValueError(f"failed at {i}")
            yield i
        return "done"
    finally:
        print("  count_up cleanup", n)


def total(it):
    s = 0
    for x in it:
        s += x
    return s


print(total(count_up(5)))
try:
    total(count_up(5, fail_at=3))
except ValueError as e:
    print("caught:", e, "| context:", e.__context__)

try:
    raise KeyError("outer")
except KeyError:
    try:
        for x in count_up(4, fail_at=1):
            print("  got", x)
    except ValueError as e:
        print("caught:", e, "| context:", repr(e.__context__))

for x in count_up(10):
    if x == 2:
        print("  breaking at", x)
        break
print("after break")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(total(Countdown(5)), [x * 2 for x in Countdown(3)])


def pipeline(n):
    evens = (x for x in count_up(n) if x % 2 == 0)
    squares = (x * x for x in evens)
    out = []
    for s in squares:
        out.append(s)
    return out


print(pipeline(7))


def nested():
    for i in range(3):
        for j in count_up(i):
            yield (i, j)


print(list(nested()))
