# str + str and += : empty and one-character results, non-ASCII text
# (lengths count characters), results past the inline size, temporaries,
# f-strings, and the TypeError for a non-str operand.
parts = ["", "a", "é", "ka", "☕x", "word " * 20]
for x in parts:
    for y in parts:
        z = x + y
        print(len(z), z[:12], z[-3:], z == "".join([x, y]))
w = ""
for syl in ["ka", "lo", "mi", "ß", "ne"]:
    w += syl
print(w, len(w), w.upper(), w[3:6])
acc = ""
for i in range(40):
    acc += str(i % 10)
print(acc, len(acc))
t = ("a" + "b") + ("c" + "d")
print(t, t + t[::-1])
name = "gamma"
for i in (7, 1234567, -5):
    line = f"{i:>8}|{name:<8}|{name[:3]!r}|{i:,}|é{name}"
    print(line, len(line))
print(f"{''}{''}" == "", f"{'x'}" + "", len(f"{'ü' * 50}{'a' * 50}"))
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    s = "x"
    s += None
except TypeError as e:
    print("TypeError:", e)
