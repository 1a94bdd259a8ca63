# Floats and ints kept unboxed in inner loops and stored when control
# reaches code that reads them some other way: the outer loop's next
# round, a break, an exception, a print.


def grid(n):
    out = []
    z = None
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        for x in range(n):
            zr = 0.0
            zi = 0.0
            i = 0
            while i < 20 and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + (x - 2.0) / n, 2.0 * zr * zi + ci
                i += 1
            z = zr
            out.append(i)
        out.append(round(z, 6))
    return out, z


print(grid(6))


def with_break(n):
    acc = 0.0
    k = 0
    hits = []
    for a in range(n):
        t = 1.0
        j = 0
        while j < 100:
            t = t * 1.5 + a
            j += 1
            if t > 50.0:
                break
        acc += t
        k += j
        hits.append((j, t))
    return acc, k, hits


print(with_break(5))


def raises(n):
    total = 0.0
    for a in range(n):
        x = 1.0
        for b in range(10):
            x = x * 2.0 - b
            if b == a:
                try:
                    x = x / (a - a)
                except ZeroDivisionError:
                    x = -x
        total += x
    return total


print(raises(4))


def mixed_types(n):
    v = 0
    seen = []
    for a in range(n):
        w = 1
        for b in range(4):
            w = w * 3 + b
            if a == 2:
                w = w * 0.5
        v = v + w
        seen.append(v)
    return v, seen


print(mixed_types(4))


def read_outside(n):
    s = 0.0
    for a in range(n):
        f = 0.25
        for b in range(5):
            f = f * 1.25 + 0.5
        s = s + f
        print(a, f, s)
    return s


print(read_outside(3))


def error_after(n):
    q = 1.0
    for a in range(n):
        for b in range(3):
            q = q * 0.5 + a
        if a == 2:
            return q + "x"
    return q


try:
    error_after(5)
except TypeError as e:
    print("TypeError:", e)
