# Edge cases of the inline integer and float paths (48-bit small ints,
# floor division and modulo signs, bitwise ops on negatives, NaN compares).
def ops(a, b):
    out = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b != 0:
        out += [a // b, a % b, a / b]
    out += [a < b, a <= b, a > b, a >= b, a == b, a != b]
    return out


vals = [0, 1, -1, 7, -7, 3, -3, 2**47 - 1, -(2**47), 2**47, 2**46, -(2**46) - 5,
        2**24 + 3, -(2**24) - 1, 10**12, -(10**12)]
for a in vals:
    for b in vals:
        print(a, b, ops(a, b))

fvals = [0.0, -0.0, 1.5, -2.25, 1e308, float("inf"), float("-inf"), float("nan"), 3.0]
for x in fvals:
    for y in fvals:
        r = [x + y, x - y, x * y, x < y, x <= y, x > y, x >= y, x == y, x != y]
        if y != 0:
            r.append(x / y)
        print(x, y, r)

i = 0
total = 0
while i < 100:
    if i % 3 == 0 and not i % 5 == 0:
        total += i * i - i // 2
    elif i > 50 or i < 5:
        total -= i
    i += 1
print(total)
n = 2**46
for k in range(8):
    n = n + n
    print(n, n - 1, -n, n * 3 // 7, n % 1000)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(1.0 / 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
x = 5
x += 2.5
print(x, True + 1, 1 - False, [1] * 3)
