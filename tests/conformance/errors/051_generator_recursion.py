# Chains of `yield from` count towards the recursion limit like calls do:
# a caught RecursionError first, then an uncaught one with its traceback.
def down(n):
    if n == 0:
        raise ValueError("bottom")
    yield from down(n - 1)


try:
    list(down(50))
except ValueError as e:
    print("ValueError", e)


def forever(n):
    yield from forever(n + 1)


try:
    for x in forever(0):
        pass
except RecursionError as e:
    print("RecursionError", e)

print(sum(forever(0)))
