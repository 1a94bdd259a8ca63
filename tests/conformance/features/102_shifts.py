# << and >> on small ints: counts at the edges of the inline paths, negative
# counts, results that leave the 48-bit range.
vals = [0, 1, -1, 5, -5, 2**46, -(2**47), 2**47 - 1, 123456789, -987654321]
for a in vals:
    row = []
    for b in [0, 1, 3, 15, 46, 47, 48, 63, 64, 100]:
        row.append((a << b, a >> b))
    print(a, row)
for a, b in [(1, -1), (-1, -3)]:
    for f in (lambda: a << b, lambda: a >> b):
        try:
            f()
        except ValueError as e:
            print("ValueError:", e)
x = 0
for i in range(1000):
    x = (x * 1103515245 + 12345) % 2147483648
    x ^= (x >> 7) ^ ((x << 3) & 0xFFFF)
print(x, 1.5 if x else 0, True << 2, 3 >> True)
