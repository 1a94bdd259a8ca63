# Int arithmetic around the 48-bit (tern's unboxed ints) and 64-bit
# (machine word) boundaries: every operator, both signs, the one
# overflowing quotient (-2**63 // -1) and shifts that leave the word.
edges = [0, 1, -1, 7, -7, 2**47 - 1, -2**47, 2**47, 2**48 + 3, -2**48 - 5,
         2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64 + 1, 1103515245,
         2147483648, 12345]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b),
    ("*", lambda a, b: a * b), ("//", lambda a, b: a // b),
    ("%", lambda a, b: a % b), ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
]
checksum = 0
for name, f in ops:
    results = []
    for a in edges:
        for b in edges:
            try:
                r = f(a, b)
            except ZeroDivisionError:
                r = "zde"
            results.append(r)
            if isinstance(r, int):
                checksum = (checksum * 31 + r) % 1000000007
    print(name, results[:6], results[-6:], len(results))
print("checksum", checksum)
print(-2**63 // -1, -2**63 % -1, (-2**63) * -1, divmod(-2**63, -1))
for a in (2**47 - 1, 2**62, -2**63, 2**63 - 1):
    print([a << s for s in (0, 1, 16, 47)], [a >> s for s in (0, 1, 47, 63, 64, 200)])
print(2**62 + 2**62, 2**63 - 1 + 1, -2**63 - 1, (2**31) ** 2, 3 ** 40, (-3) ** 39)
state = 12345
for _ in range(1000):
    state = (state * 1103515245 + 12345) % 2147483648
print(state, type(state).__name__)
x = 6364136223846793005
acc = 1
for i in range(50):
    acc = (acc * x + 1442695040888963407) % 2**64
print(acc)
print(2**63 // 2**32, -(2**63) // 3, (2**63 - 1) % 1000, -(2**62) % 7, 2**62 // -1)
