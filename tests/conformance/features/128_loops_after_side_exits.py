# Loops that run after another loop of the same call left the JIT's
# typed code: the inner loops must see the right values whatever the
# registers held when they start again (ints, floats, big ints, bools,
# None, objects), in every mode.


def steps(bodies, dt, n):
    # The pair loop does float arithmetic; the position loop over lists
    # leaves the typed code every step.
    for _ in range(n):
        for i in range(len(bodies)):
            b = bodies[i]
            for j in range(i + 1, len(bodies)):
                c = bodies[j]
                d = b[0] - c[0]
                b[1] -= d * dt
                c[1] += d * dt
        for b in bodies:
            b[0] += dt * b[1]
    return bodies


print(steps([[0.0, 1.0], [1.0, -0.5], [2.5, 0.25]], 0.01, 50))
print(steps([[0, 1], [3, -2]], 1, 3))          # ints throughout
print(steps([[0, 1], [3, -2.0]], 1, 3))        # ints and floats


def changing(n):
    # `acc` is an int in the typed loop until it outgrows 48 bits; `x`
    # changes type between the passes of the outer loop.
    acc = 1
    out = []
    x = 0
    for k in range(n):
        for i in range(8):
            acc = acc * 7 + i
            x = x + i
        out.append((k, acc % 1000003, x))
        if k == 2:
            x = 0.5
        elif k == 4:
            x = True
        elif k == 6:
            x = 2 ** 70
        for item in [None, "s", (1,)]:
            out.append(type(item).__name__)
    return acc, out


acc, out = changing(9)
print(acc)
print(out)


def mixed(limit):
    total = 0
    scale = 1
    for rnd in range(4):
        i = 0
        while i < limit:
            total += i * scale
            i += 1
        for word in ["a", "bb", "ccc"]:
            total += len(word)
        scale = scale * 2.5 if rnd == 1 else scale * 3
    return total


print(mixed(10))
print(mixed(1000))


def raising(n):
    # A loop re-entered after an exception was handled in the same call.
    caught = 0
    s = 0.0
    for k in range(n):
        for i in range(5):
            s += i / 2
        try:
            [][k]
        except IndexError:
            caught += 1
    return s, caught


print(raising(6))


def products(xs, ys, n):
    # ints where the typed code expects floats (two unknown operands in a
    # loop with a float constant): its guard fails on every iteration, more
    # often than one call lets the loop be re-entered.
    t = 0.5
    for _ in range(n):
        for i in range(len(xs)):
            t += xs[i] * ys[i] * 1.0
        for s in ["ab"]:
            t += len(s)
    return t


print(products([1, 2, 3, 4, 5], [5, 4, 3, 2, 1], 100))
print(products([1.5, 2.5], [2.0, 0.5], 100))
print(products([1, 2.5, 2 ** 60], [3, 1, 2], 30))
