# Pure functions whose parameters meet in arithmetic run a version for int
# arguments and one for anything else; // and % by powers of two.


def add_mul(i, j):
    s = i + j
    return s * (s + 1) // 2 + i


def halves(x, y):
    return x // 2 + y % 4 - x % 1024 + (y // 1) * 3 - x // 64


def mixed(a, b):
    if a < b:
        return a - b
    return a * b


print(add_mul(3, 4), add_mul(-3, 4), add_mul(0, 0))
print(add_mul(1.5, 2), add_mul(2, 0.25), add_mul(True, False))
print(add_mul(2 ** 40, 2 ** 40))
print(add_mul(2 ** 70, 1))
try:
    add_mul(None, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    add_mul("a", "b")
except TypeError as e:
    print("TypeError:", e)

for x in (-1025, -1024, -7, -2, -1, 0, 1, 2, 7, 1023, 1024, 2 ** 46, -(2 ** 46)):
    print(x, halves(x, x), halves(x, -x), x // 2, x % 2, x // 8, x % 8)

print(halves(7.5, -3.25), halves(-7.5, 3.0))
print(mixed(1, 2), mixed(2, 1), mixed(1.5, 2), mixed(3, 0.5), mixed(True, 3))



def loop(lo, hi):
    total = 0
    ftotal = 0.0
    for i in range(lo, hi):
        total += add_mul(i, i + 1) + halves(i, 3 * i)
        total += i // 16 + i % 16 - (i * 7) // 4 + (i * 7) % 4
        ftotal += add_mul(i * 0.5, i)
    return total, ftotal


print(loop(-50, 50))
print(loop(2 ** 46 - 3, 2 ** 46 + 3))

big = 2 ** 47 - 1
print(big // 2, big % 2 ** 46, (-big) // 2 ** 46, (-big) % 2 ** 46)
n = -(2 ** 47)
print(n // 2, n % 2, n // 2 ** 46, n % 2 ** 46)
try:
    print(halves(1, 0) + 1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
