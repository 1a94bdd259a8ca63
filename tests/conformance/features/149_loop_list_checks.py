# Lists a loop reads and stores items of, checked once on the way into
# the loop: a tuple where a list was, two names for
# one list, an index out of range, negative indices, a loop at the start
# of a function, and lists rebound inside the loop.


def fill(xs, n, value):
    for j in range(n):
        xs[j] = value + j
    return xs


print(fill([0] * 4, 4, 10))
try:
    fill((0, 0, 0), 3, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    fill([0, 0], 3, 5)
except IndexError as e:
    print("IndexError:", e)


def aliases(n):
    a = [0] * n
    b = a
    for k in range(n):
        a[k] = k * k
        b[-1 - k] += 1
    return a


print(aliases(5))


def countdown(a, n):
    while n > 0:
        a[n - 1] = n * 2
        n -= 1
    return a


print(countdown([0, 0, 0, 0], 4))


def rebound(rows):
    total = 0
    for i in range(len(rows)):
        row = rows[i]
        for j in range(len(row)):
            total += row[j] * (j + 1)
            row[j] = -row[j]
    return total, rows


print(rebound([[1, 2], [3, 4, 5], []]))


def mixed_items(xs):
    s = 0.0
    for j in range(len(xs)):
        s += xs[j] * 0.5
    return s


print(mixed_items([1.0, 2.0, 3.0]))
print(mixed_items([1, 2.5, 3]))
try:
    print(mixed_items([1.0, "x"]))
except TypeError as e:
    print("TypeError:", e)


def rows_of_lists(rows, n):
    # Typed loops inside a loop over a list (not a counted one), and over
    # what a function returns: a range, then a list.
    t = 0
    for row in rows:
        for k in range(n):
            t += row[k] * (k + 1)
    return t


def numbers(n, as_list):
    return list(range(n)) if as_list else range(n)


def over_results(n):
    seen = []
    for flag in [False, True]:
        for x in numbers(n, flag):
            seen.append(x * 2)
    return seen


print(rows_of_lists([[1, 2, 3], [4, 5, 6], [7, 8, 9]], 3))
print(rows_of_lists([[1.5, 2, 3], [4, 5, 6.5]], 2))
print(over_results(3))


def changing_length(n):
    # Ordinary instructions in the loop change the list's length and
    # items: each access reads them again.
    xs = [0] * 3
    out = []
    for k in range(n):
        xs.append(k)
        xs[k] = xs[-1] * 10
        if k % 3 == 2:
            xs.pop(0)
        out.append(xs[k % len(xs)])
    xs.clear()
    try:
        for k in range(2):
            xs[k] = 1
    except IndexError as e:
        out.append(str(e))
    return out


print(changing_length(7))
