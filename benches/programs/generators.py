# Generators: a pipeline of generator functions (source, filter, map,
# batching, yield from), generator expressions consumed by sum/max/any,
# and zip/enumerate over generators. Stresses generator suspension and
# resumption and the iteration protocol.
#   usage: generators.py [N]   (default 120000 items)
import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def only(pred, it):
    for x in it:
        if pred(x):
            yield x


def scaled(k, it):
    for x in it:
        yield x * k


def batches(size, it):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def flatten(batches_it):
    for b in batches_it:
        yield from b


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1000003


def main(n):
    pipeline = flatten(batches(7, scaled(3, only(lambda x: x % 3 != 0, numbers(n)))))
    total = 0
    count = 0
    for x in pipeline:
        total += x
        count += 1
    squares = sum(x * x % 1009 for x in range(n))
    big = max(x % 9973 for x in numbers(n))
    found = any(x == n - 1 for x in numbers(n))
    paired = 0
    for i, (a, b) in enumerate(zip(numbers(n), fib_gen())):
        if i % 2:
            paired += a ^ b
    print(
        f"generators n={n}: total={total} count={count} squares={squares} "
        f"max={big} found={found} paired={paired}"
    )


main(int(sys.argv[1]) if len(sys.argv) > 1 else 120000)
