# Locals an inner loop assigns numbers to, entered holding something else:
# unbound, None, a str, a list (whose reference the loop's first
# assignment drops), an int where the loop makes floats, a float where it
# makes ints, a big int; loops whose first round runs some other way, and
# whose values are read after the loop, after a break and in a handler.
import math


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def pairs(points, dt):
    out = []
    for i in range(len(points)):
        b = points[i]
        for j in range(i + 1, len(points)):
            c = points[j]
            dx = b[0] - c[0]
            dy = b[1] - c[1]
            d2 = dx * dx + dy * dy
            mag = dt / (d2 * math.sqrt(d2))
            b[2] -= dx * mag
            c[2] += dy * mag
        out.append(round(b[2], 9))
    return out


print(pairs([[0.0, 0.0, 1.0], [1.0, 2.0, 0.5], [3.0, -1.0, 0.25], [2.5, 2.5, 0.0]], 0.01))


def entered_with(start, n):
    d = start
    total = 0.0
    for k in range(3):
        for j in range(n):
            d = j * 0.5 + k
            total += d
    return d, total


print(entered_with(None, 4))
print(entered_with("text", 3))
print(entered_with(7, 2))
print(entered_with(2.5, 0))
print(entered_with([1, 2], 1))


def dropped_on_first_assignment():
    x = Noisy("x")
    for i in range(3):
        x = i * 1.5
    print("after loop", x)


dropped_on_first_assignment()


def ints_then_floats(n):
    v = 0.5
    s = 0
    for k in range(2):
        i = 0
        while i < n:
            v = i * 3
            s += v
            i += 1
        v = v / 2
    return v, s


print(ints_then_floats(5))
print(ints_then_floats(0))


def grows_big(n):
    x = 1
    for k in range(2):
        for j in range(n):
            x = x * 1000 + j
    return x


print(grows_big(5))


def read_after_break(limit):
    found = None
    for r in range(3):
        for j in range(10):
            found = j * 0.25 + r
            if found > limit:
                break
        print("round", r, found)
    return found


print(read_after_break(1.6))


def read_in_handler(values):
    acc = "start"
    for v in values:
        try:
            for j in range(3):
                acc = j * 2.0 / v
        except ZeroDivisionError:
            print("handler sees", acc)
    return acc


print(read_in_handler([1, 2, 0, 4]))


def continue_edges(n):
    w = "w"
    hits = 0
    for r in range(2):
        for j in range(n):
            w = j * 0.5
            if j % 2:
                continue
            hits += 1
    return w, hits


print(continue_edges(5))


def loop_variables(n):
    # The loop variable is taken for an int at the head: unbound, a str
    # or left alone by a loop that runs no round.
    seen = []
    j = "before"
    for r in range(3):
        for j in range(r, n):
            seen.append(j)
        seen.append(j)
    for k in range(0):
        pass
    j = "kept"
    for j in range(5, 5):
        seen.append("never")
    seen.append(j)
    return seen


print(loop_variables(3))


def repeated_then_counted(limit):
    # A list repeated by an int before the loops (not an int product).
    flags = [True] * (limit + 1)
    line = "-" * 3
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [k for k in range(limit + 1) if flags[k]], line


print(repeated_then_counted(30))


# A counted loop in the module body (its `range` is a name lookup).
acc = 0
for i in range(50):
    acc = (acc * 3 + i) % 1009
print(acc, i)
