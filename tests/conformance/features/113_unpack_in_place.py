class D:
    def __del__(self):
        print("del")
def f():
    a, b = D(), 1
    a, b = [1, 2]
    print("after")
    t = (1, 2)
    t, u = t
    print(t, u)
    x = [3, 4]
    x, y = x
    print(x, y)
f()
