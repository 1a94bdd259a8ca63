# Parallel assignment: the right side is evaluated first, then targets are
# assigned left to right (the VM compiles it without a tuple).
x, x = 1, 2
print(x)
a = [0, 1, 2]
i = 0
a[i], i = 5, 2
print(a, i)
i, a[i] = 1, 9
print(a, i)
p, q = q2, p2 = 3, 4
print(p, q, q2, p2)
[m, n] = (n0, m0) = 7, 8
print(m, n, n0, m0)
def f():
    a, b = 1, 2
    a, b = b, a
    return a, b
print(f())
l = [1]
l[0], l[-1] = l[-1] + 1, l[0] + 10
print(l)
try:
    l[5], z = 1, 2
except IndexError as e:
    print("IndexError", e)
