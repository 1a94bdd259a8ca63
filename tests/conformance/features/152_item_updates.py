# Items read, updated and written back in compiled loops (`b[3] -= …`):
# the store may reuse the item's address only while nothing can change
# the list; here a finalizer grows it in between, an index changes, and
# negative and int items take part.

log = []


class Grows:
    """Its finalizer grows the list being updated (moving its items)."""

    def __init__(self, target):
        self.target = target

    def __del__(self):
        self.target.extend([0.0] * 1000)
        log.append(len(self.target))


def update_with_finalizer(xs):
    for i in range(3):
        v = Grows(xs)
        a = xs[0] + 1.5
        v = a * 2.0          # releases the Grows: xs grows here
        xs[0] = a
    return xs[0], len(xs), v


print(update_with_finalizer([1.0, 2.0]))
print(log)


def updates(bodies, dt, steps):
    for _ in range(steps):
        for b in bodies:
            b[0] += dt * b[1]
            b[-1] -= b[0] * 0.5
            b[1] *= 0.99
    return bodies


print(updates([[0.0, 1.0, 2.0], [1.0, -1.0, 3.0]], 0.1, 20))


def index_changes(xs):
    j = 0
    total = 0.0
    for k in range(4):
        t = xs[j] * 2.0
        j = (j + 1) % len(xs)
        xs[j] = t
        total += t
    return xs, total


print(index_changes([1.0, 2.0, 3.0]))


def ints_and_floats(xs):
    for k in range(5):
        xs[0] += 1
        xs[1] += 0.25
        xs[2] = xs[2] * 3 + xs[0]
    return xs


print(ints_and_floats([1, 1.0, 2]))
print(ints_and_floats([1.0, 1, 2.5]))
