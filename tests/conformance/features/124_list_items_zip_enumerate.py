# List indexing and item stores in loops (the JIT reads and writes list
# items inline), and zip / enumerate / map / dict items stepping.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def indexing(xs):
    out = []
    for i in range(-len(xs), len(xs)):
        out.append(xs[i])
    return out


def stores(n):
    xs = [0] * n
    for i in range(n):
        xs[i] = i * i
    for i in range(1, n + 1):
        xs[-i] += 1
    return xs


def out_of_range(xs, i):
    try:
        return xs[i]
    except IndexError as e:
        return f"IndexError: {e}"


def store_out_of_range(xs, i):
    try:
        xs[i] = 0
    except (IndexError, TypeError) as e:
        return f"IndexError: {e}"
    return xs


def odd_indices(xs):
    results = []
    for k in [True, False, 2 ** 60, -2 ** 60, 2 ** 63 - 1, -2 ** 63, 2 ** 63, -2 ** 63 - 1, 1.0, "0"]:
        try:
            results.append(xs[k])
        except (IndexError, TypeError) as e:
            results.append(f"{type(e).__name__}: {e}")
    return results


def float_sums(rows):
    total = 0.0
    for i in range(len(rows)):
        r = rows[i]
        for j in range(len(r)):
            total += r[j] * r[j - 1]
            r[j] = r[j] * 0.5
    return total


def replace_objects():
    held = [Noisy("a"), Noisy("b")]
    for i in range(2):
        held[i] = Noisy("new" + str(i))
        print("stored", i)
    print("names", [n.name for n in held])
    return len(held)


def index_during_sort():
    data = [3, 1, 2]
    seen = []

    def key(v):
        seen.append(len(data))
        return v

    data.sort(key=key)
    return data, seen


def tuples_and_strings():
    t = (1, 2, 3)
    s = "abc"
    return [t[i] for i in range(-3, 3)] + [s[i] for i in range(3)]


print(indexing([10, 20, 30]))
print(stores(5))
print(out_of_range([1, 2, 3], 3), out_of_range([1, 2, 3], -4), out_of_range([], 0))
print(store_out_of_range([1, 2], 2), store_out_of_range([1, 2], -3), store_out_of_range([1, 2], -2))
print(store_out_of_range([1], 2 ** 62), store_out_of_range([1], 2 ** 64), store_out_of_range([1], 0.0))
print(odd_indices([7, 8, 9]))
print(float_sums([[1.0, 2.0, 3.0], [0.5, 1.5], [4.0]]))
print(replace_objects())
print(index_during_sort())
print(tuples_and_strings())


def numbers(n):
    for i in range(n):
        yield i


def letters():
    yield "x"
    yield "y"
    print("letters exhausted")


print(list(zip(numbers(5), letters())))
print(list(zip(letters(), numbers(5))))
print(list(zip()))
print(list(zip([1, 2, 3])))
print(list(zip([1, 2], (3, 4), "ab", range(2))))
print(list(enumerate("abc")))
print(list(enumerate("abc", start=2 ** 47 - 2)))
print(list(enumerate("abc", start=2 ** 70)))
print(list(enumerate(["p"], start=-5)))
print(list(map(lambda a, b: a * b, [1, 2, 3], numbers(10))))
print(list(map(str, numbers(3))))
print(list({"k": 1, "j": 2}.items()))
for i, (a, b) in enumerate(zip(numbers(3), letters())):
    print(i, a, b)
z = zip([1, 2, 3], [4, 5, 6])
print(next(z), list(z), list(z))
e = enumerate(numbers(2))
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("enumerate exhausted")


def store_during_sort():
    data = [3, 1, 2]

    def key(v):
        try:
            data[0] = 5
            return data[0]
        except IndexError as e:
            print("IndexError", e)
        return v

    data.sort(key=key)
    return data


print(store_during_sort())
