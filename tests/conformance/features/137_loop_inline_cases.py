# Cases the dispatch loop now makes itself: str comparisons (with
# temporaries), `not` and unary minus, closure variables, and str
# indexing; their errors stay the general path's.
words = ["pear", "apple", "Zebra", "éclair", "apple", "", "ap"]
for a in words:
    row = []
    for b in words[:4]:
        row.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    print(a, row[0], row[3], a + "x" == "applex", (a + "") < "b")
print(sorted(words), min(words), max(words))
flip = False
acc = []
for i in range(6):
    flip = not flip
    acc.append((flip, not i, not None, not "", not [0], -i, -(i - 3)))
print(acc)
print(-(2 ** 47), -(-(2 ** 47)), -True, not 0.0)

def make_counter(start):
    count = start
    step = 2
    def bump():
        return count + step
    gen = (x + count for x in range(3))
    return bump, list(gen)

b, g = make_counter(10)
print(b(), g)

def late():
    def inner():
        return value
    r = []
    try:
        r.append(inner())
    except NameError as e:
        r.append(str(e))
    value = 5
    r.append(inner())
    return r
print(late())

s = "hello"
u = "héllo"
print([s[i] for i in range(-5, 5)], [u[i] for i in range(-5, 5)])
print(s[0] == "h", s[-1] is s[-1], s[1] + s[2])
for t in (s, u):
    try:
        t[5]
    except IndexError as e:
        print("IndexError:", e)
