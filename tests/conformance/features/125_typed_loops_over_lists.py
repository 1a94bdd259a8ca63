# Loops that divide or use float constants over list items: the JIT's
# typed copy takes unknown operands of such loops for floats and list
# items for lists, and must leave that guess, with the same results, when
# an item is an int, a big int, a str or an object, or an index misses.


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool of", self.v)
        return self.v > 1


class Num:
    def __init__(self, v):
        self.v = v

    def __sub__(self, other):
        return Num(self.v - other)

    def __rsub__(self, other):
        return Num(other - self.v)

    def __mul__(self, other):
        return Num(self.v * (other.v if isinstance(other, Num) else other))

    def __truediv__(self, other):
        return Num(self.v / other)

    def __repr__(self):
        return f"Num({self.v})"


def spread(xs):
    # Float loop (a division); differences of two list items.
    out = []
    for i in range(1, len(xs)):
        d = xs[i] - xs[i - 1]
        out.append(d * d / 2)
    return out


def scale(xs, k):
    for i in range(len(xs)):
        xs[i] = xs[i] * k + 0.5
    return xs


def pairwise(rows):
    total = 0.0
    for i in range(len(rows)):
        a = rows[i]
        for j in range(len(a)):
            total += a[j] * a[j - 1] / 4.0
    return total


def flags_loop(flags):
    count = 0
    for k in range(len(flags)):
        if flags[k]:
            count += k * 1.0
    return count


def strided(n):
    marks = [True] * n
    for j in range(0, n, 3):
        marks[j] = False
    return sum(1 for m in marks if m)


print(spread([1.0, 4.0, 9.0, 16.0]))
print(spread([1, 4, 9, 16]))
print(spread([1.0, 4, 9.5, 16]))
print(spread([1, 2 ** 60, 3.5]))
print(spread([Num(1), Num(5), Num(6)]))
try:
    print(spread([1.0, "x"]))
except TypeError as e:
    print("TypeError:", e)
print(scale([1.0, 2.0, 3.0], 2.0))
print(scale([1, 2, 3], 2))
print(scale([1.5, 2, 2 ** 70], 3))
print(pairwise([[1.0, 2.0], [3.0, 4.0, 5.0]]))
print(pairwise([[1, 2], [3, 4, 5]]))
print(pairwise([[1.0, 2], (3.0, 4.0)]))
print(flags_loop([True, False, True, True]))
print(flags_loop([1, 0, 2, 0.0, "", "s", None, [], [0]]))
print(flags_loop([Truthy(1), Truthy(2), Truthy(3)]))
print(strided(10), strided(1), strided(0))


def div_loop(xs):
    r = []
    for i in range(len(xs)):
        try:
            r.append(1.0 / xs[i])
        except ZeroDivisionError as e:
            r.append(str(e))
    return r


print(div_loop([2.0, 0.0, 4, 0, -0.5]))


def mutate_while_looping(xs):
    acc = 0.0
    for i in range(len(xs)):
        if i == 1:
            xs.pop()
        try:
            acc += xs[i] / 2
        except IndexError as e:
            return acc, f"IndexError: {e}"
    return acc, None


print(mutate_while_looping([1.0, 2.0, 3.0]))


class Raising:
    def __bool__(self):
        raise RuntimeError("no truth")


def truth_raises(items):
    acc = 0.0
    n = 0
    try:
        for k in range(len(items)):
            n += 1
            acc += k / 2
            if items[k]:
                acc += 100.0
    except RuntimeError as e:
        return f"{e} after n={n} acc={acc}"
    return n, acc


print(truth_raises([True, 1, 0, Raising(), True]))
print(truth_raises([False, True]))
