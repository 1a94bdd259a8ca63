# Strings of many lengths, built by every kind of operation: equal texts
# must compare, hash and look up alike however they were made, and
# non-ASCII text must keep its code points.
def texts(n):
    a = "x" * n
    b = "".join(["x"] * n)
    c = ("x" * (n + 5))[5:]
    d = "x" * (n // 2) + "x" * (n - n // 2)
    e = f"{'x' * n}"
    return [a, b, c, d, e]


for n in [0, 1, 2, 40, 84, 85, 86, 87, 88, 120, 300]:
    ts = texts(n)
    same = all(t == ts[0] for t in ts) and len({hash(t) for t in ts}) == 1
    d = {ts[0]: n}
    print(n, [len(t) for t in ts], same, all(d[t] == n for t in ts))

word = "żółw"
for n in [20, 21, 22, 23, 40, 48, 49, 52]:
    s = word * (n // 4) + "é" * (n % 4)
    t = s + "!"
    print(len(s), len(t), s[-3:], t[-2:], s.upper()[:6], t[::-1][:3])
    print(s == t[:-1], t.count("ó"), t.find("w"), t.rfind("ż"))

parts = ["alpha", "beta", "gamma"] * 12
acc = ""
for p in parts:
    acc += p + "|"
    if len(acc) in (85, 86, 87):
        print("at", len(acc))
print(len(acc), acc[80:95], acc.split("|")[-2], sorted(set(acc.split("|")))[1:])
print(repr("a" * 86)[-4:], repr("a" * 87)[-4:], "q" * 86 < "q" * 87, "r" * 87 > "r" * 86)
