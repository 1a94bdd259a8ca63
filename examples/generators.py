# Lazy generators: an infinite sequence, a pipeline, and yield from.
def naturals():
    n = 0
    while True:
        yield n
        n += 1


def take(n, it):
    for i, x in enumerate(it):
        if i == n:
            return
        yield x


def evens(it):
    yield from (x for x in it if x % 2 == 0)


print(list(take(5, evens(naturals()))))
print(sum(x * x for x in range(10)))
