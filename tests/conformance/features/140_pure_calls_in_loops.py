# Loops that call functions computing on numbers (the JIT's typed loops
# call them without frames): arguments of every kind, results of the
# expected type or not, errors, discarded results, rebinding.


def a(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def half(x):
    return x / 2


def step(x):
    if x > 10:
        return x - 0.5
    return x + 1


def inv(x):
    return 1 / x


def square(x):
    return x * x


def cube(x):
    return x * x * x


def main():
    global square
    n = 30
    v = [1.0] * n
    out = [0.0] * n
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out[i] = s
    print(sum(out))

    t = 0.0
    for k in range(40):
        t += half(k) + half(k * 0.5)
    print(t)

    # Results that are ints on some calls and floats on others.
    u = 0
    for k in range(25):
        u = u + step(k)
    print(u)

    # A call that raises in the middle of a typed loop.
    acc = 0.0
    for k in range(-3, 4):
        try:
            acc += inv(k)
        except ZeroDivisionError as e:
            print("at", k, e)
    print(round(acc, 12))

    # Results discarded, and big ints past 48 bits.
    big = 0
    for k in range(2**20, 2**20 + 40, 7):
        square(k)
        big += cube(k)
    print(big)

    # The function the loop calls is rebound while it runs.
    total = 0
    for k in range(10):
        if k == 5:
            square = cube
        total += square(k)
    print(total)

    # Arguments that are not numbers.
    for x in [3, 2.5, True, None, "ab"]:
        for k in range(2):
            try:
                print(repr(half(x)))
            except TypeError as e:
                print("TypeError:", e)


main()
