# for-loops over ranges: steps, bounds, early exits, nesting, shadowing.


def collect(r):
    out = []
    for i in r:
        out.append(i)
    return out


def sums(n):
    total = 0
    for i in range(n):
        total += i
    for i in range(n, 0, -1):
        total -= i
    for i in range(3, n, 4):
        total += i * 2
    return total


def early(n):
    found = -1
    for i in range(n):
        if i * i > 50:
            found = i
            break
    else:
        found = None
    skipped = 0
    for i in range(10):
        if i % 3:
            continue
        skipped += i
    return found, skipped, i


def nested(n):
    count = 0
    for a in range(n):
        for b in range(a):
            if (a + b) % 3 == 0:
                count += a - b
    return count


def rebind_in_body():
    seen = []
    for i in range(5):
        seen.append(i)
        i = 100
    return seen, i


def big_bounds():
    big = 2 ** 60
    out = []
    for i in range(big, big + 3):
        out.append(i - big)
    for i in range(-(2 ** 47) - 2, -(2 ** 47) + 1):
        out.append(i)
    for i in range(0, 2 ** 62, 2 ** 61):
        out.append(i)
    for i in range(5, -2 ** 63, -2 ** 62):
        out.append(i)
    return out


def empty():
    hits = 0
    for i in range(0):
        hits += 1
    for i in range(5, 5):
        hits += 1
    for i in range(3, 8, -1):
        hits += 1
    return hits


def raising(n):
    try:
        for i in range(n):
            if i == 3:
                raise ValueError(i)
    except ValueError as e:
        return "caught", e.args[0], i


def again(n):
    runs = []
    for k in range(3):
        for i in range(k, n):
            if i > k + 1:
                break
            runs.append((k, i))
    return runs


def shadowed(n):
    def range(x):
        return ["a", "b", x]

    out = []
    for i in range(n):
        out.append(i)
    return out


def not_a_range(n):
    total = 0
    for i in [n, n + 1]:
        total += i
    for i in reversed(range(n)):
        total += i
    for ch in "abc":
        total += len(ch)
    return total


print(collect(range(5)), collect(range(10, 0, -3)), collect(range(-3, 3)))
print(sums(10), sums(0), sums(1))
print(early(20), early(3))
print(nested(12))
print(rebind_in_body())
print(big_bounds())
print(empty())
print(raising(10))
print(again(5))
print(shadowed(7))
print(not_a_range(4))
print([i * i for i in range(6)], sum(i for i in range(100)))
