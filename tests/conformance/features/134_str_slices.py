# Slices of str: small-int, bool, huge and None bounds, negative steps,
# ASCII and non-ASCII text, results used as keys and compared.
s = "hello, world"
u = "naïve café ☕ ok"
big = 10 ** 30
for t in (s, u, ""):
    print(repr(t[1:4]), repr(t[:3]), repr(t[3:]), repr(t[-3:]), repr(t[:-3]))
    print(repr(t[True:]), repr(t[:False]), repr(t[-big:big]), repr(t[big:]))
    print(repr(t[::2]), repr(t[::-1]), repr(t[5:1:-1]), repr(t[-1:-5:-2]))
    print(repr(t[2:2]), repr(t[4:2]), repr(t[0:1]), repr(t[len(t) - 1:]))
pieces = [s[i:i + 3] for i in range(0, len(s), 3)]
print(pieces, "".join(pieces) == s)
d = {}
for p in pieces + [s[0:3], s[3:6]]:
    d[p] = d.get(p, 0) + 1
print(sorted(d.items()))
print(s[1:3] == "el", s[1:3] < "em", hash(s[1:3]) == hash("el"), s[7:12].upper())
try:
    s["a":]
except TypeError as e:
    print("TypeError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
