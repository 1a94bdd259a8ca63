# An exception raised inside a generator that a for loop is driving: the
# traceback names the loop's line, then the generator's.


def numbers(limit):
    n = 0
    while True:
        if n == limit:
            raise ValueError(f"stopped at {n}")
        yield n
        n += 1


def consume():
    total = 0
    for x in numbers(3):
        total += x
        print("got", x, total)
    return total


consume()
