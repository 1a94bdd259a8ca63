# Types across loop nests: what an inner loop makes a float or an int is
# taken for one at the outer loops' heads too; list items are read inline
# in outer loops; a local a float loop reads is taken for a float in the
# other loops (a guess: ints there must stay ints).


def advance(bodies, dt, steps):
    nb = len(bodies)
    for _ in range(steps):
        for i in range(nb):
            b = bodies[i]
            bx = b[0]
            bm = b[2]
            for j in range(i + 1, nb):
                c = bodies[j]
                dx = bx - c[0]
                mag = dt / (dx * dx + 0.01)
                b[1] -= dx * c[2] * mag
                c[1] += dx * bm * mag
        for b in bodies:
            b[0] += dt * b[1]
    return bodies


def show(bodies):
    for b in bodies:
        print([type(v).__name__ for v in b], [round(v, 9) for v in b])


show(advance([[0.0, 0.0, 1.0], [1.0, 0.5, 0.5], [3.0, -0.25, 0.25]], 0.01, 50))
# An int step and int positions: the float guesses fail, ints stay ints.
show(advance([[0, 0, 1], [1, 0, 2], [3, 0, 1]], 1, 3))
# Mixed: the first body's items are ints, the others floats.
show(advance([[0, 0, 1], [1.5, 0.5, 0.5], [3.0, -0.25, 0.25]], 0.5, 4))


def drift(bodies, dt, steps):
    # dt is read by a float loop (a division), so the other loop takes
    # `dt * b[1]` for float arithmetic: with ints it must stay int.
    w = 0
    for _ in range(steps):
        for k in range(2):
            w += dt / 2
        for b in bodies:
            b[0] += dt * b[1]
    return w, bodies


print(drift([[0, 1], [2, 3]], 2, 5))
print(drift([[0, 1], [2.5, 3]], 2, 5))
print(drift([[0.5, 1.0], [2.5, 3.0]], 0.5, 5))


def nest_with_exits(rows, n):
    # The outer loop reads the list inline; the inner loop leaves its
    # typed code when an int outgrows a machine word, and comes back.
    total = 0
    for k in range(n):
        row = rows[k % len(rows)]
        first = row[0]
        acc = 1
        for j in range(len(row)):
            acc = acc * 1000003 + row[j]
        total += acc % 1000000007 + first
    return total


print(nest_with_exits([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [5, 6], [7]], 40))


def changes_type(n):
    # z is a float when each inner loop ends, then a string for a while.
    out = []
    z = None
    for k in range(n):
        if k == 3:
            z = "three"
            out.append(z)
            continue
        for j in range(k):
            z = j * 0.5
        out.append(z)
    return out


print(changes_type(7))


def empty_inner(n):
    # The inner loop never runs for some outer iterations.
    d = 0
    s = 0.0
    for i in range(n):
        for j in range(i % 3):
            d = j * 1.5
        s += d
    return s, d


print(empty_inner(10))


def rebinds(lists):
    # The list an outer loop reads is rebound in it (not hoisted).
    total = 0
    xs = lists[0]
    for i in range(6):
        total += xs[i % len(xs)]
        for j in range(2):
            total += j
        xs = lists[i % len(lists)]
    return total


print(rebinds([[1, 2, 3], [10, 20], [100]]))
